#include "TeamConnectionTester.h"

#include "TeamConnection.h"
#include "TeamPusher.h"
#include "TeamSchema.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

namespace {

bool mentions(const QString &text, const char *words)
{
    return text.contains(QLatin1String(words), Qt::CaseInsensitive);
}

TeamConnectionTester::Result resultOf(TeamConnectionTester::Problem problem, const QString &message,
                                      const QString &serverText = QString())
{
    TeamConnectionTester::Result result;
    result.problem = problem;
    result.message = message;
    result.serverText = serverText;
    return result;
}

} // namespace

TeamConnectionTester::TeamConnectionTester(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<TeamConnectionTester::Result>();
}

TeamConnectionTester::~TeamConnectionTester()
{
    // A running test's thread finishes on its own (within the connect timeout) and deletes itself;
    // its answer is dropped (see test()).
}

void TeamConnectionTester::test(const TeamServerConfig &config, const QString &workstationId)
{
    m_running = true;
    QPointer<TeamConnectionTester> self(this);
    QThread *thread = QThread::create([self, config, workstationId]() {
        const Result result = testNow(config, workstationId);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, result]() {
                if (!self)
                    return;
                self->m_running = false;
                emit self->finished(result);
            },
            Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("TeamConnectionTester"));
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

TeamConnectionTester::Problem TeamConnectionTester::classifyConnectionError(const QString &text)
{
    // libpq's words (English unless its messages are translated); the order matters: a TLS failure
    // also says "connection to server ... failed".
    if (mentions(text, "password authentication failed") || mentions(text, "no password supplied") ||
        mentions(text, "authentication failed for user"))
        return Problem::WrongPassword;
    if (mentions(text, "does not exist") && mentions(text, "database"))
        return Problem::DatabaseMissing;
    if (mentions(text, "pg_hba.conf"))
        return Problem::NotAllowed;
    if (mentions(text, "SSL") || mentions(text, "certificate") || mentions(text, "sslrootcert"))
        return Problem::TlsFailed;
    if (mentions(text, "Connection refused") || mentions(text, "could not translate host name") ||
        mentions(text, "timeout expired") || mentions(text, "No route to host") ||
        mentions(text, "Network is unreachable") || mentions(text, "could not connect") ||
        mentions(text, "No such file or directory"))
        return Problem::HostUnreachable;
    return Problem::Other;
}

TeamConnectionTester::Result TeamConnectionTester::testNow(const TeamServerConfig &config,
                                                           const QString &workstationId)
{
    if (!config.isComplete())
        return resultOf(Problem::Incomplete, tr("Fill in the team server's host, database and user."));
    if (!TeamConnection::driverAvailable())
        return resultOf(Problem::DriverMissing, tr("Qt's PostgreSQL driver is not installed on this computer "
                                                   "(package libqt6sql6-psql)."));
    TeamConnection connection(config);
    if (!connection.open()) {
        const QString said = connection.errorString();
        const QString where = QStringLiteral("%1:%2").arg(config.host).arg(config.port);
        switch (classifyConnectionError(said)) {
        case Problem::WrongPassword:
            return resultOf(
                Problem::WrongPassword,
                tr("The team server refused the user name or password for \"%1\".").arg(config.user), said);
        case Problem::DatabaseMissing:
            return resultOf(Problem::DatabaseMissing,
                            tr("The team server has no database \"%1\".").arg(config.database), said);
        case Problem::NotAllowed:
            return resultOf(
                Problem::NotAllowed,
                tr("The team server does not accept this user from this computer: its pg_hba.conf "
                   "needs an entry for it (see docs/TEAM.md)."),
                said);
        case Problem::TlsFailed:
            return resultOf(Problem::TlsFailed,
                            tr("The encrypted connection to %1 failed (TLS mode \"%2\"): check the server's "
                               "TLS set-up and the CA file.")
                                .arg(where, TeamTlsModes::toText(config.tls)),
                            said);
        case Problem::HostUnreachable:
            return resultOf(Problem::HostUnreachable,
                            tr("The team server %1 cannot be reached: check the host, the port and the "
                               "network.")
                                .arg(where),
                            said);
        default:
            return resultOf(Problem::Other,
                            tr("The team server did not let this workstation in: %1").arg(said), said);
        }
    }

    QSqlDatabase db = connection.database();
    // Rights first: they need no table, and an account without them may not even read the version.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT pg_has_role(session_user, 'cpadesk_operator', 'MEMBER'),"
                                   " pg_has_role(session_user, 'cpadesk_manager', 'MEMBER'),"
                                   " has_database_privilege(current_database(), 'CREATE') AND "
                                   "has_schema_privilege('public', 'CREATE')")) ||
        !query.next())
        return resultOf(Problem::MissingPrivileges,
                        tr("The team database has no CPA Desk roles (cpadesk_operator, cpadesk_manager): ask "
                           "your IT to create them (see docs/TEAM.md)."),
                        query.lastError().text());
    const bool isOperator = query.value(0).toBool();
    const bool isManager = query.value(1).toBool();
    const bool mayInstall = query.value(2).toBool();
    if (!isOperator && !isManager && !mayInstall)
        return resultOf(Problem::MissingPrivileges,
                        tr("\"%1\" may not use the team's leads: ask your IT to grant it the role "
                           "cpadesk_operator (operators) or cpadesk_manager (managers).")
                            .arg(config.user));
    QString error;
    const int version = TeamSchema::storedVersion(db, &error);
    if (version < 0)
        return resultOf(Problem::Other, tr("The team database could not be read: %1").arg(error), error);
    if (version > TeamSchema::CurrentVersion)
        return resultOf(
            Problem::SchemaNewer,
            tr("The team database was set up by a newer version of CPA Desk (schema %1, this version "
               "knows %2): update CPA Desk on this workstation.")
                .arg(version)
                .arg(TeamSchema::CurrentVersion));

    if (version == 0) {
        if (!mayInstall)
            return resultOf(
                Problem::SchemaMissing,
                tr("The team database has no CPA Desk tables yet, and \"%1\" may not create them: ask "
                   "your IT to run CPA Desk once with the database owner's account.")
                    .arg(config.user));
        return resultOf(Problem::None,
                        tr("Connected. The team database is empty: this account will set it up "
                           "when sharing starts."));
    }
    if (version < TeamSchema::CurrentVersion) {
        // Upgrading changes the tables (indexes, policies): only their owner may (TeamSchema::prepare).
        const QString owner = TeamSchema::ownerName(db);
        if (!TeamSchema::mayUpgrade(db))
            return resultOf(Problem::SchemaOlder,
                            tr("The team database is at schema version %1; this version of CPA Desk needs %2 "
                               "and upgrades it when it connects with the account that owns the tables "
                               "(\"%3\"), which \"%4\" is not. Ask your IT to run CPA Desk once with that "
                               "account; until then this workstation's leads wait on it.")
                                .arg(version)
                                .arg(TeamSchema::CurrentVersion)
                                .arg(owner, config.user));
        return resultOf(
            Problem::None,
            tr("Connected. The team database is at schema version %1: this account will upgrade it "
               "to %2 when sharing starts.")
                .arg(version)
                .arg(TeamSchema::CurrentVersion));
    }
    if (!isOperator) {
        if (isManager)
            return resultOf(Problem::None, tr("Connected as a manager: the team's leads can be read."));
        return resultOf(Problem::None, tr("Connected. This account is not an operator's: it reads the team's "
                                          "leads and shares none of this workstation's."));
    }
    if (!workstationId.isEmpty()) {
        const Problem taken = workstationRegistration(db, workstationId, &error);
        if (taken == Problem::WorkstationOfAnotherLogin)
            return resultOf(taken, TeamPusher::workstationOfAnotherLogin(workstationId, config.user));
        if (taken != Problem::None)
            return resultOf(taken, tr("The team database could not be read: %1").arg(error), error);
    }
    return resultOf(Problem::None, tr("Connected: this workstation's leads can be shared."));
}

TeamConnectionTester::Problem
TeamConnectionTester::workstationRegistration(QSqlDatabase &db, const QString &workstationId, QString *error)
{
    // Row-level security shows an operator's login only its own workstations: one not seen is either
    // free or another login's. An insert that would take it tells which, and is rolled back.
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM workstations WHERE workstation_id = ?)"));
    query.addBindValue(workstationId);
    if (!query.exec() || !query.next()) {
        *error = query.lastError().text();
        return Problem::Other;
    }
    if (query.value(0).toBool())
        return Problem::None;
    query.finish();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return Problem::Other;
    }
    query.prepare(QStringLiteral("INSERT INTO workstations (workstation_id) VALUES (?)"
                                 " ON CONFLICT (workstation_id) DO NOTHING"));
    query.addBindValue(workstationId);
    const bool inserted = query.exec();
    const int rows = query.numRowsAffected();
    *error = query.lastError().text();
    query.finish();
    db.rollback();
    if (!inserted)
        return Problem::Other;
    return rows == 1 ? Problem::None : Problem::WorkstationOfAnotherLogin;
}

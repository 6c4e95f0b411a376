#include "TeamCatchUpMark.h"

#include "TeamLog.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

TeamCatchUpMark::TeamCatchUpMark()
    : m_connectionName(QStringLiteral("cpadesk-teamcatchup-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

TeamCatchUpMark::~TeamCatchUpMark()
{
    close();
}

bool TeamCatchUpMark::fail(const QString &error)
{
    m_error = error;
    qCWarning(lcTeam) << "team catch-up mark:" << m_error;
    return false;
}

bool TeamCatchUpMark::open(const QString &journalFilePath)
{
    close();
    if (!QFileInfo::exists(journalFilePath))
        return fail(QCoreApplication::translate("TeamChangeFeed", "The journal %1 does not exist")
                        .arg(journalFilePath));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(journalFilePath);
    // The journal's own connections write at the same time: wait for their locks.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return fail(db.lastError().text());
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'team_catchup'")) ||
        !query.next())
        return fail(query.lastError().isValid() ? query.lastError().text()
                                                : QStringLiteral("the journal is older than schema 7"));
    return true;
}

void TeamCatchUpMark::close()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

qint64 TeamCatchUpMark::watermark(const QString &profileId, const QString &server, const QString &account)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "SELECT watermark FROM team_catchup WHERE profile_id = ? AND server = ? AND account = ?"));
    query.addBindValue(profileId);
    query.addBindValue(server);
    query.addBindValue(account);
    if (!query.exec()) {
        fail(query.lastError().text());
        return -1;
    }
    return query.next() ? query.value(0).toLongLong() : -1;
}

bool TeamCatchUpMark::store(const QString &profileId, const QString &server, const QString &account,
                            qint64 watermark)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "INSERT INTO team_catchup (profile_id, server, account, watermark) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (profile_id) DO UPDATE SET watermark = CASE"
        "  WHEN team_catchup.server = excluded.server AND team_catchup.account = excluded.account"
        "  THEN max(team_catchup.watermark, excluded.watermark) ELSE excluded.watermark END,"
        " server = excluded.server, account = excluded.account"));
    query.addBindValue(profileId);
    query.addBindValue(server);
    query.addBindValue(account);
    query.addBindValue(watermark);
    if (!query.exec())
        return fail(query.lastError().text());
    m_error.clear();
    return true;
}

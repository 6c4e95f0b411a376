#include "TeamFixture.h"
#include "team/TeamConnection.h"
#include "team/TeamConnectionTester.h"
#include "team/TeamSchema.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

using Problem = TeamConnectionTester::Problem;

// "Test team server": each thing that can be wrong, produced for real on the test's PostgreSQL, named in
// words, and never with the password in them.
class TestTeamConnectionTester : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void incompleteSettings();
    void hostUnreachable();
    void wrongPassword();
    void databaseMissing();
    void tlsRequiredButServerHasNone();
    void tlsModesAgainstAServerWithTls();
    void schemaMissingForAnOperator();
    void emptyDatabaseIsFineForItsOwner();
    void missingPrivileges();
    void schemaNewerThanThisVersion();
    void operatorAndManagerPass();
    void answersFromItsThread();
    void olderSchemaSaysItsVersion();
    void workstationOfAnotherLogin();
    void ownerReadsWithoutSharing();

private:
    void expect(const TeamServerConfig &config, Problem problem, const char *words);
    void installSchema();
    // The schema as an older CPA Desk left it: steps 1..`version`, by the owner.
    void installSchemaAt(int version);
    int serverCount(const QString &sql);
    TeamFixture m_team;
};

void TestTeamConnectionTester::initTestCase()
{
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
    QVERIFY2(m_team.server().createLoginRole(QStringLiteral("stranger"),
                                             TeamFixture::passwordOf(QStringLiteral("stranger"))),
             qPrintable(m_team.errorString()));
}

void TestTeamConnectionTester::init()
{
    QVERIFY2(m_team.recreateDatabase(), qPrintable(m_team.errorString()));
}

void TestTeamConnectionTester::installSchema()
{
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY(owner.open());
    QSqlDatabase db = owner.database();
    QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
}

void TestTeamConnectionTester::expect(const TeamServerConfig &config, Problem problem, const char *words)
{
    const TeamConnectionTester::Result result = TeamConnectionTester::testNow(config);
    QVERIFY2(result.problem == problem,
             qPrintable(QStringLiteral("%1 (server: %2)").arg(result.message, result.serverText)));
    QVERIFY2(result.message.contains(QLatin1String(words)), qPrintable(result.message));
    QCOMPARE(result.ok(), problem == Problem::None);
    if (!config.password.isEmpty()) {
        QVERIFY(!result.message.contains(config.password));
        QVERIFY(!result.serverText.contains(config.password));
    }
}

void TestTeamConnectionTester::incompleteSettings()
{
    TeamServerConfig config = m_team.config(TeamFixture::operatorA());
    config.database.clear();
    expect(config, Problem::Incomplete, "Fill in");
}

void TestTeamConnectionTester::hostUnreachable()
{
    // A port nobody listens on.
    int port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    TeamServerConfig config = m_team.config(TeamFixture::operatorA());
    config.port = port;
    expect(config, Problem::HostUnreachable, "cannot be reached");
}

void TestTeamConnectionTester::wrongPassword()
{
    TeamServerConfig config = m_team.config(TeamFixture::operatorA());
    config.password = QStringLiteral("not-her-password-1234");
    expect(config, Problem::WrongPassword, "refused the user name or password");
}

void TestTeamConnectionTester::databaseMissing()
{
    expect(m_team.config(TeamFixture::operatorA(), QStringLiteral("no_such_db")), Problem::DatabaseMissing,
           "no database \"no_such_db\"");
}

void TestTeamConnectionTester::tlsRequiredButServerHasNone()
{
    TeamServerConfig config = m_team.config(TeamFixture::operatorA());
    config.tls = TeamTlsMode::Require;
    expect(config, Problem::TlsFailed, "encrypted connection");
}

void TestTeamConnectionTester::tlsModesAgainstAServerWithTls()
{
    PostgresServer tlsServer;
    QVERIFY2(tlsServer.enableTls(), qPrintable(tlsServer.errorString()));
    QVERIFY2(tlsServer.start(), qPrintable(tlsServer.errorString()));
    QVERIFY(tlsServer.exec({QStringLiteral("CREATE ROLE cpadesk_operator NOLOGIN"),
                            QStringLiteral("CREATE ROLE cpadesk_manager NOLOGIN")}));
    TeamServerConfig config;
    config.host = QStringLiteral("localhost"); // the name in the server's certificate
    config.port = tlsServer.port();
    config.database = QStringLiteral("postgres");
    config.user = PostgresServer::superUser();
    config.password = PostgresServer::superPassword();

    config.tls = TeamTlsMode::Require;
    expect(config, Problem::None, "Connected");
    config.tls = TeamTlsMode::VerifyFull;
    config.caFile = tlsServer.caFile();
    expect(config, Problem::None, "Connected");
    // The session really is encrypted.
    {
        TeamConnection connection(config);
        QVERIFY(connection.open());
        QSqlQuery query(connection.database());
        QVERIFY(query.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) &&
                query.next());
        QVERIFY(query.value(0).toBool());
    }
    // A certificate the CA file did not sign is refused.
    config.caFile = tlsServer.otherCaFile();
    expect(config, Problem::TlsFailed, "encrypted connection");
}

void TestTeamConnectionTester::schemaMissingForAnOperator()
{
    expect(m_team.config(TeamFixture::operatorA()), Problem::SchemaMissing, "no CPA Desk tables");
}

void TestTeamConnectionTester::emptyDatabaseIsFineForItsOwner()
{
    expect(m_team.config(TeamFixture::ownerUser()), Problem::None, "will set it up");
    // The test changed nothing.
    QCOMPARE(m_team.server()
                 .value(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
                        TeamFixture::databaseName())
                 .toInt(),
             0);
}

void TestTeamConnectionTester::missingPrivileges()
{
    installSchema();
    expect(m_team.config(QStringLiteral("stranger")), Problem::MissingPrivileges, "cpadesk_operator");
}

void TestTeamConnectionTester::schemaNewerThanThisVersion()
{
    installSchema();
    QVERIFY(m_team.server().exec({QStringLiteral("UPDATE cpadesk_schema SET version = 42")},
                                 TeamFixture::databaseName()));
    expect(m_team.config(TeamFixture::operatorA()), Problem::SchemaNewer, "newer version of CPA Desk");
}

void TestTeamConnectionTester::operatorAndManagerPass()
{
    installSchema();
    expect(m_team.config(TeamFixture::operatorA()), Problem::None, "leads can be shared");
    expect(m_team.config(TeamFixture::manager()), Problem::None, "as a manager");
}

void TestTeamConnectionTester::answersFromItsThread()
{
    installSchema();
    TeamConnectionTester tester;
    QSignalSpy finished(&tester, &TeamConnectionTester::finished);
    tester.test(m_team.config(TeamFixture::operatorA()));
    QVERIFY(tester.isRunning());
    QVERIFY(finished.isEmpty()); // never from inside the call
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QVERIFY(finished.at(0).at(0).value<TeamConnectionTester::Result>().ok());
    QVERIFY(!tester.isRunning());
}

void TestTeamConnectionTester::installSchemaAt(int version)
{
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY(owner.open());
    QSqlDatabase db = owner.database();
    QVERIFY(db.transaction());
    QSqlQuery query(db);
    for (int step = 1; step <= version; ++step) {
        for (const QString &statement : TeamSchema::stepStatements(step))
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
    }
    QVERIFY(query.exec(QStringLiteral("UPDATE cpadesk_schema SET version = %1").arg(version)));
    QVERIFY(db.commit());
}

int TestTeamConnectionTester::serverCount(const QString &sql)
{
    const QVariant value = m_team.server().value(sql, TeamFixture::databaseName());
    return value.isValid() ? value.toInt() : -1;
}

void TestTeamConnectionTester::olderSchemaSaysItsVersion()
{
    for (int version = 1; version < TeamSchema::CurrentVersion; ++version) {
        QVERIFY2(m_team.recreateDatabase(), qPrintable(m_team.errorString()));
        installSchemaAt(version);
        const QString at = QStringLiteral("at schema version %1").arg(version);
        const QString needs = QStringLiteral("needs %1").arg(TeamSchema::CurrentVersion);
        for (const QString &user : {TeamFixture::operatorA(), TeamFixture::manager()}) {
            const TeamConnectionTester::Result result = TeamConnectionTester::testNow(m_team.config(user));
            QVERIFY2(result.problem == Problem::SchemaOlder, qPrintable(result.message));
            QVERIFY2(result.message.contains(at) && result.message.contains(needs) &&
                         result.message.contains(QStringLiteral("\"%1\"").arg(TeamFixture::ownerUser())),
                     qPrintable(result.message));
            QVERIFY2(!result.message.contains(QLatin1String("empty")) &&
                         !result.message.contains(QLatin1String("no CPA Desk tables")),
                     qPrintable(result.message));
        }
        const TeamConnectionTester::Result owner =
            TeamConnectionTester::testNow(m_team.config(TeamFixture::ownerUser()));
        QVERIFY2(owner.ok(), qPrintable(owner.message));
        QVERIFY2(
            owner.message.contains(at) &&
                owner.message.contains(QStringLiteral("upgrade it to %1").arg(TeamSchema::CurrentVersion)),
            qPrintable(owner.message));
        QVERIFY2(!owner.message.contains(QLatin1String("empty")), qPrintable(owner.message));
        // Testing upgraded nothing.
        QCOMPARE(serverCount(QStringLiteral("SELECT version FROM cpadesk_schema")), version);
    }
}

void TestTeamConnectionTester::workstationOfAnotherLogin()
{
    installSchema();
    QVERIFY(m_team.server().exec({QStringLiteral("INSERT INTO workstations (workstation_id, db_user)"
                                                 " VALUES ('ws-shared', 'operator_anna')")},
                                 TeamFixture::databaseName()));
    const QString workstation = QStringLiteral("ws-shared");
    const TeamConnectionTester::Result boris =
        TeamConnectionTester::testNow(m_team.config(TeamFixture::operatorB()), workstation);
    QVERIFY2(boris.problem == Problem::WorkstationOfAnotherLogin, qPrintable(boris.message));
    QVERIFY2(boris.message.contains(QLatin1String("registered at the team server under another login")) &&
                 boris.message.contains(workstation) && boris.message.contains(TeamFixture::operatorB()),
             qPrintable(boris.message));
    QVERIFY(!boris.message.contains(QLatin1String("can be shared")));
    // Its own login, a workstation nobody registered yet, and a manager's login are fine.
    expect(m_team.config(TeamFixture::operatorA()), Problem::None, "leads can be shared");
    QVERIFY(TeamConnectionTester::testNow(m_team.config(TeamFixture::operatorA()), workstation).ok());
    QVERIFY(TeamConnectionTester::testNow(m_team.config(TeamFixture::operatorB()), QStringLiteral("ws-new"))
                .ok());
    QVERIFY(TeamConnectionTester::testNow(m_team.config(TeamFixture::manager()), workstation).ok());
    // Testing registered nothing.
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM workstations")), 1);
}

void TestTeamConnectionTester::ownerReadsWithoutSharing()
{
    installSchema();
    expect(m_team.config(TeamFixture::ownerUser()), Problem::None, "not an operator's");
}

QTEST_GUILESS_MAIN(TestTeamConnectionTester)
#include "tst_teamconnectiontester.moc"

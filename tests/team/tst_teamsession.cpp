// Team sharing wired into the application (issue 19): the real MainWindow over a real AppSession in
// sandbox mode sends leads to the in-process sandbox, and the test's own PostgreSQL receives them: read
// back with SQL. With the team server stopped the leads are still sent, and they reach it once after it
// comes back.
#include "../e2e/E2eApp.h"
#include "MainWindow.h"
#include "TeamFixture.h"
#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "leads/Lead.h"
#include "session/TeamSession.h"
#include "settings/CredentialStore.h"
#include "settings/ProfileStore.h"
#include "sync/LeadGateway.h"
#include "team/TeamConnection.h"
#include "team/TeamSchema.h"
#include "team/TeamSettings.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace {

Lead leadWithPhone(int index)
{
    Lead lead;
    lead.offer = QStringLiteral("217");
    // 7902xxxxxxx: a phone per lead (the sandbox answers "duplicate" to a phone seen within a day).
    lead.phone = QStringLiteral("7902") + QStringLiteral("%1").arg(index, 7, 10, QLatin1Char('0'));
    lead.ip = QStringLiteral("12.34.56.78");
    lead.name = QStringLiteral("Team Customer");
    lead.country = QStringLiteral("ru");
    return lead;
}

int addRequestsReceived(Sandbox *sandbox)
{
    int count = 0;
    const QList<SandboxRequest> requests = sandbox->receivedRequests();
    for (const SandboxRequest &request : requests) {
        if (request.path == "/ext/add.json")
            ++count;
    }
    return count;
}

} // namespace

class TestTeamSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void withoutATeamServerNothingRuns();
    void sentLeadsReachTheTeamServer();
    void aStoppedTeamServerNeitherBlocksSendingNorLosesLeads();
    void switchingProfileStopsSharing();
    void sharingTurnedOffStopsNotingChanges();
    void aSilentTeamServerNeverHoldsUpTheApp();

private:
    // Starts the app with the sandbox profile sharing with the team database as `user`.
    void startSharing(const QString &user, int port = 0);
    int serverLeads(const QString &where = QString());
    QString account() const;
    int journalCount(const QString &sql);

    std::unique_ptr<TestEnvironment> m_env;
    TeamFixture m_team;
    std::unique_ptr<E2eApp> m_app;
};

void TestTeamSession::initTestCase()
{
    m_env = std::make_unique<TestEnvironment>();
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
}

void TestTeamSession::init()
{
    QVERIFY2(m_team.recreateDatabase(), qPrintable(m_team.errorString()));
    // IT's first run with the owner's account installs the schema (docs/TEAM.md); operators then share.
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY2(owner.open(), qPrintable(owner.errorString()));
    QSqlDatabase db = owner.database();
    QCOMPARE(TeamSchema::prepare(db).outcome, TeamSchema::Outcome::Ready);
    m_app = std::make_unique<E2eApp>();
}

void TestTeamSession::cleanup()
{
    m_app.reset();
    if (!m_team.server().isRunning())
        QVERIFY2(m_team.server().start(), qPrintable(m_team.errorString()));
}

QString TestTeamSession::account() const
{
    return TeamSettings::accountOf(m_app->session()->activeProfile());
}

int TestTeamSession::serverLeads(const QString &where)
{
    const QString sql = QStringLiteral("SELECT count(*) FROM leads WHERE account = '%1'%2")
                            .arg(account(), where.isEmpty() ? QString() : QStringLiteral(" AND ") + where);
    const QVariant value = m_team.server().value(sql, TeamFixture::databaseName());
    return value.isValid() ? value.toInt() : -1;
}

void TestTeamSession::startSharing(const QString &user, int port)
{
    AppSession *session = m_app->session();
    QVERIFY(session->openSettings());
    const TeamServerConfig server = m_team.config(user);
    TeamProfileSettings team;
    team.enabled = true;
    team.host = server.host;
    team.port = port > 0 ? port : server.port;
    team.database = server.database;
    team.user = server.user;
    team.tls = server.tls;
    team.operatorName = QStringLiteral("Anna Petrova");
    QVERIFY(session->teamSettings()->setProfile(ProfileStore::sandboxProfileId(), team));
    bool written = false;
    CredentialJob *job = session->credentials()->writeKey(
        TeamSettings::passwordEntry(ProfileStore::sandboxProfileId()), server.password);
    connect(job, &CredentialJob::finished, this, [&written](CredentialJob *done) { written = done->ok(); });
    QTRY_VERIFY(written);
    QVERIFY(m_app->start());
    QTRY_VERIFY(session->team()->isSharing());
}

void TestTeamSession::withoutATeamServerNothingRuns()
{
    QVERIFY(m_app->start());
    QVERIFY(!m_app->session()->team()->isSharing());
    QVERIFY(m_app->session()->team()->statusText().isEmpty());
    auto *label = m_app->child<QLabel>(QStringLiteral("teamStatusLabel"));
    QVERIFY(label);
    QVERIFY(!label->isVisible());
    QVERIFY(m_app->child<QLabel>(QStringLiteral("teamSharingLabel"))->isHidden());
    QVERIFY(!m_app->session()->gateway()->submit(leadWithPhone(1)).isEmpty());
    QTRY_COMPARE(addRequestsReceived(m_app->sandbox()), 1);
    QCOMPARE(serverLeads(), 0);
}

void TestTeamSession::sentLeadsReachTheTeamServer()
{
    startSharing(TeamFixture::operatorA());
    AppSession *session = m_app->session();
    for (int i = 0; i < 3; ++i)
        QVERIFY(!session->gateway()->submit(leadWithPhone(100 + i)).isEmpty());
    QTRY_COMPARE(addRequestsReceived(m_app->sandbox()), 3);
    // At the server: the three leads, as sent (the network's order id included), by this operator.
    QTRY_COMPARE_WITH_TIMEOUT(serverLeads(QStringLiteral("send_state = 'sent' AND network_order_id <> ''")),
                              3, 15000);
    QCOMPARE(serverLeads(QStringLiteral("operator_name = 'Anna Petrova'")), 3);
    QCOMPARE(serverLeads(QStringLiteral("phone LIKE '7902%'")), 3);
    QCOMPARE(m_team.server()
                 .value(QStringLiteral("SELECT db_user::text FROM workstations"), TeamFixture::databaseName())
                 .toString(),
             TeamFixture::operatorA());
    // The status bar and the outbox say so.
    auto *label = m_app->child<QLabel>(QStringLiteral("teamStatusLabel"));
    QTRY_COMPARE(label->text(), QStringLiteral("Shared with the team"));
    QVERIFY(label->isVisible());
    auto *outboxNote = m_app->child<QLabel>(QStringLiteral("teamSharingLabel"));
    QTRY_COMPARE(outboxNote->text(), QStringLiteral("Every lead is shared with the team."));
    QVERIFY(!outboxNote->isHidden()); // on the Outbox tab, which is not the current one
}

void TestTeamSession::aStoppedTeamServerNeitherBlocksSendingNorLosesLeads()
{
    startSharing(TeamFixture::operatorA());
    AppSession *session = m_app->session();
    QVERIFY(!session->gateway()->submit(leadWithPhone(200)).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(serverLeads(QStringLiteral("send_state = 'sent'")), 1, 15000);

    QVERIFY(m_team.server().stop());
    for (int i = 1; i <= 4; ++i)
        QVERIFY(!session->gateway()->submit(leadWithPhone(200 + i)).isEmpty());
    // Sent to the sandbox while the team server is down: sending never waits for it.
    QTRY_COMPARE(addRequestsReceived(m_app->sandbox()), 5);
    auto *label = m_app->child<QLabel>(QStringLiteral("teamStatusLabel"));
    QTRY_VERIFY2_WITH_TIMEOUT(label->text().startsWith(QLatin1String("Team server unreachable since")),
                              qPrintable(label->text()), 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(label->text().contains(QLatin1String("4 lead")), qPrintable(label->text()),
                              15000);
    auto *outboxNote = m_app->child<QLabel>(QStringLiteral("teamSharingLabel"));
    // (Without the English translation loaded, plurals read "lead(s)".)
    QVERIFY2(outboxNote->text().startsWith(QLatin1String("4 lead")), qPrintable(outboxNote->text()));
    QVERIFY(outboxNote->text().contains(QLatin1String("not yet shared")));

    QVERIFY2(m_team.server().start(), qPrintable(m_team.errorString()));
    // Retries back off up to 30 s.
    QTRY_COMPARE_WITH_TIMEOUT(serverLeads(QStringLiteral("send_state = 'sent'")), 5, 45000);
    QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("Shared with the team"), 10000);
    // Exactly once: five rows, five distinct orders, and each sent to the sandbox once.
    QCOMPARE(serverLeads(), 5);
    QCOMPARE(
        m_team.server()
            .value(QStringLiteral("SELECT count(DISTINCT order_id) FROM leads"), TeamFixture::databaseName())
            .toInt(),
        5);
    QCOMPARE(addRequestsReceived(m_app->sandbox()), 5);
}

void TestTeamSession::switchingProfileStopsSharing()
{
    startSharing(TeamFixture::operatorA());
    AppSession *session = m_app->session();
    Profile work;
    work.name = QStringLiteral("Work");
    work.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:9"));
    work.userId = QStringLiteral("4242");
    QList<Profile> profiles = session->profiles()->profiles();
    profiles << work;
    QVERIFY(session->profiles()->applyEdit(profiles, {}));
    session->profiles()->setActiveProfile(profiles.last().id);
    QTRY_COMPARE(session->activeProfile().id, profiles.last().id);
    QTRY_VERIFY(!session->team()->isSharing());
    QTRY_VERIFY(!m_app->child<QLabel>(QStringLiteral("teamStatusLabel"))->isVisible());
    // And back: sharing starts again, from where the journal's cursor is.
    session->profiles()->setActiveProfile(ProfileStore::sandboxProfileId());
    QTRY_VERIFY(session->team()->isSharing());
    QTRY_COMPARE(m_app->child<QLabel>(QStringLiteral("teamStatusLabel"))->text(),
                 QStringLiteral("Shared with the team"));
}

int TestTeamSession::journalCount(const QString &sql)
{
    const QString name = QStringLiteral("test-journal-reader");
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_app->session()->journal()->filePath());
        QSqlQuery query(db);
        if (db.open() && query.exec(sql) && query.next())
            count = query.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

// Unticking "Share" stops the journal noting the profile's changes (they would pile up for nobody),
// and ticking it again shares what changed meanwhile.
void TestTeamSession::sharingTurnedOffStopsNotingChanges()
{
    startSharing(TeamFixture::operatorA());
    AppSession *session = m_app->session();
    QVERIFY(!session->gateway()->submit(leadWithPhone(400)).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(serverLeads(QStringLiteral("send_state = 'sent'")), 1, 15000);

    const QString profile = ProfileStore::sandboxProfileId();
    TeamProfileSettings team = session->teamSettings()->profile(profile);
    team.enabled = false;
    QVERIFY(session->teamSettings()->setProfile(profile, team));
    session->team()->reload(); // as MainWindow does after the settings dialog
    QTRY_VERIFY(!session->team()->isSharing());
    const QString cursor =
        QStringLiteral("SELECT count(*) FROM team_cursor WHERE profile_id = '%1'").arg(profile);
    const QString noted =
        QStringLiteral("SELECT count(*) FROM team_changes WHERE profile_id = '%1'").arg(profile);
    QTRY_COMPARE(journalCount(cursor), 0);
    QCOMPARE(journalCount(noted), 0);

    QVERIFY(!session->gateway()->submit(leadWithPhone(401)).isEmpty());
    QTRY_COMPARE(addRequestsReceived(m_app->sandbox()), 2);
    QTRY_COMPARE(m_app->journalEntries().size(), 2);
    QCOMPARE(journalCount(noted), 0);
    QCOMPARE(serverLeads(), 1);

    team.enabled = true;
    QVERIFY(session->teamSettings()->setProfile(profile, team));
    session->team()->reload();
    QTRY_VERIFY(session->team()->isSharing());
    QTRY_COMPARE_WITH_TIMEOUT(serverLeads(QStringLiteral("send_state = 'sent'")), 2, 15000);
    QCOMPARE(serverLeads(), 2);
}

// A team server that takes the connection and never answers (a hung host, a black-holing firewall):
// the sharing thread waits for it, the window and the outbox never do.
void TestTeamSession::aSilentTeamServerNeverHoldsUpTheApp()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held << socket; // read nothing, answer nothing
    });
    startSharing(TeamFixture::operatorA(), silent.serverPort());
    AppSession *session = m_app->session();
    QTRY_VERIFY(!held.isEmpty()); // the sharing thread is now stuck connecting
    QVERIFY(!session->gateway()->submit(leadWithPhone(300)).isEmpty());
    QTRY_COMPARE(addRequestsReceived(m_app->sandbox()), 1);

    // Stopping (a profile switch, a settings change) does not wait for the stuck connection attempt.
    QElapsedTimer stopping;
    stopping.start();
    session->team()->stop();
    const qint64 stopMs = stopping.elapsed();
    QVERIFY2(stopMs < 1000, qPrintable(QString::number(stopMs)));
    QVERIFY(!session->team()->isSharing());
    qDeleteAll(held);
}

QTEST_MAIN(TestTeamSession)
#include "tst_teamsession.moc"

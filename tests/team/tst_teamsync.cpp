#include "TeamFixture.h"
#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "journal/StatusProgress.h"
#include "team/TeamConnection.h"
#include "team/TeamSchema.h"
#include "team/TeamSync.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

namespace {

const QString profile = QStringLiteral("main");
const QString account = QStringLiteral("4242@api.example.net");
constexpr qint64 t0 = 1767225600000; // 2026-01-01T00:00:00Z
constexpr int ServerTimeoutMs = 30000;

Lead sampleLead(const QString &orderId)
{
    Lead lead;
    lead.orderId = orderId;
    lead.offer = QStringLiteral("217");
    lead.name = QStringLiteral("Анна Doe");
    lead.phone = QStringLiteral("79001234567");
    lead.country = QStringLiteral("ru");
    lead.ip = QStringLiteral("12.34.56.78");
    return lead;
}

StatusRow statusRow(const QString &orderId, const QString &stage, int status)
{
    StatusRow row;
    row.ourOrderId = orderId;
    row.networkOrderId = QStringLiteral("N") + orderId;
    row.stage = stage;
    row.status = status;
    return row;
}

} // namespace

// TeamSync against a real PostgreSQL: everything arrives once and in order, whatever the server does.
// Rows are counted AT THE SERVER, as its superuser.
class TestTeamSync : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void pushesEverythingOnceInOrder();
    void repushAfterALostAcknowledgementChangesNothing();
    void serverDownAtStartLosesNothing();
    void terminatedMidPushLosesAndDoublesNothing();
    void statusesOnlyMoveForwardAtTheServer();
    void twoWorkstationsTrackingTheSameOrder();
    void aChangeAnotherSourceWroteIsNotDoubled();
    void measuresThePushRate();
    void workstationKilledMidPushLosesAndDoublesNothing();
    void managerLoginReadsAndIsToldOfChanges();
    void ownerLoginLeavesTheWorkstationToItsOperator();
    void workstationOfAnotherLoginIsExplainedAndReassignable();
    void ownerInTheOperatorRoleShares();

private:
    // Adds leads `first`..`first + count - 1`, each sent, every third one held then approved.
    void addLeads(int first, int count);
    std::unique_ptr<TeamSync> makeSync(const QString &user = TeamFixture::operatorA(),
                                       const QString &journal = {});
    // As makeSync(), for one workstation (its id) used with several logins.
    std::unique_ptr<TeamSync> makeSyncOf(const QString &workstationId, const QString &user,
                                         const QString &journal, int pollIntervalMs = 50);
    int serverCount(const QString &sql);
    QString serverText(const QString &sql);
    QString journalPath() const { return m_env->path() + QStringLiteral("/journal.sqlite"); }

    TeamFixture m_team;
    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<Journal> m_journal;
    int m_historyRows = 0;
};

void TestTeamSync::initTestCase()
{
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
}

void TestTeamSync::init()
{
    QVERIFY2(m_team.recreateDatabase(), qPrintable(m_team.errorString()));
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY2(owner.open(), qPrintable(owner.errorString()));
    QSqlDatabase db = owner.database();
    QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
    m_env = std::make_unique<TestEnvironment>();
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
    m_historyRows = 0;
}

void TestTeamSync::cleanup()
{
    if (!m_team.server().isRunning())
        QVERIFY(m_team.server().restart());
    m_journal.reset();
    m_env.reset();
}

void TestTeamSync::addLeads(int first, int count)
{
    QVERIFY(m_journal->beginBatch());
    for (int i = first; i < first + count; ++i) {
        const QString id = QString::number(100000 + i);
        const qint64 at = t0 + i * 1000;
        QVERIFY(m_journal->addLead(profile, id, sampleLead(id), at));
        QVERIFY(m_journal->markSending(profile, id, "body", at + 1));
        QVERIFY(m_journal->markSent(profile, id, QStringLiteral("N") + id, QString(), at + 2));
        if (i % 3 == 0) {
            QVERIFY(
                m_journal->mergeStatus(profile, statusRow(id, QStringLiteral("hold"), 4), at + 3).changed);
            QVERIFY(
                m_journal->mergeStatus(profile, statusRow(id, QStringLiteral("approve"), 6), at + 4).changed);
            m_historyRows += 2;
        }
    }
    QVERIFY(m_journal->commitBatch());
}

std::unique_ptr<TeamSync> TestTeamSync::makeSync(const QString &user, const QString &journal)
{
    TeamSyncSetup setup;
    setup.server = m_team.config(user);
    setup.journalFilePath = journal.isEmpty() ? journalPath() : journal;
    setup.profileId = profile;
    setup.account = account;
    setup.workstationId = QStringLiteral("ws-") + user;
    setup.operatorName = user;
    setup.pollIntervalMs = 50;
    setup.minRetryMs = 50;
    setup.maxRetryMs = 400;
    setup.batchSize = 50;
    return std::make_unique<TeamSync>(setup);
}

int TestTeamSync::serverCount(const QString &sql)
{
    const QVariant value = m_team.server().value(sql, TeamFixture::databaseName());
    return value.isValid() ? value.toInt() : -1;
}

QString TestTeamSync::serverText(const QString &sql)
{
    return m_team.server().value(sql, TeamFixture::databaseName()).toString();
}

void TestTeamSync::pushesEverythingOnceInOrder()
{
    addLeads(0, 120);
    auto sync = makeSync();
    sync->start();
    QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 120,
                              ServerTimeoutMs);
    QTRY_VERIFY(sync->state().phase == TeamSyncState::Phase::Sharing && sync->state().waitingLeads == 0);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM status_history")), m_historyRows);
    QCOMPARE(serverCount(
                 QStringLiteral("SELECT count(*) FROM leads WHERE account = '4242@api.example.net'"
                                " AND workstation_id = 'ws-operator_anna' AND operator_name = 'operator_anna'"
                                " AND send_state = 'sent' AND network_order_id = 'N' || order_id")),
             120);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM leads WHERE stage = 'approve' AND status = 6")),
             40);
    // In order: a later lead was never committed in an earlier transaction than an earlier lead.
    QCOMPARE(serverCount(QStringLiteral(
                 "SELECT count(*) FROM (SELECT xmin::text::bigint AS tx,"
                 " lag(xmin::text::bigint) OVER (ORDER BY created_at) AS previous FROM leads) s"
                 " WHERE tx < previous")),
             0);
    QVERIFY(serverCount(QStringLiteral("SELECT count(DISTINCT xmin::text) FROM leads")) >
            1); // several batches

    // A change made while sharing arrives too.
    QVERIFY(
        m_journal
            ->mergeStatus(profile, statusRow(QStringLiteral("100001"), QStringLiteral("cancel"), 5), t0 + 9e6)
            .changed);
    sync->nudge();
    QTRY_COMPARE_WITH_TIMEOUT(
        serverText(QStringLiteral("SELECT stage || status FROM leads WHERE order_id = '100001'")),
        QStringLiteral("cancel5"), ServerTimeoutMs);
    // No credential of any kind reaches the server.
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM leads l WHERE l::text LIKE '%-pw%'")), 0);
}

void TestTeamSync::repushAfterALostAcknowledgementChangesNothing()
{
    addLeads(0, 30);
    {
        auto sync = makeSync();
        sync->start();
        QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 30,
                                  ServerTimeoutMs);
        QTRY_VERIFY(sync->state().waitingLeads == 0 && sync->state().phase == TeamSyncState::Phase::Sharing);
    }
    const QString versionsBefore =
        serverText(QStringLiteral("SELECT string_agg(xmin::text, ',' ORDER BY order_id) FROM leads"));
    const QString historyBefore = serverText(QStringLiteral(
        "SELECT string_agg(xmin::text, ',' ORDER BY order_id, changed_at) FROM status_history"));
    // As if the server had committed but the cursor had not moved: every change is pushed again.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rewind"));
        db.setDatabaseName(journalPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO team_changes (profile_id, lead_key)"
                                          " SELECT profile_id, lead_key FROM leads ORDER BY created_at")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("rewind"));
    auto sync = makeSync();
    QSignalSpy states(sync.get(), &TeamSync::stateChanged);
    sync->start();
    QTRY_VERIFY_WITH_TIMEOUT(sync->state().phase == TeamSyncState::Phase::Sharing &&
                                 sync->state().pushedLeads == 30,
                             ServerTimeoutMs);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 30);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM status_history")), m_historyRows);
    // Not one row was rewritten: the same row versions as before.
    QCOMPARE(serverText(QStringLiteral("SELECT string_agg(xmin::text, ',' ORDER BY order_id) FROM leads")),
             versionsBefore);
    QCOMPARE(serverText(QStringLiteral(
                 "SELECT string_agg(xmin::text, ',' ORDER BY order_id, changed_at) FROM status_history")),
             historyBefore);
}

void TestTeamSync::serverDownAtStartLosesNothing()
{
    QVERIFY2(m_team.server().stop(), qPrintable(m_team.errorString()));
    addLeads(0, 10);
    auto sync = makeSync();
    sync->start();
    QTRY_VERIFY_WITH_TIMEOUT(sync->state().phase == TeamSyncState::Phase::Unreachable, ServerTimeoutMs);
    QVERIFY(sync->state().troubleSince.isValid());
    QTRY_COMPARE(sync->state().waitingLeads, 10);
    QVERIFY2(!sync->state().problem.contains(TeamFixture::passwordOf(TeamFixture::operatorA())),
             qPrintable(sync->state().problem));
    // The journal goes on taking leads while the team server is away.
    addLeads(10, 5);
    QTRY_COMPARE(sync->state().waitingLeads, 15);

    QVERIFY2(m_team.server().restart(), qPrintable(m_team.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 15, ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(sync->state().phase == TeamSyncState::Phase::Sharing &&
                                 sync->state().waitingLeads == 0,
                             ServerTimeoutMs);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM status_history")), m_historyRows);
}

void TestTeamSync::terminatedMidPushLosesAndDoublesNothing()
{
    addLeads(0, 200);
    // The superuser locks the leads table, so the first push stops inside its transaction...
    QSqlDatabase blocker = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("blocker"));
    blocker.setHostName(m_team.server().socketDirectory());
    blocker.setPort(m_team.server().port());
    blocker.setDatabaseName(TeamFixture::databaseName());
    blocker.setUserName(PostgresServer::superUser());
    blocker.setPassword(PostgresServer::superPassword());
    QVERIFY2(blocker.open(), qPrintable(blocker.lastError().text()));
    QVERIFY(blocker.transaction());
    QSqlQuery lock(blocker);
    QVERIFY(lock.exec(QStringLiteral("LOCK TABLE leads IN EXCLUSIVE MODE")));

    auto sync = makeSync();
    sync->start();
    const QString waiting =
        QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = 'operator_anna'"
                       " AND wait_event_type = 'Lock'");
    QTRY_COMPARE_WITH_TIMEOUT(serverCount(waiting), 1, ServerTimeoutMs);
    // ...where its backend is killed, as an administrator or a crash of the server process would.
    QCOMPARE(serverCount(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                        " WHERE usename = 'operator_anna'")),
             1);
    QVERIFY(blocker.commit());
    lock.finish();
    blocker.close();
    blocker = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("blocker"));

    QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 200,
                              ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(sync->state().phase == TeamSyncState::Phase::Sharing &&
                                 sync->state().waitingLeads == 0,
                             ServerTimeoutMs);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(DISTINCT order_id) FROM leads")), 200);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM status_history")), m_historyRows);
    // It did fail once, and said so.
    QVERIFY(sync->state().pushedLeads >= 200);
}

void TestTeamSync::statusesOnlyMoveForwardAtTheServer()
{
    // A push that carries an older outcome than the server holds (a second workstation tracking the
    // same order, late with its refresh) must not move the server's outcome back.
    addLeads(0, 1); // lead 100000: approve/6 after hold/4
    {
        auto sync = makeSync();
        sync->start();
        QTRY_COMPARE_WITH_TIMEOUT(serverText(QStringLiteral("SELECT stage || status FROM leads")),
                                  QStringLiteral("approve6"), ServerTimeoutMs);
    }
    // The journal now says hold (as a stale workstation would), by hand.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("stale"));
        db.setDatabaseName(journalPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("UPDATE leads SET stage = 'hold', status = 4, name = 'Renamed'")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("stale"));
    auto sync = makeSync();
    sync->start();
    QTRY_COMPARE_WITH_TIMEOUT(serverText(QStringLiteral("SELECT name FROM leads")), QStringLiteral("Renamed"),
                              ServerTimeoutMs);
    QCOMPARE(serverText(QStringLiteral("SELECT stage || status FROM leads")), QStringLiteral("approve6"));
}

void TestTeamSync::twoWorkstationsTrackingTheSameOrder()
{
    addLeads(0, 5); // Anna's: 100000..100004
    auto anna = makeSync(TeamFixture::operatorA());
    anna->start();
    QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 5, ServerTimeoutMs);

    // Boris's workstation tracks one of Anna's orders, and has three of its own.
    const QString borisJournalPath = m_env->path() + QStringLiteral("/boris.sqlite");
    Journal borisJournal;
    QVERIFY2(borisJournal.open(borisJournalPath), qPrintable(borisJournal.errorString()));
    QCOMPARE(borisJournal.addTracked(profile, {QStringLiteral("100003")}, t0), 1);
    QVERIFY(
        borisJournal
            .mergeStatus(profile, statusRow(QStringLiteral("100003"), QStringLiteral("cancel"), 5), t0 + 1)
            .changed);
    for (const QString &id : {QStringLiteral("200001"), QStringLiteral("200002"), QStringLiteral("200003")})
        QVERIFY(borisJournal.addLead(profile, id, sampleLead(id), t0 + 2));
    auto boris = makeSync(TeamFixture::operatorB(), borisJournalPath);
    boris->start();
    QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 8, ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(boris->state().phase == TeamSyncState::Phase::Sharing &&
                                 boris->state().waitingLeads == 0,
                             ServerTimeoutMs);
    QCOMPARE(boris->state().leftToOthers, 1);
    // Anna's order stays hers, as she shared it.
    QCOMPARE(serverText(QStringLiteral(
                 "SELECT workstation_id || ' ' || stage FROM leads WHERE order_id = '100003'")),
             QStringLiteral("ws-operator_anna approve"));
    QCOMPARE(
        serverCount(QStringLiteral("SELECT count(*) FROM leads WHERE workstation_id = 'ws-operator_boris'")),
        3);
    QCOMPARE(serverCount(QStringLiteral(
                 "SELECT count(*) FROM status_history WHERE workstation_id = 'ws-operator_boris'")),
             0);
}

void TestTeamSync::aChangeAnotherSourceWroteIsNotDoubled()
{
    addLeads(1, 1); // lead 100001, sent, no outcome yet
    auto sync = makeSync();
    sync->start();
    QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 1, ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(sync->state().phase == TeamSyncState::Phase::Sharing &&
                                 sync->state().waitingLeads == 0,
                             ServerTimeoutMs);
    // The team refresh's holder writes the lead's move to hold, stamped with its own time (as
    // cpadesk_record_status does)...
    QVERIFY(m_team.server().exec(
        {QStringLiteral("INSERT INTO status_history (account, order_id, changed_at, stage, status, reason,"
                        " previous_stage, previous_status, workstation_id) SELECT account, order_id,"
                        " now(), 'hold', 4, 0, stage, status, workstation_id FROM leads"),
         QStringLiteral(
             "UPDATE leads SET stage = 'hold', status = 4, progress = %1, status_changed_at = now()")
             .arg(StatusProgress::rank(QStringLiteral("hold"), 4))},
        TeamFixture::databaseName()));
    // ...and this workstation, asking list.json itself (the operator's Refresh), saw the same move at
    // another time, and pushes it.
    QVERIFY(
        m_journal
            ->mergeStatus(profile, statusRow(QStringLiteral("100001"), QStringLiteral("hold"), 4), t0 + 5000)
            .changed);
    QTRY_COMPARE_WITH_TIMEOUT(
        serverCount(QStringLiteral("SELECT count(*) FROM leads WHERE status_changed_at = to_timestamp(%1)")
                        .arg((t0 + 5000) / 1000)),
        1, ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(sync->state().waitingLeads == 0, ServerTimeoutMs);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM status_history")), 1);
    // A move the server does not hold yet is written as before.
    QVERIFY(m_journal
                ->mergeStatus(profile, statusRow(QStringLiteral("100001"), QStringLiteral("approve"), 6),
                              t0 + 6000)
                .changed);
    QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM status_history")), 2,
                              ServerTimeoutMs);
    QCOMPARE(serverText(QStringLiteral("SELECT previous_stage || '>' || stage FROM status_history"
                                       " WHERE stage = 'approve'")),
             QStringLiteral("hold>approve"));
}

void TestTeamSync::measuresThePushRate()
{
    // 2,000 leads (a third with two status changes) pushed by TeamSync in batches of 200, beside the
    // bare INSERTs of the same rows through the same driver in one transaction. Logged, not judged:
    // the machine is shared.
    constexpr int Leads = 2000;
    addLeads(0, Leads);
    TeamSyncSetup setup;
    setup.server = m_team.config(TeamFixture::operatorA());
    setup.journalFilePath = journalPath();
    setup.profileId = profile;
    setup.account = account;
    setup.workstationId = QStringLiteral("ws-rate");
    setup.operatorName = QStringLiteral("Anna");
    setup.pollIntervalMs = 20;
    TeamSync sync(setup);
    QElapsedTimer clock;
    clock.start();
    sync.start();
    QTRY_VERIFY_WITH_TIMEOUT(sync.state().phase == TeamSyncState::Phase::Sharing && sync.state().cursor > 0 &&
                                 sync.state().waitingLeads == 0,
                             120000);
    const qint64 syncMs = clock.elapsed();
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM leads")), Leads);

    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY(owner.open());
    QSqlDatabase db = owner.database();
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE leads_copy (LIKE leads INCLUDING ALL)")));
    clock.restart();
    QVERIFY(db.transaction());
    QVERIFY(
        query.prepare(QStringLiteral("INSERT INTO leads_copy (account, order_id, workstation_id, send_state,"
                                     " created_at) VALUES (?, ?, 'ws-rate', 'sent', now())")));
    for (int i = 0; i < Leads; ++i) {
        query.bindValue(0, account);
        query.bindValue(1, QString::number(100000 + i));
        QVERIFY(query.exec());
    }
    QVERIFY(db.commit());
    const qint64 bareMs = clock.elapsed();
    qInfo("%d leads: TeamSync %lld ms from start (connect, schema check, %d history rows) = %.0f leads/s;"
          " bare INSERTs of the lead rows alone %lld ms = %.0f rows/s",
          Leads, syncMs, m_historyRows, Leads * 1000.0 / qMax<qint64>(1, syncMs), bareMs,
          Leads * 1000.0 / qMax<qint64>(1, bareMs));
}

void TestTeamSync::workstationKilledMidPushLosesAndDoublesNothing()
{
    addLeads(0, 300);
    // The push stops inside its transaction on the superuser's lock...
    QSqlDatabase blocker = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("blocker2"));
    blocker.setHostName(m_team.server().socketDirectory());
    blocker.setPort(m_team.server().port());
    blocker.setDatabaseName(TeamFixture::databaseName());
    blocker.setUserName(PostgresServer::superUser());
    blocker.setPassword(PostgresServer::superPassword());
    QVERIFY2(blocker.open(), qPrintable(blocker.lastError().text()));
    QVERIFY(blocker.transaction());
    QSqlQuery lock(blocker);
    QVERIFY(lock.exec(QStringLiteral("LOCK TABLE leads IN EXCLUSIVE MODE")));

    // ...of a workstation that is another process,
    QProcess workstation;
    workstation.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    workstation.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--push-child"), journalPath(),
                                                                QString::number(m_team.server().port())});
    QVERIFY(workstation.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(
        serverCount(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename ="
                                   " 'operator_anna' AND wait_event_type = 'Lock'")),
        1, ServerTimeoutMs);
    // ...killed there (SIGKILL: no clean-up of any kind).
    workstation.kill();
    QVERIFY(workstation.waitForFinished());
    QCOMPARE(workstation.exitStatus(), QProcess::CrashExit);
    QVERIFY(blocker.commit());
    lock.finish();
    blocker.close();
    blocker = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("blocker2"));
    // Its transaction never committed.
    QTRY_COMPARE_WITH_TIMEOUT(
        serverCount(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename ="
                                   " 'operator_anna'")),
        0, ServerTimeoutMs);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 0);

    // The workstation starts again: everything arrives, once.
    auto sync = makeSync();
    sync->start();
    QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 300,
                              ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(sync->state().phase == TeamSyncState::Phase::Sharing &&
                                 sync->state().waitingLeads == 0,
                             ServerTimeoutMs);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM status_history")), m_historyRows);
}

// The workstation process of workstationKilledMidPushLosesAndDoublesNothing(): shares the journal as
// operator A until it is killed.
static int runPushChild(const QString &journal, int port)
{
    TeamSyncSetup setup;
    setup.server.host = QStringLiteral("127.0.0.1");
    setup.server.port = port;
    setup.server.database = TeamFixture::databaseName();
    setup.server.user = TeamFixture::operatorA();
    setup.server.password = TeamFixture::passwordOf(TeamFixture::operatorA());
    setup.server.tls = TeamTlsMode::Disable;
    setup.journalFilePath = journal;
    setup.profileId = profile;
    setup.account = account;
    setup.workstationId = QStringLiteral("ws-") + TeamFixture::operatorA();
    setup.operatorName = TeamFixture::operatorA();
    TeamSync sync(setup);
    sync.start();
    return QCoreApplication::exec();
}

std::unique_ptr<TeamSync> TestTeamSync::makeSyncOf(const QString &workstationId, const QString &user,
                                                   const QString &journal, int pollIntervalMs)
{
    TeamSyncSetup setup;
    setup.server = m_team.config(user);
    setup.journalFilePath = journal;
    setup.profileId = profile;
    setup.account = account;
    setup.workstationId = workstationId;
    setup.operatorName = user;
    setup.pollIntervalMs = pollIntervalMs;
    setup.minRetryMs = 50;
    setup.maxRetryMs = 400;
    setup.batchSize = 50;
    return std::make_unique<TeamSync>(setup);
}

void TestTeamSync::managerLoginReadsAndIsToldOfChanges()
{
    // The manager's workstation has leads of its own: a manager's login may not write them, and
    // that is a mode, not an error.
    addLeads(0, 3);
    // Its cycles far apart: what it learns below comes from NOTIFY, not from a cycle.
    auto maria =
        makeSyncOf(QStringLiteral("ws-manager_maria"), TeamFixture::manager(), journalPath(), 600000);
    QSignalSpy teamChanged(maria.get(), &TeamSync::teamLeadsChanged);
    maria->start();
    QTRY_VERIFY_WITH_TIMEOUT(maria->state().phase == TeamSyncState::Phase::Reading, ServerTimeoutMs);
    QVERIFY2(maria->state().problem.isEmpty(), qPrintable(maria->state().problem));
    QCOMPARE(maria->state().waitingLeads, 3);
    teamChanged.clear();

    // An operator shares a lead: the manager's sync tells its view, without asking.
    const QString annaJournalPath = m_env->path() + QStringLiteral("/anna.sqlite");
    {
        Journal annaJournal;
        QVERIFY2(annaJournal.open(annaJournalPath), qPrintable(annaJournal.errorString()));
        QVERIFY(
            annaJournal.addLead(profile, QStringLiteral("300001"), sampleLead(QStringLiteral("300001")), t0));
    }
    auto anna = makeSync(TeamFixture::operatorA(), annaJournalPath);
    anna->start();
    QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 1, ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(teamChanged.size() > 0, ServerTimeoutMs);
    // Then the lead's outcome changes at the server: told again.
    teamChanged.clear();
    QElapsedTimer told;
    told.start();
    QVERIFY(m_team.server().exec({QStringLiteral("UPDATE leads SET stage = 'hold', status = 4")},
                                 TeamFixture::databaseName()));
    QTRY_VERIFY_WITH_TIMEOUT(teamChanged.size() > 0, ServerTimeoutMs);
    qInfo("the manager's view was told of a change at the server %lld ms after the UPDATE was sent",
          told.elapsed());

    // The manager wrote nothing and took no refresh lease: the operator holds it.
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM workstations WHERE db_user = 'manager_maria'")),
             0);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM leads WHERE order_id LIKE '1000%'")), 0);
    QTRY_VERIFY_WITH_TIMEOUT(anna->state().lease == TeamSyncState::Lease::Here, ServerTimeoutMs);
    QCOMPARE(maria->state().phase, TeamSyncState::Phase::Reading);
    QCOMPARE(maria->state().waitingLeads, 3); // still here, shared when an operator's login is used
}

void TestTeamSync::ownerLoginLeavesTheWorkstationToItsOperator()
{
    // IT sets the team up on an operator's workstation with the owner's account (docs/TEAM.md), then
    // the operator's login takes over the same workstation id.
    addLeads(0, 2);
    const QString workstation = QStringLiteral("ws-front-desk");
    {
        auto owner = makeSyncOf(workstation, TeamFixture::ownerUser(), journalPath());
        owner->start();
        QTRY_VERIFY_WITH_TIMEOUT(owner->state().phase == TeamSyncState::Phase::Reading, ServerTimeoutMs);
    }
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM workstations")), 0);
    auto anna = makeSyncOf(workstation, TeamFixture::operatorA(), journalPath());
    anna->start();
    QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM leads WHERE workstation_id ="
                                                         " 'ws-front-desk'")),
                              2, ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(anna->state().phase == TeamSyncState::Phase::Sharing, ServerTimeoutMs);
}

void TestTeamSync::workstationOfAnotherLoginIsExplainedAndReassignable()
{
    // Anna's shift shared from this workstation; Boris's shift now uses it with his login.
    addLeads(0, 2);
    const QString workstation = QStringLiteral("ws-shift");
    {
        auto anna = makeSyncOf(workstation, TeamFixture::operatorA(), journalPath());
        anna->start();
        QTRY_VERIFY_WITH_TIMEOUT(anna->state().phase == TeamSyncState::Phase::Sharing &&
                                     anna->state().waitingLeads == 0,
                                 ServerTimeoutMs);
    }
    addLeads(2, 1);
    auto boris = makeSyncOf(workstation, TeamFixture::operatorB(), journalPath());
    boris->start();
    QTRY_VERIFY_WITH_TIMEOUT(boris->state().phase == TeamSyncState::Phase::Refused, ServerTimeoutMs);
    const QString problem = boris->state().problem;
    QVERIFY2(problem.contains(QLatin1String("registered at the team server under another login")),
             qPrintable(problem));
    QVERIFY2(problem.contains(QLatin1String("ws-shift")) && problem.contains(TeamFixture::operatorB()),
             qPrintable(problem));
    QVERIFY2(!problem.contains(QLatin1String("row-level security")), qPrintable(problem));
    QVERIFY(boris->state().waitingLeads > 0); // all of them: a new login re-notes every lead

    // IT's remedy from docs/TEAM.md, as the owner: the workstation, and its leads, move to Boris.
    {
        TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
        QVERIFY2(owner.open(), qPrintable(owner.errorString()));
        QSqlQuery query(owner.database());
        QVERIFY2(query.exec(QStringLiteral(
                     "UPDATE workstations SET db_user = 'operator_boris' WHERE workstation_id = 'ws-shift'")),
                 qPrintable(query.lastError().text()));
        QCOMPARE(query.numRowsAffected(), 1);
    }
    QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 3, ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(boris->state().phase == TeamSyncState::Phase::Sharing &&
                                 boris->state().waitingLeads == 0,
                             ServerTimeoutMs);
    // Boris's login now writes the leads Anna shared from here too (they kept their workstation id).
    QVERIFY(
        m_journal
            ->mergeStatus(profile, statusRow(QStringLiteral("100001"), QStringLiteral("cancel"), 5), t0 + 9e6)
            .changed);
    boris->nudge();
    QTRY_COMPARE_WITH_TIMEOUT(
        serverText(QStringLiteral("SELECT stage || status FROM leads WHERE order_id = '100001'")),
        QStringLiteral("cancel5"), ServerTimeoutMs);
}

void TestTeamSync::ownerInTheOperatorRoleShares()
{
    // The one-machine try-out (README, docs/TEAM.md section 6): the owner is also an operator, so one
    // login sets the tables up and shares.
    QVERIFY(m_team.server().exec({QStringLiteral("GRANT cpadesk_operator TO cpadesk_owner")}));
    addLeads(0, 2);
    auto owner = makeSync(TeamFixture::ownerUser());
    owner->start();
    QTRY_COMPARE_WITH_TIMEOUT(serverCount(QStringLiteral("SELECT count(*) FROM leads")), 2, ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(owner->state().phase == TeamSyncState::Phase::Sharing, ServerTimeoutMs);
    owner.reset();
    QVERIFY(m_team.server().exec({QStringLiteral("REVOKE cpadesk_operator FROM cpadesk_owner")}));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--push-child") == 0)
        return runPushChild(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toInt());
    TestTeamSync test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_teamsync.moc"

// One refresh serves the whole team (issue 19): two workstations of one account, each with its own journal,
// poller and TeamSession (as AppSession wires them), share their leads with the test's own PostgreSQL and
// ask the sandbox on 127.0.0.1. What list.json RECEIVED is counted at the sandbox; what the team holds,
// read at the server as its superuser.
#include "SandboxHttpClient.h"
#include "TeamFixture.h"
#include "TestEnvironment.h"
#include "api/ApiClient.h"
#include "api/FormCodec.h"
#include "journal/Journal.h"
#include "sandbox/Sandbox.h"
#include "session/TeamSession.h"
#include "settings/CredentialStore.h"
#include "settings/Profile.h"
#include "sync/ApiLeadTransport.h"
#include "sync/StatusPoller.h"
#include "team/TeamConnection.h"
#include "team/TeamLeadsModel.h"
#include "team/TeamSchema.h"
#include "team/TeamSettings.h"

#include <QElapsedTimer>
#include <QHash>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <atomic>
#include <memory>

namespace {

const QString profileId = QStringLiteral("main");
constexpr int LeadsPerWorkstation = 3;
constexpr int SettleMs = 20000; // connecting, installing the schema, first pushes: generous on a busy CI

// The ids one list.json request asked about, wherever it put them.
QStringList idsOf(const SandboxRequest &request)
{
    QString ids = QUrlQuery(QString::fromLatin1(request.query)).queryItemValue(QStringLiteral("ids"));
    if (ids.isEmpty())
        ids = FormCodec::decode(request.body).value(QStringLiteral("ids")).toString();
    return ids.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

// How many times list.json was asked about each id since the requests were last cleared.
QHash<QString, int> timesAsked(Sandbox *sandbox)
{
    QHash<QString, int> asked;
    const QList<SandboxRequest> requests = sandbox->receivedRequests();
    for (const SandboxRequest &request : requests) {
        if (request.path != "/ext/list.json")
            continue;
        for (const QString &id : idsOf(request))
            ++asked[id];
    }
    return asked;
}

// One operator's computer: its journal, its API client and poller, its team settings and sharing.
struct Workstation
{
    QString name;
    std::unique_ptr<TestEnvironment> dir;
    std::unique_ptr<Journal> journal;
    std::unique_ptr<ApiClient> client;
    std::unique_ptr<ApiLeadTransport> transport;
    std::unique_ptr<StatusPoller> poller;
    std::unique_ptr<TeamSettings> settings;
    std::unique_ptr<CredentialStore> credentials;
    std::unique_ptr<TeamSession> team;
    QStringList orderIds;

    ~Workstation()
    {
        team.reset(); // before the journal it reads
        poller.reset();
    }
};

} // namespace

class TestTeamRefresh : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void theHolderAsksAboutEveryOpenTeamLeadOnce();
    void aChangeReachesTheOtherJournalWithinTwoSeconds();
    void theLeaseMovesOnWhenItsHolderLeaves();
    void withTheTeamServerDownEachAsksForItself();
    void theTeamFunctionsServeOnlyTheHolderAndOnlyForward();
    void aServerRestartMidRefreshLosesAndDoublesNothing();

private:
    std::unique_ptr<Workstation> makeWorkstation(const QString &user, int firstLead);
    Workstation *holder();
    Workstation *other();
    // Runs one automatic refresh on each workstation's poller and waits for both to finish.
    void refreshBoth();
    QVariant serverValue(const QString &sql);

    TeamFixture m_team;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<Workstation> m_anna;
    std::unique_ptr<Workstation> m_boris;
};

void TestTeamRefresh::initTestCase()
{
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
    SandboxOptions options;
    options.speed = 0; // outcomes move only when the test moves them
    options.seed = 19;
    m_sandbox = std::make_unique<Sandbox>(options);
    QVERIFY(m_sandbox->listen() != 0);
}

void TestTeamRefresh::init()
{
    if (!m_team.server().isRunning())
        QVERIFY(m_team.server().restart());
    QVERIFY2(m_team.recreateDatabase(), qPrintable(m_team.errorString()));
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY2(owner.open(), qPrintable(owner.errorString()));
    QSqlDatabase db = owner.database();
    QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);

    static int round = 0;
    ++round;
    m_anna = makeWorkstation(TeamFixture::operatorA(), round * 100);
    QVERIFY(m_anna);
    m_boris = makeWorkstation(TeamFixture::operatorB(), round * 100 + 50);
    QVERIFY(m_boris);
    // Both share, both leads are at the server, and exactly one of them refreshes for the team.
    QTRY_COMPARE_WITH_TIMEOUT(serverValue(QStringLiteral("SELECT count(*) FROM leads")).toInt(),
                              2 * LeadsPerWorkstation, SettleMs);
    QTRY_VERIFY_WITH_TIMEOUT(holder() && other(), SettleMs);
}

void TestTeamRefresh::cleanup()
{
    m_sandbox->setLatency(SandboxLatency{});
    m_anna.reset();
    m_boris.reset();
    if (!m_team.server().isRunning())
        QVERIFY(m_team.server().restart());
}

std::unique_ptr<Workstation> TestTeamRefresh::makeWorkstation(const QString &user, int firstLead)
{
    auto station = std::make_unique<Workstation>();
    station->name = user;
    station->dir = std::make_unique<TestEnvironment>();
    const QString dir = station->dir->path();
    station->journal = std::make_unique<Journal>();
    if (!station->journal->open(dir + QStringLiteral("/journal.sqlite")))
        return nullptr;

    // Leads sent by a landing page to the sandbox, tracked in this journal by their ids.
    SandboxHttpClient landingPage(m_sandbox->baseUrl());
    for (int i = 0; i < LeadsPerWorkstation; ++i) {
        const QString id = QString::number(7700000 + firstLead + i);
        const QString phone = QStringLiteral("7903%1").arg(firstLead + i, 7, 10, QLatin1Char('0'));
        if (!landingPage.addLead(id, QStringLiteral("311"), phone).errorCode().isEmpty())
            return nullptr;
        station->orderIds << id;
    }
    if (station->journal->addTracked(profileId, station->orderIds, QDateTime::currentMSecsSinceEpoch()) !=
        LeadsPerWorkstation)
        return nullptr;

    SandboxOptions sandbox;
    ApiConfig api;
    api.baseUrl = m_sandbox->baseUrl();
    api.user = sandbox.user;
    api.key = sandbox.key;
    station->client = std::make_unique<ApiClient>();
    station->client->setConfig(api);
    station->transport = std::make_unique<ApiLeadTransport>(station->client.get());
    station->poller =
        std::make_unique<StatusPoller>(station->journal.get(), station->transport.get(), profileId);
    // On, so that the workstation competes for the refresh lease, and long: the test says when a round runs.
    station->poller->setAutoRefreshInterval(60 * 60 * 1000);

    station->settings = std::make_unique<TeamSettings>(dir + QStringLiteral("/team.ini"));
    station->credentials = std::make_unique<CredentialStore>(dir + QStringLiteral("/credentials"));
    const TeamServerConfig server = m_team.config(user);
    const TeamProfileSettings team = TeamSettings::sharingWith(server, user);
    if (!station->settings->setProfile(profileId, team))
        return nullptr;
    bool written = false;
    CredentialJob *job =
        station->credentials->writeKey(TeamSettings::passwordEntry(profileId), server.password);
    connect(job, &CredentialJob::finished, this, [&written](CredentialJob *done) { written = done->ok(); });
    if (!QTest::qWaitFor([&written] { return written; }, SettleMs))
        return nullptr;

    Profile profile;
    profile.id = profileId;
    profile.userId = sandbox.user;
    profile.isSandbox = true; // the same account on both workstations: demo@sandbox
    station->team = std::make_unique<TeamSession>(station->settings.get(), station->credentials.get());
    station->team->servePoller(station->poller.get()); // as AppSession does
    station->team->activate(profile, station->journal->filePath());
    return station;
}

Workstation *TestTeamRefresh::holder()
{
    for (Workstation *station : {m_anna.get(), m_boris.get()}) {
        if (station && station->team && station->team->role() == TeamCoverage::Role::Refresher)
            return station;
    }
    return nullptr;
}

Workstation *TestTeamRefresh::other()
{
    for (Workstation *station : {m_anna.get(), m_boris.get()}) {
        if (station && station->team && station->team->role() == TeamCoverage::Role::Covered)
            return station;
    }
    return nullptr;
}

QVariant TestTeamRefresh::serverValue(const QString &sql)
{
    return m_team.server().value(sql, TeamFixture::databaseName());
}

void TestTeamRefresh::refreshBoth()
{
    QSignalSpy annaDone(m_anna->poller.get(), &StatusPoller::finished);
    QSignalSpy borisDone(m_boris->poller.get(), &StatusPoller::finished);
    QVERIFY(m_anna->poller->refreshAll(StatusPoller::Trigger::Automatic));
    QVERIFY(m_boris->poller->refreshAll(StatusPoller::Trigger::Automatic));
    QTRY_COMPARE_WITH_TIMEOUT(annaDone.size(), 1, SettleMs);
    QTRY_COMPARE_WITH_TIMEOUT(borisDone.size(), 1, SettleMs);
    QCOMPARE(annaDone.at(0).at(0).toBool(), true);
    QCOMPARE(borisDone.at(0).at(0).toBool(), true);
}

void TestTeamRefresh::theHolderAsksAboutEveryOpenTeamLeadOnce()
{
    Workstation *refresher = holder();
    Workstation *covered = other();
    QSignalSpy started(refresher->poller.get(), &StatusPoller::started);
    QSignalSpy leftToTeam(covered->poller.get(), &StatusPoller::leftToTeam);
    m_sandbox->clearReceivedRequests();
    refreshBoth();

    // Every open lead of the team, both workstations' leads: asked once, by the holder.
    const QHash<QString, int> asked = timesAsked(m_sandbox.get());
    for (const QString &id : m_anna->orderIds + m_boris->orderIds)
        QVERIFY2(asked.value(id) == 1,
                 qPrintable(QStringLiteral("%1 asked %2 times").arg(id).arg(asked.value(id))));
    QCOMPARE(asked.size(), 2 * LeadsPerWorkstation);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).toInt(), 2 * LeadsPerWorkstation);
    QCOMPARE(leftToTeam.size(), 1);

    // A second round asks each of them once more, no more.
    m_sandbox->clearReceivedRequests();
    refreshBoth();
    const QHash<QString, int> again = timesAsked(m_sandbox.get());
    QCOMPARE(again.size(), 2 * LeadsPerWorkstation);
    for (auto it = again.cbegin(); it != again.cend(); ++it)
        QCOMPARE(it.value(), 1);
}

void TestTeamRefresh::aChangeReachesTheOtherJournalWithinTwoSeconds()
{
    Workstation *refresher = holder();
    Workstation *covered = other();
    const QString id = covered->orderIds.at(1);
    // A first round: the leads' first outcomes reach both journals through the team.
    refreshBoth();
    QTRY_VERIFY_WITH_TIMEOUT(
        !covered->journal->entryByOrderId(profileId, id).value_or(JournalEntry()).stage.isEmpty(), 2000);
    const QString firstStage = covered->journal->entryByOrderId(profileId, id)->stage;
    QVERIFY(firstStage != QStringLiteral("approve"));
    QVERIFY(m_sandbox->setLeadState(id, QStringLiteral("approve"), 6));
    QSignalSpy changed(covered->poller.get(), &StatusPoller::leadsChanged);
    QSignalSpy stages(covered->poller.get(), &StatusPoller::stagesChanged);

    // A manager's Team view, wired as MainWindow wires it, with that lead selected.
    TeamLeadsModel teamView(m_team.config(TeamFixture::manager()));
    connect(covered->team.get(), &TeamSession::teamLeadsChanged, &teamView, &TeamLeadsModel::refreshLoaded);
    teamView.reload();
    QTRY_VERIFY_WITH_TIMEOUT(teamView.rowCount() == 2 * LeadsPerWorkstation && teamView.isComplete(),
                             SettleMs);
    QItemSelectionModel selection(&teamView);
    for (int row = 0; row < teamView.rowCount(); ++row) {
        if (teamView.rowAt(row).orderId == id)
            selection.select(teamView.index(row, 0),
                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    QCOMPARE(selection.selectedRows().size(), 1);
    QVERIFY(teamView.rowAt(selection.selectedRows().at(0).row()).stage != QStringLiteral("approve"));

    QSignalSpy done(refresher->poller.get(), &StatusPoller::finished);
    QVERIFY(refresher->poller->refreshAll());
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, SettleMs);
    // From the end of the holder's round: the status is written at the server, NOTIFY, read, merged.
    QElapsedTimer sinceRefresh;
    sinceRefresh.start();
    QTRY_COMPARE_WITH_TIMEOUT(covered->journal->entryByOrderId(profileId, id).value_or(JournalEntry()).stage,
                              QStringLiteral("approve"), 2000);
    qInfo("the other workstation's journal had the new status %lld ms after the holder's round",
          sinceRefresh.elapsed());
    // Through the poller's merge: the Leads table, notifications and summary hear of it as after a refresh.
    QTRY_VERIFY(!changed.isEmpty());
    QTRY_COMPARE(stages.size(), 1);
    // The manager's view reloaded by itself, the selection still on that lead.
    QTRY_COMPARE_WITH_TIMEOUT(selection.selectedRows().size() == 1
                                  ? teamView.rowAt(selection.selectedRows().at(0).row()).stage
                                  : QString(),
                              QStringLiteral("approve"), 2000);
    QCOMPARE(teamView.rowAt(selection.selectedRows().at(0).row()).orderId, id);
    QCOMPARE(teamView.rowCount(), 2 * LeadsPerWorkstation);

    // At the server: the new outcome with its history, once.
    QCOMPARE(serverValue(QStringLiteral("SELECT stage FROM leads WHERE order_id = '%1'").arg(id)).toString(),
             QStringLiteral("approve"));
    QCOMPARE(serverValue(QStringLiteral("SELECT count(*) FROM status_history WHERE order_id = '%1'"
                                        " AND stage = 'approve'")
                             .arg(id))
                 .toInt(),
             1);
    // The other workstation's own leads that did not change stay as they were; the holder's journal
    // does not know the other's lead at all.
    QVERIFY(!refresher->journal->entryByOrderId(profileId, id).has_value());
}

void TestTeamRefresh::theLeaseMovesOnWhenItsHolderLeaves()
{
    Workstation *leaving = holder();
    Workstation *staying = other();
    const QString leavingUser = leaving->name;
    // Its session ends at the server without a word: as when the computer is switched off mid-work.
    QVERIFY(serverValue(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                       " WHERE usename = '%1'")
                            .arg(leavingUser))
                .toInt() > 0);
    leaving->team->stop();
    QElapsedTimer takeover;
    takeover.start();
    QTRY_COMPARE_WITH_TIMEOUT(staying->team->role(), TeamCoverage::Role::Refresher, 5000);
    qInfo("the other workstation took the refresh lease %lld ms after the holder left", takeover.elapsed());

    // The new holder's round covers the leaver's leads too, and writes their outcomes for the team.
    const QString id = leaving->orderIds.at(0);
    QVERIFY(m_sandbox->setLeadState(id, QStringLiteral("approve"), 6));
    m_sandbox->clearReceivedRequests();
    QSignalSpy done(staying->poller.get(), &StatusPoller::finished);
    QVERIFY(staying->poller->refreshAll());
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, SettleMs);
    const QHash<QString, int> asked = timesAsked(m_sandbox.get());
    for (const QString &lead : leaving->orderIds + staying->orderIds)
        QCOMPARE(asked.value(lead), 1);
    QTRY_COMPARE(
        serverValue(QStringLiteral("SELECT stage FROM leads WHERE order_id = '%1'").arg(id)).toString(),
        QStringLiteral("approve"));
}

void TestTeamRefresh::withTheTeamServerDownEachAsksForItself()
{
    QVERIFY(m_team.server().stop());
    // Within a sharing cycle, both notice; nobody's leads are covered any more.
    QTRY_COMPARE_WITH_TIMEOUT(m_anna->team->role(), TeamCoverage::Role::None, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_boris->team->role(), TeamCoverage::Role::None, 10000);
    const QString id = m_boris->orderIds.at(2);
    QVERIFY(m_sandbox->setLeadState(id, QStringLiteral("approve"), 6));
    m_sandbox->clearReceivedRequests();
    refreshBoth();
    // Each asked about its own leads, once.
    const QHash<QString, int> asked = timesAsked(m_sandbox.get());
    for (const QString &lead : m_anna->orderIds + m_boris->orderIds)
        QCOMPARE(asked.value(lead), 1);
    QCOMPARE(m_boris->journal->entryByOrderId(profileId, id).value_or(JournalEntry()).stage,
             QStringLiteral("approve"));
}

void TestTeamRefresh::theTeamFunctionsServeOnlyTheHolderAndOnlyForward()
{
    const QString id = m_anna->orderIds.at(0);
    const QString account =
        serverValue(QStringLiteral("SELECT account FROM leads WHERE order_id = '%1'").arg(id)).toString();
    QVERIFY(!account.isEmpty());
    // Boris by hand, in a session of his own, while a workstation holds the lease: refused.
    TeamConnection boris(m_team.config(TeamFixture::operatorB()));
    QVERIFY2(boris.open(), qPrintable(boris.errorString()));
    QSqlQuery query(boris.database());
    auto record = [&](const QString &stage, int status) {
        const QJsonObject row{{QStringLiteral("order_id"), id},
                              {QStringLiteral("stage"), stage},
                              {QStringLiteral("status"), status}};
        query.prepare(QStringLiteral("SELECT cpadesk_record_statuses(?, ?::bigint, ?::jsonb)"));
        query.addBindValue(account);
        query.addBindValue(QDateTime::currentMSecsSinceEpoch());
        query.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray{row}).toJson(QJsonDocument::Compact)));
        return query.exec() && query.next() && query.value(0).toInt() == 1;
    };
    QVERIFY(!record(QStringLiteral("approve"), 6));
    QCOMPARE(query.lastError().nativeErrorCode(), QStringLiteral("42501"));
    QVERIFY(!query.exec(QStringLiteral("SELECT cpadesk_open_team_leads('%1')").arg(account)));
    QCOMPARE(query.lastError().nativeErrorCode(), QStringLiteral("42501"));
    QCOMPARE(serverValue(QStringLiteral("SELECT stage FROM leads WHERE order_id = '%1'").arg(id)).toString(),
             QString());

    // Both workstations gone: Boris's session takes the lease, and then may move Anna's lead, forward only.
    m_anna.reset();
    m_boris.reset();
    QTRY_VERIFY_WITH_TIMEOUT(
        query.exec(QStringLiteral("SELECT pg_try_advisory_lock(7336, hashtext('%1'))").arg(account)) &&
            query.next() && query.value(0).toBool(),
        SettleMs);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM cpadesk_open_team_leads('%1')").arg(account)) &&
            query.next());
    QCOMPARE(query.value(0).toInt(), 2 * LeadsPerWorkstation);
    QVERIFY(record(QStringLiteral("approve"), 6));
    QVERIFY(!record(QStringLiteral("approve"), 6)); // the same again: nothing to write
    QVERIFY(!record(QStringLiteral("hold"), 4));    // backwards: refused
    QCOMPARE(serverValue(QStringLiteral("SELECT stage FROM leads WHERE order_id = '%1'").arg(id)).toString(),
             QStringLiteral("approve"));
    QCOMPARE(serverValue(QStringLiteral("SELECT count(*) FROM status_history WHERE order_id = '%1'").arg(id))
                 .toInt(),
             1);
    // Only order ids, and Anna's row itself still out of Boris's reach by plain SQL.
    QVERIFY(query.exec(QStringLiteral("UPDATE leads SET stage = 'trash' WHERE order_id = '%1'").arg(id)));
    QCOMPARE(query.numRowsAffected(), 0);
}

void TestTeamRefresh::aServerRestartMidRefreshLosesAndDoublesNothing()
{
    // Many open team leads, the two workstations' leads interleaved in the holder's round (it asks
    // oldest first), so that writes of both are under way when the server goes.
    constexpr int More = 600;
    SandboxHttpClient landingPage(m_sandbox->baseUrl());
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    for (int chunk = 0; chunk < More / 10; ++chunk) {
        for (Workstation *station : {m_anna.get(), m_boris.get()}) {
            const int first = (station == m_anna.get() ? 0 : More) + chunk * 10;
            QStringList ids;
            for (int i = first; i < first + 10; ++i) {
                const QString id = QString::number(7800000 + i);
                const QString phone = QStringLiteral("7904%1").arg(i, 7, 10, QLatin1Char('0'));
                QVERIFY(landingPage.addLead(id, QStringLiteral("311"), phone).errorCode().isEmpty());
                ids << id;
            }
            QCOMPARE(
                station->journal->addTracked(profileId, ids, base + chunk * 2 + (station == m_boris.get())),
                10);
            station->orderIds << ids;
        }
    }
    const QStringList everyLead = m_anna->orderIds + m_boris->orderIds;
    const int total = int(everyLead.size());
    QTRY_COMPARE_WITH_TIMEOUT(serverValue(QStringLiteral("SELECT count(*) FROM leads")).toInt(), total,
                              SettleMs);
    QTRY_VERIFY_WITH_TIMEOUT(holder() && other(), SettleMs);
    Workstation *firstHolder = holder();
    Workstation *firstOther = other();

    // Outcomes at the network: every lead has moved since it was sent, to one of four.
    struct Outcome
    {
        QString stage;
        int status = 0;
    };
    const QList<Outcome> outcomes = {{QStringLiteral("wait"), 2},
                                     {QStringLiteral("hold"), 4},
                                     {QStringLiteral("approve"), 6},
                                     {QStringLiteral("cancel"), 5}};
    QHash<QString, Outcome> expected;
    for (int i = 0; i < total; ++i) {
        const Outcome outcome = outcomes.at(i % outcomes.size());
        QVERIFY(m_sandbox->setLeadState(everyLead.at(i), outcome.stage, outcome.status));
        expected.insert(everyLead.at(i), outcome);
    }

    // A slow network: the round's answers come in waves (four requests in flight) of 400 ms, seven of
    // them, and each wave is written to the team database as it lands. The server restarts as soon as the
    // first of them is there.
    m_sandbox->setLatency(SandboxLatency{400, 0});
    m_sandbox->clearReceivedRequests();
    QSignalSpy firstRound(firstHolder->poller.get(), &StatusPoller::finished);
    QSignalSpy firstAsked(firstHolder->poller.get(), &StatusPoller::started);
    QVERIFY(firstHolder->poller->refreshAll());
    // Its automatic refresh, which leaves its leads to the team's round. Not refreshAll()'s default: that
    // is the operator's Refresh button, which asks list.json about this workstation's leads now (h26), so
    // each of them would be asked twice in this round and its change recorded twice, once by each.
    QVERIFY(firstOther->poller->refreshAll(StatusPoller::Trigger::Automatic));
    QTRY_VERIFY_WITH_TIMEOUT(serverValue(QStringLiteral("SELECT count(*) FROM status_history")).toInt() > 0,
                             SettleMs);
    const int writtenBefore = serverValue(QStringLiteral("SELECT count(*) FROM status_history")).toInt();
    // The team's round: every lead of both workstations asked by the holder.
    QCOMPARE(firstAsked.size(), 1);
    QCOMPARE(firstAsked.at(0).at(0).toInt(), total);
    QVERIFY2(writtenBefore < total,
             qPrintable(QStringLiteral("%1 of %2 written: not mid-refresh").arg(writtenBefore).arg(total)));
    const bool stillAsking = firstHolder->poller->isRunning();
    std::atomic<bool> restarted{false};
    std::atomic<bool> restartedOk{false};
    // On a thread of its own: the workstations' event loops go on meanwhile, as in life.
    std::unique_ptr<QThread> restart(QThread::create([&] {
        restartedOk = m_team.server().restart();
        restarted = true;
    }));
    restart->start();
    QTRY_VERIFY_WITH_TIMEOUT(restarted.load(), 60000);
    restart->wait();
    QVERIFY2(restartedOk.load(), qPrintable(m_team.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(firstRound.size(), 1, SettleMs);
    QCOMPARE(firstRound.at(0).at(0).toBool(), true); // list.json answered all along
    m_sandbox->setLatency(SandboxLatency{});

    // The restart did cut the holder's writes: some of the other workstation's leads (only a team round
    // writes those) have no outcome at the server yet.
    const int otherWritten =
        serverValue(QStringLiteral("SELECT count(*) FROM leads WHERE order_id IN ('%1') AND stage <> ''")
                        .arg(firstOther->orderIds.join(QStringLiteral("', '"))))
            .toInt();
    QVERIFY2(otherWritten < firstOther->orderIds.size(),
             qPrintable(QStringLiteral("all %1 of the other's outcomes were written before the restart")
                            .arg(otherWritten)));
    qInfo("the restart came after %d of %d outcomes were written (the round %s); %d of the other "
          "workstation's %lld were at the server after the round",
          writtenBefore, total, stillAsking ? "still asking" : "asked, its writes queued", otherWritten,
          qlonglong(firstOther->orderIds.size()));

    // Outcomes go on moving; both reconnect, one holds the lease again (either), and the next round
    // (the automatic one, minutes later in use) writes what the restart cut off.
    for (int i = 0; i < total; i += outcomes.size()) {
        QVERIFY(m_sandbox->setLeadState(everyLead.at(i), QStringLiteral("approve"), 6));
        expected[everyLead.at(i)] = {QStringLiteral("approve"), 6};
    }
    QTRY_VERIFY_WITH_TIMEOUT(holder() && other(), SettleMs);
    refreshBoth();

    // Every lead's outcome at the server and in its workstation's journal is the network's.
    const auto serverMismatches = [&] {
        const QStringList rows =
            serverValue(QStringLiteral("SELECT string_agg(order_id || ':' || stage || ':' || status, ',')"
                                       " FROM leads"))
                .toString()
                .split(QLatin1Char(','), Qt::SkipEmptyParts);
        QStringList wrong;
        for (const QString &row : rows) {
            const QStringList parts = row.split(QLatin1Char(':'));
            const Outcome want = expected.value(parts.at(0));
            if (parts.at(1) != want.stage || parts.at(2).toInt() != want.status)
                wrong << row;
        }
        if (rows.size() != total)
            wrong << QStringLiteral("%1 rows").arg(rows.size());
        return wrong.join(QLatin1Char(' '));
    };
    const auto journalMismatches = [&] {
        QStringList wrong;
        for (Workstation *station : {m_anna.get(), m_boris.get()}) {
            for (const QString &id : std::as_const(station->orderIds)) {
                const JournalEntry entry =
                    station->journal->entryByOrderId(profileId, id).value_or(JournalEntry());
                if (entry.stage != expected.value(id).stage || entry.status != expected.value(id).status)
                    wrong << station->name + QLatin1Char('/') + id + QLatin1Char(':') + entry.stage;
            }
        }
        return wrong.join(QLatin1Char(' '));
    };
    QTRY_COMPARE_WITH_TIMEOUT(serverMismatches(), QString(), SettleMs);
    QTRY_COMPARE_WITH_TIMEOUT(journalMismatches(), QString(), SettleMs);

    // No change recorded twice at the server, by the refresh or by a journal's push of it.
    QCOMPARE(serverValue(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM status_history GROUP BY account,"
                                        " order_id, stage, status, reason HAVING count(*) > 1) s"))
                 .toInt(),
             0);
    QCOMPARE(serverValue(QStringLiteral("SELECT count(DISTINCT order_id) FROM status_history")).toInt(),
             total);
    // No storm: each lead asked once per round, two rounds, whatever the restart did.
    const QHash<QString, int> asked = timesAsked(m_sandbox.get());
    for (const QString &id : everyLead)
        QVERIFY2(asked.value(id) >= 1 && asked.value(id) <= 2,
                 qPrintable(QStringLiteral("%1 asked %2 times").arg(id).arg(asked.value(id))));
    int requests = 0;
    for (const SandboxRequest &request : m_sandbox->receivedRequests())
        requests += request.path == "/ext/list.json" ? 1 : 0;
    QVERIFY2(requests <= 2 * ((total + 49) / 50) + 2, qPrintable(QString::number(requests)));
    // Nothing lost: every lead at the server once, and in its journal.
    QCOMPARE(serverValue(QStringLiteral("SELECT count(DISTINCT order_id) FROM leads")).toInt(), total);
}

QTEST_GUILESS_MAIN(TestTeamRefresh)
#include "tst_teamrefresh.moc"

// The team's one refresh when the workstation holding it should not, or cannot, serve everyone (issue 19,
// review of the refresh lease): its automatic refresh off or rare, its key refused; sharing restarted while
// the holder reads the team's leads; a lead another workstation shared first. Two workstations of one
// account, as in tst_teamrefresh, against the test's own PostgreSQL and the sandbox on 127.0.0.1, which
// counts what list.json RECEIVED.
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
#include "team/TeamSchema.h"
#include "team/TeamSettings.h"

#include <QHash>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {

const QString profileId = QStringLiteral("main");
constexpr int LeadsPerWorkstation = 3;
constexpr qint64 HourMs = 60 * 60 * 1000;
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

class TestTeamRefreshFaults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aHolderWhoseAutomaticRefreshIsOffLeavesTheLease();
    void aHolderWhoseKeyIsRefusedLeavesTheLease();
    void coveredWorkstationsAskForThemselvesWhenTheTeamsRoundsGoQuiet();
    void theOperatorsRefreshOnACoveredWorkstationAsksAboutItsLeads();
    void aRestartOfSharingWhileTheTeamsLeadsAreReadEndsTheRefresh();
    void aPollerDetachedWhileTheTeamsLeadsAreReadEndsTheRefresh();
    void aLeadSharedFirstByAnotherWorkstationIsRefreshedByItsTracker();

private:
    std::unique_ptr<Workstation> makeWorkstation(const QString &user, int firstLead);
    Workstation *withRole(TeamCoverage::Role role);
    QVariant serverValue(const QString &sql);

    TeamFixture m_team;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<Workstation> m_anna;
    std::unique_ptr<Workstation> m_boris;
};

void TestTeamRefreshFaults::initTestCase()
{
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
    SandboxOptions options;
    options.speed = 0; // outcomes move only when the test moves them
    options.seed = 26;
    m_sandbox = std::make_unique<Sandbox>(options);
    QVERIFY(m_sandbox->listen() != 0);
}

void TestTeamRefreshFaults::init()
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
    QTRY_COMPARE_WITH_TIMEOUT(serverValue(QStringLiteral("SELECT count(*) FROM leads")).toInt(),
                              2 * LeadsPerWorkstation, SettleMs);
    QTRY_VERIFY_WITH_TIMEOUT(withRole(TeamCoverage::Role::Refresher) && withRole(TeamCoverage::Role::Covered),
                             SettleMs);
}

void TestTeamRefreshFaults::cleanup()
{
    m_anna.reset();
    m_boris.reset();
    if (!m_team.server().isRunning())
        QVERIFY(m_team.server().restart());
}

std::unique_ptr<Workstation> TestTeamRefreshFaults::makeWorkstation(const QString &user, int firstLead)
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

Workstation *TestTeamRefreshFaults::withRole(TeamCoverage::Role role)
{
    for (Workstation *station : {m_anna.get(), m_boris.get()}) {
        if (station && station->team && station->team->role() == role)
            return station;
    }
    return nullptr;
}

QVariant TestTeamRefreshFaults::serverValue(const QString &sql)
{
    return m_team.server().value(sql, TeamFixture::databaseName());
}

void TestTeamRefreshFaults::aHolderWhoseAutomaticRefreshIsOffLeavesTheLease()
{
    Workstation *holder = withRole(TeamCoverage::Role::Refresher);
    Workstation *covered = withRole(TeamCoverage::Role::Covered);
    // "Refresh statuses every: Off" on the holder: it would never refresh for the team.
    holder->poller->setAutoRefreshInterval(0);
    QTRY_COMPARE_WITH_TIMEOUT(covered->team->role(), TeamCoverage::Role::Refresher, 5000);
    QCOMPARE(holder->team->role(), TeamCoverage::Role::None);

    // The new holder's round asks about the old holder's leads too; the old one, asked by its operator,
    // asks about its own.
    m_sandbox->clearReceivedRequests();
    QSignalSpy done(covered->poller.get(), &StatusPoller::finished);
    QVERIFY(covered->poller->refreshAll(StatusPoller::Trigger::Automatic));
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, SettleMs);
    QHash<QString, int> asked = timesAsked(m_sandbox.get());
    for (const QString &id : holder->orderIds + covered->orderIds)
        QCOMPARE(asked.value(id), 1);

    // Turned on again, it competes again: it takes the lease once the other lets it go.
    holder->poller->setAutoRefreshInterval(HourMs);
    covered->poller->setAutoRefreshInterval(0);
    QTRY_COMPARE_WITH_TIMEOUT(holder->team->role(), TeamCoverage::Role::Refresher, 5000);
}

void TestTeamRefreshFaults::aHolderWhoseKeyIsRefusedLeavesTheLease()
{
    Workstation *holder = withRole(TeamCoverage::Role::Refresher);
    Workstation *covered = withRole(TeamCoverage::Role::Covered);
    ApiConfig wrong = holder->client->config();
    wrong.key = QStringLiteral("not-the-key");
    holder->client->setConfig(wrong);
    QSignalSpy failed(holder->poller.get(), &StatusPoller::refreshFailed);
    QSignalSpy done(holder->poller.get(), &StatusPoller::finished);
    QVERIFY(holder->poller->refreshAll(StatusPoller::Trigger::Automatic));
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, SettleMs);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<ApiError>().code, QStringLiteral("key"));
    // The other workstation, whose key works, refreshes for the team now.
    QTRY_COMPARE_WITH_TIMEOUT(covered->team->role(), TeamCoverage::Role::Refresher, 5000);
    QCOMPARE(holder->team->role(), TeamCoverage::Role::None);

    // The key put right, a refresh of its own gets through: it competes again.
    holder->client->setConfig(covered->client->config());
    QVERIFY(holder->poller->refreshAll(StatusPoller::Trigger::Automatic));
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, SettleMs);
    QCOMPARE(done.at(1).at(0).toBool(), true);
    covered->poller->setAutoRefreshInterval(0);
    QTRY_COMPARE_WITH_TIMEOUT(holder->team->role(), TeamCoverage::Role::Refresher, 5000);
}

void TestTeamRefreshFaults::coveredWorkstationsAskForThemselvesWhenTheTeamsRoundsGoQuiet()
{
    Workstation *holder = withRole(TeamCoverage::Role::Refresher);
    Workstation *covered = withRole(TeamCoverage::Role::Covered);
    // The holder refreshes once an hour (as "every 24 h" would); the covered one every second. With no
    // round of the team heard of for 3 of its intervals, it asks about its own leads.
    const QString id = covered->orderIds.at(0);
    QVERIFY(m_sandbox->setLeadState(id, QStringLiteral("approve"), 6));
    m_sandbox->clearReceivedRequests();
    covered->poller->setAutoRefreshInterval(1000);
    QTRY_COMPARE_WITH_TIMEOUT(covered->journal->entryByOrderId(profileId, id).value_or(JournalEntry()).stage,
                              QStringLiteral("approve"), SettleMs);
    QHash<QString, int> asked = timesAsked(m_sandbox.get());
    for (const QString &own : covered->orderIds)
        QVERIFY(asked.value(own) >= 1);
    for (const QString &others : holder->orderIds)
        QCOMPARE(asked.value(others), 0);
    QCOMPARE(covered->team->role(), TeamCoverage::Role::Covered); // the lease stays where it is

    // A round of the holder heard of: the covered workstation leaves its leads to the team again.
    QSignalSpy leftToTeam(covered->poller.get(), &StatusPoller::leftToTeam);
    QSignalSpy done(holder->poller.get(), &StatusPoller::finished);
    QVERIFY(holder->poller->refreshAll(StatusPoller::Trigger::Automatic));
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, SettleMs);
    QVERIFY(done.at(0).at(0).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!leftToTeam.isEmpty(), 5000);
    covered->poller->setAutoRefreshInterval(HourMs);
}

void TestTeamRefreshFaults::theOperatorsRefreshOnACoveredWorkstationAsksAboutItsLeads()
{
    Workstation *holder = withRole(TeamCoverage::Role::Refresher);
    Workstation *covered = withRole(TeamCoverage::Role::Covered);
    const QString id = covered->orderIds.at(2);
    QVERIFY(m_sandbox->setLeadState(id, QStringLiteral("approve"), 6));
    m_sandbox->clearReceivedRequests();
    QSignalSpy leftToTeam(covered->poller.get(), &StatusPoller::leftToTeam);
    QSignalSpy done(covered->poller.get(), &StatusPoller::finished);
    QVERIFY(covered->poller->refreshAll()); // the Refresh button
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, SettleMs);
    QVERIFY(done.at(0).at(0).toBool());
    QCOMPARE(leftToTeam.size(), 0);
    // Its own leads, now, once each; the team's others are the holder's to ask.
    const QHash<QString, int> asked = timesAsked(m_sandbox.get());
    for (const QString &own : covered->orderIds)
        QCOMPARE(asked.value(own), 1);
    for (const QString &others : holder->orderIds)
        QCOMPARE(asked.value(others), 0);
    QCOMPARE(covered->journal->entryByOrderId(profileId, id).value_or(JournalEntry()).stage,
             QStringLiteral("approve"));
    // And through its push, the team has it too.
    QTRY_COMPARE_WITH_TIMEOUT(
        serverValue(QStringLiteral("SELECT stage FROM leads WHERE order_id = '%1'").arg(id)).toString(),
        QStringLiteral("approve"), SettleMs);
}

void TestTeamRefreshFaults::aRestartOfSharingWhileTheTeamsLeadsAreReadEndsTheRefresh()
{
    Workstation *holder = withRole(TeamCoverage::Role::Refresher);
    // The holder's read of the team's open leads waits at the server: the owner locks the table.
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY2(owner.open(), qPrintable(owner.errorString()));
    QSqlDatabase db = owner.database();
    QVERIFY(db.transaction());
    QSqlQuery lock(db);
    QVERIFY2(lock.exec(QStringLiteral("LOCK TABLE leads IN ACCESS EXCLUSIVE MODE")),
             qPrintable(lock.lastError().text()));

    QSignalSpy done(holder->poller.get(), &StatusPoller::finished);
    QSignalSpy started(holder->poller.get(), &StatusPoller::started);
    m_sandbox->clearReceivedRequests();
    QVERIFY(holder->poller->refreshAll(StatusPoller::Trigger::Automatic));
    QTRY_VERIFY_WITH_TIMEOUT(
        serverValue(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                   " AND usename = '%1'")
                        .arg(holder->name))
                .toInt() == 1,
        SettleMs);

    // The operator's name changed in the settings: sharing restarts, the read's sync is retired.
    TeamProfileSettings settings = holder->settings->profile(profileId);
    settings.operatorName += QStringLiteral(" (renamed)");
    QVERIFY(holder->settings->setProfile(profileId, settings));
    holder->team->reload();

    // The refresh ends all the same, on the profile's own leads, while the table is still locked.
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, SettleMs);
    QVERIFY(done.at(0).at(0).toBool());
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).toInt(), LeadsPerWorkstation);
    const QHash<QString, int> asked = timesAsked(m_sandbox.get());
    for (const QString &own : holder->orderIds)
        QCOMPARE(asked.value(own), 1);
    QVERIFY(!holder->poller->isRunning());
    db.rollback();
}

void TestTeamRefreshFaults::aPollerDetachedWhileTheTeamsLeadsAreReadEndsTheRefresh()
{
    Workstation *holder = withRole(TeamCoverage::Role::Refresher);
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY2(owner.open(), qPrintable(owner.errorString()));
    QSqlDatabase db = owner.database();
    QVERIFY(db.transaction());
    QSqlQuery lock(db);
    QVERIFY2(lock.exec(QStringLiteral("LOCK TABLE leads IN ACCESS EXCLUSIVE MODE")),
             qPrintable(lock.lastError().text()));
    QSignalSpy done(holder->poller.get(), &StatusPoller::finished);
    QVERIFY(holder->poller->refreshAll(StatusPoller::Trigger::Automatic));
    QTRY_VERIFY_WITH_TIMEOUT(
        serverValue(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                   " AND usename = '%1'")
                        .arg(holder->name))
                .toInt() == 1,
        SettleMs);
    // The poller leaves the team (as when AppSession hands the team another poller): its read's answer
    // will not reach it, and its round goes on as its own.
    holder->team->servePoller(nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, SettleMs);
    QVERIFY(done.at(0).at(0).toBool());
    db.rollback();
}

void TestTeamRefreshFaults::aLeadSharedFirstByAnotherWorkstationIsRefreshedByItsTracker()
{
    Workstation *holder = withRole(TeamCoverage::Role::Refresher);
    Workstation *covered = withRole(TeamCoverage::Role::Covered);
    // The covered workstation tracks one of the holder's orders too: its push of it is refused, and the
    // server keeps the holder's row from its login.
    const QString shared = holder->orderIds.at(1);
    QCOMPARE(covered->journal->addTracked(profileId, {shared}, QDateTime::currentMSecsSinceEpoch()), 1);
    covered->team->nudge();
    QTRY_VERIFY_WITH_TIMEOUT(covered->team->state().leftToOthers >= 1, SettleMs);
    QTRY_COMPARE_WITH_TIMEOUT(covered->team->state().waitingLeads, 0, SettleMs);
    QCOMPARE(covered->team->role(), TeamCoverage::Role::Covered);

    QVERIFY(m_sandbox->setLeadState(shared, QStringLiteral("approve"), 6));
    m_sandbox->clearReceivedRequests();
    QSignalSpy holderDone(holder->poller.get(), &StatusPoller::finished);
    QSignalSpy coveredDone(covered->poller.get(), &StatusPoller::finished);
    QSignalSpy coveredStarted(covered->poller.get(), &StatusPoller::started);
    QVERIFY(holder->poller->refreshAll(StatusPoller::Trigger::Automatic));
    QTRY_COMPARE_WITH_TIMEOUT(holderDone.size(), 1, SettleMs);
    QVERIFY(covered->poller->refreshAll(StatusPoller::Trigger::Automatic));
    QTRY_COMPARE_WITH_TIMEOUT(coveredDone.size(), 1, SettleMs);
    QVERIFY(coveredDone.at(0).at(0).toBool());

    // The covered workstation asked about that lead alone: its own shared leads are the holder's round's.
    QCOMPARE(coveredStarted.size(), 1);
    QCOMPARE(coveredStarted.at(0).at(0).toInt(), 1);
    const QHash<QString, int> asked = timesAsked(m_sandbox.get());
    QCOMPARE(asked.value(shared), 2); // the holder's round for the team, and the tracker's
    for (const QString &id : holder->orderIds + covered->orderIds) {
        if (id != shared)
            QCOMPARE(asked.value(id), 1);
    }
    // Both journals have the outcome the sandbox gives.
    QCOMPARE(covered->journal->entryByOrderId(profileId, shared).value_or(JournalEntry()).stage,
             QStringLiteral("approve"));
    QTRY_COMPARE_WITH_TIMEOUT(
        holder->journal->entryByOrderId(profileId, shared).value_or(JournalEntry()).stage,
        QStringLiteral("approve"), 2000);
}

QTEST_GUILESS_MAIN(TestTeamRefreshFaults)
#include "tst_teamrefreshfaults.moc"

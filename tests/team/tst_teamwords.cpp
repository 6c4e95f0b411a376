// The network's own words for a lead's outcome (list.json "status_text", "reason_text", "stage_text") and
// its comment travel through the team database like the codes do (TeamSchema version 6): pushed from a
// journal, written by the team refresh's holder, read by the manager's Team view and exported, and merged
// into every workstation's journal. Two workstations of one account, each with its own journal, poller and
// TeamSession (as AppSession wires them), share their leads with the test's own PostgreSQL and ask a
// sandbox that answers as an older engine does (status and status_text only). What the team holds is
// read at the server as its superuser.
#include "SandboxHttpClient.h"
#include "TeamFixture.h"
#include "TestEnvironment.h"
#include "api/ApiClient.h"
#include "api/ReplyParser.h"
#include "journal/Journal.h"
#include "leads/StatusCatalog.h"
#include "sandbox/Sandbox.h"
#include "session/TeamSession.h"
#include "settings/CredentialStore.h"
#include "settings/Profile.h"
#include "status/LeadTableModel.h"
#include "sync/ApiLeadTransport.h"
#include "sync/StatusPoller.h"
#include "team/TeamConnection.h"
#include "team/TeamLeadsModel.h"
#include "team/TeamSchema.h"
#include "team/TeamSettings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

namespace {

const QString profileId = QStringLiteral("main");
// A key no other value of the test contains, so that finding it anywhere means it leaked.
const QString apiUser = QStringLiteral("demo");
const QString apiKey = QStringLiteral("Kq7-secret-key-19");
// What the sandbox's older engine calls status 17 (SandboxCatalogue::engineStatusWords): the network's
// words, in its language.
const QString engineWords17 = QStringLiteral("Особый статус 17");
constexpr int UnknownStatus = 17;
constexpr int LeadsPerWorkstation = 2;
constexpr int SettleMs = 20000; // connecting, installing the schema, first pushes: generous on a busy CI

// One operator's computer: its journal, its API client and poller, its team settings and sharing. (As in
// tst_teamrefresh.cpp, which keeps its own copy: the two files are worked on separately.)
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

class TestTeamWords : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void theNetworksWordsReachTheServerTheTeamViewAndTheOtherJournal();
    void theTeamExportCarriesTheLocalExportsWords();
    void noKeyReachesTheTeamsWords();
    void theHoldersWriterKeepsWordsWithTheirCode();

private:
    std::unique_ptr<Workstation> makeWorkstation(const QString &user, int firstLead);
    Workstation *holder();
    Workstation *other();
    void refreshBoth();
    QVariant serverValue(const QString &sql);
    // The row of `orderId` in the manager's Team view, loaded whole; -1 when it is not there.
    static int rowOf(const TeamLeadsModel &model, const QString &orderId);

    TeamFixture m_team;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<Workstation> m_anna;
    std::unique_ptr<Workstation> m_boris;
};

void TestTeamWords::initTestCase()
{
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
    SandboxOptions options;
    options.speed = 0; // outcomes move only when the test moves them
    options.seed = 23;
    options.user = apiUser;
    options.key = apiKey;
    options.olderEngine = true; // list.json rows: id, status and status_text, nothing else
    m_sandbox = std::make_unique<Sandbox>(options);
    QVERIFY(m_sandbox->listen() != 0);
}

void TestTeamWords::init()
{
    QVERIFY2(m_team.recreateDatabase(), qPrintable(m_team.errorString()));
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY2(owner.open(), qPrintable(owner.errorString()));
    QSqlDatabase db = owner.database();
    QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
    // The workstations are made by the tests that need them.
}

void TestTeamWords::cleanup()
{
    m_anna.reset();
    m_boris.reset();
}

std::unique_ptr<Workstation> TestTeamWords::makeWorkstation(const QString &user, int firstLead)
{
    auto station = std::make_unique<Workstation>();
    station->name = user;
    station->dir = std::make_unique<TestEnvironment>();
    const QString dir = station->dir->path();
    station->journal = std::make_unique<Journal>();
    if (!station->journal->open(dir + QStringLiteral("/journal.sqlite")))
        return nullptr;

    // Leads sent by a landing page to the sandbox, tracked in this journal by their ids.
    SandboxHttpClient landingPage(m_sandbox->baseUrl(), apiUser, apiKey);
    for (int i = 0; i < LeadsPerWorkstation; ++i) {
        const QString id = QString::number(8800000 + firstLead + i);
        const QString phone = QStringLiteral("7904%1").arg(firstLead + i, 7, 10, QLatin1Char('0'));
        if (!landingPage.addLead(id, QStringLiteral("311"), phone).errorCode().isEmpty())
            return nullptr;
        station->orderIds << id;
    }
    if (station->journal->addTracked(profileId, station->orderIds, QDateTime::currentMSecsSinceEpoch()) !=
        LeadsPerWorkstation)
        return nullptr;

    ApiConfig api;
    api.baseUrl = m_sandbox->baseUrl();
    api.user = apiUser;
    api.key = apiKey;
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
    profile.userId = apiUser;
    profile.isSandbox = true; // the same account on both workstations
    station->team = std::make_unique<TeamSession>(station->settings.get(), station->credentials.get());
    station->team->servePoller(station->poller.get()); // as AppSession does
    station->team->activate(profile, station->journal->filePath());
    return station;
}

Workstation *TestTeamWords::holder()
{
    for (Workstation *station : {m_anna.get(), m_boris.get()}) {
        if (station && station->team && station->team->role() == TeamCoverage::Role::Refresher)
            return station;
    }
    return nullptr;
}

Workstation *TestTeamWords::other()
{
    for (Workstation *station : {m_anna.get(), m_boris.get()}) {
        if (station && station->team && station->team->role() == TeamCoverage::Role::Covered)
            return station;
    }
    return nullptr;
}

QVariant TestTeamWords::serverValue(const QString &sql)
{
    return m_team.server().value(sql, TeamFixture::databaseName());
}

void TestTeamWords::refreshBoth()
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

int TestTeamWords::rowOf(const TeamLeadsModel &model, const QString &orderId)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rowAt(row).orderId == orderId)
            return row;
    }
    return -1;
}

void TestTeamWords::theNetworksWordsReachTheServerTheTeamViewAndTheOtherJournal()
{
    static int round = 0;
    ++round;
    m_anna = makeWorkstation(TeamFixture::operatorA(), round * 100);
    QVERIFY(m_anna);
    m_boris = makeWorkstation(TeamFixture::operatorB(), round * 100 + 50);
    QVERIFY(m_boris);
    QTRY_COMPARE_WITH_TIMEOUT(serverValue(QStringLiteral("SELECT count(*) FROM leads")).toInt(),
                              2 * LeadsPerWorkstation, SettleMs);
    QTRY_VERIFY_WITH_TIMEOUT(holder() && other(), SettleMs);
    Workstation *covered = other();
    // The covered workstation's lead moves to a status this version does not know; only the holder
    // asks list.json about it.
    const QString id = covered->orderIds.at(0);
    QVERIFY(m_sandbox->setLeadState(id, QString(), UnknownStatus));
    refreshBoth();

    // At the server: the code and the network's words for it, written by the holder's refresh.
    QTRY_COMPARE_WITH_TIMEOUT(
        serverValue(QStringLiteral("SELECT status_text FROM leads WHERE order_id = '%1'").arg(id)).toString(),
        engineWords17, SettleMs);
    QCOMPARE(serverValue(QStringLiteral("SELECT status FROM leads WHERE order_id = '%1'").arg(id)).toInt(),
             UnknownStatus);

    // In the other workstation's journal, through the team refresh (it asked list.json nothing itself).
    QTRY_COMPARE_WITH_TIMEOUT(
        covered->journal->entryByOrderId(profileId, id).value_or(JournalEntry()).statusText, engineWords17,
        SettleMs);
    QCOMPARE(covered->journal->entryByOrderId(profileId, id)->status, UnknownStatus);

    // In the manager's Team view, in the Status column: the network's words, as the operator's own
    // table shows them, not "Status 17".
    TeamLeadsModel teamView(m_team.config(TeamFixture::manager()));
    teamView.reload();
    QTRY_VERIFY_WITH_TIMEOUT(teamView.rowCount() == 2 * LeadsPerWorkstation && teamView.isComplete(),
                             SettleMs);
    const int row = rowOf(teamView, id);
    QVERIFY(row >= 0);
    QCOMPARE(teamView.index(row, TeamLeadsQuery::Status).data().toString(), engineWords17);
    QCOMPARE(teamView.index(row, TeamLeadsQuery::Status).data(LeadTableModel::ExportRole).toString(),
             engineWords17);
    LeadTableModel local(covered->journal.get());
    local.setProfile(profileId);
    local.reload();
    const int localRow = local.rowOfKey(covered->journal->entryByOrderId(profileId, id)->key);
    QVERIFY(localRow >= 0);
    QCOMPARE(teamView.index(row, TeamLeadsQuery::Status).data().toString(),
             local.index(localRow, LeadTableModel::Status).data().toString());
}

void TestTeamWords::theTeamExportCarriesTheLocalExportsWords()
{
    // A lead of Anna's with the network's words for an unknown status and reason and its comment, as a
    // list.json row brings them, merged into her journal and shared from there (TeamPusher).
    m_anna = makeWorkstation(TeamFixture::operatorA(), 900);
    QVERIFY(m_anna);
    const QString id = m_anna->orderIds.at(1);
    QTRY_COMPARE_WITH_TIMEOUT(
        serverValue(QStringLiteral("SELECT count(*) FROM leads WHERE order_id = '%1'").arg(id)).toInt(), 1,
        SettleMs);
    const QByteArray answer =
        QStringLiteral(R"({"%1":{"id":"%1","uid":"55%1","stage":"cancel","status":5,)"
                       R"("reason":19,"reason_text":"Клиент уехал","comment":"Перезвонить)"
                       R"( в мае"}})")
            .arg(id)
            .toUtf8();
    const ListResult parsed = ReplyParser::parseListReply(200, answer, apiKey);
    QCOMPARE(parsed.rows.size(), 1);
    m_anna->journal->mergeStatuses(profileId, parsed.rows, QDateTime::currentMSecsSinceEpoch());
    m_anna->team->nudge();
    QTRY_COMPARE_WITH_TIMEOUT(
        serverValue(
            QStringLiteral("SELECT reason_text || '/' || comment FROM leads WHERE order_id = '%1'").arg(id))
            .toString(),
        QStringLiteral("Клиент уехал/Перезвонить в мае"), SettleMs);

    // The local table's export cells and the Team view's, column by column: the same words.
    LeadTableModel local(m_anna->journal.get());
    local.setProfile(profileId);
    local.reload();
    const int localRow = local.rowOfKey(m_anna->journal->entryByOrderId(profileId, id)->key);
    QVERIFY(localRow >= 0);
    TeamLeadsModel teamView(m_team.config(TeamFixture::manager()));
    teamView.reload();
    QTRY_VERIFY_WITH_TIMEOUT(teamView.rowCount() == LeadsPerWorkstation && teamView.isComplete(), SettleMs);
    const int row = rowOf(teamView, id);
    QVERIFY(row >= 0);
    const std::pair<int, int> columns[] = {{LeadTableModel::Stage, TeamLeadsQuery::Stage},
                                           {LeadTableModel::Status, TeamLeadsQuery::Status},
                                           {LeadTableModel::Reason, TeamLeadsQuery::Reason},
                                           {LeadTableModel::Comment, TeamLeadsQuery::Comment}};
    for (const auto &[localColumn, teamColumn] : columns) {
        QCOMPARE(teamView.index(row, teamColumn).data(LeadTableModel::ExportRole).toString(),
                 local.index(localRow, localColumn).data(LeadTableModel::ExportRole).toString());
        QCOMPARE(teamView.headerData(teamColumn, Qt::Horizontal).toString(),
                 local.headerData(localColumn, Qt::Horizontal).toString());
    }
    QCOMPARE(teamView.index(row, TeamLeadsQuery::Reason).data().toString(), QStringLiteral("Клиент уехал"));

    // And the Team view's CSV export, streamed from the server, carries them.
    TestEnvironment out;
    const QString file = out.path() + QStringLiteral("/team.csv");
    QSignalSpy exported(&teamView, &TeamLeadsModel::exportFinished);
    teamView.exportTo(file, {TeamLeadsQuery::OrderId, TeamLeadsQuery::Status, TeamLeadsQuery::Reason,
                             TeamLeadsQuery::Comment});
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, SettleMs);
    QVERIFY2(exported.at(0).at(0).toBool(), qPrintable(exported.at(0).at(3).toString()));
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    const QString expected =
        QStringList{id,
                    local.index(localRow, LeadTableModel::Status).data(LeadTableModel::ExportRole).toString(),
                    QStringLiteral("Клиент уехал"), QStringLiteral("Перезвонить в мае")}
            .join(QLatin1Char(','));
    QVERIFY2(text.contains(expected), qPrintable(text));
}

void TestTeamWords::noKeyReachesTheTeamsWords()
{
    m_anna = makeWorkstation(TeamFixture::operatorA(), 700);
    QVERIFY(m_anna);
    m_boris = makeWorkstation(TeamFixture::operatorB(), 750);
    QVERIFY(m_boris);
    QTRY_COMPARE_WITH_TIMEOUT(serverValue(QStringLiteral("SELECT count(*) FROM leads")).toInt(),
                              2 * LeadsPerWorkstation, SettleMs);
    QTRY_VERIFY_WITH_TIMEOUT(holder() && other(), SettleMs);
    Workstation *refresher = holder();
    const QString own = refresher->orderIds.at(0);
    const QString others = other()->orderIds.at(0);

    // A broken or hostile server echoes the key into every word of its rows. The parser is what stands
    // between it and the team database: both ways there go through its rows, the holder's own journal
    // (pushed) and the team refresh's writer (recorded for the other's lead).
    auto row = [](const QString &id) {
        return QStringLiteral(R"("%1":{"id":"%1","stage":"cancel","status":5,"reason":21,)"
                              R"("status_text":"st %2","reason_text":"key=%2","stage_text":"%2",)"
                              R"("comment":"your key is %2"})")
            .arg(id, apiKey);
    };
    const QByteArray answer =
        (QLatin1Char('{') + row(own) + QLatin1Char(',') + row(others) + QLatin1Char('}')).toUtf8();
    const ListResult parsed = ReplyParser::parseListReply(200, answer, apiKey);
    QCOMPARE(parsed.rows.size(), 2);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    refresher->team->recordTeamStatuses(parsed.rows, now);
    refresher->journal->mergeStatuses(profileId, parsed.rows, now);
    refresher->team->nudge();
    for (const QString &id : {own, others}) {
        QTRY_VERIFY_WITH_TIMEOUT(
            !serverValue(QStringLiteral("SELECT comment FROM leads WHERE order_id = '%1'").arg(id))
                 .toString()
                 .isEmpty(),
            SettleMs);
    }
    // Not in any column of any row (the whole row as text), nor in the history.
    const QString leaks =
        QStringLiteral("SELECT count(*) FROM %1 t WHERE strpos(lower(t::text), lower('%2')) > 0");
    QCOMPARE(serverValue(leaks.arg(QStringLiteral("leads"), apiKey)).toInt(), 0);
    QCOMPARE(serverValue(leaks.arg(QStringLiteral("status_history"), apiKey)).toInt(), 0);
    QCOMPARE(serverValue(leaks.arg(QStringLiteral("workstations"), apiKey)).toInt(), 0);
    // The words did arrive, only without the key.
    QCOMPARE(serverValue(QStringLiteral("SELECT count(*) FROM leads WHERE status_text LIKE 'st %'")).toInt(),
             2);
    // Nor in the other workstation's journal, merged from the team.
    QTRY_VERIFY_WITH_TIMEOUT(
        !other()->journal->entryByOrderId(profileId, others).value_or(JournalEntry()).comment.isEmpty(),
        SettleMs);
    const JournalEntry merged = *other()->journal->entryByOrderId(profileId, others);
    for (const QString &words : {merged.statusText, merged.reasonText, merged.stageText, merged.comment})
        QVERIFY2(!words.contains(apiKey, Qt::CaseInsensitive), qPrintable(words));
}

void TestTeamWords::theHoldersWriterKeepsWordsWithTheirCode()
{
    // Anna's lead, written by hand through her login; the writer is then called by her session holding
    // the account's refresh lease, as the team refresh does (no workstation runs here).
    TeamConnection anna(m_team.config(TeamFixture::operatorA()));
    QVERIFY2(anna.open(), qPrintable(anna.errorString()));
    QSqlQuery query(anna.database());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO workstations (workstation_id) VALUES ('ws-anna')")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO leads (account, order_id, workstation_id, send_state,"
                                      " created_at) VALUES ('acc', '1001', 'ws-anna', 'sent', now())")));
    QVERIFY(query.exec(QStringLiteral("SELECT pg_try_advisory_lock(7336, hashtext('acc'))")) &&
            query.next() && query.value(0).toBool());
    qint64 at = QDateTime::currentMSecsSinceEpoch();
    auto record = [&](const QString &stage, int status, const QString &statusText, const QString &comment) {
        const QJsonObject row{{QStringLiteral("order_id"), QStringLiteral("1001")},
                              {QStringLiteral("stage"), stage},
                              {QStringLiteral("status"), status},
                              {QStringLiteral("reason"), 0},
                              {QStringLiteral("status_text"), statusText},
                              {QStringLiteral("comment"), comment}};
        query.prepare(QStringLiteral("SELECT cpadesk_record_statuses('acc', ?::bigint, ?::jsonb)"));
        query.addBindValue(at += 1000);
        query.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray{row}).toJson(QJsonDocument::Compact)));
        return query.exec() && query.next() && query.value(0).toInt() == 1;
    };
    auto words = [this] {
        return serverValue(
                   QStringLiteral("SELECT stage || '/' || status || '/' || status_text || '/' || comment"
                                  " FROM leads WHERE order_id = '1001'"))
            .toString();
    };
    QVERIFY(record(QStringLiteral("wait"), UnknownStatus, engineWords17, QString()));
    QCOMPARE(words(), QStringLiteral("wait/17/%1/").arg(engineWords17));
    // The same code without words (a newer answer that leaves them out): the words stay, nothing written.
    QVERIFY(!record(QStringLiteral("wait"), UnknownStatus, QString(), QString()));
    QCOMPARE(words(), QStringLiteral("wait/17/%1/").arg(engineWords17));
    // No stage at all (an older engine's unknown code): the stage known stays.
    QVERIFY(record(QString(), 18, QStringLiteral("Особый статус 18"), QString()));
    QCOMPARE(words(), QStringLiteral("wait/18/Особый статус 18/"));
    // Only the comment is new: written, with the outcome as it was.
    QVERIFY(record(QString(), 18, QString(), QStringLiteral("call back")));
    QCOMPARE(words(), QStringLiteral("wait/18/Особый статус 18/call back"));
    // A known code without words drops the unknown code's words; the comment stays.
    QVERIFY(record(QStringLiteral("cancel"), 5, QString(), QString()));
    QCOMPARE(words(), QStringLiteral("cancel/5//call back"));
    // Final: words for a status going backwards are refused with it.
    QVERIFY(!record(QStringLiteral("wait"), UnknownStatus, engineWords17, QStringLiteral("later")));
    QCOMPARE(words(), QStringLiteral("cancel/5//call back"));

    // Another login without the lease may not call it, with or without words.
    TeamConnection boris(m_team.config(TeamFixture::operatorB()));
    QVERIFY(boris.open());
    QSqlQuery byBoris(boris.database());
    QVERIFY(!byBoris.exec(QStringLiteral(
        "SELECT cpadesk_record_statuses('acc', 0, '[{\"order_id\": \"1001\", \"stage\": \"approve\","
        " \"status\": 6, \"status_text\": \"words\", \"comment\": \"comment\"}]')")));
    QCOMPARE(byBoris.lastError().nativeErrorCode(), QStringLiteral("42501"));
    QCOMPARE(words(), QStringLiteral("cancel/5//call back"));
    // Nor write the words of her lead by hand (row-level security hides it from his UPDATE).
    QVERIFY(byBoris.exec(QStringLiteral("UPDATE leads SET status_text = 'x', comment = 'y'")));
    QCOMPARE(byBoris.numRowsAffected(), 0);
    QCOMPARE(words(), QStringLiteral("cancel/5//call back"));
}

QTEST_GUILESS_MAIN(TestTeamWords)
#include "tst_teamwords.moc"

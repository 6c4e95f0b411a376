#include "BenchSections.h"
#include "BenchSupport.h"
#include "PostgresServer.h"
#include "api/ApiClient.h"
#include "journal/Journal.h"
#include "sandbox/Sandbox.h"
#include "session/TeamSession.h"
#include "settings/CredentialStore.h"
#include "settings/Profile.h"
#include "sync/ApiLeadTransport.h"
#include "sync/StatusPoller.h"
#include "team/TeamConnection.h"
#include "team/TeamLeadsModel.h"
#include "team/TeamPusher.h"
#include "team/TeamSchema.h"
#include "team/TeamSettings.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>

// Section `team` (issue 19): sharing and the manager's table against a real PostgreSQL that the
// section starts itself (tests/support/PostgresServer: initdb + pg_ctl in a temporary folder).

namespace {

const QString Database = QStringLiteral("cpadesk_bench");
const QString Owner = QStringLiteral("bench_owner");
const QString Manager = QStringLiteral("bench_manager");
const QString Account = QStringLiteral("4242@bench.example.net");
constexpr int PushBatch = 200; // TeamSync's batch

QString passwordOf(const QString &user)
{
    return user + QStringLiteral("-pw");
}

QString operatorLogin(int workstation)
{
    return QStringLiteral("bench_op%1").arg(workstation, 2, 10, QLatin1Char('0'));
}

TeamServerConfig configFor(const PostgresServer &server, const QString &user)
{
    TeamServerConfig config;
    config.host = server.host();
    config.port = server.port();
    config.database = Database;
    config.user = user;
    config.password = passwordOf(user);
    config.tls = TeamTlsMode::Disable;
    return config;
}

// Our order ids are digits (as the app's are, and as list.json is asked about them): workstation w's
// i-th lead is PushedFirstId + w * 100,000 + i.
constexpr qint64 PushedFirstId = 900000000;

TeamLeadSnapshot snapshotOf(int workstation, int i)
{
    TeamLeadSnapshot lead;
    lead.orderId = QString::number(PushedFirstId + qint64(workstation) * 100000 + i);
    lead.leadKey = lead.orderId;
    lead.sendState = QStringLiteral("sent");
    lead.networkOrderId = QStringLiteral("N") + lead.orderId;
    lead.createdAtMs = 1767225600000 + qint64(i) * 1000;
    lead.sentAtMs = lead.createdAtMs + 500;
    lead.phone = QStringLiteral("7900%1").arg(workstation * 10000 + i, 7, 10, QLatin1Char('0'));
    lead.offer = QString::number(100 + i % 20);
    lead.name = QStringLiteral("Customer %1").arg(i);
    lead.country = i % 3 == 0 ? QStringLiteral("KZ") : QStringLiteral("RU");
    if (i % 4 == 0) {
        lead.stage = QStringLiteral("approve");
        lead.status = 6;
        lead.statusChangedAtMs = lead.createdAtMs + 60000;
        lead.history.append({lead.statusChangedAtMs, lead.stage, lead.status, 0, QString(), 0});
    }
    return lead;
}

// Runs `work(index)` on `count` threads at once; returns the wall time from the start of all of them to
// the end of the last. This thread's event loop runs meanwhile (a refresh may run on it: see
// benchPushDuringRefresh), and `started` is called once the threads are released.
double runConcurrently(int count, const std::function<bool(int)> &work, int *failures,
                       const std::function<void()> &started = {})
{
    std::atomic<int> failed{0};
    std::atomic<bool> go{false};
    QList<QThread *> threads;
    QEventLoop loop;
    int finished = 0;
    for (int i = 0; i < count; ++i) {
        threads.append(QThread::create([&, i] {
            while (!go.load())
                QThread::yieldCurrentThread();
            if (!work(i))
                ++failed;
        }));
        QObject::connect(
            threads.constLast(), &QThread::finished, &loop,
            [&] {
                if (++finished == count)
                    loop.quit();
            },
            Qt::QueuedConnection);
        threads.constLast()->start();
    }
    QElapsedTimer timer;
    timer.start();
    go.store(true);
    if (started)
        started();
    loop.exec();
    const double ms = BenchSupport::elapsedMs(timer);
    for (QThread *thread : std::as_const(threads)) {
        thread->wait();
        delete thread;
    }
    *failures = failed.load();
    return ms;
}

// From a change of the model's query to its first page on screen (the GUI thread's event loop runs).
double timeFirstPage(TeamLeadsModel &model, const std::function<void()> &change)
{
    QEventLoop loop;
    const QMetaObject::Connection connection =
        QObject::connect(&model, &TeamLeadsModel::pageLoaded, &loop, &QEventLoop::quit);
    const QMetaObject::Connection failed =
        QObject::connect(&model, &TeamLeadsModel::loadFailed, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    change();
    BenchSupport::runLoop(loop, 120 * 1000);
    const double ms = BenchSupport::elapsedMs(timer);
    QObject::disconnect(connection);
    QObject::disconnect(failed);
    return ms;
}

// The same page as one bare query on a connection of the GUI thread: what PostgreSQL alone spends.
double timeBareQuery(QSqlDatabase db, const TeamLeadsQuery &query, int pageSize)
{
    QElapsedTimer timer;
    timer.start();
    QSqlQuery sql(db);
    sql.setForwardOnly(true);
    QVariantList binds;
    sql.prepare(query.pageSql(&binds, 0, pageSize + 1));
    for (const QVariant &value : std::as_const(binds))
        sql.addBindValue(value);
    int rows = 0;
    if (sql.exec()) {
        while (sql.next())
            ++rows;
    }
    return BenchSupport::elapsedMs(timer);
}

qint64 serverCount(PostgresServer &server, const QString &sql)
{
    const QVariant value = server.value(sql, Database);
    return value.isValid() ? value.toLongLong() : -1;
}

// One workstation's share of a push, as TeamSync does it: its own connection and TeamPusher, batches of
// PushBatch, a failed batch pushed again.
bool pushWorkstation(PostgresServer &server, int w, int perWorkstation)
{
    TeamConnection connection(configFor(server, operatorLogin(w)));
    if (!connection.open())
        return false;
    QSqlDatabase db = connection.database();
    TeamPusher pusher(Account, QStringLiteral("ws-%1").arg(w), operatorLogin(w));
    if (!pusher.registerWorkstation(db))
        return false;
    for (int first = 0; first < perWorkstation; first += PushBatch) {
        QList<TeamLeadSnapshot> batch;
        for (int i = first; i < std::min(first + PushBatch, perWorkstation); ++i)
            batch.append(snapshotOf(w, i));
        int attempts = 0;
        while (!pusher.push(db, batch)) {
            if (++attempts == 5) {
                QTextStream(stderr) << "team: workstation " << w << " gave up: " << pusher.errorString()
                                    << '\n';
                return false;
            }
        }
    }
    return true;
}

int workstationCount(bool quick)
{
    return quick ? 10 : 50;
}

int leadsPerWorkstation(bool quick)
{
    return quick ? 500 : 2000;
}

// The baseline of a push: the same rows, connections and batches as bare prepared INSERTs into a table
// of the same columns and indexes (no row-level security, upsert or trigger); leads per second, NaN when
// a workstation failed.
double bareInsertRate(PostgresServer &server, int workstations, int perWorkstation)
{
    server.exec({QStringLiteral("DROP TABLE IF EXISTS bare_leads"),
                 QStringLiteral("CREATE TABLE bare_leads (LIKE leads INCLUDING DEFAULTS INCLUDING INDEXES)"),
                 QStringLiteral("GRANT INSERT ON bare_leads TO cpadesk_operator")},
                Database);
    int bareFailures = 0;
    const double bareMs = runConcurrently(
        workstations,
        [&](int w) {
            TeamConnection connection(configFor(server, operatorLogin(w)));
            if (!connection.open())
                return false;
            QSqlDatabase db = connection.database();
            QSqlQuery insert(db);
            if (!insert.prepare(QStringLiteral("INSERT INTO bare_leads (account, order_id, workstation_id, "
                                               "operator_name, offer, country,"
                                               " name, phone, send_state, network_order_id, stage, status, "
                                               "created_at) VALUES (?, ?, ?, ?,"
                                               " ?, ?, ?, ?, ?, ?, ?, ?, to_timestamp(?::bigint / 1000.0))")))
                return false;
            for (int first = 0; first < perWorkstation; first += PushBatch) {
                db.transaction();
                for (int i = first; i < std::min(first + PushBatch, perWorkstation); ++i) {
                    const TeamLeadSnapshot lead = snapshotOf(w, i);
                    for (const QVariant &value :
                         {QVariant(Account), QVariant(lead.orderId), QVariant(QStringLiteral("ws-%1").arg(w)),
                          QVariant(operatorLogin(w)), QVariant(lead.offer), QVariant(lead.country),
                          QVariant(lead.name), QVariant(lead.phone), QVariant(lead.sendState),
                          QVariant(lead.networkOrderId),
                          QVariant(lead.stage.isEmpty() ? QStringLiteral("") : lead.stage),
                          QVariant(lead.status), QVariant(lead.createdAtMs)})
                        insert.addBindValue(value);
                    if (!insert.exec()) {
                        QTextStream(stderr) << "team: bare INSERT: " << insert.lastError().text() << '\n';
                        return false;
                    }
                }
                if (!db.commit())
                    return false;
            }
            return true;
        },
        &bareFailures);
    const qint64 bareHeld = serverCount(server, QStringLiteral("SELECT count(*) FROM bare_leads"));
    QTextStream(stderr) << "team: bare INSERTs in " << bareMs << " ms (" << bareHeld << " rows, "
                        << bareFailures << " failed)\n";

    return bareFailures > 0 ? NAN : bareHeld / (bareMs / 1000.0);
}

// What benchPush measured, for the push during a refresh to be set beside.
struct PushRates
{
    double app = NAN;  // leads/s, TeamPusher on every connection
    double bare = NAN; // leads/s, bare prepared INSERTs of the same rows
    QString bareName;
};

PushRates benchPush(BenchReport &report, PostgresServer &server, bool quick)
{
    QTextStream err(stderr);
    const int workstations = workstationCount(quick);
    const int perWorkstation = leadsPerWorkstation(quick);
    const qint64 total = qint64(workstations) * perWorkstation;
    err << "team: " << workstations << " workstations push " << perWorkstation << " leads each at once\n";
    err.flush();

    // The app: each workstation its own connection and TeamPusher, TeamSync's batches.
    int failures = 0;
    const double pushMs = runConcurrently(
        workstations, [&](int w) { return pushWorkstation(server, w, perWorkstation); }, &failures);
    const qint64 held = serverCount(server, QStringLiteral("SELECT count(*) FROM leads"));
    const qint64 distinct =
        serverCount(server, QStringLiteral("SELECT count(DISTINCT (account, order_id)) FROM leads"));
    const qint64 fullWorkstations = serverCount(
        server, QStringLiteral("SELECT count(*) FROM (SELECT workstation_id FROM leads GROUP BY 1 HAVING "
                               "count(*) = %1) s")
                    .arg(perWorkstation));
    err << "team: pushed in " << pushMs << " ms; server holds " << held << " (" << distinct << " distinct), "
        << failures << " workstations failed\n";

    const double bareRate = bareInsertRate(server, workstations, perWorkstation);
    const QString size = QString::number(total / 1000) + QLatin1Char('k');
    const QString bareName = QStringLiteral("bare prepared INSERTs, same rows, connections and batches");
    const PushRates rates{total / (pushMs / 1000.0), bareRate, bareName};
    report.add(BenchFigure::measured(QStringLiteral("team.push.%1.rate").arg(size), QStringLiteral("leads/s"),
                                     rates.app, rates.bare, bareName, BenchFigure::Better::Higher)
                   .withNote(QStringLiteral("%1 workstations at once, each its own connection and TeamPusher "
                                            "(upsert + status history, row-level security), %2 per batch")
                                 .arg(workstations)
                                 .arg(PushBatch)));
    report.add(BenchFigure::measured(QStringLiteral("team.push.%1.held").arg(size), QStringLiteral("leads"),
                                     double(held), double(total), QStringLiteral("leads pushed"))
                   .withTarget(BenchFigure::TargetOn::Ratio, 1.0)
                   .withNote(QStringLiteral("rows at the server after the push; %1 distinct keys; %2 of %3 "
                                            "workstations with all their leads; %4 workstations failed")
                                 .arg(distinct)
                                 .arg(fullWorkstations)
                                 .arg(workstations)
                                 .arg(failures)));
    // Exactly the leads pushed: never more rows (a duplicate) and every key there (nothing lost). Each as a
    // ratio to the leads pushed, which must be 1.00 (a count of 0 has no ratio to print).
    report.add(
        BenchFigure::measured(QStringLiteral("team.push.%1.distinct").arg(size), QStringLiteral("leads"),
                              double(distinct), double(total), QStringLiteral("leads pushed"),
                              BenchFigure::Better::Higher)
            .withTarget(BenchFigure::TargetOn::Ratio, 1.0)
            .withNote(QStringLiteral("distinct (account, order id) at the server: %1 duplicates, %2 lost")
                          .arg(held - distinct)
                          .arg(total - distinct)));
    return rates;
}

const QString RefresherLogin = QStringLiteral("bench_refresher");
const QString PreloadWorkstation = QStringLiteral("ws-preload");
// Since schema 8 a lease holder refreshes only an account in which its login has a lead: the refreshing
// login's own workstation (not the one TeamSync registers) with one final lead, which no round asks
// about.
const QString RefresherWorkstation = QStringLiteral("ws-refresher-own");

QStringList refresherOwnLead()
{
    return {
        QStringLiteral("INSERT INTO workstations (workstation_id, db_user, operator_name) VALUES"
                       " ('%1', '%2', 'refresher') ON CONFLICT DO NOTHING")
            .arg(RefresherWorkstation, RefresherLogin),
        QStringLiteral("INSERT INTO leads (account, order_id, workstation_id, send_state, created_at, stage,"
                       " status, progress, is_final) VALUES ('%1', '1', '%2', 'sent', now(), 'cancel', 5, 9,"
                       " true) ON CONFLICT DO NOTHING")
            .arg(Account, RefresherWorkstation)};
}
constexpr qint64 PreloadFirstId = 800000000;

// The workstation that refreshes the team: its journal, API client, poller and TeamSession as AppSession
// wires them, with the login RefresherLogin, sharing a profile of the bench's account. Once its TeamSync
// holds the account's refresh lease, its poller's refreshAll() asks the sandbox about every open lead of
// the team and writes what moved through cpadesk_record_statuses, as in use.
struct RefreshingWorkstation
{
    RefreshingWorkstation(const QString &dir, const QUrl &sandbox, const TeamServerConfig &server)
        : transport(&client), settings(dir + QStringLiteral("/team.ini")),
          credentials(dir + QStringLiteral("/credentials"))
    {
        if (!journal.open(dir + QStringLiteral("/journal.sqlite")))
            return;
        client.setConfig(BenchSupport::sandboxConfig(sandbox));
        poller = std::make_unique<StatusPoller>(&journal, &transport, BenchSupport::profile);
        // On, so that the workstation competes for the refresh lease (StatusPoller::wantsLease), and long:
        // the bench says when a round runs.
        poller->setAutoRefreshInterval(60 * 60 * 1000);
        const TeamProfileSettings team = TeamSettings::sharingWith(server, server.user);
        if (!settings.setProfile(BenchSupport::profile, team))
            return;
        auto written = std::make_shared<bool>(false);
        QObject::connect(
            credentials.writeKey(TeamSettings::passwordEntry(BenchSupport::profile), server.password),
            &CredentialJob::finished, [written](CredentialJob *done) { *written = done->ok(); });
        if (!BenchSupport::waitFor([written] { return *written; }, 30000))
            return;
        // TeamSettings::accountOf() of this profile is the bench's Account: the pushed leads are the
        // refresh's.
        Profile profile;
        profile.id = BenchSupport::profile;
        profile.userId = Account.section(QLatin1Char('@'), 0, 0);
        profile.baseUrl = QUrl(QStringLiteral("https://") + Account.section(QLatin1Char('@'), 1));
        if (TeamSettings::accountOf(profile) != Account)
            return;
        session = std::make_unique<TeamSession>(&settings, &credentials);
        session->servePoller(poller.get());
        session->activate(profile, journal.filePath());
    }
    ~RefreshingWorkstation()
    {
        session.reset(); // before the journal it reads
        poller.reset();
    }
    bool holdsLease() const { return session && session->role() == TeamCoverage::Role::Refresher; }

    Journal journal;
    ApiClient client;
    ApiLeadTransport transport;
    TeamSettings settings;
    CredentialStore credentials;
    std::unique_ptr<StatusPoller> poller;
    std::unique_ptr<TeamSession> session;
};

// Issue 19's wording: the 50 workstations push "while a refresh runs". The holder of the refresh lease
// refreshes round after round, against the sandbox on 127.0.0.1, from before the first push until the
// last one committed: every open lead of the account, a preloaded set and the leads pushed so far (the
// sandbox knows them all), so its writes (cpadesk_record_statuses: per lead a row lock, an UPDATE, a history
// row, a NOTIFY) go to the very rows and tables the pushes write. Set beside the bare INSERTs benchPush
// measured.
void benchPushDuringRefresh(BenchReport &report, PostgresServer &server, bool quick, const PushRates &alone)
{
    QTextStream err(stderr);
    const int workstations = workstationCount(quick);
    const int perWorkstation = leadsPerWorkstation(quick);
    const qint64 total = qint64(workstations) * perWorkstation;
    const int preloaded = quick ? 1000 : 10000;
    const auto fail = [&err](const QString &what) {
        err << "team: push during a refresh: " << what << '\n';
    };

    // The team's database as before a day's work: the preloaded leads open, nothing pushed yet.
    if (!server.exec(
            QStringList{
                QStringLiteral("TRUNCATE leads CASCADE"),
                QStringLiteral("INSERT INTO workstations (workstation_id, db_user, operator_name) VALUES"
                               " ('%1', '%2', 'preloaded') ON CONFLICT DO NOTHING")
                    .arg(PreloadWorkstation, operatorLogin(0))} +
                refresherOwnLead() +
                QStringList{QStringLiteral(
                                "INSERT INTO leads (account, order_id, workstation_id, operator_name, offer,"
                                " country, name, phone, send_state, created_at, sent_at)"
                                " SELECT '%1', (%2 + i)::text, '%3', 'preloaded', '311', 'RU',"
                                " 'Customer ' || i, '7911' || lpad(i::text, 7, '0'), 'sent',"
                                " now() - interval '1 day' + i * interval '1 second',"
                                " now() - interval '1 day' + i * interval '1 second'"
                                " FROM generate_series(0, %4) AS i")
                                .arg(Account)
                                .arg(PreloadFirstId)
                                .arg(PreloadWorkstation)
                                .arg(preloaded - 1),
                            QStringLiteral("ANALYZE leads")},
            Database))
        return fail(server.errorString());

    // The sandbox knows every lead the refresh will ask about (stored over raw connections: set-up). Its
    // clock runs an hour a second, so that outcomes keep moving: each round has changes to write.
    SandboxOptions sandboxOptions;
    sandboxOptions.speed = 3600;
    Sandbox sandbox(sandboxOptions);
    const quint16 port = sandbox.listen();
    if (port == 0)
        return fail(QStringLiteral("the sandbox did not start"));
    err << "team: storing " << preloaded + total << " leads in the sandbox\n";
    err.flush();
    QList<Lead> leads;
    leads.reserve(int(preloaded + total));
    for (int i = 0; i < preloaded; ++i)
        leads << BenchSupport::lead(i, QString::number(PreloadFirstId + i));
    for (int w = 0; w < workstations; ++w) {
        for (int i = 0; i < perWorkstation; ++i)
            leads << BenchSupport::lead(preloaded + w * perWorkstation + i, snapshotOf(w, i).orderId);
    }
    if (!BenchSupport::storeInSandbox(port, leads))
        return fail(QStringLiteral("the sandbox did not store the leads"));
    leads.clear();

    // Refresh rounds back to back while the push runs: the next starts as soon as one finished.
    bool pushing = true;
    int rounds = 0;
    int incompleteRounds = 0;
    int ownRounds = 0; // rounds that found the team's refresh not theirs (the lease or the server lost)
    qint64 asked = 0;
    QTemporaryDir dir;
    RefreshingWorkstation holder(dir.path(), sandbox.baseUrl(), configFor(server, RefresherLogin));
    if (!holder.session || !BenchSupport::waitFor([&] { return holder.holdsLease(); }, 60000))
        return fail(QStringLiteral("the refreshing workstation did not take the refresh lease"));
    StatusPoller *poller = holder.poller.get();
    // Where each round starts and ends, from the start of the push (a timeline on stderr).
    qint64 pushStartMs = 0;
    const auto at = [&pushStartMs] {
        return pushStartMs == 0
                   ? QStringLiteral("before the push")
                   : QStringLiteral("at +%1 ms").arg(QDateTime::currentMSecsSinceEpoch() - pushStartMs);
    };
    QObject::connect(poller, &StatusPoller::started, poller, [&](int leadCount) {
        asked += leadCount;
        err << "team: refresh round " << rounds + 1 << " asks about " << leadCount << " leads " << at()
            << '\n';
        err.flush();
    });
    // Its own journal is empty: a round with nothing to ask was not the team's.
    QObject::connect(poller, &StatusPoller::nothingToRefresh, poller, [&] { ++ownRounds; });
    QObject::connect(poller, &StatusPoller::finished, poller, [&](bool complete) {
        ++rounds;
        err << "team: refresh round " << rounds << " ended " << at() << '\n';
        err.flush();
        incompleteRounds += complete ? 0 : 1;
        if (pushing)
            QMetaObject::invokeMethod(
                poller, [poller] { poller->refreshAll(); }, Qt::QueuedConnection);
    });
    err << "team: " << workstations << " workstations push " << perWorkstation
        << " leads each at once while the refresh runs\n";
    err.flush();
    // The first round starts with the push (a round started before it was over, its outcomes handed to
    // the team database, before the first push on a quiet machine), and the next follows it at once.
    int roundsAtStart = 0;
    bool firstRoundStarted = false;
    int failures = 0;
    const double pushMs = runConcurrently(
        workstations, [&](int w) { return pushWorkstation(server, w, perWorkstation); }, &failures,
        [&] {
            pushStartMs = QDateTime::currentMSecsSinceEpoch();
            roundsAtStart = rounds;
            firstRoundStarted = poller->refreshAll();
        });
    const qint64 pushEndMs = QDateTime::currentMSecsSinceEpoch();
    // The refresh's writes are its history rows, each with the time the poller handed it to the team
    // database (StatusPoller::mergeGathered; the pushed leads' own history is of January): how many of
    // those handed over since the push started had committed when it ended.
    const QString writtenSinceStart =
        QStringLiteral("SELECT count(*) FROM status_history WHERE changed_at >= to_timestamp(%1 / 1000.0)")
            .arg(pushStartMs);
    const qint64 committedDuring = serverCount(server, writtenSinceStart);
    // Rounds that overlapped the push: those that ended meanwhile and the one still running.
    const int roundsDuring = rounds - roundsAtStart + (poller->isRunning() ? 1 : 0);
    // The leads those rounds asked about.
    const qint64 askedDuring = asked;
    pushing = false;
    const int incompleteDuring = incompleteRounds;
    // A round begun after the push has nothing to measure (and would write for minutes in a full run).
    poller->cancel();
    const bool stopped = BenchSupport::waitFor([&] { return !poller->isRunning(); }, 120000);
    // The holder's transaction under way when the push ended (its writes are sequential: one at most)
    // commits before the writes are counted.
    const QString openTransactions =
        QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = '%1' AND xact_start <="
                       " to_timestamp(%2 / 1000.0)")
            .arg(RefresherLogin)
            .arg(pushEndMs);
    const bool settled =
        BenchSupport::waitFor([&] { return serverCount(server, openTransactions) == 0; }, 120000);
    // The writes made during the push: handed over after it started, in a transaction of the holder that
    // began before it ended (cpadesk_record_statuses sets updated_at to now(), its transaction's start;
    // the lead's last write counts, so a lead written twice counts once). A transaction of 500 of them
    // on a busy machine outlasts a short push, so commits alone would often say 0 in --quick.
    const qint64 writesDuring = serverCount(
        server,
        QStringLiteral("SELECT count(*) FROM leads WHERE status_changed_at >= to_timestamp(%1 / 1000.0)"
                       " AND updated_at <= to_timestamp(%2 / 1000.0)")
            .arg(pushStartMs)
            .arg(pushEndMs));
    const bool stillHeld = holder.holdsLease();

    const QString pushedOnly = QStringLiteral(" WHERE workstation_id NOT IN ('%1', '%2')")
                                   .arg(PreloadWorkstation, RefresherWorkstation);
    const qint64 held = serverCount(server, QStringLiteral("SELECT count(*) FROM leads") + pushedOnly);
    const qint64 distinct = serverCount(
        server, QStringLiteral("SELECT count(DISTINCT (account, order_id)) FROM leads") + pushedOnly);
    const qint64 preloadHeld = serverCount(
        server,
        QStringLiteral("SELECT count(*) FROM leads WHERE workstation_id = '%1'").arg(PreloadWorkstation));
    // A change recorded twice would be two history rows of one lead with the same stage and status.
    const qint64 doubledHistory = serverCount(
        server,
        QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM status_history GROUP BY account, order_id,"
                       " stage, status, reason HAVING count(*) > 1) s"));
    err << "team: pushed in " << pushMs << " ms during " << roundsDuring << " refresh rounds (" << askedDuring
        << " leads asked, " << writesDuring << " statuses written meanwhile, " << committedDuring
        << " of them committed before the push ended, " << incompleteDuring << " rounds incomplete, "
        << ownRounds << " not the team's); server holds " << held << " pushed (" << distinct << " distinct), "
        << preloadHeld << " preloaded, " << doubledHistory << " doubled history rows; " << failures
        << " workstations failed" << (stopped ? "" : "; the last round did not end")
        << (settled ? "" : "; the holder's last transaction did not end")
        << (stillHeld ? "" : "; the lease was lost") << (firstRoundStarted ? "" : "; no round started")
        << '\n';
    err.flush();

    // The baseline again, right after (the machine's load drifts over the section's minutes).
    const double bareRate = bareInsertRate(server, workstations, perWorkstation);

    const QString prefix = QStringLiteral("team.push_during_refresh.%1k.").arg(total / 1000);
    report.add(
        BenchFigure::measured(prefix + QStringLiteral("rate"), QStringLiteral("leads/s"),
                              total / (pushMs / 1000.0), bareRate,
                              alone.bareName + QStringLiteral(", just after"), BenchFigure::Better::Higher)
            .withNote(QStringLiteral("as team.push, while the lease holder refreshed (%1 rounds overlapped "
                                     "it); team.push, the same push alone minutes before: %2 leads/s beside "
                                     "bare %3 leads/s")
                          .arg(roundsDuring)
                          .arg(alone.app, 0, 'f', 0)
                          .arg(alone.bare, 0, 'f', 0)));
    report.add(BenchFigure::measured(prefix + QStringLiteral("held"), QStringLiteral("leads"), double(held),
                                     double(total), QStringLiteral("leads pushed"))
                   .withTarget(BenchFigure::TargetOn::Ratio, 1.0)
                   .withNote(QStringLiteral("pushed rows at the server after the push; %1 of %2 preloaded "
                                            "rows; %3 workstations failed")
                                 .arg(preloadHeld)
                                 .arg(preloaded)
                                 .arg(failures)));
    report.add(BenchFigure::measured(prefix + QStringLiteral("distinct"), QStringLiteral("leads"),
                                     double(distinct), double(total), QStringLiteral("leads pushed"),
                                     BenchFigure::Better::Higher)
                   .withTarget(BenchFigure::TargetOn::Ratio, 1.0)
                   .withNote(QStringLiteral("distinct (account, order id) of the pushed rows: %1 duplicates, "
                                            "%2 lost; %3 status changes with two history rows")
                                 .arg(held - distinct)
                                 .arg(total - distinct)
                                 .arg(doubledHistory)));
    // Without writes of the refresh during the push, the figures above say nothing of "while a refresh
    // runs": at least one is the target.
    report.add(
        BenchFigure::measured(prefix + QStringLiteral("status_writes"), QStringLiteral("writes"),
                              writesDuring < 0 ? NAN : double(writesDuring), double(askedDuring),
                              QStringLiteral("leads the refresh asked list.json about meanwhile"),
                              BenchFigure::Better::Higher)
            .withTarget(BenchFigure::TargetOn::Value, 1)
            .withNote(QStringLiteral("outcomes the lease holder's refresh wrote at the server: handed to "
                                     "the team database after the first push started, in a transaction "
                                     "begun before the last one ended; %1 committed before it ended")
                          .arg(committedDuring)));
    // The same writes as a rate, beside the rate at which list.json's answers came to be written: the
    // lease holder must keep up with them while the team pushes (schema 7's writer, one call per lead,
    // managed about 25 a second in the full run of docs/PERFORMANCE.md's Session 10).
    const double pushSeconds = pushMs / 1000.0;
    report.add(
        BenchFigure::measured(prefix + QStringLiteral("status_write_rate"), QStringLiteral("writes/s"),
                              writesDuring < 0 ? NAN : writesDuring / pushSeconds, askedDuring / pushSeconds,
                              QStringLiteral("leads asked about per second meanwhile"),
                              BenchFigure::Better::Higher)
            .withTarget(BenchFigure::TargetOn::Value, 100)
            .withNote(QStringLiteral("status_writes over the push's %1 s").arg(pushSeconds, 0, 'f', 1)));
}

constexpr qint64 WriterFirstId = 700000000;

// The team refresh's writer alone: the lease holder's login writes a new outcome for fresh open leads of
// the account, one transaction each way, a call per 1,000 leads (schema 8's cpadesk_record_statuses as
// TeamSync calls it) beside a call per lead (as TeamSync called schema 7's cpadesk_record_status: a
// round trip, a lease check reading pg_locks and an account check per lead). Run after the push, when
// the server is quiet: under the push's load the lease check per lead costs more.
void benchStatusWriter(BenchReport &report, PostgresServer &server, bool quick)
{
    QTextStream err(stderr);
    const int leads = quick ? 2000 : 10000;
    const auto fail = [&err](const QString &what) {
        err << "team: the status writer: " << what << '\n';
    };
    if (!server.exec(
            refresherOwnLead() +
                QStringList{
                    QStringLiteral(
                        "INSERT INTO leads (account, order_id, workstation_id, send_state, created_at, stage,"
                        " status, progress) SELECT '%1', (%2 + i)::text, '%3', 'sent', now(), 'wait', 1, 0"
                        " FROM generate_series(0, %4) AS i")
                        .arg(Account)
                        .arg(WriterFirstId)
                        .arg(RefresherWorkstation)
                        .arg(2 * leads - 1),
                    QStringLiteral("ANALYZE leads")},
            Database))
        return fail(server.errorString());
    TeamConnection refresher(configFor(server, RefresherLogin));
    if (!refresher.open())
        return fail(refresher.errorString());
    QSqlDatabase db = refresher.database();
    QSqlQuery query(db);
    // The refreshing workstation of the push is gone: its session's lease is the server's to give again.
    if (!BenchSupport::waitFor(
            [&] {
                return query.exec(QStringLiteral("SELECT pg_try_advisory_lock(7336, hashtext('%1'))")
                                      .arg(Account)) &&
                       query.next() && query.value(0).toBool();
            },
            60000))
        return fail(QStringLiteral("the refresh lease was not free"));
    // Milliseconds to move `leads` leads from WriterFirstId + first on, `perCall` a call; -1 if any
    // write failed or moved fewer.
    const auto write = [&](qint64 first, int perCall) -> double {
        if (!db.transaction())
            return -1;
        QSqlQuery record(db);
        record.prepare(QStringLiteral("SELECT cpadesk_record_statuses(?, ?::bigint, ?::jsonb)"));
        const qint64 changedMs = QDateTime::currentMSecsSinceEpoch();
        int moved = 0;
        QElapsedTimer timer;
        timer.start();
        for (int done = 0; done < leads; done += perCall) {
            QString rows;
            for (int i = done; i < std::min(leads, done + perCall); ++i)
                rows += QStringLiteral("%1{\"order_id\":\"%2\",\"stage\":\"approve\",\"status\":6}")
                            .arg(rows.isEmpty() ? QString() : QStringLiteral(","))
                            .arg(WriterFirstId + first + i);
            record.bindValue(0, Account);
            record.bindValue(1, changedMs);
            record.bindValue(2, QString(QLatin1Char('[') + rows + QLatin1Char(']')));
            if (!record.exec() || !record.next()) {
                err << "team: the status writer: " << record.lastError().text() << '\n';
                db.rollback();
                return -1;
            }
            moved += record.value(0).toInt();
        }
        record.finish();
        if (!db.commit())
            return -1;
        return moved == leads ? double(timer.elapsed()) : -1;
    };
    // The batches first: the calls per lead then find the server's caches as warm, or warmer.
    const double batchMs = write(0, 1000);
    const double perLeadMs = write(leads, 1);
    err << "team: the status writer moved " << leads << " leads in " << batchMs << " ms a call per 1,000, "
        << perLeadMs << " ms a call per lead\n";
    err.flush();
    if (batchMs < 0 || perLeadMs < 0)
        return fail(QStringLiteral("not every lead was written"));
    report.add(BenchFigure::measured(QStringLiteral("team.status_writer.%1k.rate").arg(leads / 1000),
                                     QStringLiteral("writes/s"), leads / std::max(batchMs / 1000.0, 0.001),
                                     leads / std::max(perLeadMs / 1000.0, 0.001),
                                     QStringLiteral("one call per lead, just after"),
                                     BenchFigure::Better::Higher)
                   .withTarget(BenchFigure::TargetOn::Ratio, 0.5)
                   .withNote(QStringLiteral("the lease holder's writer, 1,000 leads a call, one transaction, "
                                            "on a quiet server")));
}

void benchTeamTable(BenchReport &report, PostgresServer &server, bool quick)
{
    QTextStream err(stderr);
    const int rows = quick ? 100000 : 1000000;
    err << "team: filling the team database with " << rows << " leads of 50 operators\n";
    err.flush();
    QElapsedTimer fill;
    fill.start();
    const bool filled = server.exec(
        {QStringLiteral("TRUNCATE leads CASCADE"),
         QStringLiteral("INSERT INTO workstations (workstation_id, db_user, operator_name) SELECT 'ws-' || w,"
                        " 'bench_op' || lpad(w::text, 2, '0'), 'bench_op' || lpad(w::text, 2, '0')"
                        " FROM generate_series(0, 49) AS w ON CONFLICT DO NOTHING"),
         QStringLiteral(
             "INSERT INTO leads (account, order_id, workstation_id, operator_name, offer, country,"
             " name, phone, send_state, network_order_id, stage, status, created_at)"
             " SELECT '%1', 'T' || lpad(i::text, 7, '0'), 'ws-' || (i %% 50), 'bench_op' ||"
             " lpad((i %% 50)::text, 2, '0'), (100 + i %% 37)::text, CASE WHEN i %% 3 = 0 THEN 'KZ'"
             " ELSE 'RU' END, 'Customer ' || i, '7900' || lpad(i::text, 7, '0'), 'sent', 'N' || i,"
             " (ARRAY['', 'wait', 'hold', 'approve', 'cancel', 'trash'])[1 + i %% 6], i %% 9,"
             " timestamptz '2026-01-01' + i * interval '20 seconds'"
             " FROM generate_series(1, %2) AS i")
             .arg(Account)
             .arg(rows)
             .replace(QStringLiteral("%%"), QStringLiteral("%")),
         QStringLiteral("VACUUM ANALYZE leads")},
        Database);
    if (!filled) {
        err << "team: filling failed: " << server.errorString() << '\n';
        return;
    }
    err << "team: filled in " << fill.elapsed() << " ms\n";

    const double memoryBefore = residentMegabytes();
    TeamLeadsModel model(configFor(server, Manager));
    TeamConnection bare(configFor(server, Manager));
    if (!bare.open()) {
        err << "team: the baseline connection failed: " << bare.errorString() << '\n';
        return;
    }
    const int pageSize = model.pageSize();

    const double firstMs = timeFirstPage(model, [&] { model.reload(); });
    if (model.rowCount() != pageSize)
        err << "team: first page has " << model.rowCount() << " rows: " << model.errorString() << '\n';
    const double firstBare = timeBareQuery(bare.database(), model.query(), pageSize);

    // A manager typing a search word, then picking filters: each change to its first page.
    QList<double> filterMs;
    QList<double> filterBare;
    const QStringList typed = {QStringLiteral("C"), QStringLiteral("Cu"), QStringLiteral("Customer 12"),
                               QStringLiteral("T00042"), QStringLiteral("7900001")};
    for (const QString &text : typed) {
        TeamLeadsQuery query = model.query();
        query.searchText = text;
        filterMs << timeFirstPage(model, [&] { model.setQuery(query); });
        filterBare << timeBareQuery(bare.database(), query, pageSize);
        err << "team: search \"" << text << "\": " << filterMs.constLast() << " ms, bare "
            << filterBare.constLast() << " ms\n";
    }
    TeamLeadsQuery filtered;
    filtered.operators = {QStringLiteral("bench_op07")};
    filterMs << timeFirstPage(model, [&] { model.setQuery(filtered); });
    filterBare << timeBareQuery(bare.database(), filtered, pageSize);
    filtered.filter.stages = {QStringLiteral("approve")};
    filterMs << timeFirstPage(model, [&] { model.setQuery(filtered); });
    filterBare << timeBareQuery(bare.database(), filtered, pageSize);
    filtered.filter.offers = {QStringLiteral("117")};
    filterMs << timeFirstPage(model, [&] { model.setQuery(filtered); });
    filterBare << timeBareQuery(bare.database(), filtered, pageSize);
    err << "team: operator, stage, offer: " << filterMs.mid(filterMs.size() - 3).constFirst() << ", "
        << filterMs.at(filterMs.size() - 2) << ", " << filterMs.constLast() << " ms\n";

    QList<double> sortMs;
    QList<double> sortBare;
    model.setQuery(TeamLeadsQuery());
    for (int column :
         {int(TeamLeadsQuery::Offer), int(TeamLeadsQuery::Operator), int(TeamLeadsQuery::Name),
          int(TeamLeadsQuery::Stage), int(TeamLeadsQuery::Country), int(TeamLeadsQuery::OrderId)}) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            sortMs << timeFirstPage(model, [&] { model.sort(column, order); });
            sortBare << timeBareQuery(bare.database(), model.query(), pageSize);
        }
    }

    // The summary bar: every lead counted by stage and status in the server.
    QElapsedTimer summaryTimer;
    {
        QEventLoop loop;
        QObject::connect(&model, &TeamLeadsModel::summaryChanged, &loop, &QEventLoop::quit);
        summaryTimer.start();
        model.setQuery(TeamLeadsQuery());
        BenchSupport::runLoop(loop, 120 * 1000);
    }
    const double summaryMs = BenchSupport::elapsedMs(summaryTimer);
    if (model.summary().shown() != rows)
        err << "team: the summary counted " << model.summary().shown() << " of " << rows << '\n';

    // Scrolling: 50 pages more, then the memory of the whole process.
    QEventLoop settle;
    for (int page = 0; page < 50 && model.canFetchMore(QModelIndex()); ++page) {
        timeFirstPage(model, [&] { model.fetchMore(QModelIndex()); });
    }
    const double memoryAfter = residentMegabytes();
    err << "team: first page " << firstMs << " ms, summary " << summaryMs << " ms, " << model.rowCount()
        << " rows loaded, " << memoryAfter << " MB\n";

    const QString size =
        rows >= 1000000 ? QStringLiteral("1m") : QString::number(rows / 1000) + QLatin1Char('k');
    const QString bareName = QStringLiteral("the same SQL, bare, on the GUI thread");
    report.add(
        BenchFigure::measured(QStringLiteral("team.table.%1.first_page").arg(size), QStringLiteral("ms"),
                              firstMs, firstBare, bareName)
            .withTarget(BenchFigure::TargetOn::Value, 200)
            .withNote(QStringLiteral("%1 rows a page, newest first, the manager's login").arg(pageSize)));
    report.add(
        BenchFigure::measured(QStringLiteral("team.table.%1.filter.max").arg(size), QStringLiteral("ms"),
                              *std::max_element(filterMs.cbegin(), filterMs.cend()),
                              *std::max_element(filterBare.cbegin(), filterBare.cend()), bareName)
            .withTarget(BenchFigure::TargetOn::Value, 150)
            .withNote(QStringLiteral("slowest of %1 changes (search keystrokes, operator, stage, offer) "
                                     "to the first page")
                          .arg(filterMs.size())));
    report.add(BenchFigure::measured(QStringLiteral("team.table.%1.filter.median").arg(size),
                                     QStringLiteral("ms"), percentile(filterMs, 50),
                                     percentile(filterBare, 50), bareName)
                   .withTarget(BenchFigure::TargetOn::Value, 150));
    report.add(
        BenchFigure::measured(QStringLiteral("team.table.%1.sort.max").arg(size), QStringLiteral("ms"),
                              *std::max_element(sortMs.cbegin(), sortMs.cend()),
                              *std::max_element(sortBare.cbegin(), sortBare.cend()), bareName)
            .withTarget(BenchFigure::TargetOn::Value, 300)
            .withNote(QStringLiteral("slowest of %1 sort changes to the first page").arg(sortMs.size())));
    report.add(BenchFigure::measured(QStringLiteral("team.table.%1.summary").arg(size), QStringLiteral("ms"),
                                     summaryMs, firstBare, QStringLiteral("the first page, bare"))
                   .withNote(QStringLiteral("GROUP BY stage, status over every lead, off the GUI thread")));
    report.add(BenchFigure::measured(QStringLiteral("team.table.%1.memory").arg(size), QStringLiteral("MB"),
                                     memoryAfter, memoryBefore,
                                     QStringLiteral("this process before the model"))
                   .withTarget(BenchFigure::TargetOn::Value, 200)
                   .withNote(QStringLiteral("after %1 rows loaded by scrolling").arg(model.rowCount())));
}

} // namespace

void benchTeam(BenchReport &report, const BenchOptions &options)
{
    QTextStream err(stderr);
    PostgresServer server;
    if (!server.start()) {
        err << "team: PostgreSQL did not start: " << server.errorString() << '\n';
        return;
    }
    QStringList roles = {QStringLiteral("CREATE ROLE cpadesk_operator NOLOGIN"),
                         QStringLiteral("CREATE ROLE cpadesk_manager NOLOGIN")};
    if (!server.exec(roles) || !server.createLoginRole(Owner, passwordOf(Owner)) ||
        !server.createLoginRole(Manager, passwordOf(Manager), {QStringLiteral("cpadesk_manager")})) {
        err << "team: roles: " << server.errorString() << '\n';
        return;
    }
    if (!server.createLoginRole(RefresherLogin, passwordOf(RefresherLogin),
                                {QStringLiteral("cpadesk_operator")})) {
        err << "team: roles: " << server.errorString() << '\n';
        return;
    }
    for (int w = 0; w < 50; ++w) {
        if (!server.createLoginRole(operatorLogin(w), passwordOf(operatorLogin(w)),
                                    {QStringLiteral("cpadesk_operator")})) {
            err << "team: roles: " << server.errorString() << '\n';
            return;
        }
    }
    if (!server.createDatabase(Database, Owner)) {
        err << "team: database: " << server.errorString() << '\n';
        return;
    }
    {
        TeamConnection owner(configFor(server, Owner));
        if (!owner.open()) {
            err << "team: the owner could not log in: " << owner.errorString() << '\n';
            return;
        }
        QSqlDatabase db = owner.database();
        const TeamSchema::Result schema = TeamSchema::prepare(db);
        if (schema.outcome != TeamSchema::Outcome::Ready) {
            err << "team: the schema could not be installed: " << schema.message << '\n';
            return;
        }
    }
    const PushRates alone = benchPush(report, server, options.quick);
    benchTeamTable(report, server, options.quick);
    benchTeamAnalytics(report, server, Database, configFor(server, Manager),
                       options.quick ? 100000 : 1000000);
    benchTeamCatchUp(report, server, configFor(server, Owner), configFor(server, operatorLogin(0)),
                     operatorLogin(0), options.quick);
    // Last: its sandbox and journal leave this process hundreds of MB larger (the allocator keeps
    // what they freed), which would be counted in team.table's memory figure.
    benchPushDuringRefresh(report, server, options.quick, alone);
    benchStatusWriter(report, server, options.quick);
}

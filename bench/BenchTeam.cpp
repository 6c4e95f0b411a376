#include "BenchSections.h"
#include "BenchSupport.h"
#include "PostgresServer.h"
#include "team/TeamConnection.h"
#include "team/TeamLeadsModel.h"
#include "team/TeamPusher.h"
#include "team/TeamSchema.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
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

TeamLeadSnapshot snapshotOf(int workstation, int i)
{
    TeamLeadSnapshot lead;
    lead.orderId =
        QStringLiteral("W%1-%2").arg(workstation, 2, 10, QLatin1Char('0')).arg(i, 5, 10, QLatin1Char('0'));
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

// Runs `work(index)` on `count` threads at once; returns the wall time from the start of all of them.
double runConcurrently(int count, const std::function<bool(int)> &work, int *failures)
{
    std::atomic<int> failed{0};
    std::atomic<bool> go{false};
    QList<QThread *> threads;
    for (int i = 0; i < count; ++i) {
        threads.append(QThread::create([&, i] {
            while (!go.load())
                QThread::yieldCurrentThread();
            if (!work(i))
                ++failed;
        }));
        threads.constLast()->start();
    }
    QElapsedTimer timer;
    timer.start();
    go.store(true);
    for (QThread *thread : std::as_const(threads)) {
        thread->wait();
        delete thread;
    }
    *failures = failed.load();
    return BenchSupport::elapsedMs(timer);
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

void benchPush(BenchReport &report, PostgresServer &server, bool quick)
{
    QTextStream err(stderr);
    const int workstations = quick ? 10 : 50;
    const int perWorkstation = quick ? 500 : 2000;
    const qint64 total = qint64(workstations) * perWorkstation;
    err << "team: " << workstations << " workstations push " << perWorkstation << " leads each at once\n";
    err.flush();

    // The app: each workstation its own connection and TeamPusher, TeamSync's batches.
    int failures = 0;
    const double pushMs = runConcurrently(
        workstations,
        [&](int w) {
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
                // A failed batch is pushed again, as TeamSync does.
                int attempts = 0;
                while (!pusher.push(db, batch)) {
                    if (++attempts == 5)
                        return false;
                }
            }
            return true;
        },
        &failures);
    const qint64 held = serverCount(server, QStringLiteral("SELECT count(*) FROM leads"));
    const qint64 distinct =
        serverCount(server, QStringLiteral("SELECT count(DISTINCT (account, order_id)) FROM leads"));
    const qint64 fullWorkstations = serverCount(
        server, QStringLiteral("SELECT count(*) FROM (SELECT workstation_id FROM leads GROUP BY 1 HAVING "
                               "count(*) = %1) s")
                    .arg(perWorkstation));
    err << "team: pushed in " << pushMs << " ms; server holds " << held << " (" << distinct << " distinct), "
        << failures << " workstations failed\n";

    // The baseline: the same rows, the same 50 connections and batches, as bare prepared INSERTs
    // into a table of the same columns and indexes (no row-level security, no upsert, no trigger).
    server.exec({QStringLiteral("CREATE TABLE bare_leads (LIKE leads INCLUDING DEFAULTS INCLUDING INDEXES)"),
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
    err << "team: bare INSERTs in " << bareMs << " ms (" << bareHeld << " rows, " << bareFailures
        << " failed)\n";

    const QString size = QString::number(total / 1000) + QLatin1Char('k');
    const QString bareName = QStringLiteral("bare prepared INSERTs, same rows, connections and batches");
    report.add(BenchFigure::measured(QStringLiteral("team.push.%1.rate").arg(size), QStringLiteral("leads/s"),
                                     total / (pushMs / 1000.0), bareHeld / (bareMs / 1000.0), bareName,
                                     BenchFigure::Better::Higher)
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
    benchPush(report, server, options.quick);
    benchTeamTable(report, server, options.quick);
    benchTeamAnalytics(report, server, Database, configFor(server, Manager),
                       options.quick ? 100000 : 1000000);
    benchTeamCatchUp(report, server, configFor(server, Owner), configFor(server, operatorLogin(0)),
                     operatorLogin(0), options.quick);
}

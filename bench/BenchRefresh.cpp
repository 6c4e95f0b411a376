#include "BenchSections.h"
#include "api/ApiRequestBuilder.h"
#include "journal/Journal.h"
#include "sandbox/Sandbox.h"
#include "status/LeadFilterProxy.h"
#include "status/LeadTableModel.h"
#include "sync/ApiLeadTransport.h"
#include "sync/StatusPoller.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTextStream>

#include <ctime>
#include <memory>
#include <sqlite3.h>
#include <sys/resource.h>
#include <vector>

namespace {

constexpr int parallelRequests = 4; // what the app's poller uses (ApiLeadTransport's default)
constexpr qint64 firstId = 800000000;

struct Run
{
    double ms = NAN;
    double stallMs = NAN;
    double cpuMs =
        NAN; // of every thread of this process: GUI, Qt's HTTP thread, the journal's, the sandbox's
};

double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &time) {
        return double(time.tv_sec) * 1e3 + double(time.tv_usec) / 1e3;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double threadCpuMs()
{
    timespec time{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
    return double(time.tv_sec) * 1e3 + double(time.tv_nsec) / 1e6;
}

// The baseline: the same list.json requests (built by the app's own request builder, so URL, headers
// and body are identical) through a bare QNetworkAccessManager, the same number in flight, bodies read
// and dropped.
Run bareLoop(const ApiConfig &config, const QStringList &ids)
{
    const ApiRequestBuilder builder(config);
    QList<ApiRequestBuilder::Prepared> requests;
    for (qsizetype i = 0; i < ids.size(); i += ApiClient::MaxIdsPerRequest)
        requests << builder.listRequest(ids.mid(i, ApiClient::MaxIdsPerRequest));

    QNetworkAccessManager manager;
    QEventLoop loop;
    StallMeter stall;
    qsizetype next = 0;
    int finished = 0;
    int failed = 0;
    std::function<void()> sendNext = [&] {
        const ApiRequestBuilder::Prepared &prepared = requests.at(next++);
        QNetworkReply *reply =
            prepared.post ? manager.post(prepared.request, prepared.body) : manager.get(prepared.request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            if (reply->error() != QNetworkReply::NoError || reply->readAll().isEmpty())
                ++failed;
            reply->deleteLater();
            if (++finished == requests.size())
                loop.quit();
            else if (next < requests.size())
                sendNext();
        });
    };
    QElapsedTimer timer;
    stall.start();
    const double cpuBefore = processCpuMs();
    timer.start();
    for (int i = 0; i < parallelRequests && next < requests.size(); ++i)
        sendNext();
    const bool done = BenchSupport::runLoop(loop, 10 * 60 * 1000);
    Run run{BenchSupport::elapsedMs(timer), 0, processCpuMs() - cpuBefore};
    stall.stop();
    run.stallMs = stall.longestStallMs();
    if (!done || failed > 0) {
        QTextStream(stderr) << "refresh: bare loop " << (done ? "" : "timed out, ") << failed << " failed\n";
        run.ms = NAN;
    }
    return run;
}

Run appRefresh(StatusPoller &poller)
{
    QEventLoop loop;
    StallMeter stall;
    bool complete = false;
    const auto connection = QObject::connect(&poller, &StatusPoller::finished, &loop, [&](bool ok) {
        complete = ok;
        loop.quit();
    });
    QElapsedTimer timer;
    stall.start();
    const double cpuBefore = processCpuMs();
    timer.start();
    if (!poller.refreshAll()) {
        QObject::disconnect(connection);
        QTextStream(stderr) << "refresh: the poller had nothing to refresh\n";
        return {};
    }
    BenchSupport::runLoop(loop, 10 * 60 * 1000);
    Run run{BenchSupport::elapsedMs(timer), 0, processCpuMs() - cpuBefore};
    stall.stop();
    QObject::disconnect(connection);
    run.stallMs = stall.longestStallMs();
    if (!complete) {
        QTextStream(stderr) << "refresh: the app's refresh did not complete\n";
        run.ms = NAN;
    }
    return run;
}

// What SQLite alone spends on a first refresh: for each lead, the writes the merge makes when a lead
// gets its first status (its row, one history row, its check time), as bare prepared statements, all
// in one transaction (the cheapest way), `synchronous` as merges set it, on a copy of a journal
// holding the same leads. No parsing, comparing or Qt: a floor no implementation of this journal's
// schema goes below.
// The CPU time of this thread, in ms; NaN when a statement fails.
double sqliteFirstMergeFloorMs(const QString &path, const QStringList &ids)
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *update = nullptr;
    sqlite3_stmt *history = nullptr;
    sqlite3_stmt *checked = nullptr;
    const auto finish = [&](double result) {
        for (sqlite3_stmt *statement : {update, history, checked})
            sqlite3_finalize(statement);
        sqlite3_close(db);
        return result;
    };
    const auto prepare = [&db](const char *sql, sqlite3_stmt **statement) {
        return sqlite3_prepare_v2(db, sql, -1, statement, nullptr) == SQLITE_OK;
    };
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
            SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA synchronous = NORMAL", nullptr, nullptr, nullptr) != SQLITE_OK ||
        !prepare("UPDATE leads SET stage = ?, status = ?, reason = ?, goods_count = ?, comment = ?,"
                 " changed_at = ?, unseen = 1, network_id = ? WHERE profile_id = ? AND lead_key = ?",
                 &update) ||
        !prepare("INSERT INTO lead_history (profile_id, lead_key, changed_at, stage, status, reason,"
                 " goods_count, comment, previous_stage, previous_status)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 0)",
                 &history) ||
        !prepare("INSERT INTO lead_checks (checked_at, profile_id, lead_key) VALUES (?, ?, ?)"
                 " ON CONFLICT (profile_id, lead_key) DO UPDATE SET checked_at = excluded.checked_at",
                 &checked))
        return finish(NAN);

    const QByteArray profile = BenchSupport::profile.toUtf8();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto step = [](sqlite3_stmt *statement) {
        const bool done = sqlite3_step(statement) == SQLITE_DONE;
        sqlite3_reset(statement);
        return done;
    };
    const double cpuBefore = threadCpuMs();
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return finish(NAN);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QByteArray key = ids.at(i).toUtf8();
        const QByteArray networkId = QByteArray::number(900000 + i);
        sqlite3_bind_text(update, 1, "wait", -1, SQLITE_STATIC);
        sqlite3_bind_int(update, 2, 1);
        sqlite3_bind_int(update, 3, 0);
        sqlite3_bind_int(update, 4, 1);
        sqlite3_bind_null(update, 5);
        sqlite3_bind_int64(update, 6, now);
        sqlite3_bind_text(update, 7, networkId.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(update, 8, profile.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(update, 9, key.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(history, 1, profile.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(history, 2, key.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_int64(history, 3, now);
        sqlite3_bind_text(history, 4, "wait", -1, SQLITE_STATIC);
        sqlite3_bind_int(history, 5, 1);
        sqlite3_bind_int(history, 6, 0);
        sqlite3_bind_int(history, 7, 1);
        sqlite3_bind_null(history, 8);
        sqlite3_bind_int64(checked, 1, now);
        sqlite3_bind_text(checked, 2, profile.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(checked, 3, key.constData(), -1, SQLITE_STATIC);
        if (!step(update) || sqlite3_changes(db) != 1 || !step(history) || !step(checked))
            return finish(NAN);
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        return finish(NAN);
    return finish(threadCpuMs() - cpuBefore);
}

} // namespace

namespace {

// The app's sync path on a journal of its own: ApiClient -> ApiLeadTransport -> StatusPoller ->
// Journal, and with `withTable` the status table (model + proxy) following the journal's signals, as
// the main window wires it. All on this thread.
struct AppPath
{
    AppPath(const QString &journalPath, const ApiConfig &config, bool withTable)
        : transport(&client, parallelRequests)
    {
        ok = journal.open(journalPath);
        client.setConfig(config);
        poller = std::make_unique<StatusPoller>(&journal, &transport, BenchSupport::profile);
        poller->setAutoRefreshInterval(0);
        if (withTable) {
            model = std::make_unique<LeadTableModel>(&journal);
            proxy = std::make_unique<LeadFilterProxy>();
        }
    }
    void showTable()
    {
        if (!model)
            return;
        model->setProfile(BenchSupport::profile);
        proxy->setSourceModel(model.get());
    }

    bool ok = false;
    Journal journal;
    ApiClient client;
    ApiLeadTransport transport;
    std::unique_ptr<StatusPoller> poller;
    std::unique_ptr<LeadTableModel> model;
    std::unique_ptr<LeadFilterProxy> proxy;
};

// A refresh's time beside the bare loop's. No target: the 1.5x of earlier sessions is retired. What
// a user feels is the window (stallFigure) and the machine's CPU (cpuFigure); the time itself follows
// the network, which a real refresh waits for far longer than for 127.0.0.1.
BenchFigure refreshFigure(const QString &name, const Run &run, double bareMs, const QString &baselineName,
                          const QString &note)
{
    return BenchFigure::measured(name, QStringLiteral("ms"), run.ms, bareMs, baselineName).withNote(note);
}

// The CPU of a refresh (every thread) beside the bare loop's: at most twice as much.
BenchFigure cpuFigure(const QString &name, const Run &run, const Run &bare, const QString &baselineName,
                      const QString &note)
{
    return BenchFigure::measured(name, QStringLiteral("ms"), run.cpuMs, bare.cpuMs, baselineName)
        .withTarget(BenchFigure::TargetOn::Ratio, 2.0)
        .withNote(note);
}

BenchFigure stallFigure(const QString &name, double stallMs, double bareStallMs, const QString &note)
{
    return BenchFigure::measured(name, QStringLiteral("ms"), stallMs, bareStallMs,
                                 QStringLiteral("longest stall of the bare loop"))
        .withTarget(BenchFigure::TargetOn::Value, 50)
        .withNote(note);
}

// The median of the runs' times and CPU times (NaN when any run failed), and the longest stall of any.
Run medianRun(const QList<Run> &runs)
{
    QList<double> times;
    QList<double> cpuTimes;
    Run median{NAN, 0, NAN};
    for (const Run &run : runs) {
        if (std::isnan(run.ms))
            return Run{NAN, NAN, NAN};
        times << run.ms;
        cpuTimes << run.cpuMs;
        median.stallMs = std::max(median.stallMs, run.stallMs);
    }
    median.ms = percentile(times, 50);
    median.cpuMs = percentile(cpuTimes, 50);
    return median;
}

// The longest of these stalls; NaN when any phase failed (std::max would drop a NaN or keep it, by
// its position in the list: a failed phase must not vanish from the figure).
double longestOrNan(std::initializer_list<double> stalls)
{
    double longest = 0;
    for (const double stall : stalls) {
        if (std::isnan(stall))
            return NAN;
        longest = std::max(longest, stall);
    }
    return longest;
}

} // namespace

void benchRefresh(BenchReport &report, const BenchOptions &options)
{
    QTextStream err(stderr);
    const int count = options.quick ? 2000 : 10000;
    // These machines are shared: every figure is the median of several runs, each app run next to a
    // bare run, so that both see the same machine. A first refresh needs a journal that has not
    // merged yet: one journal per run.
    const int firstRuns = options.quick ? 1 : 5;
    const int repeatRuns = options.quick ? 2 : 21;
    Sandbox sandbox(SandboxOptions{});
    const quint16 port = sandbox.listen();
    QTemporaryDir dir;
    if (port == 0) {
        err << "refresh: cannot start the sandbox\n";
        return;
    }
    const ApiConfig config = BenchSupport::sandboxConfig(sandbox.baseUrl());
    std::vector<std::unique_ptr<AppPath>> cores;
    for (int i = 0; i < firstRuns; ++i)
        cores.push_back(
            std::make_unique<AppPath>(dir.filePath(QStringLiteral("core%1.sqlite").arg(i)), config, false));
    AppPath gui(dir.filePath(QStringLiteral("gui.sqlite")), config, true);

    err << "refresh: storing " << count << " leads in the sandbox and in " << firstRuns + 1 << " journals\n";
    err.flush();
    QList<Lead> leads;
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        ids << QString::number(firstId + i);
        leads << BenchSupport::lead(i, ids.last());
    }
    bool ready = gui.ok && BenchSupport::storeInSandbox(port, leads) &&
                 BenchSupport::addSentLeads(gui.journal, firstId, count);
    // The same leads for the SQLite floor, in a journal closed before it is copied for each run.
    const QString floorJournalPath = dir.filePath(QStringLiteral("floor.sqlite"));
    {
        Journal floorJournal;
        ready = ready && floorJournal.open(floorJournalPath) &&
                BenchSupport::addSentLeads(floorJournal, firstId, count);
    }
    for (const auto &core : cores)
        ready = ready && core->ok && BenchSupport::addSentLeads(core->journal, firstId, count);
    if (!ready) {
        err << "refresh: set-up failed\n";
        return;
    }
    gui.showTable();

    const auto step = [&err](const QString &what) {
        err << "refresh: " << what << '\n';
        err.flush();
    };
    // Each app run follows a bare run, and each figure is compared with the bare runs of its own
    // phase: the machine's speed drifts over the section's minute (other work on a shared machine).
    QList<Run> bareFirst, bareRepeat, bareAfterWrite, bareGuiFirst, bareGuiRepeat;
    QList<Run> coreFirst, coreRepeat, guiFirst, guiRepeat;
    QList<double> floors;
    step(QStringLiteral("%1 first refreshes (every lead gets its first status), each after a bare loop and "
                        "followed by SQLite's own writes of it")
             .arg(firstRuns));
    for (size_t i = 0; i < cores.size(); ++i) {
        bareFirst << bareLoop(config, ids);
        coreFirst << appRefresh(*cores.at(i)->poller);
        const QString copy = dir.filePath(QStringLiteral("floor%1.sqlite").arg(i));
        floors << (QFile::copy(floorJournalPath, copy) ? sqliteFirstMergeFloorMs(copy, ids) : NAN);
    }
    step(QStringLiteral("%1 refreshes where nothing changed, each after a bare loop").arg(repeatRuns));
    for (int i = 0; i < repeatRuns; ++i) {
        bareRepeat << bareLoop(config, ids);
        coreRepeat << appRefresh(*cores.at(size_t(i) % cores.size())->poller);
    }
    // In use, operators add leads between two refreshes: another connection's write, after which the
    // background connection cannot trust what it remembers of the leads (see MergeCache).
    QList<Run> coreRepeatAfterWrite;
    step(QStringLiteral("%1 refreshes where nothing changed, each after another connection wrote")
             .arg(repeatRuns));
    for (int i = 0; i < repeatRuns; ++i) {
        AppPath &core = *cores.at(size_t(i) % cores.size());
        Journal &journal = core.journal;
        const QString key = QStringLiteral("bench.write");
        if (!journal.compareAndSetMeta(key, journal.metaValue(key), QString::number(i))) {
            err << "refresh: the write between refreshes failed\n";
            return;
        }
        bareAfterWrite << bareLoop(config, ids);
        coreRepeatAfterWrite << appRefresh(*core.poller);
    }
    step(QStringLiteral("the same with the status table attached"));
    bareGuiFirst << bareLoop(config, ids);
    guiFirst << appRefresh(*gui.poller);
    for (int i = 0; i < repeatRuns; ++i) {
        bareGuiRepeat << bareLoop(config, ids);
        guiRepeat << appRefresh(*gui.poller);
    }

    const QList<Run> bare = bareFirst + bareRepeat + bareAfterWrite + bareGuiFirst + bareGuiRepeat;
    const Run bareRun = medianRun(bare);
    // The baseline of a figure: the bare runs of its phase, each run just before one of its runs.
    const auto bareOf = [&ids](const QList<Run> &runs) {
        return std::make_pair(medianRun(runs).ms,
                              QStringLiteral("bare QNetworkAccessManager, same %1 requests, %2 in flight; "
                                             "median of the %3 run just before each")
                                  .arg(ids.size() / ApiClient::MaxIdsPerRequest)
                                  .arg(parallelRequests)
                                  .arg(runs.size()));
    };
    const QString prefix = QStringLiteral("refresh.%1k.").arg(count / 1000);
    const auto median = [](qsizetype runs) {
        return QStringLiteral("; median of %1").arg(runs);
    };
    const auto [bareFirstMs, bareFirstName] = bareOf(bareFirst);
    const auto [bareRepeatMs, bareRepeatName] = bareOf(bareRepeat);
    const auto [bareAfterWriteMs, bareAfterWriteName] = bareOf(bareAfterWrite);
    const auto [bareGuiFirstMs, bareGuiFirstName] = bareOf(bareGuiFirst);
    const auto [bareGuiRepeatMs, bareGuiRepeatName] = bareOf(bareGuiRepeat);
    report.add(refreshFigure(
        prefix + QStringLiteral("first"), medianRun(coreFirst), bareFirstMs, bareFirstName,
        QStringLiteral("StatusPoller + Journal merge; every lead changes") + median(coreFirst.size())));
    report.add(refreshFigure(
        prefix + QStringLiteral("repeat"), medianRun(coreRepeat), bareRepeatMs, bareRepeatName,
        QStringLiteral("StatusPoller + Journal merge; nothing changes") + median(coreRepeat.size())));
    report.add(
        refreshFigure(prefix + QStringLiteral("repeat-after-write"), medianRun(coreRepeatAfterWrite),
                      bareAfterWriteMs, bareAfterWriteName,
                      QStringLiteral("the same after another connection wrote (as operators do between "
                                     "refreshes)") +
                          median(coreRepeatAfterWrite.size())));
    report.add(
        stallFigure(prefix + QStringLiteral("stall"),
                    longestOrNan({medianRun(coreFirst).stallMs, medianRun(coreRepeat).stallMs,
                                  medianRun(coreRepeatAfterWrite).stallMs}),
                    bareRun.stallMs,
                    QStringLiteral("longest main-thread stall (5 ms timer) of any run, poller + journal")));
    // The bench shares two cores between four busy threads, so a refresh's time follows the CPU it
    // needs: these say where the time goes, and what part of a first refresh is SQLite's alone.
    const auto bareCpuName = [](const QList<Run> &runs) {
        return QStringLiteral("CPU of the bare loop (all threads, the sandbox's included); median of the %1 "
                              "run just before each")
            .arg(runs.size());
    };
    report.add(cpuFigure(prefix + QStringLiteral("first.cpu"), medianRun(coreFirst), medianRun(bareFirst),
                         bareCpuName(bareFirst),
                         QStringLiteral("CPU of a first refresh, all threads") + median(coreFirst.size())));
    report.add(cpuFigure(prefix + QStringLiteral("repeat.cpu"), medianRun(coreRepeat), medianRun(bareRepeat),
                         bareCpuName(bareRepeat),
                         QStringLiteral("CPU of a refresh where nothing changed, all threads") +
                             median(coreRepeat.size())));
    report.add(cpuFigure(prefix + QStringLiteral("repeat-after-write.cpu"), medianRun(coreRepeatAfterWrite),
                         medianRun(bareAfterWrite), bareCpuName(bareAfterWrite),
                         QStringLiteral("CPU of the same after another connection wrote, all threads") +
                             median(coreRepeatAfterWrite.size())));
    const bool floorsOk =
        std::none_of(floors.cbegin(), floors.cend(), [](double ms) { return std::isnan(ms); });
    report.add(
        BenchFigure::measured(prefix + QStringLiteral("first.sqlite-floor"), QStringLiteral("ms"),
                              floorsOk ? percentile(floors, 50) : NAN, medianRun(bareFirst).cpuMs,
                              QStringLiteral("CPU of the bare QNetworkAccessManager loop (every thread), "
                                             "the run just before each first refresh"))
            .withNote(QStringLiteral("CPU of SQLite's own statements for a first refresh (per lead: its "
                                     "row, a history row, its check time; one transaction), no "
                                     "parsing or Qt") +
                      median(floors.size())));
    report.add(refreshFigure(
        prefix + QStringLiteral("first+table"), medianRun(guiFirst), bareGuiFirstMs, bareGuiFirstName,
        QStringLiteral("the same with the status table model + proxy attached; one run")));
    report.add(refreshFigure(
        prefix + QStringLiteral("repeat+table"), medianRun(guiRepeat), bareGuiRepeatMs, bareGuiRepeatName,
        QStringLiteral("the same with the status table model + proxy attached") + median(guiRepeat.size())));
    report.add(
        stallFigure(prefix + QStringLiteral("stall+table"),
                    std::max(medianRun(guiFirst).stallMs, medianRun(guiRepeat).stallMs), bareRun.stallMs,
                    QStringLiteral("longest main-thread stall of any run with the status table attached")));
}

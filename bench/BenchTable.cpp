#include "BenchSections.h"
#include "BenchSupport.h"
#include "journal/Journal.h"
#include "status/LeadFilterProxy.h"
#include "status/LeadTableModel.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace {

struct Outcome
{
    const char *stage;
    int status;
    int reason;
};

// A spread of outcomes like a real account's: most leads decided, some waiting.
Outcome outcomeOf(int n)
{
    static const Outcome outcomes[] = {
        {"wait", 1, 0},     {"wait", 2, 0},   {"hold", 4, 0},   {"approve", 6, 0}, {"approve", 10, 0},
        {"approve", 10, 0}, {"cancel", 5, 2}, {"cancel", 5, 9}, {"trash", 5, 1},   {"trash", 5, 11},
    };
    return outcomes[n % (sizeof outcomes / sizeof outcomes[0])];
}

double timeMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return BenchSupport::elapsedMs(timer);
}

} // namespace

int fillTableJournal(const QString &path, int count)
{
    QTextStream err(stderr);
    Journal journal;
    if (!journal.open(path)) {
        err << "table: cannot open the journal: " << journal.errorString() << '\n';
        return 1;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    constexpr int batchSize = 2000;
    for (int start = 0; start < count; start += batchSize) {
        if (!journal.beginBatch())
            return 1;
        for (int i = start; i < std::min(count, start + batchSize); ++i) {
            const QString id = QString::number(100000000 + i);
            // Created over the last 90 days, oldest first, as an account fills up.
            const qint64 created = now - qint64(count - i) * 90 * 24 * 3600 * 1000 / count;
            StatusRow row;
            row.ourOrderId = id;
            row.networkOrderId = QString::number(500000 + i);
            const Outcome outcome = outcomeOf(i);
            row.stage = QLatin1String(outcome.stage);
            row.status = outcome.status;
            row.reason = outcome.reason;
            if (i % 4 == 0)
                row.comment = QStringLiteral("Customer asked to call back in the evening");
            if (!journal.addLead(BenchSupport::profile, id, BenchSupport::lead(i, id), created) ||
                !journal.markSent(BenchSupport::profile, id, row.networkOrderId, QString(), created + 1000) ||
                !journal.mergeStatus(BenchSupport::profile, row, created + 60000).found) {
                err << "table: cannot fill the journal: " << journal.errorString() << '\n';
                journal.rollbackBatch();
                return 1;
            }
        }
        if (!journal.commitBatch()) {
            err << "table: cannot commit: " << journal.errorString() << '\n';
            return 1;
        }
    }
    return 0;
}

void benchTable(BenchReport &report, const BenchOptions &options)
{
    QTextStream err(stderr);
    const int count = options.quick ? 10000 : 100000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));

    // The fixture is written by another process: its memory must not count here.
    err << "table: writing " << count << " leads into a journal (through Journal, in batches)\n";
    err.flush();
    QElapsedTimer fillTimer;
    fillTimer.start();
    QProcess filler;
    filler.setProcessChannelMode(QProcess::ForwardedChannels);
    filler.start(options.benchPath, {QStringLiteral("--fill-journal"), path, QString::number(count)});
    if (!filler.waitForFinished(30 * 60 * 1000) || filler.exitCode() != 0) {
        err << "table: the journal could not be filled\n";
        return;
    }
    err << "table: filled in " << fillTimer.elapsed() / 1000.0 << " s\n";
    err.flush();

    const double rssBefore = residentMegabytes();
    Journal journal;
    if (!journal.open(path)) {
        err << "table: cannot open the journal\n";
        return;
    }

    // Time to first rows, as the status view opens: the model reads the journal on its background
    // connection in pieces; the first piece is on screen (the proxy maps it, the first cell is made)
    // long before the last arrives. The main thread's longest stall is measured meanwhile.
    LeadTableModel model(&journal);
    model.setLoadInBackground(true);
    LeadFilterProxy proxy;
    proxy.setSourceModel(&model);
    QEventLoop loop;
    StallMeter stall;
    QElapsedTimer loadTimer;
    double firstRowsMs = NAN;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &loop, [&] {
        if (std::isnan(firstRowsMs) && proxy.rowCount() > 0) {
            proxy.index(0, LeadTableModel::Name).data();
            firstRowsMs = BenchSupport::elapsedMs(loadTimer);
        }
    });
    QObject::connect(&model, &LeadTableModel::loadingChanged, &loop, [&](bool loading) {
        if (!loading)
            loop.quit();
    });
    stall.start();
    loadTimer.start();
    model.setProfile(BenchSupport::profile);
    BenchSupport::runLoop(loop, 5 * 60 * 1000);
    const double allRowsMs = BenchSupport::elapsedMs(loadTimer);
    stall.stop();
    const double rss = residentMegabytes();

    // The same read at once, in this thread, as the model did before it had a background connection.
    LeadTableModel atOnce(&journal);
    const double atOnceMs = timeMs([&] {
        atOnce.setProfile(BenchSupport::profile);
        if (atOnce.rowCount() > 0)
            atOnce.index(0, LeadTableModel::Name).data();
    });
    atOnce.setProfile(QString());
    const double rowsMs = timeMs([&] { journal.rows(BenchSupport::profile); });
    if (proxy.rowCount() != count)
        err << "table: the model shows " << proxy.rowCount() << " rows of " << count << '\n';

    // The like-for-like baseline of the first rows: the journal's own read of the first piece, in the
    // same pieces the model's background load asks for (200 rows, then 2,000 at a time).
    double firstChunkMs = NAN;
    QElapsedTimer chunkTimer;
    chunkTimer.start();
    const bool chunkRead = journal.readRows(
        BenchSupport::profile,
        [&](QVector<JournalRow> &&rows, bool) {
            if (std::isnan(firstChunkMs) && !rows.isEmpty())
                firstChunkMs = BenchSupport::elapsedMs(chunkTimer);
        },
        200, 2000);
    if (!chunkRead)
        firstChunkMs = NAN; // a failed read is no baseline

    const QString size = QString::number(count / 1000) + QLatin1Char('k');
    const QString rowsAlone = QStringLiteral("Journal::rows() alone");
    report.add(
        BenchFigure::measured(QStringLiteral("table.%1.first-rows").arg(size), QStringLiteral("ms"),
                              firstRowsMs, firstChunkMs,
                              QStringLiteral("Journal::readRows(), its first 200 rows alone"))
            .withTarget(BenchFigure::TargetOn::Value, 1000)
            .withNote(QStringLiteral("first rows in the model, through the filter proxy, while the rest "
                                     "loads in the background (the model's side only: nothing paints)")));
    report.add(
        BenchFigure::measured(QStringLiteral("table.%1.all-rows").arg(size), QStringLiteral("ms"), allRowsMs,
                              rowsMs, rowsAlone)
            .withNote(QStringLiteral("every row loaded (in the foreground the model took %1 ms, window "
                                     "frozen)")
                          .arg(atOnceMs, 0, 'f', 0)));
    report.add(BenchFigure::measured(QStringLiteral("table.%1.load-stall").arg(size), QStringLiteral("ms"),
                                     stall.longestStallMs(), atOnceMs,
                                     QStringLiteral("the same load in the foreground"))
                   .withTarget(BenchFigure::TargetOn::Value, 50)
                   .withNote(QStringLiteral("longest main-thread stall (5 ms timer) while the rows load")));

    // A search typed key by key, then a phone number: the slowest keystroke counts.
    const QStringList typed{
        QStringLiteral("i"),       QStringLiteral("iv"),       QStringLiteral("iva"),
        QStringLiteral("ivan"),    QStringLiteral("ivan "),    QStringLiteral("ivan 1"),
        QStringLiteral("7900001"), QStringLiteral("79000012"), QStringLiteral("790000123")};
    QList<double> keystrokes;
    double slowestScan = 0;
    for (const QString &text : typed) {
        // QSortFilterProxyModel filters lazily: the rows are counted here as the view would on its
        // next paint, so the filtering is inside the measurement.
        keystrokes << timeMs([&] {
            proxy.setSearchText(text);
            if (proxy.rowCount() > 0)
                proxy.index(0, LeadTableModel::Name).data();
        });
        // The floor: one pass over the rows' precomputed search text, nothing else.
        int hits = 0;
        slowestScan = std::max(slowestScan, timeMs([&] {
                                   const QString needle = text.toLower();
                                   for (int row = 0; row < model.rowCount(); ++row)
                                       hits += model.searchTextAt(row).contains(needle) ? 1 : 0;
                               }));
        Q_UNUSED(hits)
    }
    proxy.setSearchText(QString());
    proxy.rowCount();
    report.add(BenchFigure::measured(QStringLiteral("table.%1.keystroke").arg(size), QStringLiteral("ms"),
                                     percentile(keystrokes, 100), slowestScan,
                                     QStringLiteral("bare contains() over the rows"))
                   .withTarget(BenchFigure::TargetOn::Value, 50)
                   .withNote(QStringLiteral("slowest of %1 keystrokes (\"%2\"), median %3 ms")
                                 .arg(typed.size())
                                 .arg(typed.join(QStringLiteral("\", \"")))
                                 .arg(percentile(keystrokes, 50), 0, 'f', 1)));

    // Sorting by customer name, the costliest column (text); the floor is std::sort of the same keys.
    const double sortMs = timeMs([&] {
        proxy.sort(LeadTableModel::Name, Qt::AscendingOrder);
        if (proxy.rowCount() > 0)
            proxy.index(0, LeadTableModel::Name).data();
    });
    QStringList names;
    names.reserve(count);
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.leadAt(row).name.toLower();
    std::vector<int> order(size_t(names.size()));
    for (int i = 0; i < names.size(); ++i)
        order[size_t(i)] = i;
    const double bareSortMs = timeMs([&] {
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return names.at(a) < names.at(b); });
    });
    report.add(BenchFigure::measured(QStringLiteral("table.%1.sort-by-name").arg(size), QStringLiteral("ms"),
                                     sortMs, bareSortMs,
                                     QStringLiteral("std::stable_sort of the lower-case names")));
    report.add(BenchFigure::measured(QStringLiteral("table.%1.rss").arg(size), QStringLiteral("MB"), rss,
                                     rssBefore, QStringLiteral("the same process before opening the journal"))
                   .withTarget(BenchFigure::TargetOn::Value, 150));
}

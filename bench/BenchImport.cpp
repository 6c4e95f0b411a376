// The `import` section (issue 21): a CSV file of 100,000 orders (10,000 with --quick) read, mapped and
// validated as the import dialog does, beside a bare parse of the same bytes (split on line breaks and
// separators, no quotes, no encoding detection, no checks); and the longest main-thread stall while the
// rows are checked on ImportChecker's thread, as the dialog's window would feel it.

#include "BenchSections.h"
#include "BenchSupport.h"
#include "import/CsvDecoder.h"
#include "import/CsvParser.h"
#include "import/ImportCheck.h"
#include "import/ImportFileReader.h"
#include "import/ImportPreviewModel.h"
#include "journal/Journal.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <iostream>

namespace {

QByteArray makeFile(int rows)
{
    QByteArray bytes("\xEF\xBB\xBF"
                     "Номер заказа;Телефон;ФИО;Оффер;IP;Комментарий\r\n");
    bytes.reserve(rows * 80);
    for (int i = 0; i < rows; ++i) {
        const QByteArray n = QByteArray::number(1'000'000 + i);
        // Every tenth row has a bad phone; every twentieth a quoted comment over two lines.
        bytes += n + ';' +
                 (i % 10 == 3 ? QByteArray("12-CALL-NOW")
                              : "+7 (9" + n.left(2) + ") " + n.mid(2, 3) + '-' + n.right(2) + "-00") +
                 ";Customer " + n + ";217;12.34.56.78;" +
                 (i % 20 == 7 ? QByteArray("\"call after six\r\nnot before\"") : QByteArray("ok")) + "\r\n";
    }
    return bytes;
}

qsizetype bareParse(const QByteArray &bytes)
{
    qsizetype cells = 0;
    const QString text = QString::fromUtf8(bytes);
    for (const QStringView line : QStringView(text).split(u'\n'))
        cells += line.split(u';').size();
    return cells;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// The import dialog's own work on the GUI thread, from opening a file to the preview showing every row,
// with a journal of as many leads behind it: the steps of ImportDialog::openFile(), readContext(),
// reparse(), onRead() and onChecked(), in their order and on the same threads, then a recheck after a
// changed constant, while a StallMeter watches the event loop. Returns the longest stall (ms); *totalMs
// gets the time until the preview holds the rechecked rows.
double dialogStallMs(const QByteArray &bytes, Journal &journal, double *totalMs)
{
    StallMeter stall;
    QEventLoop loop;
    ImportFileReader reader;
    ImportChecker checker;
    ImportPreviewModel model;
    CsvTable table;
    ColumnMapping mapping;
    ImportContext context;
    bool read = false;
    bool contextReady = false;
    const auto recheck = [&] {
        if (read && contextReady)
            checker.check(table, mapping, context);
    };
    QObject::connect(&reader, &ImportFileReader::done, &loop, [&](const CsvTable &readTable) {
        table = readTable;
        mapping = ColumnMapping::guessed(table.header, table.columnCount);
        model.setRows({}, table.header, mapping, context);
        read = true;
        recheck();
    });
    // Then the operator changes a constant: the rows are checked again and replace the shown ones (the
    // old ones are freed on this thread).
    bool rechecked = false;
    QObject::connect(&checker, &ImportChecker::checked, &loop, [&](const QVector<ImportRow> &rows) {
        model.setRows(rows, table.header, mapping, context);
        if (rechecked) {
            loop.quit();
            return;
        }
        rechecked = true;
        mapping.setConstant(QStringLiteral("country"), QStringLiteral("ru"));
        checker.check(table, mapping, context);
    });
    QTimer::singleShot(0, &loop, [&] {
        const CsvEncoding encoding = CsvDecoder::detect(bytes);
        if (!CsvDecoder::problemWith(bytes, encoding).isEmpty())
            std::cerr << "import: the file was refused\n";
        const QString text = CsvDecoder::decode(bytes.left(64 * 1024), encoding);
        const QChar separator = CsvParser::detectSeparator(text);
        const CsvTable firstRows = CsvParser::parse(text, {separator, false});
        const bool header = !firstRows.rows.isEmpty() && CsvParser::looksLikeHeader(firstRows.rows.first());
        ImportContext::readInBackground(journal, BenchSupport::profile, QDateTime::currentMSecsSinceEpoch(),
                                        &loop, [&](const ImportContext &readContext, const QString &) {
                                            context = readContext;
                                            contextReady = true;
                                            recheck();
                                        });
        reader.read(bytes, encoding, {separator, header});
    });
    QElapsedTimer timer;
    timer.start();
    stall.start();
    BenchSupport::runLoop(loop, 300'000);
    stall.stop();
    *totalMs = BenchSupport::elapsedMs(timer);
    if (model.rowCount() != table.rows.size() || context.knownOrderIds.isEmpty())
        std::cerr << "import: the preview holds " << model.rowCount() << " rows of " << table.rows.size()
                  << ", against " << context.knownOrderIds.size() << " journal leads\n";
    return stall.longestStallMs();
}

} // namespace

void benchImport(BenchReport &report, const BenchOptions &options)
{
    auto &err = std::cerr;
    const int count = options.quick ? 10'000 : 100'000;
    const QString size = QString::number(count / 1000) + QLatin1Char('k');
    const QByteArray bytes = makeFile(count);
    const int runs = options.quick ? 1 : 3;

    QList<double> bare, read, check, total, stalls, bareStalls;
    qsizetype rowsRead = 0;
    int valid = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const qsizetype cells = bareParse(bytes);
        bare.append(timer.nsecsElapsed() / 1e6);
        if (cells == 0)
            err << "import: the bare parse found nothing\n";

        timer.restart();
        const CsvEncoding encoding = CsvDecoder::detect(bytes);
        const QString text = CsvDecoder::decode(bytes, encoding);
        const CsvTable table = CsvParser::parse(text, {CsvParser::detectSeparator(text), true});
        const double readMs = timer.nsecsElapsed() / 1e6;
        read.append(readMs);
        rowsRead = table.rows.size();

        // Checked as the dialog checks: on ImportChecker's thread while this thread's event loop runs.
        const ColumnMapping mapping = ColumnMapping::guessed(table.header, table.columnCount);
        ImportChecker checker;
        StallMeter stall;
        QEventLoop loop;
        QVector<ImportRow> rows;
        QObject::connect(&checker, &ImportChecker::checked, &loop, [&](const QVector<ImportRow> &checked) {
            rows = checked;
            loop.quit();
        });
        timer.restart();
        stall.start();
        checker.check(table, mapping, {});
        loop.exec();
        stall.stop();
        const double checkMs = timer.nsecsElapsed() / 1e6;
        check.append(checkMs);
        total.append(readMs + checkMs);
        stalls.append(stall.longestStallMs());
        valid = ImportCheck::count(rows).valid;

        // The same measurement while only the bare parse runs on a thread: the machine's own noise.
        StallMeter bareStall;
        // As long as the check took, so that both meters run for the same time.
        QThread *worker = QThread::create([&bytes, checkMs] {
            QElapsedTimer busy;
            busy.start();
            do
                bareParse(bytes);
            while (busy.nsecsElapsed() / 1e6 < checkMs);
        });
        QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
        bareStall.start();
        worker->start();
        loop.exec();
        bareStall.stop();
        worker->wait();
        delete worker;
        bareStalls.append(bareStall.longestStallMs());
    }
    err << "import: " << rowsRead << " rows read, " << valid << " valid\n";

    const QString bareName = QStringLiteral("bare CSV parse of the same file (split only)");
    report.add(
        BenchFigure::measured(QStringLiteral("import.%1.total").arg(size), QStringLiteral("ms"),
                              median(total), median(bare), bareName)
            .withTarget(BenchFigure::TargetOn::Value, 3000)
            .withNote(QStringLiteral("read (encoding, separator, quotes) + mapped + validated with the "
                                     "form's rules and doubles; median of %1 runs")
                          .arg(runs)));
    report.add(BenchFigure::measured(QStringLiteral("import.%1.read").arg(size), QStringLiteral("ms"),
                                     median(read), median(bare), bareName));
    report.add(BenchFigure::measured(QStringLiteral("import.%1.validate").arg(size), QStringLiteral("ms"),
                                     median(check), median(bare), bareName)
                   .withNote(QStringLiteral("ImportChecker's thread: mapping, LeadValidator, doubles")));
    report.add(BenchFigure::measured(QStringLiteral("import.%1.stall").arg(size), QStringLiteral("ms"),
                                     *std::max_element(stalls.cbegin(), stalls.cend()),
                                     *std::max_element(bareStalls.cbegin(), bareStalls.cend()),
                                     QStringLiteral("the same meter while a thread runs the bare parse"))
                   .withTarget(BenchFigure::TargetOn::Value, 50)
                   .withNote(QStringLiteral("longest main-thread stall while the rows are checked")));

    // The whole dialog, opening included, against a journal as large as the file: what the operator's
    // window feels from choosing the file to seeing every row.
    QTemporaryDir dir;
    Journal journal;
    if (!dir.isValid() || !journal.open(dir.filePath(QStringLiteral("journal.sqlite"))) ||
        !BenchSupport::addSentLeads(journal, 5'000'000, count)) {
        err << "import: the journal could not be filled\n";
        return;
    }
    QList<double> dialogStalls, dialogTotals;
    for (int run = 0; run < runs; ++run) {
        double totalMs = 0;
        dialogStalls.append(dialogStallMs(bytes, journal, &totalMs));
        dialogTotals.append(totalMs);
    }
    report.add(
        BenchFigure::measured(QStringLiteral("import.%1.dialog.stall").arg(size), QStringLiteral("ms"),
                              *std::max_element(dialogStalls.cbegin(), dialogStalls.cend()),
                              *std::max_element(bareStalls.cbegin(), bareStalls.cend()),
                              QStringLiteral("the same meter while a thread runs the bare parse"))
            .withTarget(BenchFigure::TargetOn::Value, 50)
            .withNote(QStringLiteral("longest GUI-thread stall of the import dialog's work, from opening "
                                     "the file to the preview holding every row, and a recheck replacing "
                                     "them, with a journal of "
                                     "%1 leads; worst of %2 runs (took %3 ms)")
                          .arg(count)
                          .arg(runs)
                          .arg(median(dialogTotals), 0, 'f', 0)));
}

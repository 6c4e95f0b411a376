// The `import` section (issue 21): a CSV file of 100,000 orders (10,000 with --quick) read, mapped and
// validated as the import dialog does, beside a bare parse of the same bytes (split on line breaks and
// separators, no quotes, no encoding detection, no checks); and the longest main-thread stall while the
// rows are checked on ImportChecker's thread, as the dialog's window would feel it.

#include "BenchSections.h"
#include "import/CsvDecoder.h"
#include "import/CsvParser.h"
#include "import/ImportCheck.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>

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
}

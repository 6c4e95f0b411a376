// cpadesk-bench: the benchmarks of issue 9. One line per figure (name, figure, the baseline measured in
// the same run, ratio), a table on stdout, JSON with --json FILE. See docs/PERFORMANCE.md.
//
//   cpadesk-bench [--json FILE] [--quick] [--app PATH] [--seconds S]
//                 [--sections sandbox,table,refresh,submit,startup,latency,analytics,team,import]
//
// Each section runs in a child process of this executable (--section NAME), so that one section's
// memory and threads never colour another's figures. Internal modes: --section NAME,
// --fill-journal PATH COUNT (the table fixture), --bare-window (the start-up baseline).
#include "BenchReport.h"
#include "BenchSections.h"
#include "FirstPaintReporter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QProcess>
#include <QStatusBar>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

const QStringList allSections{
    QStringLiteral("sandbox"),   QStringLiteral("table"),   QStringLiteral("refresh"),
    QStringLiteral("submit"),    QStringLiteral("startup"), QStringLiteral("latency"),
    QStringLiteral("analytics"), QStringLiteral("team"),    QStringLiteral("import")};
const QByteArray figurePrefix = "BENCH-FIGURE ";

QElapsedTimer g_sinceStart;

// The start-up baseline: what any Qt Widgets application pays to put a main window on screen.
int runBareWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QCoreApplication::translate("BareWindow", "&File"));
    window.setCentralWidget(new QTableView(&window));
    window.statusBar()->addWidget(new QLabel(QCoreApplication::translate("BareWindow", "Ready"), &window));
    FirstPaintReporter reporter(g_sinceStart);
    window.installEventFilter(&reporter);
    window.resize(1024, 700);
    window.show();
    return app.exec();
}

using Section = void (*)(BenchReport &, const BenchOptions &);

Section sectionNamed(const QString &name)
{
    if (name == QLatin1String("sandbox"))
        return benchSandbox;
    if (name == QLatin1String("table"))
        return benchTable;
    if (name == QLatin1String("refresh"))
        return benchRefresh;
    if (name == QLatin1String("submit"))
        return benchSubmit;
    if (name == QLatin1String("startup"))
        return benchStartup;
    if (name == QLatin1String("latency"))
        return benchLatency;
    if (name == QLatin1String("analytics"))
        return benchAnalytics;
    if (name == QLatin1String("team"))
        return benchTeam;
    if (name == QLatin1String("import"))
        return benchImport;
    return nullptr;
}

// In the child: run one section, hand each figure to the parent as a line of JSON.
int runSection(const QString &name, const BenchOptions &options)
{
    const Section section = sectionNamed(name);
    if (!section)
        return 2;
    BenchReport report;
    section(report, options);
    for (const BenchFigure &figure : report.figures()) {
        const QByteArray line = figurePrefix + QJsonDocument(figure.toJson()).toJson(QJsonDocument::Compact);
        std::printf("%s\n", line.constData());
    }
    std::fflush(stdout);
    return report.figures().isEmpty() ? 1 : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    g_sinceStart.start();
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--bare-window") == 0)
            return runBareWindow(argc, argv);
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpadesk-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Bench", "CPA Desk benchmarks: each figure with a baseline measured in the same run."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), QCoreApplication::translate("Bench", "Also write the figures as JSON."),
        QStringLiteral("file"));
    const QCommandLineOption quickOption(
        QStringLiteral("quick"),
        QCoreApplication::translate(
            "Bench", "Small sizes and short runs: checks that it works, no figures to quote."));
    const QCommandLineOption sectionsOption(
        QStringLiteral("sections"), QCoreApplication::translate("Bench", "Comma-separated sections to run."),
        QStringLiteral("list"), allSections.join(QLatin1Char(',')));
    const QCommandLineOption appOption(QStringLiteral("app"),
                                       QCoreApplication::translate("Bench", "The cpadesk executable."),
                                       QStringLiteral("path"), QStringLiteral(CPADESK_APP_PATH));
    const QCommandLineOption secondsOption(
        QStringLiteral("seconds"), QCoreApplication::translate("Bench", "Length of each throughput run."),
        QStringLiteral("seconds"), QStringLiteral("3"));
    const QCommandLineOption sectionOption(QStringLiteral("section"), QStringLiteral("internal"),
                                           QStringLiteral("name"));
    const QCommandLineOption fillOption(QStringLiteral("fill-journal"), QStringLiteral("internal"),
                                        QStringLiteral("path"));
    parser.addOptions(
        {jsonOption, quickOption, sectionsOption, appOption, secondsOption, sectionOption, fillOption});
    parser.addPositionalArgument(QStringLiteral("count"),
                                 QStringLiteral("internal: leads for --fill-journal"));
    parser.process(app);

    if (parser.isSet(fillOption)) {
        const int count = parser.positionalArguments().value(0).toInt();
        return count > 0 ? fillTableJournal(parser.value(fillOption), count) : 2;
    }

    BenchOptions options;
    options.quick = parser.isSet(quickOption);
    options.appPath = parser.value(appOption);
    options.benchPath = QCoreApplication::applicationFilePath();
    options.seconds = parser.value(secondsOption).toDouble();
    if (options.seconds <= 0)
        options.seconds = 3;
    if (options.quick)
        options.seconds = std::min(options.seconds, 1.0);

    if (parser.isSet(sectionOption))
        return runSection(parser.value(sectionOption), options);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList sections = parser.value(sectionsOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &name : sections) {
        if (!sectionNamed(name)) {
            err << "unknown section: " << name << " (known: " << allSections.join(QLatin1Char(',')) << ")\n";
            return 2;
        }
    }
    const QJsonObject machineAtStart = BenchReport::machineInfo();
    BenchReport report;
    bool allRan = true;
    for (const QString &name : sections) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList arguments{QStringLiteral("--section"), name,
                              QStringLiteral("--app"),     options.appPath,
                              QStringLiteral("--seconds"), QString::number(options.seconds)};
        if (options.quick)
            arguments << QStringLiteral("--quick");
        child.start(options.benchPath, arguments);
        child.waitForFinished(60 * 60 * 1000);
        int figures = 0;
        for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
            if (!line.startsWith(figurePrefix))
                continue;
            const BenchFigure figure =
                BenchFigure::fromJson(QJsonDocument::fromJson(line.mid(figurePrefix.size())).object());
            report.add(figure);
            ++figures;
        }
        if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0 || figures == 0) {
            err << "section " << name << " failed (exit " << child.exitCode() << ")\n";
            allRan = false;
        }
    }

    QJsonObject machine = machineAtStart;
    machine.insert(QStringLiteral("loadAverageAtEnd"),
                   BenchReport::machineInfo().value(QStringLiteral("loadAverage")));
    out << "machine: " << machine.value(QStringLiteral("cores")).toInt() << " cores, "
        << machine.value(QStringLiteral("cpu")).toString() << ", load "
        << machine.value(QStringLiteral("loadAverage")).toString() << " at start, "
        << machine.value(QStringLiteral("loadAverageAtEnd")).toString() << " at end\n";
    out << report.table();
    out.flush();
    if (parser.isSet(jsonOption)) {
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(QJsonDocument(report.toJson(machine)).toJson()) < 0) {
            err << "cannot write " << parser.value(jsonOption) << '\n';
            return 1;
        }
    }
    return allRan ? 0 : 1;
}

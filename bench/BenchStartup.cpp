#include "BenchSections.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

struct StartupRun
{
    double firstPaintMs = NAN; // from QProcess::start() to the "first-paint-ms" line, seen from here
    double reportedMs = NAN;   // what the process itself printed
    double idleRssMb = NAN;    // two seconds after the first paint
};

// Starts `program`, waits for its "first-paint-ms N" line, lets it idle, reads its memory, stops it.
StartupRun measureOnce(const QString &program, const QStringList &arguments, const QString &home)
{
    StartupRun run;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("CPADESK_REPORT_FIRST_PAINT"), QStringLiteral("1"));
    // Settings, data and caches of a fresh user: nothing of the real user's is read or written.
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);

    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return run;
    QByteArray output;
    while (timer.elapsed() < 20000 && process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        output += process.readAllStandardOutput();
        const qsizetype at = output.indexOf("first-paint-ms ");
        if (at >= 0 && output.indexOf('\n', at) > 0) {
            run.firstPaintMs = BenchSupport::elapsedMs(timer);
            run.reportedMs = output.mid(at + 15, output.indexOf('\n', at) - at - 15).trimmed().toDouble();
            break;
        }
    }
    if (!std::isnan(run.firstPaintMs)) {
        process.waitForFinished(2000); // idling; returns false when it is still running, as it should
        run.idleRssMb = residentMegabytes(process.processId());
    }
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    return run;
}

double medianOf(const QList<StartupRun> &runs, double StartupRun::*field)
{
    QList<double> values;
    for (const StartupRun &run : runs) {
        if (!std::isnan(run.*field))
            values << run.*field;
    }
    return values.size() == runs.size() ? percentile(values, 50) : NAN;
}

} // namespace

void benchStartup(BenchReport &report, const BenchOptions &options)
{
    QTextStream err(stderr);
    const int repeats = options.quick ? 2 : 5;
    QList<StartupRun> app;
    QList<StartupRun> bare;
    for (int i = 0; i < repeats; ++i) {
        // A fresh data folder and user each time: the first start of a new user, the slowest one.
        QTemporaryDir home;
        err << "startup: run " << i + 1 << " of " << repeats << '\n';
        err.flush();
        app << measureOnce(options.appPath,
                           {QStringLiteral("--data-dir"), home.filePath(QStringLiteral("cpadesk-data")),
                            QStringLiteral("--sandbox")},
                           home.path());
        bare << measureOnce(options.benchPath, {QStringLiteral("--bare-window")}, home.path());
    }
    const bool appReported = !std::isnan(medianOf(app, &StartupRun::firstPaintMs));
    const QString missing = QStringLiteral("cpadesk printed no \"first-paint-ms\" line: this build does not "
                                           "support CPADESK_REPORT_FIRST_PAINT=1");

    const QString bareWindow = QStringLiteral("a bare QMainWindow process, same measurement");
    BenchFigure paint = BenchFigure::measured(QStringLiteral("startup.first-paint"), QStringLiteral("ms"),
                                              medianOf(app, &StartupRun::firstPaintMs),
                                              medianOf(bare, &StartupRun::firstPaintMs), bareWindow)
                            .withTarget(BenchFigure::TargetOn::Value, 300);
    paint.note = appReported ? QStringLiteral("median of %1, process start to first paint seen by the parent "
                                              "(the app itself reported %2 ms)")
                                   .arg(repeats)
                                   .arg(medianOf(app, &StartupRun::reportedMs), 0, 'f', 0)
                             : missing;
    report.add(paint);

    report.add(BenchFigure::measured(QStringLiteral("startup.idle-rss"), QStringLiteral("MB"),
                                     medianOf(app, &StartupRun::idleRssMb),
                                     medianOf(bare, &StartupRun::idleRssMb), bareWindow)
                   .withNote(appReported ? QStringLiteral("2 s after the first paint") : missing));
}

// cpadesk-soak: the fault soak of issue 9 (see SoakSupervisor.h and docs/PERFORMANCE.md).
//
//   cpadesk-soak [--minutes M] [--work DIR] [--sandbox PATH] [--driver PATH] [--rate N] [--seed S]
//                [--faults SPEC]
//
// Exit status 0 when no lead was lost or duplicated and the outbox drained, else 1.
#include "SoakSupervisor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Soak",
        "Submits and refreshes leads against a faulty sandbox while killing the app's core at random."));
    parser.addHelpOption();
    const QCommandLineOption minutesOption(QStringLiteral("minutes"),
                                           QCoreApplication::translate("Soak", "How long the kills go on."),
                                           QStringLiteral("minutes"), QStringLiteral("5"));
    const QCommandLineOption workOption(
        QStringLiteral("work"),
        QCoreApplication::translate("Soak", "Folder for the journal, state and logs (kept)."),
        QStringLiteral("dir"));
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
                                           QCoreApplication::translate("Soak", "cpadesk-sandbox."),
                                           QStringLiteral("path"), QStringLiteral(CPADESK_SANDBOX_PATH));
    const QCommandLineOption driverOption(QStringLiteral("driver"),
                                          QCoreApplication::translate("Soak", "cpadesk-soak-driver."),
                                          QStringLiteral("path"), QStringLiteral(CPADESK_SOAK_DRIVER_PATH));
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        QCoreApplication::translate("Soak", "Leads submitted per second."),
                                        QStringLiteral("n"), QStringLiteral("40"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QCoreApplication::translate("Soak", "Seed of the kills and the faults."),
        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption faultsOption(
        QStringLiteral("faults"),
        QCoreApplication::translate("Soak", "The sandbox's fault shares (cpadesk-sandbox --faults)."),
        QStringLiteral("spec"), SoakSupervisor::Options().faults);
    parser.addOptions(
        {minutesOption, workOption, sandboxOption, driverOption, rateOption, seedOption, faultsOption});
    parser.process(app);

    QTemporaryDir temporary;
    SoakSupervisor::Options options;
    options.sandboxPath = parser.value(sandboxOption);
    options.driverPath = parser.value(driverOption);
    options.workDir = parser.isSet(workOption) ? parser.value(workOption) : temporary.path();
    options.durationSeconds = int(parser.value(minutesOption).toDouble() * 60);
    options.rate = parser.value(rateOption).toInt();
    options.seed = parser.value(seedOption).toUInt();
    options.faults = parser.value(faultsOption);
    temporary.setAutoRemove(!parser.isSet(workOption));

    const SoakSupervisor::Result result = SoakSupervisor(options).run();
    QTextStream out(stdout);
    out << result.summary();
    out << "work folder: " << options.workDir << (parser.isSet(workOption) ? "\n" : " (removed)\n");
    return result.passed() ? 0 : 1;
}

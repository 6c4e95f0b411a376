// cpadesk-sandbox: the built-in emulator of the affiliate API as a command-line server on 127.0.0.1.
// Prints the URL it listens on as its first line, then serves until it is stopped.

#include "Sandbox.h"
#include "SandboxTls.h"
#include "api/CertificatePin.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <qt_windows.h>
#endif

namespace {

// Ctrl+C and a polite kill end the event loop properly, so that the state file gets its final save.
#ifdef Q_OS_UNIX

int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe calls here: the event loop picks the byte up and quits properly, so the
    // state file gets its final save.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

void quitOnTerminationSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] { app.quit(); });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

#elif defined(Q_OS_WIN)

// Runs on a thread of its own that Windows starts: posting the quit to the event loop is safe there.
BOOL WINAPI onConsoleControl(DWORD)
{
    QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit, Qt::QueuedConnection);
    return TRUE;
}

void quitOnTerminationSignals(QCoreApplication &)
{
    ::SetConsoleCtrlHandler(onConsoleControl, TRUE);
}

#else

// Elsewhere the default handling ends the process, without the state file's final save.
void quitOnTerminationSignals(QCoreApplication &) {}

#endif

QString tr(const char *text)
{
    return QCoreApplication::translate("SandboxCli", text);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpadesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPADESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("An emulator of the affiliate lead API (add.json, list.json) on 127.0.0.1, for trying CPA Desk "
           "without an account, for tests and for benchmarks."));
    parser.addHelpOption();
    parser.addVersionOption();
    const SandboxOptions defaults;
    const QCommandLineOption portOption(QStringLiteral("port"), tr("Port on 127.0.0.1 (0: any free port)."),
                                        tr("port"), QStringLiteral("0"));
    const QCommandLineOption userOption(QStringLiteral("user"), tr("The API user id."), tr("user"),
                                        defaults.user);
    const QCommandLineOption keyOption(QStringLiteral("key"), tr("The API key."), tr("key"), defaults.key);
    const QCommandLineOption speedOption(
        QStringLiteral("speed"), tr("Sandbox seconds per real second (1440: a day passes in a minute)."),
        tr("factor"), QString::number(defaults.speed));
    const QCommandLineOption seedOption(QStringLiteral("seed"), tr("Seed of the lead outcomes and faults."),
                                        tr("number"), QString::number(defaults.seed));
    const QCommandLineOption faultsOption(
        QStringLiteral("faults"),
        tr("Shares of faulty answers, e.g. 502=0.05,500=0.05,truncate=0.05,reset=0.05,delay=0.02,"
           "drop-after-store=0.05,delay-ms=30000."),
        tr("spec"));
    const QCommandLineOption latencyOption(
        QStringLiteral("latency"),
        tr("Hold every answer back this long, give or take the jitter, as a distant server would "
           "(e.g. 150,30)."),
        tr("ms[,jitter-ms]"), QStringLiteral("0"));
    const QCommandLineOption tlsOption(
        QStringLiteral("tls"),
        tr("Serve HTTPS with a self-signed certificate made at start (needs the openssl command); its "
           "SHA-256 fingerprint is printed, for pinning in a profile."));
    const QCommandLineOption tlsCertOption(QStringLiteral("tls-cert"),
                                           tr("Serve HTTPS with this PEM certificate (with --tls-key)."),
                                           tr("file"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"),
                                          tr("The PEM private key of --tls-cert, without a passphrase."),
                                          tr("file"));
    const QCommandLineOption stateOption(
        QStringLiteral("state"), tr("Load the state from this file and keep it saved there."), tr("file"));
    const QCommandLineOption olderEngineOption(
        QStringLiteral("older-engine"),
        tr("Answer as older engine builds do: list.json rows with only id, status and status_text, add.json "
           "without uid, refusals in error_text."));
    parser.addOptions({portOption, userOption, keyOption, speedOption, seedOption, faultsOption,
                       latencyOption, tlsOption, tlsCertOption, tlsKeyOption, stateOption});
    parser.addOption(olderEngineOption);
    parser.process(app);

    QTextStream err(stderr);
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << tr("Invalid port: %1").arg(parser.value(portOption)) << Qt::endl;
        return 2;
    }
    SandboxOptions options;
    options.user = parser.value(userOption);
    options.key = parser.value(keyOption);
    options.speed = parser.value(speedOption).toDouble(&ok);
    if (!ok || options.speed < 0) {
        err << tr("Invalid speed: %1").arg(parser.value(speedOption)) << Qt::endl;
        return 2;
    }
    options.seed = parser.value(seedOption).toUInt(&ok);
    if (!ok) {
        err << tr("Invalid seed: %1").arg(parser.value(seedOption)) << Qt::endl;
        return 2;
    }
    const std::optional<SandboxFaults> faults = SandboxFaults::parse(parser.value(faultsOption));
    if (!faults) {
        err << tr("Invalid fault spec: %1").arg(parser.value(faultsOption)) << Qt::endl;
        return 2;
    }
    options.faults = *faults;
    const std::optional<SandboxLatency> latency = SandboxLatency::parse(parser.value(latencyOption));
    if (!latency) {
        err << tr("Invalid latency: %1 (milliseconds, then optionally a comma and a jitter no larger than "
                  "the latency)")
                   .arg(parser.value(latencyOption))
            << Qt::endl;
        return 2;
    }
    options.latency = *latency;
    options.stateFile = parser.value(stateOption);
    options.olderEngine = parser.isSet(olderEngineOption);
    if (options.user.isEmpty() || options.key.isEmpty()) {
        err << tr("The user and the key must not be empty.") << Qt::endl;
        return 2;
    }

    SandboxTls tls;
    QTemporaryDir generatedCertificateFolder;
    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption)) {
        err << tr("--tls-cert and --tls-key go together.") << Qt::endl;
        return 2;
    }
    if (parser.isSet(tlsCertOption) && parser.isSet(tlsOption)) {
        err << tr("--tls makes its own certificate: give either --tls or --tls-cert and --tls-key.")
            << Qt::endl;
        return 2;
    }
    QString tlsError;
    if (parser.isSet(tlsCertOption))
        tls = SandboxTls::load(parser.value(tlsCertOption), parser.value(tlsKeyOption), &tlsError);
    else if (parser.isSet(tlsOption))
        tls = SandboxTls::generateSelfSigned(generatedCertificateFolder.path(), &tlsError);
    if (!tlsError.isEmpty()) {
        err << tlsError << Qt::endl;
        return 2;
    }

    Sandbox sandbox(options);
    if (tls.isValid())
        sandbox.useTls(tls.certificate, tls.key);
    if (sandbox.listen(static_cast<quint16>(port)) == 0) {
        err << tr("Cannot listen on 127.0.0.1 port %1.").arg(port) << Qt::endl;
        return 1;
    }
    quitOnTerminationSignals(app);

    QTextStream out(stdout);
    out << sandbox.baseUrl().toString() << Qt::endl;
    out << tr("User: %1. Offers: %2; offer %3 is blocked. Banned phones: %4.")
               .arg(options.user, sandbox.demoOffers().join(QStringLiteral(", ")), sandbox.blockedOffer(),
                    sandbox.bannedPhones().join(QStringLiteral(", ")))
        << Qt::endl;
    if (tls.isValid()) {
        out << tr("TLS certificate SHA-256 fingerprint: %1")
                   .arg(CertificatePin::display(CertificatePin::fingerprint(tls.certificate)))
            << Qt::endl;
        if (parser.isSet(tlsOption))
            out << tr("Self-signed certificate (valid 30 days): %1")
                       .arg(QDir::toNativeSeparators(
                           generatedCertificateFolder.filePath(QStringLiteral("cert.pem"))))
                << Qt::endl;
    }
    if (!options.latency.isZero())
        out << tr("Every answer waits %1 ms, give or take %2 ms.")
                   .arg(options.latency.ms)
                   .arg(options.latency.jitterMs)
            << Qt::endl;
    return app.exec();
}

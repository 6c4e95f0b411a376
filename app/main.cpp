#include "AppCommandLine.h"
#include "AppTranslations.h"
#include "FirstPaintReporter.h"
#include "MainWindow.h"
#include "api/ApiEndpoint.h"
#include "session/AppSession.h"
#include "settings/Settings.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QIcon>
#include <QMessageBox>
#include <QTextStream>

#include <cstdio>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CPA Desk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("cpadesk.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("cpadesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPADESK_VERSION));
}

bool wantsTextOnly(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (i > 0 && (arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v"))
            return true;
        arguments.append(QString::fromLocal8Bit(arg));
    }
    // A mistyped option must be answered in words where no display can be opened (over ssh, in a
    // script): QApplication would abort before the error could be printed.
    return !AppCommandLine().process(arguments).isEmpty();
}

// --help, --version and command-line errors need no display: answer them without starting the GUI.
int answerOnTerminal(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationNames();
    AppCommandLine commandLine;
    const QStringList errors = commandLine.process(QCoreApplication::arguments());
    AppTranslations translations;
    translations.install(commandLine.options().language.isEmpty() ? QStringLiteral("system")
                                                                  : commandLine.options().language);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!errors.isEmpty()) {
        for (const QString &error : errors)
            err << error << '\n';
        err << AppCommandLine::helpHint() << '\n';
        return 2;
    }
    if (commandLine.options().versionRequested)
        out << AppCommandLine::versionText() << '\n';
    else
        out << commandLine.helpText();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (wantsTextOnly(argc, argv))
        return answerOnTerminal(argc, argv);

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("CPA Desk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app/cpadesk.svg")));

    AppCommandLine commandLine;
    const QStringList errors = commandLine.process(QCoreApplication::arguments());
    if (!errors.isEmpty()) {
        QTextStream(stderr) << errors.join(QLatin1Char('\n')) << '\n' << AppCommandLine::helpHint() << '\n';
        return 2;
    }
    const AppOptions &options = commandLine.options();

    AppSession::Options sessionOptions;
    sessionOptions.dataDir = options.dataDir;
    sessionOptions.forceSandbox = options.sandbox;
    sessionOptions.sandboxLatencyMs = options.sandboxLatencyMs;
    sessionOptions.sandboxJitterMs = options.sandboxJitterMs;
    sessionOptions.sandboxOlderEngine = options.sandboxOlderEngine;
    sessionOptions.profile = options.profile;
    if (ApiEndpoint::isExplicitOverride(options.apiUrl.toString(), ApiEndpoint::environmentUrl())) {
        const ApiEndpoint::Resolution endpoint =
            ApiEndpoint::resolve(QString(), options.apiUrl.toString(), ApiEndpoint::environmentUrl());
        if (!endpoint.isValid()) {
            QTextStream(stderr) << endpoint.problem << '\n';
            return 2;
        }
        sessionOptions.apiUrlOverride = endpoint.url;
    }
    AppSession session(sessionOptions);
    const bool settingsOpen = session.openSettings();
    AppTranslations translations;
    translations.install(!options.language.isEmpty() ? options.language
                         : settingsOpen              ? session.settings()->string(Settings::Key::Language)
                                                     : QStringLiteral("system"));
    if (!session.start()) {
        QMessageBox::critical(
            nullptr, QObject::tr("CPA Desk cannot start"),
            QObject::tr("The lead journal could not be opened: %1").arg(session.errorString()));
        return 1;
    }

    MainWindow window(&session);
    // Benchmarks ask (CPADESK_REPORT_FIRST_PAINT=1) when the main window first painted.
    FirstPaintReporter firstPaint(sinceStart);
    if (qEnvironmentVariableIntValue("CPADESK_REPORT_FIRST_PAINT") == 1)
        window.installEventFilter(&firstPaint);
    window.show();
    return app.exec();
}

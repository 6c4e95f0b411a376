#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

// What the command line asked for. Empty/false members mean "not given": the settings decide.
struct AppOptions
{
    bool helpRequested = false;
    bool versionRequested = false;
    QUrl apiUrl;              // --api-url: the network's base URL for this run (http or https, no query)
    bool sandbox = false;     // --sandbox: work against the built-in emulator whatever the profile says
    int sandboxLatencyMs = 0; // --sandbox-latency MS[,JITTER]: the built-in emulator answers this late
    int sandboxJitterMs = 0;  // ... give or take this much
    QString profile;          // --profile: the profile to open
    QString language;         // --lang: "system", "en" or "ru" (locale spellings are folded to the language)
    QString dataDir; // --data-dir: absolute folder for the journal and settings (tests, portable use)
    // --sandbox-older-engine: the built-in emulator answers as older engine builds do
    bool sandboxOlderEngine = false;
};

// Reads CPA Desk's command line. Unlike QCommandLineParser::process() it never exits the program:
// main() decides what to do with --help, --version and errors.
//
//   AppCommandLine commandLine;
//   const QStringList errors = commandLine.process(QCoreApplication::arguments());
//   if (!errors.isEmpty()) { print errors and commandLine.helpHint(); return 2; }
//   if (commandLine.options().helpRequested) { print commandLine.helpText(); return 0; }
//
// The help text is built when asked for, so it comes out in the language installed by then.
class AppCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(AppCommandLine)

public:
    // Parses the arguments (the first one is the program's name). Returns the errors in words, empty
    // when the command line is valid. The arguments are never echoed whole: a URL's query (which could
    // hold a key) is left out of every message.
    QStringList process(const QStringList &arguments);

    const AppOptions &options() const { return m_options; }

    QString helpText() const;
    // "cpadesk 0.1.0", from QCoreApplication's name and version.
    static QString versionText();
    // One line telling how to get the help, for after an error.
    static QString helpHint();

private:
    QString checkApiUrl(const QString &value);
    QString checkLanguage(const QString &value);
    QString checkDataDir(const QString &value);
    QString checkSandboxLatency(const QString &value);

    AppOptions m_options;
};

#include "AppCommandLine.h"

#include "AppTranslations.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

namespace {

const QString apiUrlName = QStringLiteral("api-url");
const QString sandboxName = QStringLiteral("sandbox");
const QString sandboxLatencyName = QStringLiteral("sandbox-latency");
const QString sandboxOlderEngineName = QStringLiteral("sandbox-older-engine");
const QString profileName = QStringLiteral("profile");
const QString langName = QStringLiteral("lang");
const QString dataDirName = QStringLiteral("data-dir");

// Option texts go through AppCommandLine's translation context even though they are built here:
// the parser is made afresh each time, so --help comes out in the language installed at that moment.
void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "AppCommandLine", "Send customer orders to an affiliate network and follow their statuses."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(
        apiUrlName,
        QCoreApplication::translate("AppCommandLine", "Use the affiliate API at <url> for this run."),
        QCoreApplication::translate("AppCommandLine", "url")));
    parser.addOption(QCommandLineOption(
        sandboxName, QCoreApplication::translate(
                         "AppCommandLine", "Work against the built-in sandbox, whatever the profile says.")));
    parser.addOption(QCommandLineOption(
        sandboxLatencyName,
        QCoreApplication::translate("AppCommandLine",
                                    "The built-in sandbox answers <ms> late, give or take <jitter> (e.g. "
                                    "150,30), as a distant server would."),
        QCoreApplication::translate("AppCommandLine", "ms[,jitter]")));
    parser.addOption(QCommandLineOption(
        sandboxOlderEngineName,
        QCoreApplication::translate("AppCommandLine",
                                    "The built-in sandbox answers as older engine builds do (no stage, "
                                    "the engine's own status words).")));
    parser.addOption(QCommandLineOption(
        profileName, QCoreApplication::translate("AppCommandLine", "Open the profile called <name>."),
        QCoreApplication::translate("AppCommandLine", "name")));
    parser.addOption(QCommandLineOption(
        langName,
        QCoreApplication::translate("AppCommandLine",
                                    "Interface language: system, en or ru (overrides the setting)."),
        QCoreApplication::translate("AppCommandLine", "code")));
    parser.addOption(QCommandLineOption(
        dataDirName,
        QCoreApplication::translate("AppCommandLine", "Keep the journal and the settings in <folder>."),
        QCoreApplication::translate("AppCommandLine", "folder")));
}

} // namespace

QStringList AppCommandLine::process(const QStringList &arguments)
{
    m_options = AppOptions();
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments))
        return {parser.errorText()};

    QStringList errors;
    m_options.helpRequested = parser.isSet(QStringLiteral("help"));
    m_options.versionRequested = parser.isSet(QStringLiteral("version"));
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        errors << tr("Unexpected argument: %1").arg(positional.constFirst());

    // An option given twice takes its last value, as with most programs.
    if (parser.isSet(apiUrlName)) {
        const QString error = checkApiUrl(parser.values(apiUrlName).constLast());
        if (!error.isEmpty())
            errors << error;
    }
    m_options.sandbox = parser.isSet(sandboxName);
    if (m_options.sandbox && parser.isSet(apiUrlName))
        errors << tr("--sandbox and --api-url cannot be used together: choose one.");
    if (parser.isSet(sandboxLatencyName)) {
        const QString error = checkSandboxLatency(parser.values(sandboxLatencyName).constLast());
        if (!error.isEmpty())
            errors << error;
    }
    m_options.sandboxOlderEngine = parser.isSet(sandboxOlderEngineName);
    if (parser.isSet(profileName)) {
        m_options.profile = parser.values(profileName).constLast().trimmed();
        if (m_options.profile.isEmpty())
            errors << tr("--profile needs a profile name.");
    }
    if (parser.isSet(langName)) {
        const QString error = checkLanguage(parser.values(langName).constLast());
        if (!error.isEmpty())
            errors << error;
    }
    if (parser.isSet(dataDirName)) {
        const QString error = checkDataDir(parser.values(dataDirName).constLast());
        if (!error.isEmpty())
            errors << error;
    }
    return errors;
}

QString AppCommandLine::checkApiUrl(const QString &value)
{
    const QUrl url(value.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return tr("--api-url needs a full http:// or https:// address, such as https://api.example.com/api/");
    // The key travels in the query (id=user-key); a key on the command line would sit in the shell
    // history and the process list, so we refuse it and never repeat it.
    if (url.hasQuery() || !url.userInfo().isEmpty())
        return tr(
            "--api-url must not carry a query or credentials: enter the user id and key in the settings.");
    m_options.apiUrl = url.adjusted(QUrl::RemoveFragment);
    return QString();
}

QString AppCommandLine::checkLanguage(const QString &value)
{
    if (!AppTranslations::isValidSetting(value) || value.trimmed().isEmpty())
        return tr("Unknown language \"%1\": use system, %2.")
            .arg(value.left(20), AppTranslations::supportedLanguages().join(QStringLiteral(", ")));
    const QString lowered = value.trimmed().toLower();
    m_options.language =
        lowered == QLatin1String("system") ? lowered : AppTranslations::resolveLanguage(lowered);
    return QString();
}

QString AppCommandLine::checkSandboxLatency(const QString &value)
{
    // The same spelling as cpadesk-sandbox --latency; parsed here because the core does not link the
    // sandbox.
    const QStringList parts = value.split(QLatin1Char(','));
    bool latencyOk = false;
    bool jitterOk = parts.size() == 1;
    const int latency = parts.constFirst().trimmed().toInt(&latencyOk);
    const int jitter = parts.size() == 2 ? parts.at(1).trimmed().toInt(&jitterOk) : 0;
    if (parts.size() > 2 || !latencyOk || !jitterOk || latency < 0 || jitter < 0 || jitter > latency)
        return tr("--sandbox-latency needs milliseconds, optionally a comma and a jitter no larger than "
                  "them, such as 150,30.");
    m_options.sandboxLatencyMs = latency;
    m_options.sandboxJitterMs = jitter;
    return QString();
}

QString AppCommandLine::checkDataDir(const QString &value)
{
    if (value.trimmed().isEmpty())
        return tr("--data-dir needs a folder.");
    const QFileInfo info(value);
    if (info.exists() && !info.isDir())
        return tr("--data-dir: %1 exists and is not a folder.").arg(QDir::toNativeSeparators(value));
    m_options.dataDir = QDir::cleanPath(info.absoluteFilePath());
    return QString();
}

QString AppCommandLine::helpText() const
{
    QCommandLineParser parser;
    addOptions(parser);
    return parser.helpText();
}

QString AppCommandLine::versionText()
{
    return QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion();
}

QString AppCommandLine::helpHint()
{
    return tr("Run %1 --help for the list of options.").arg(QCoreApplication::applicationName());
}

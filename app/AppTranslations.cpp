#include "AppTranslations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcI18n, "cpadesk.i18n", QtWarningMsg)

namespace {

const QString systemSetting = QStringLiteral("system");
const QString sourceLanguage = QStringLiteral("en");

// "ru_RU", "ru-RU", "RU" → "ru"; anything that is not a plain language tag → empty.
QString languagePart(const QString &code)
{
    const QString lowered = code.trimmed().toLower();
    const qsizetype cut = lowered.indexOf(QRegularExpression(QStringLiteral("[_\\-.@]")));
    const QString language = cut < 0 ? lowered : lowered.left(cut);
    static const QRegularExpression plainTag(QStringLiteral("^[a-z]{2,3}$"));
    return plainTag.match(language).hasMatch() ? language : QString();
}

} // namespace

AppTranslations::AppTranslations() : m_searchPaths(defaultSearchPaths()) {}

AppTranslations::~AppTranslations()
{
    uninstall();
}

QStringList AppTranslations::supportedLanguages()
{
    return {sourceLanguage, QStringLiteral("ru")};
}

bool AppTranslations::isValidSetting(const QString &setting)
{
    const QString trimmed = setting.trimmed().toLower();
    return trimmed.isEmpty() || trimmed == systemSetting ||
           supportedLanguages().contains(languagePart(setting));
}

QString AppTranslations::resolveLanguage(const QString &setting, const QLocale &systemLocale)
{
    const QString trimmed = setting.trimmed().toLower();
    if (!trimmed.isEmpty() && trimmed != systemSetting) {
        const QString language = languagePart(trimmed);
        return supportedLanguages().contains(language) ? language : sourceLanguage;
    }
    // The first UI language the user lists that we have wins: a German user who also reads Russian
    // and lists "de, ru" gets Russian rather than English.
    const QStringList uiLanguages = systemLocale.uiLanguages();
    for (const QString &candidate : uiLanguages) {
        const QString language = languagePart(candidate);
        if (supportedLanguages().contains(language))
            return language;
    }
    return sourceLanguage;
}

QString AppTranslations::nativeName(const QString &language)
{
    // Each language is named in itself, so a user who cannot read the current interface still finds
    // their own; QLocale would say "American English" and "русский" here.
    const QString code = languagePart(language);
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("ru"))
        return QStringLiteral("Русский");
    return code;
}

QStringList AppTranslations::defaultSearchPaths()
{
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(QStringLiteral("../share/cpadesk/translations"));
    return {QDir::cleanPath(installed), QStringLiteral(":/i18n")};
}

bool AppTranslations::install(const QString &setting, const QLocale &systemLocale)
{
    uninstall();
    m_language = resolveLanguage(setting, systemLocale);
    applyDefaultLocale(systemLocale);
    if (m_language == sourceLanguage) {
        // The English catalogue only carries plural forms: without it, English still reads.
        if (!loadAndInstall(QStringLiteral("cpadesk"), m_language, m_searchPaths))
            qCWarning(lcI18n) << "No English plural forms found in" << m_searchPaths;
        return true;
    }

    if (!loadAndInstall(QStringLiteral("cpadesk"), m_language, m_searchPaths)) {
        // Half a translation (Qt's dialogs in Russian, ours in English) would be worse than none.
        qCWarning(lcI18n) << "No CPA Desk translation found for" << m_language << "in" << m_searchPaths;
        install(sourceLanguage, systemLocale);
        return false;
    }
    const QStringList qtPaths{QLibraryInfo::path(QLibraryInfo::TranslationsPath)};
    m_qtLoaded = loadAndInstall(QStringLiteral("qtbase"), m_language, qtPaths);
    if (!m_qtLoaded)
        qCWarning(lcI18n) << "Qt's own translation is missing for" << m_language << "in" << qtPaths;
    return true;
}

void AppTranslations::applyDefaultLocale(const QLocale &systemLocale) const
{
    const QLocale interfaceLocale(m_language);
    QLocale::setDefault(interfaceLocale.language() == systemLocale.language() ? systemLocale
                                                                              : interfaceLocale);
}

void AppTranslations::uninstall()
{
    for (const std::unique_ptr<QTranslator> &translator : m_installed)
        QCoreApplication::removeTranslator(translator.get());
    m_installed.clear();
    m_qtLoaded = false;
}

bool AppTranslations::loadAndInstall(const QString &baseName, const QString &language,
                                     const QStringList &directories)
{
    const QString fileName = baseName + QLatin1Char('_') + language;
    for (const QString &directory : directories) {
        auto translator = std::make_unique<QTranslator>();
        if (!translator->load(fileName, directory))
            continue;
        // A catalogue with no messages (the English one while no string has a plural) is found but
        // has nothing to install; QCoreApplication::installTranslator() would keep it yet report
        // failure.
        if (translator->isEmpty())
            return true;
        if (!QCoreApplication::installTranslator(translator.get())) {
            qCWarning(lcI18n) << "Could not install" << fileName << "from" << directory;
            return false;
        }
        m_installed.push_back(std::move(translator));
        return true;
    }
    return false;
}

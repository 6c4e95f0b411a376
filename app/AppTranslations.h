#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QTranslator;

// Chooses the interface language and installs the translators for it: CPA Desk's own catalogue
// (cpadesk_<lang>.qm) and Qt's (qtbase_<lang>.qm, so standard dialogs and buttons match).
//
// The language comes from a setting or the --lang option: "system" (or empty) follows the system
// locale's UI languages and falls back to English; "en" and "ru" force one. English is the source
// language, but it still has a catalogue: cpadesk_en.qm holds only the plural forms ("1 lead",
// "5 leads") of strings written as "%n lead(s)".
//
// Translators are looked up first in the installed folder (share/cpadesk/translations beside the
// executable's bin/, so a packager can ship updated catalogues), then in the resources built into
// the program (":/i18n"), which are always there.
//
// A language chosen against the system's (Russian on an English system) also becomes the default
// locale, so dates, month names and numbers read in the interface's language rather than in a mix of
// two; a language that follows the system keeps the system's locale, territory and all.
class AppTranslations
{
public:
    AppTranslations();
    ~AppTranslations();
    AppTranslations(const AppTranslations &) = delete;
    AppTranslations &operator=(const AppTranslations &) = delete;

    // The language codes CPA Desk has a catalogue for, the source language first.
    static QStringList supportedLanguages();
    // "system", "en", "ru" and locale-style spellings ("ru_RU", "ru-RU", "RU") are accepted.
    static bool isValidSetting(const QString &setting);
    // The language a setting stands for: "system"/"" resolve through the locale's UI languages.
    static QString resolveLanguage(const QString &setting, const QLocale &systemLocale = QLocale::system());
    // The language's name in itself ("English", "Русский") for a language menu.
    static QString nativeName(const QString &language);

    // Removes what an earlier call installed, then installs the translators for the setting and sets
    // the default locale (see above).
    // Returns false when the application's own catalogue for a non-English language was not found:
    // the interface then falls back to English as a whole (language() says "en"). A missing Qt
    // catalogue is tolerated: see qtTranslationLoaded().
    bool install(const QString &setting, const QLocale &systemLocale = QLocale::system());
    void uninstall();

    QString language() const { return m_language; }
    bool qtTranslationLoaded() const { return m_qtLoaded; }

    // Where catalogues are searched, in order. Tests may replace it.
    QStringList searchPaths() const { return m_searchPaths; }
    void setSearchPaths(const QStringList &paths) { m_searchPaths = paths; }
    static QStringList defaultSearchPaths();

private:
    void applyDefaultLocale(const QLocale &systemLocale) const;
    bool loadAndInstall(const QString &baseName, const QString &language, const QStringList &directories);

    QStringList m_searchPaths;
    QString m_language;
    bool m_qtLoaded = false;
    std::vector<std::unique_ptr<QTranslator>> m_installed;
};

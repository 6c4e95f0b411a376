#pragma once

#include <QList>
#include <QString>
#include <QStringView>

struct CountryEntry
{
    QString code; // ISO 3166-1 alpha-2, upper case
    QString name; // in the interface's language (NameLanguage), from ICU's CLDR data
};

// The officially assigned ISO 3166-1 alpha-2 codes (249 of them, from Qt's territory list), named in the
// interface's language by ICU (uloc_getDisplayCountry: "Russia", "Россия"). Qt also knows territories
// that are not ISO 3166-1 countries (Ascension, the Canary Islands, Kosovo, the EU, numeric regions such
// as 419); those are left out, since the API takes a country's ISO code only.
class CountryCatalog
{
public:
    // Sorted by name, as the interface's language sorts.
    static const QList<CountryEntry> &countries();
    static bool contains(QStringView code);  // case-insensitive
    static QString nameOf(QStringView code); // empty when unknown
    // The text shown for a country in a list: "Russia (RU)".
    static QString displayText(const CountryEntry &country);
    // What an operator typed, as an upper-case code: a code ("ru"), a name ("Russia", any case; in the
    // interface's language or in English) or a display text ("Russia (RU)"). Empty when nothing matches.
    static QString codeFor(QStringView typed);
};

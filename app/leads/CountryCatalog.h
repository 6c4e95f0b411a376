#pragma once

#include <QList>
#include <QString>
#include <QStringView>

struct CountryEntry
{
    QString code; // ISO 3166-1 alpha-2, upper case
    QString name; // English short name, as Qt's locale data spells it
};

// The officially assigned ISO 3166-1 alpha-2 codes (249 of them), named from Qt's CLDR data. Qt also
// knows territories that are not ISO 3166-1 countries (Ascension, the Canary Islands, Kosovo, the EU,
// numeric regions such as 419); those are left out, since the API takes a country's ISO code only.
class CountryCatalog
{
public:
    // Sorted by name.
    static const QList<CountryEntry> &countries();
    static bool contains(QStringView code);  // case-insensitive
    static QString nameOf(QStringView code); // empty when unknown
    // The text shown for a country in a list: "Russia (RU)".
    static QString displayText(const CountryEntry &country);
    // What an operator typed, as an upper-case code: a code ("ru"), a name ("Russia", any case) or a
    // display text ("Russia (RU)"). Empty when nothing matches.
    static QString codeFor(QStringView typed);
};

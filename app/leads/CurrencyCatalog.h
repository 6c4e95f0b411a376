#pragma once

#include <QList>
#include <QString>
#include <QStringView>

struct CurrencyEntry
{
    QString code; // ISO 4217 alphabetic code, upper case
    int decimals; // ISO 4217 minor units: 2 for USD, 0 for JPY, 3 for KWD
    QString name; // in the interface's language (NameLanguage), from ICU's CLDR data
};

// The ISO 4217 currencies in circulation, named in the interface's language, all from the system's ICU
// (its ISO list, its territory data, ucurr_getName). Fund codes (BOV, CLF, USN...), precious metals
// (XAU...), bond-market units and the testing codes are left out on purpose: nobody prices a customer's
// order in them, and offering them would only invite mistakes.
class CurrencyCatalog
{
public:
    // Sorted by code.
    static QList<CurrencyEntry> currencies();
    static bool contains(QStringView code); // case-insensitive
    // Minor units of the currency as amounts are written (CLDR: 2 for USD, 0 for JPY, 3 for KWD); 2 when
    // unknown, the most common case.
    static int decimalsOf(QStringView code);
    // "USD — US Dollar", "USD — доллар США"
    static QString displayText(const CurrencyEntry &currency);
    // The upper-case code for what an operator typed: a code ("usd") or a display text. Empty when unknown.
    static QString codeFor(QStringView typed);
};

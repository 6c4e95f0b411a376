#include "CurrencyCatalog.h"

#include "NameLanguage.h"

#include <QLocale>
#include <QMutex>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <vector>

namespace {

struct Currency
{
    QByteArray code;
    int decimals;
};

// Every currency some territory uses today, by ICU's territory data (funds such as BOV or USN
// included; they are weeded out below).
std::set<std::string> currenciesOfTerritoriesToday()
{
    std::set<std::string> codes;
    for (const char *const *territory = uloc_getISOCountries(); *territory; ++territory) {
        const std::string locale = std::string("und_") + *territory;
        UErrorCode status = U_ZERO_ERROR;
        UEnumeration *values =
            ucurr_getKeywordValuesForLocale("currency", locale.c_str(), /*commonlyUsed=*/true, &status);
        if (U_FAILURE(status))
            continue;
        while (const char *code = uenum_next(values, nullptr, &status)) {
            if (U_FAILURE(status))
                break;
            codes.insert(code);
        }
        uenum_close(values);
    }
    return codes;
}

// ISO 4217's currencies in circulation, as the system's ICU knows them: its list of common,
// non-deprecated codes (which leaves out funds, precious metals, bond-market units and the testing
// codes), less those no territory uses any more (ICU's list is slow to drop a withdrawn currency:
// Debian 12's still has the Croatian kuna). Minor units as CLDR has them for ordinary amounts.
std::vector<Currency> buildCurrencies()
{
    const std::set<std::string> inUse = currenciesOfTerritoriesToday();
    std::vector<Currency> list;
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration *iso = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status);
    while (U_SUCCESS(status)) {
        const char *code = uenum_next(iso, nullptr, &status);
        if (!code || U_FAILURE(status))
            break;
        if (qstrlen(code) != 3 || inUse.count(code) == 0)
            continue;
        const QString text = QString::fromLatin1(code);
        UErrorCode digitsStatus = U_ZERO_ERROR;
        const int digits = ucurr_getDefaultFractionDigitsForUsage(
            reinterpret_cast<const UChar *>(text.utf16()), UCURR_USAGE_STANDARD, &digitsStatus);
        list.push_back({QByteArray(code), U_SUCCESS(digitsStatus) ? digits : 2});
    }
    uenum_close(iso);
    std::sort(list.begin(), list.end(), [](const Currency &a, const Currency &b) { return a.code < b.code; });
    return list;
}

const std::vector<Currency> &allCurrencies()
{
    static const std::vector<Currency> currencies = buildCurrencies();
    return currencies;
}

const Currency *find(QStringView code)
{
    if (code.size() != 3)
        return nullptr;
    const QByteArray upper = code.toString().toUpper().toLatin1();
    const std::vector<Currency> &all = allCurrencies();
    const auto it =
        std::find_if(all.cbegin(), all.cend(), [&upper](const Currency &c) { return c.code == upper; });
    return it == all.cend() ? nullptr : &*it;
}

// The currency's name in a language ("US Dollar", "доллар США"); the code when ICU has none.
QString nameIn(const QByteArray &code, const QByteArray &language)
{
    const QString text = QString::fromLatin1(code);
    UBool isChoiceFormat = false;
    int32_t length = 0;
    UErrorCode status = U_ZERO_ERROR;
    const UChar *name = ucurr_getName(reinterpret_cast<const UChar *>(text.utf16()), language.constData(),
                                      UCURR_LONG_NAME, &isChoiceFormat, &length, &status);
    if (U_FAILURE(status) || !name || length <= 0)
        return text;
    return QString::fromUtf16(reinterpret_cast<const char16_t *>(name), length);
}

QList<CurrencyEntry> buildCatalog(const QByteArray &language)
{
    QList<CurrencyEntry> list;
    list.reserve(qsizetype(allCurrencies().size()));
    for (const Currency &currency : allCurrencies())
        list.append({QString::fromLatin1(currency.code), currency.decimals, nameIn(currency.code, language)});
    return list;
}

} // namespace

QList<CurrencyEntry> CurrencyCatalog::currencies()
{
    // One catalogue per language, built on first use.
    static QMutex mutex;
    static std::map<QByteArray, QList<CurrencyEntry>> byLanguage;
    const QByteArray language = NameLanguage::icuLocale();
    const QMutexLocker locker(&mutex);
    auto it = byLanguage.find(language);
    if (it == byLanguage.end())
        it = byLanguage.emplace(language, buildCatalog(language)).first;
    return it->second;
}

bool CurrencyCatalog::contains(QStringView code)
{
    return find(code) != nullptr;
}

int CurrencyCatalog::decimalsOf(QStringView code)
{
    const Currency *c = find(code);
    return c ? c->decimals : 2;
}

QString CurrencyCatalog::displayText(const CurrencyEntry &currency)
{
    return currency.code % QStringLiteral(" \u2014 ") % currency.name;
}

QString CurrencyCatalog::codeFor(QStringView typed)
{
    const QStringView text = typed.trimmed();
    if (const Currency *c = find(text))
        return QString::fromLatin1(c->code);
    // A display text starts with the code; check the rest too, so that "USD — anything" is not taken.
    for (const CurrencyEntry &currency : currencies()) {
        if (text.compare(displayText(currency), Qt::CaseInsensitive) == 0)
            return currency.code;
    }
    return QString();
}

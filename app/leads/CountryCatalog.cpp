#include "CountryCatalog.h"

#include "NameLanguage.h"

#include <QCollator>
#include <QLocale>
#include <QMutex>

#include <algorithm>
#include <map>
#include <unicode/uloc.h>

namespace {

// Codes Qt's locale data gives that ISO 3166-1 does not assign to a country: exceptionally reserved
// (AC, CP, DG, EA, EU, EZ, IC, TA, UN) and user-assigned (QO, XA, XB, XK).
bool isIsoAssigned(const QString &code)
{
    static const QStringList notAssigned = {
        QStringLiteral("AC"), QStringLiteral("CP"), QStringLiteral("DG"), QStringLiteral("EA"),
        QStringLiteral("EU"), QStringLiteral("EZ"), QStringLiteral("IC"), QStringLiteral("QO"),
        QStringLiteral("TA"), QStringLiteral("UN"), QStringLiteral("XA"), QStringLiteral("XB"),
        QStringLiteral("XK"),
    };
    if (code.size() != 2 || !code.at(0).isUpper() || !code.at(1).isUpper())
        return false; // numeric regions such as "001" (World) or "419" (Latin America)
    return !notAssigned.contains(code);
}

// The territory's name in a language, from ICU's copy of CLDR; empty when ICU has none for it.
QString icuName(const QString &code, const QByteArray &language)
{
    const QByteArray territoryLocale = "und_" + code.toLatin1();
    UChar name[128];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length =
        uloc_getDisplayCountry(territoryLocale.constData(), language.constData(), name, 128, &status);
    // Without a name ICU gives the code back, with a warning.
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || length <= 0)
        return QString();
    return QString::fromUtf16(reinterpret_cast<const char16_t *>(name), length);
}

QList<CountryEntry> buildCatalog(const QString &language)
{
    const QByteArray icuLanguage = language.toLatin1();
    QList<CountryEntry> list;
    for (int t = QLocale::AnyTerritory + 1; t <= QLocale::LastTerritory; ++t) {
        const auto territory = static_cast<QLocale::Territory>(t);
        const QString code = QLocale::territoryToCode(territory);
        if (!isIsoAssigned(code))
            continue;
        QString name = icuName(code, icuLanguage);
        if (name.isEmpty())
            name = icuName(code, "en");
        if (name.isEmpty())
            name = QLocale::territoryToString(territory);
        list.append({code, name});
    }
    QCollator collator{QLocale(language)};
    std::sort(list.begin(), list.end(), [&collator](const CountryEntry &a, const CountryEntry &b) {
        return collator.compare(a.name, b.name) < 0;
    });
    return list;
}

// One catalogue per language, built on first use. std::map: its elements never move, so references
// handed out stay valid while other languages are added.
const QList<CountryEntry> &catalogIn(const QString &language)
{
    static QMutex mutex;
    static std::map<QString, QList<CountryEntry>> byLanguage;
    const QMutexLocker locker(&mutex);
    auto it = byLanguage.find(language);
    if (it == byLanguage.end())
        it = byLanguage.emplace(language, buildCatalog(language)).first;
    return it->second;
}

const CountryEntry *find(QStringView code)
{
    const QList<CountryEntry> &all = CountryCatalog::countries();
    const auto it = std::find_if(all.cbegin(), all.cend(), [code](const CountryEntry &c) {
        return QStringView(c.code).compare(code, Qt::CaseInsensitive) == 0;
    });
    return it == all.cend() ? nullptr : &*it;
}

// A name or display text in this catalogue's language; empty when none matches.
QString codeByName(const QList<CountryEntry> &catalog, QStringView text)
{
    for (const CountryEntry &country : catalog) {
        if (text.compare(country.name, Qt::CaseInsensitive) == 0 ||
            text.compare(CountryCatalog::displayText(country), Qt::CaseInsensitive) == 0)
            return country.code;
    }
    return QString();
}

} // namespace

const QList<CountryEntry> &CountryCatalog::countries()
{
    return catalogIn(NameLanguage::current());
}

bool CountryCatalog::contains(QStringView code)
{
    return code.size() == 2 && find(code) != nullptr;
}

QString CountryCatalog::nameOf(QStringView code)
{
    const CountryEntry *entry = code.size() == 2 ? find(code) : nullptr;
    return entry ? entry->name : QString();
}

QString CountryCatalog::displayText(const CountryEntry &country)
{
    return country.name % QStringLiteral(" (") % country.code % u')';
}

QString CountryCatalog::codeFor(QStringView typed)
{
    const QStringView text = typed.trimmed();
    if (text.size() == 2) {
        const CountryEntry *entry = find(text);
        return entry ? entry->code : QString();
    }
    // An operator may type the English name in a Russian window too.
    const QString code = codeByName(countries(), text);
    return code.isEmpty() ? codeByName(catalogIn(QStringLiteral("en")), text) : code;
}

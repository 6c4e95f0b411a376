#include "CountryCatalog.h"

#include <QLocale>

#include <algorithm>

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

QList<CountryEntry> buildCatalog()
{
    QList<CountryEntry> list;
    for (int t = QLocale::AnyTerritory + 1; t <= QLocale::LastTerritory; ++t) {
        const auto territory = static_cast<QLocale::Territory>(t);
        const QString code = QLocale::territoryToCode(territory);
        if (isIsoAssigned(code))
            list.append({code, QLocale::territoryToString(territory)});
    }
    std::sort(list.begin(), list.end(), [](const CountryEntry &a, const CountryEntry &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return list;
}

const CountryEntry *find(QStringView code)
{
    const QList<CountryEntry> &all = CountryCatalog::countries();
    const auto it = std::find_if(all.cbegin(), all.cend(), [code](const CountryEntry &c) {
        return QStringView(c.code).compare(code, Qt::CaseInsensitive) == 0;
    });
    return it == all.cend() ? nullptr : &*it;
}

} // namespace

const QList<CountryEntry> &CountryCatalog::countries()
{
    static const QList<CountryEntry> catalog = buildCatalog();
    return catalog;
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
    for (const CountryEntry &country : countries()) {
        if (text.compare(country.name, Qt::CaseInsensitive) == 0 ||
            text.compare(displayText(country), Qt::CaseInsensitive) == 0)
            return country.code;
    }
    return QString();
}

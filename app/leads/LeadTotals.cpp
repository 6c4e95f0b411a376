#include "LeadTotals.h"

#include "CurrencyCatalog.h"
#include "LeadNumber.h"

#include <algorithm>

LeadTotals LeadTotals::of(const Lead &lead)
{
    LeadTotals totals;
    if (!lead.items.isEmpty()) {
        totals.fromItems = true;
        for (const LeadItem &item : lead.items)
            totals.goods += item.price * item.count;
    } else {
        bool countOk = false;
        const qlonglong count = lead.count.trimmed().toLongLong(&countOk);
        totals.goods = LeadNumber::parse(lead.base).value_or(0) * (countOk ? count : 1);
    }
    totals.discountPercent = std::clamp(LeadNumber::parse(lead.discount).value_or(0), 0.0, 100.0);
    totals.discount = totals.goods * totals.discountPercent / 100.0;
    totals.extra = LeadNumber::parse(lead.more).value_or(0);
    totals.total = totals.goods - totals.discount + totals.extra;
    return totals;
}

QString LeadTotals::formatMoney(double amount, const QString &currencyCode, const QLocale &locale)
{
    const QString code = currencyCode.trimmed().toUpper();
    const int decimals = code.isEmpty() ? 2 : CurrencyCatalog::decimalsOf(code);
    if (code.isEmpty())
        return locale.toString(amount, 'f', decimals);
    // The locale's own currency gets its symbol ("₽" in ru_RU); any other shows its ISO code, which is
    // never ambiguous ("$" could be one of twenty dollars).
    QString symbol = locale.currencySymbol(QLocale::CurrencyIsoCode) == code
                         ? locale.currencySymbol(QLocale::CurrencySymbol)
                         : code;
    // Many locales glue the symbol to the digits ("$1.00", the C locale's "1.00$"); with a three-letter
    // code that reads badly ("USD1.00"), so a code gets a no-break space on the side of the digits.
    const QString probe = locale.toCurrencyString(1.0, QStringLiteral("\u0001"), 0);
    const qsizetype symbolAt = probe.indexOf(u'\u0001');
    if (symbol == code && symbolAt >= 0) {
        const bool symbolFirst = symbolAt < probe.indexOf(u'1');
        if (symbolFirst && symbolAt + 1 < probe.size() && !probe.at(symbolAt + 1).isSpace())
            symbol += u'\u00a0';
        else if (!symbolFirst && symbolAt > 0 && !probe.at(symbolAt - 1).isSpace())
            symbol.prepend(u'\u00a0');
    }
    return locale.toCurrencyString(amount, symbol, decimals);
}

#pragma once

#include "Lead.h"

#include <QLocale>
#include <QString>

// What an order comes to, as the operator reads it back to the customer. The goods are the nested items
// (sum of price x quantity) when there are any, else the unit price x quantity of the simple fields; the
// discount applies to the goods only, and the extra cost (express delivery and the like) is added after.
// Values that are missing or unreadable count as 0 (a missing quantity as 1), so the totals can follow the
// operator's typing even before the form is valid.
struct LeadTotals
{
    double goods = 0;
    double discountPercent = 0;
    double discount = 0; // the amount taken off the goods
    double extra = 0;
    double total = 0;
    bool fromItems = false; // the goods were summed from `items`

    static LeadTotals of(const Lead &lead);
    // `amount` in `currencyCode` (ISO 4217, may be empty) the way `locale` writes money, with the
    // currency's minor units: "USD 1,234.50", "1 234,50 ₽".
    static QString formatMoney(double amount, const QString &currencyCode, const QLocale &locale);
};

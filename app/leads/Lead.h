#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <utility>

// One good of a lead's `items` array: what the API calls a nested good.
struct LeadItem
{
    QString id;       // the network's id of the nested good, kept as text
    double price = 0; // unit price in the lead's currency
    int count = 1;

    bool operator==(const LeadItem &other) const
    {
        return id == other.id && price == other.price && count == other.count;
    }
    bool operator!=(const LeadItem &other) const { return !(*this == other); }
};

// A customer's order as the `add.json` call takes it: every field of the API document.
// Simple fields are kept as the text that will be sent (an empty string means "not sent"), so that
// ids never pass through a double and nothing is reformatted behind the operator's back.
struct Lead
{
    // Order
    QString orderId; // `id`: our order id (digits), or "auto"
    QString wm;      // affiliate or source id
    QString offer;   // offer id (required)

    // Customer
    QString name;
    QString phone; // digits only, international form without '+'
    QString email;
    QString country; // ISO 3166-1 alpha-2
    QString ip;      // required
    QString ua;      // User-Agent

    // Tracking: UTM tags
    QString us; // utm_source
    QString uc; // utm_campaign
    QString un; // utm_content
    QString ut; // utm_term
    QString um; // utm_medium

    // Price
    QString currency; // ISO 4217
    QString base;     // unit price
    QString count;    // quantity
    QString discount; // percent
    QString more;     // extra cost

    // Delivery
    QString index; // ZIP code
    QString addr;
    QString area;
    QString city;
    QString street;

    QString comm; // order comment
    QString item; // comma-separated ids of nested goods (the simple alternative to `items`)

    QList<LeadItem> items;
    QList<std::pair<QString, QString>> params; // custom fields, in the order the operator gave them

    bool operator==(const Lead &other) const;
    bool operator!=(const Lead &other) const { return !(*this == other); }
};

Q_DECLARE_METATYPE(Lead)

#include "LeadJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>

namespace {

using TextField = QString Lead::*;

// Every plain text field of Lead, under the name the API gives it.
const std::array<std::pair<const char *, TextField>, 26> &textFields()
{
    static const std::array<std::pair<const char *, TextField>, 26> fields{{
        {"id", &Lead::orderId},      {"wm", &Lead::wm},       {"offer", &Lead::offer},
        {"name", &Lead::name},       {"phone", &Lead::phone}, {"email", &Lead::email},
        {"country", &Lead::country}, {"ip", &Lead::ip},       {"ua", &Lead::ua},
        {"us", &Lead::us},           {"uc", &Lead::uc},       {"un", &Lead::un},
        {"ut", &Lead::ut},           {"um", &Lead::um},       {"currency", &Lead::currency},
        {"base", &Lead::base},       {"count", &Lead::count}, {"discount", &Lead::discount},
        {"more", &Lead::more},       {"index", &Lead::index}, {"addr", &Lead::addr},
        {"area", &Lead::area},       {"city", &Lead::city},   {"street", &Lead::street},
        {"comm", &Lead::comm},       {"item", &Lead::item},
    }};
    return fields;
}

QString textOf(const QJsonValue &value)
{
    // Written by toJson() as strings; numbers are tolerated for hand-made or older records.
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return QString();
}

} // namespace

QByteArray LeadJson::toJson(const Lead &lead)
{
    QJsonObject object;
    for (const auto &[name, field] : textFields()) {
        if (!(lead.*field).isEmpty())
            object.insert(QLatin1String(name), lead.*field);
    }
    if (!lead.items.isEmpty()) {
        QJsonArray items;
        for (const LeadItem &item : lead.items) {
            // The price goes as a double because LeadItem holds one; 17 digits keep it exact.
            items.append(QJsonObject{{QStringLiteral("id"), item.id},
                                     {QStringLiteral("price"), item.price},
                                     {QStringLiteral("count"), item.count}});
        }
        object.insert(QStringLiteral("items"), items);
    }
    if (!lead.params.isEmpty()) {
        // An array of pairs, not an object: the operator's order of custom fields is kept.
        QJsonArray params;
        for (const auto &[key, value] : lead.params)
            params.append(QJsonArray{key, value});
        object.insert(QStringLiteral("params"), params);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool LeadJson::fromJson(const QByteArray &json, Lead *lead)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonObject object = document.object();

    Lead result;
    for (const auto &[name, field] : textFields()) {
        result.*field = textOf(object.value(QLatin1String(name)));
    }
    const QJsonArray items = object.value(QStringLiteral("items")).toArray();
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        LeadItem leadItem;
        leadItem.id = textOf(item.value(QStringLiteral("id")));
        leadItem.price = item.value(QStringLiteral("price")).toDouble();
        leadItem.count = item.value(QStringLiteral("count")).toInt(1);
        result.items.append(leadItem);
    }
    const QJsonArray params = object.value(QStringLiteral("params")).toArray();
    for (const QJsonValue &value : params) {
        const QJsonArray pair = value.toArray();
        result.params.append({textOf(pair.at(0)), textOf(pair.at(1))});
    }
    *lead = result;
    return true;
}

#include "LeadJson.h"

#include "leads/LeadFields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

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
    // Every text field under its API name (LeadFields): journals already written depend on those keys.
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        if (field.member && !(lead.*field.member).isEmpty())
            object.insert(QLatin1String(field.apiName), lead.*field.member);
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
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        if (field.member)
            result.*field.member = textOf(object.value(QLatin1String(field.apiName)));
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

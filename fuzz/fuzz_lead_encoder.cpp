// LeadEncoder: any Lead, with any text in any field and any double as a price.
//  - the form body is FormCodec::encode(formPairs) and decodes, as PHP would, back to every field sent;
//  - the JSON body is valid JSON (QJsonDocument agrees) and reads back, with JsonReader, to exactly the
//    text of every field: numbers keep their digits, strings their characters;
//  - priceText() never uses an exponent and reads back to the same double.
#include "FuzzSupport.h"
#include "api/FormCodec.h"
#include "api/JsonReader.h"
#include "api/LeadEncoder.h"
#include "leads/LeadFields.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace {

// The lead's text fields by their API names, in LeadFields' order (the encoder's): a corpus input's mask
// keeps meaning the same fields.
QList<std::pair<QString, QString *>> scalarFields(Lead &lead)
{
    QList<std::pair<QString, QString *>> fields;
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        if (field.member)
            fields.append({QLatin1String(field.apiName), &(lead.*field.member)});
    }
    return fields;
}

Lead leadFrom(FuzzInput &input)
{
    Lead lead;
    const auto fields = scalarFields(lead);
    // A mask of which fields carry text keeps most fields empty, as real leads are.
    unsigned mask = 0;
    for (int i = 0; i < 4; ++i)
        mask = (mask << 8) | input.byte();
    for (int i = 0; i < fields.size(); ++i) {
        if (mask & (1u << (i % 32)))
            *fields.at(i).second = input.text(40);
    }
    const int items = input.intInRange(0, 3);
    for (int i = 0; i < items; ++i)
        lead.items.append(LeadItem{input.text(16), input.anyDouble(), input.intInRange(-2, 253)});
    const int params = input.intInRange(0, 3);
    for (int i = 0; i < params; ++i) {
        const QString key = input.text(16);
        lead.params.append({key, input.text(40)});
    }
    return lead;
}

void checkPriceText(double price)
{
    if (!std::isfinite(price))
        return;
    const QString text = LeadEncoder::priceText(price);
    FUZZ_CHECK(!text.contains(u'e') && !text.contains(u'E'), text);
    bool ok = false;
    const double back = text.toDouble(&ok);
    FUZZ_CHECK(ok && back == price, text);
}

// LeadValidator refuses brackets in custom field names: such a name cannot survive PHP's parsing.
bool isSendableParamName(const QString &key)
{
    return !key.contains(u'[') && !key.contains(u']');
}

void checkFormBody(Lead &lead)
{
    const QByteArray body = LeadEncoder::formBody(lead);
    FUZZ_CHECK(body == FormCodec::encode(LeadEncoder::formPairs(lead)), QString::fromLatin1(body));
    const QVariantMap decoded = FormCodec::decode(body);
    for (const auto &[name, value] : scalarFields(lead)) {
        if (value->isEmpty())
            FUZZ_CHECK(!decoded.contains(name), name);
        else
            FUZZ_CHECK(decoded.value(name).toString() == *value, name + u'=' + *value);
    }
    const QVariantMap items = decoded.value(QStringLiteral("items")).toMap();
    FUZZ_CHECK(items.size() == lead.items.size(), QString::fromLatin1(body));
    for (qsizetype i = 0; i < lead.items.size(); ++i) {
        const LeadItem &item = lead.items.at(i);
        const QVariantMap sent = items.value(QString::number(i)).toMap();
        FUZZ_CHECK(sent.value(QStringLiteral("id")).toString() == item.id, item.id);
        FUZZ_CHECK(sent.value(QStringLiteral("count")).toString() == QString::number(item.count),
                   QString::fromLatin1(body));
        if (std::isfinite(item.price))
            FUZZ_CHECK(sent.value(QStringLiteral("price")).toString() == LeadEncoder::priceText(item.price),
                       QString::fromLatin1(body));
    }
    const QVariantMap params = decoded.value(QStringLiteral("params")).toMap();
    for (const auto &[key, value] : lead.params) {
        if (key.isEmpty() || value.isEmpty() || !isSendableParamName(key))
            continue;
        QString last; // a later duplicate wins, in PHP and in JSON alike
        for (const auto &[otherKey, otherValue] : lead.params) {
            if (otherKey == key && !otherValue.isEmpty())
                last = otherValue;
        }
        FUZZ_CHECK(params.value(key).toString() == last, key);
    }
}

QString textOf(const JsonValue *value)
{
    return value && value->isScalar() ? value->scalarText() : QStringLiteral("<missing or not scalar>");
}

void checkJsonBody(Lead &lead)
{
    const QByteArray body = LeadEncoder::jsonBody(lead);
    QJsonParseError qtError;
    QJsonDocument::fromJson(body, &qtError);
    FUZZ_CHECK(qtError.error == QJsonParseError::NoError,
               qtError.errorString() + QStringLiteral(": ") + QString::fromUtf8(body));
    const JsonReader::Result parsed = JsonReader::parse(body);
    FUZZ_CHECK(parsed.status == JsonReader::Status::Ok && parsed.value.isObject(), QString::fromUtf8(body));
    const JsonValue &root = parsed.value;
    for (const auto &[name, value] : scalarFields(lead)) {
        if (value->isEmpty())
            FUZZ_CHECK(!root.member(name), name);
        else
            FUZZ_CHECK(textOf(root.member(name)) == *value,
                       name + u'=' + *value + u' ' + QString::fromUtf8(body));
    }
    const JsonValue *items = root.member(u"items");
    FUZZ_CHECK(lead.items.isEmpty() == !items, QString::fromUtf8(body));
    if (items) {
        FUZZ_CHECK(items->isArray() && qsizetype(items->children().size()) == lead.items.size(),
                   QString::fromUtf8(body));
        for (qsizetype i = 0; i < lead.items.size(); ++i) {
            const JsonValue &sent = items->children().at(size_t(i));
            const LeadItem &item = lead.items.at(i);
            if (!item.id.isEmpty())
                FUZZ_CHECK(textOf(sent.member(u"id")) == item.id, item.id);
            FUZZ_CHECK(textOf(sent.member(u"count")) == QString::number(item.count), QString::fromUtf8(body));
            if (std::isfinite(item.price))
                FUZZ_CHECK(textOf(sent.member(u"price")) == LeadEncoder::priceText(item.price),
                           QString::fromUtf8(body));
        }
    }
    const JsonValue *params = root.member(u"params");
    for (const auto &[key, value] : lead.params) {
        if (key.isEmpty() || value.isEmpty())
            continue;
        FUZZ_CHECK(params && params->isObject(), QString::fromUtf8(body));
        QString last;
        for (const auto &[otherKey, otherValue] : lead.params) {
            if (otherKey == key && !otherValue.isEmpty())
                last = otherValue;
        }
        FUZZ_CHECK(textOf(params->member(key)) == last, key);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    Lead lead = leadFrom(input);
    for (const LeadItem &item : lead.items)
        checkPriceText(item.price);
    checkFormBody(lead);
    checkJsonBody(lead);
    return 0;
}

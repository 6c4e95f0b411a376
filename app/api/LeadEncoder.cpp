#include "LeadEncoder.h"

#include "leads/LeadFields.h"

#include <QLocale>

#include <cmath>

namespace LeadEncoder {

namespace {

// A text field as it goes out: its name, its text, and whether JSON may write it as a number.
struct Field
{
    const char *name;
    QString value;
    bool numeric;
};

// In LeadFields' order, which is the API document's: bodies stay stable, so tests can pin them and
// signatures cover them.
QList<Field> scalarFields(const Lead &lead)
{
    QList<Field> fields;
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        if (field.member)
            fields.append({field.apiName, lead.*field.member, field.jsonNumber});
    }
    return fields;
}

bool isPlainInteger(QStringView text)
{
    qsizetype i = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    if (i >= text.size())
        return false;
    if (text.at(i) == QLatin1Char('0') && text.size() > i + 1)
        return false; // a leading zero would be lost (ZIP-like ids)
    for (; i < text.size(); ++i) {
        if (!text.at(i).isDigit() || text.at(i).unicode() > '9')
            return false;
    }
    return true;
}

// True when a JSON reader (PHP's, or one that goes through a double) gets back exactly this text's value.
bool fitsJsonNumber(const QString &text)
{
    if (isPlainInteger(text)) {
        bool ok = false;
        const qlonglong value = text.toLongLong(&ok);
        constexpr qlonglong maxExactInDouble = 9007199254740992LL; // 2^53
        return ok && value <= maxExactInDouble && value >= -maxExactInDouble;
    }
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot <= 0 || !isPlainInteger(QStringView(text).first(dot)) || dot + 1 >= text.size())
        return false;
    for (qsizetype i = dot + 1; i < text.size(); ++i) {
        if (text.at(i).unicode() < '0' || text.at(i).unicode() > '9')
            return false;
    }
    bool ok = false;
    const double value = text.toDouble(&ok);
    // "99.90" would come back as 99.9: send it as the string the operator typed instead.
    return ok && priceText(value) == text;
}

void appendJsonString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += hex[(c >> 4) & 0x0f];
                out += hex[c & 0x0f];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendJsonValue(QByteArray &out, const QString &text, bool mayBeNumber)
{
    if (mayBeNumber && fitsJsonNumber(text))
        out += text.toLatin1();
    else
        appendJsonString(out, text);
}

void appendJsonKey(QByteArray &out, bool &first, const QString &key)
{
    if (!first)
        out += ',';
    first = false;
    appendJsonString(out, key);
    out += ':';
}

bool hasPrice(const LeadItem &item)
{
    return std::isfinite(item.price);
}

} // namespace

QString priceText(double price)
{
    return QString::number(price, 'f', QLocale::FloatingPointShortest);
}

FormCodec::Pairs formPairs(const Lead &lead)
{
    FormCodec::Pairs pairs;
    for (const Field &field : scalarFields(lead)) {
        if (!field.value.isEmpty())
            pairs.append({QLatin1String(field.name), field.value});
    }
    for (qsizetype i = 0; i < lead.items.size(); ++i) {
        const LeadItem &item = lead.items.at(i);
        const QString prefix = QStringLiteral("items[") + QString::number(i) + QStringLiteral("]");
        if (!item.id.isEmpty())
            pairs.append({prefix + QStringLiteral("[id]"), item.id});
        if (hasPrice(item))
            pairs.append({prefix + QStringLiteral("[price]"), priceText(item.price)});
        pairs.append({prefix + QStringLiteral("[count]"), QString::number(item.count)});
    }
    for (const auto &[key, value] : lead.params) {
        if (!key.isEmpty() && !value.isEmpty())
            pairs.append({QStringLiteral("params[") + key + QStringLiteral("]"), value});
    }
    return pairs;
}

QByteArray formBody(const Lead &lead)
{
    return FormCodec::encode(formPairs(lead));
}

QByteArray jsonBody(const Lead &lead)
{
    QByteArray out = "{";
    bool first = true;
    for (const Field &field : scalarFields(lead)) {
        if (field.value.isEmpty())
            continue;
        appendJsonKey(out, first, QLatin1String(field.name));
        appendJsonValue(out, field.value, field.numeric);
    }
    if (!lead.items.isEmpty()) {
        appendJsonKey(out, first, QStringLiteral("items"));
        out += '[';
        for (qsizetype i = 0; i < lead.items.size(); ++i) {
            const LeadItem &item = lead.items.at(i);
            if (i > 0)
                out += ',';
            out += '{';
            bool firstInItem = true;
            if (!item.id.isEmpty()) {
                appendJsonKey(out, firstInItem, QStringLiteral("id"));
                appendJsonValue(out, item.id, true);
            }
            if (hasPrice(item)) {
                appendJsonKey(out, firstInItem, QStringLiteral("price"));
                appendJsonValue(out, priceText(item.price), true);
            }
            appendJsonKey(out, firstInItem, QStringLiteral("count"));
            out += QByteArray::number(item.count);
            out += '}';
        }
        out += ']';
    }
    QList<std::pair<QString, QString>> params;
    for (const auto &param : lead.params) {
        if (!param.first.isEmpty() && !param.second.isEmpty())
            params.append(param);
    }
    if (!params.isEmpty()) {
        appendJsonKey(out, first, QStringLiteral("params"));
        out += '{';
        bool firstParam = true;
        for (const auto &[key, value] : params) {
            appendJsonKey(out, firstParam, key);
            appendJsonString(out, value);
        }
        out += '}';
    }
    out += '}';
    return out;
}

} // namespace LeadEncoder

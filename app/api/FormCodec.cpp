#include "FormCodec.h"

#include <QByteArrayView>

#include <cctype>

namespace FormCodec {

namespace {

bool isUnreserved(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

QString urldecode(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && isxdigit(static_cast<unsigned char>(text[i + 1])) &&
                   isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(QByteArray(text.data() + i + 1, 2).toInt(nullptr, 16));
            i += 2;
        } else {
            out += c;
        }
    }
    return QString::fromUtf8(out);
}

// Splits "items[0][id]" into {"items", "0", "id"}; a name without a closing bracket is taken whole, as PHP
// does with "a[b".
QStringList splitName(const QString &name)
{
    const qsizetype open = name.indexOf(QLatin1Char('['));
    if (open <= 0)
        return {name};
    QStringList parts{name.left(open)};
    qsizetype pos = open;
    while (pos < name.size() && name.at(pos) == QLatin1Char('[')) {
        const qsizetype close = name.indexOf(QLatin1Char(']'), pos);
        if (close < 0)
            return {name};
        parts << name.mid(pos + 1, close - pos - 1);
        pos = close + 1;
    }
    return parts;
}

void insert(QVariantMap &map, const QStringList &path, qsizetype level, const QString &value)
{
    QString key = path.at(level);
    if (key.isEmpty()) // "[]" appends: PHP takes the next integer key
        key = QString::number(map.size());
    if (level + 1 == path.size()) {
        map.insert(key, value);
        return;
    }
    QVariantMap child = map.value(key).toMap(); // a scalar there is replaced by the nested map, as in PHP
    insert(child, path, level + 1, value);
    map.insert(key, child);
}

} // namespace

QByteArray urlencode(const QString &text)
{
    static const char hex[] = "0123456789ABCDEF";
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() * 3);
    for (const char c : utf8) {
        if (isUnreserved(c)) {
            out += c;
        } else if (c == ' ') {
            out += '+';
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0f];
        }
    }
    return out;
}

QByteArray encode(const Pairs &pairs)
{
    QByteArray out;
    for (const auto &[name, value] : pairs) {
        if (!out.isEmpty())
            out += '&';
        out += urlencode(name);
        out += '=';
        out += urlencode(value);
    }
    return out;
}

QVariantMap decode(const QByteArray &body)
{
    QVariantMap result;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QString name = urldecode(eq < 0 ? QByteArrayView(pair) : QByteArrayView(pair).first(eq));
        const QString value = eq < 0 ? QString() : urldecode(QByteArrayView(pair).sliced(eq + 1));
        if (name.isEmpty())
            continue;
        insert(result, splitName(name), 0, value);
    }
    return result;
}

} // namespace FormCodec

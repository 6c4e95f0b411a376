#include "FormCodec.h"

#include <QByteArrayView>
#include <QStringDecoder>

#include <cctype>
#include <limits>
#include <map>

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
    // Not QString::fromUtf8(): it drops a leading U+FEFF, which belongs to the value here (the trap
    // fuzz_lead_encoder found in JsonReader). Stateless: a cut sequence at the end still becomes U+FFFD.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringConverter::Flag::ConvertInitialBom | QStringConverter::Flag::Stateless);
    return decoder.decode(out);
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

// PHP drops names nested deeper than this (max_input_nesting_level); it also bounds the recursion here.
constexpr qsizetype maxNestingLevel = 64;

// The body as it is parsed, before it becomes QVariantMaps. Nodes are changed in place: building the
// same thing out of QVariantMaps copies a whole list for every "a[]=" appended to it, which took 1.8 s
// for 4,000 pairs and over a minute and a half for 16,000 (found by fuzz/fuzz_form_codec).
struct FormNode
{
    bool isMap = false;
    QString value;
    std::map<QString, FormNode> children;
    // PHP's next free integer key: one past the largest integer key so far, whatever the number of
    // entries ("a[1]=x&a[]=y" gives keys 1 and 2). Appending stops after the largest possible key.
    qlonglong nextIndex = 0;
    bool full = false;

    // The child under `key` ("" appends), turned into a map when `asMap`, else into a leaf; nullptr when
    // nothing can be appended any more.
    FormNode *child(const QString &key, bool asMap)
    {
        QString name = key;
        if (name.isEmpty()) {
            if (full)
                return nullptr;
            name = QString::number(nextIndex);
        }
        noteKey(name);
        FormNode &node = children[name];
        if (node.isMap != asMap) { // a scalar there is replaced by the nested map, and the other way round
            node = FormNode();
            node.isMap = asMap;
        }
        return &node;
    }

    // Only canonical decimals are integer keys to PHP: "01" and " 1" stay text.
    void noteKey(const QString &key)
    {
        bool ok = false;
        const qlonglong number = key.toLongLong(&ok);
        if (!ok || number < nextIndex || QString::number(number) != key)
            return;
        if (number == std::numeric_limits<qlonglong>::max())
            full = true;
        else
            nextIndex = number + 1;
    }

    QVariantMap toVariantMap() const
    {
        QVariantMap map;
        for (const auto &[key, node] : children)
            map.insert(key, node.isMap ? QVariant(node.toVariantMap()) : QVariant(node.value));
        return map;
    }
};

void insert(FormNode &root, const QStringList &path, const QString &value)
{
    if (path.size() > maxNestingLevel + 1)
        return;
    FormNode *node = &root;
    for (qsizetype level = 0; node && level < path.size(); ++level)
        node = node->child(path.at(level), level + 1 < path.size());
    if (node)
        node->value = value;
}

} // namespace

QByteArray urlencode(const QString &text)
{
    QByteArray out;
    out.reserve(text.size() * 3);
    appendUrlencoded(out, text);
    return out;
}

void appendUrlencoded(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789ABCDEF";
    const QByteArray utf8 = text.toUtf8();
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
    FormNode root;
    root.isMap = true;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QString name = urldecode(eq < 0 ? QByteArrayView(pair) : QByteArrayView(pair).first(eq));
        const QString value = eq < 0 ? QString() : urldecode(QByteArrayView(pair).sliced(eq + 1));
        if (name.isEmpty())
            continue;
        insert(root, splitName(name), value);
    }
    return root.toVariantMap();
}

} // namespace FormCodec

// FormCodec: decode any body as PHP fills $_POST, and encode/decode round trips.
//  1. decode() of anything terminates and is a fixed point of flatten -> encode -> decode;
//  2. appending with "name[]" to an existing map never replaces what is there;
//  (and, kept as regression inputs: thousands of appends decode in linear time, names nested deeper than
//  PHP allows are dropped instead of recursing the stack away.)
//  3. the text of a value (the bytes as UTF-8, and as UTF-16) survives urlencode -> decode exactly, and
//     urlencode writes only PHP's alphabet;
//  4. encode() of plain name/value pairs decodes to the same pairs (later duplicates win).
#include "FuzzSupport.h"
#include "api/FormCodec.h"

#include <QStringList>

#include <cstring>
#include <limits>

namespace {

// Back from nested maps to bracket names, the way LeadEncoder writes them.
void flatten(const QVariantMap &map, const QString &prefix, FormCodec::Pairs &out)
{
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QString name = prefix.isEmpty() ? it.key() : prefix + u'[' + it.key() + u']';
        if (it.value().typeId() == QMetaType::QVariantMap)
            flatten(it.value().toMap(), name, out);
        else
            out.append({name, it.value().toString()});
    }
}

QString describe(const QVariantMap &map)
{
    FormCodec::Pairs pairs;
    flatten(map, QString(), pairs);
    return QString::fromLatin1(FormCodec::encode(pairs));
}

bool isPhpUrlencoded(const QByteArray &encoded)
{
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded.at(i);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '-' || c == '_' || c == '.' || c == '+';
        if (plain)
            continue;
        if (c != '%' || i + 2 >= encoded.size())
            return false;
        for (const char hex : {encoded.at(i + 1), encoded.at(i + 2)}) {
            if (!((hex >= '0' && hex <= '9') || (hex >= 'A' && hex <= 'F')))
                return false; // PHP writes upper-case hex; signatures are computed over these bytes
        }
        i += 2;
    }
    return true;
}

void checkDecodeIsStable(const QByteArray &body)
{
    const QVariantMap decoded = FormCodec::decode(body);
    FormCodec::Pairs pairs;
    flatten(decoded, QString(), pairs);
    const QVariantMap again = FormCodec::decode(FormCodec::encode(pairs));
    FUZZ_CHECK(again == decoded, describe(decoded) + QStringLiteral("  became  ") + describe(again));

    const QString marker = QStringLiteral("appended\u2713");
    for (auto it = decoded.cbegin(); it != decoded.cend(); ++it) {
        if (it.value().typeId() != QMetaType::QVariantMap)
            continue;
        const QVariantMap before = it.value().toMap();
        const QByteArray appended =
            body + '&' + FormCodec::urlencode(it.key()) + "%5B%5D=" + FormCodec::urlencode(marker);
        const QVariantMap after = FormCodec::decode(appended).value(it.key()).toMap();
        // After the largest possible integer key PHP appends nothing more (and warns).
        if (before.contains(QString::number(std::numeric_limits<qlonglong>::max()))) {
            FUZZ_CHECK(after == before, describe(after));
            continue;
        }
        FUZZ_CHECK(after.size() == before.size() + 1,
                   QStringLiteral("appending to %1 replaced an entry: %2").arg(it.key(), describe(after)));
        for (auto old = before.cbegin(); old != before.cend(); ++old)
            FUZZ_CHECK(after.value(old.key()) == old.value(), QStringLiteral("lost ") + old.key());
        FUZZ_CHECK(after.values().contains(QVariant(marker)), describe(after));
    }
}

void checkTextRoundTrip(const QString &text)
{
    const QByteArray encoded = FormCodec::urlencode(text);
    FUZZ_CHECK(isPhpUrlencoded(encoded), QString::fromLatin1(encoded));
    const QString back = FormCodec::decode("k=" + encoded).value(QStringLiteral("k")).toString();
    FUZZ_CHECK(back == text, text + QStringLiteral("  came back as  ") + back);
}

void checkPairsRoundTrip(FuzzInput &input)
{
    FormCodec::Pairs pairs;
    QVariantMap expected;
    const int count = input.intInRange(0, 8);
    for (int i = 0; i < count; ++i) {
        // '[' would make the name nested; plain names are what this property is about.
        QString name = input.text(16).remove(u'[');
        const QString value = input.text(32);
        pairs.append({name, value});
        if (!name.isEmpty())
            expected.insert(name, value);
    }
    const QVariantMap decoded = FormCodec::decode(FormCodec::encode(pairs));
    FUZZ_CHECK(decoded == expected,
               describe(expected) + QStringLiteral("  decoded as  ") + describe(decoded));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    checkDecodeIsStable(bytes);
    checkTextRoundTrip(QString::fromUtf8(bytes));
    // The same bytes as UTF-16 reach what UTF-8 decoding cannot give: a U+FEFF in front, for one.
    if (size >= sizeof(char16_t)) {
        QString utf16(static_cast<qsizetype>(size / 2), Qt::Uninitialized);
        std::memcpy(utf16.data(), data, size_t(utf16.size()) * sizeof(char16_t));
        if (QStringView(utf16).isValidUtf16()) // a lone surrogate has no UTF-8 form to round-trip
            checkTextRoundTrip(utf16);
    }
    FuzzInput input(data, size);
    checkPairsRoundTrip(input);
    return 0;
}

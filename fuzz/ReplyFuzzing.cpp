#include "ReplyFuzzing.h"

#include "FuzzSupport.h"
#include "api/JsonReader.h"
#include "api/Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace ReplyFuzzing {

namespace {

// JsonReader refuses documents nested deeper than this (a hostile body must not exhaust the stack).
constexpr int readerMaxDepth = 64;

int depthOf(const QJsonValue &value)
{
    int deepest = 0;
    if (value.isArray()) {
        for (const QJsonValue &element : value.toArray())
            deepest = std::max(deepest, depthOf(element));
        return deepest + 1;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            deepest = std::max(deepest, depthOf(it.value()));
        return deepest + 1;
    }
    return 0;
}

// The same document as read by Qt and by JsonReader: same shape, same strings, same numbers.
void compare(const QJsonValue &qt, const JsonValue &ours, const QByteArray &json)
{
    const QString context = QString::fromUtf8(json.left(300));
    switch (qt.type()) {
    case QJsonValue::Null:
        FUZZ_CHECK(ours.type() == JsonValue::Type::Null, context);
        break;
    case QJsonValue::Bool:
        FUZZ_CHECK(ours.type() == JsonValue::Type::Bool &&
                       ours.scalarText() == (qt.toBool() ? u"true" : u"false"),
                   context);
        break;
    case QJsonValue::Double: {
        if (!std::isfinite(qt.toDouble()))
            break; // JSON has no infinity: what Qt writes for one is its own business
        FUZZ_CHECK(ours.type() == JsonValue::Type::Number, context);
        bool ok = false;
        const double number = ours.scalarText().toDouble(&ok);
        FUZZ_CHECK(ok && number == qt.toDouble(), ours.scalarText() + QStringLiteral(" in ") + context);
        break;
    }
    case QJsonValue::String:
        FUZZ_CHECK(ours.type() == JsonValue::Type::String, context);
        // Qt cannot write a lone surrogate as UTF-8 faithfully: only well-formed text is comparable.
        if (QStringView(qt.toString()).isValidUtf16())
            FUZZ_CHECK(ours.scalarText() == qt.toString(),
                       ours.scalarText() + QStringLiteral(" in ") + context);
        break;
    case QJsonValue::Array: {
        const QJsonArray array = qt.toArray();
        FUZZ_CHECK(ours.isArray() && ours.children().size() == size_t(array.size()), context);
        for (qsizetype i = 0; i < array.size(); ++i)
            compare(array.at(i), ours.children().at(size_t(i)), json);
        break;
    }
    case QJsonValue::Object: {
        // Member by member in the order Qt wrote them, not by key: Qt 6.4 drops a byte order mark that
        // starts a key ("\uFEFFa" becomes "a") and can then hold the same key twice in one object (a
        // fuzzer found {"b":1,"\uFEFFa":2,"a":3,"\uFEFFa":4}). A look-up by key would take our last
        // duplicate for Qt's first; in order, every member Qt wrote is compared with the one we read.
        const QJsonObject object = qt.toObject();
        FUZZ_CHECK(ours.isObject() && ours.children().size() == size_t(object.size()), context);
        size_t i = 0;
        for (auto it = object.begin(); it != object.end(); ++it, ++i) {
            if (QStringView(it.key()).isValidUtf16())
                FUZZ_CHECK(ours.keys().at(i) == it.key(), ours.keys().at(i) + QStringLiteral(" for ") +
                                                              it.key() + QStringLiteral(" in ") + context);
            compare(it.value(), ours.children().at(i), json);
        }
        break;
    }
    case QJsonValue::Undefined:
        break;
    }
}

} // namespace

QString secret()
{
    return QStringLiteral("Sk3yT0ps3cr3t");
}

void checkError(const ApiError &error, const QByteArray &body)
{
    const auto leaks = [](const QString &text) {
        return text.contains(secret(), Qt::CaseInsensitive);
    };
    FUZZ_CHECK(!leaks(error.snippet), QStringLiteral("snippet: ") + error.snippet);
    FUZZ_CHECK(!leaks(error.code), QStringLiteral("code: ") + error.code);
    FUZZ_CHECK(!leaks(error.message), QStringLiteral("message: ") + error.message);
    FUZZ_CHECK(error.snippet.size() <= Redaction::MaxSnippetLength, error.snippet);
    switch (error.kind) {
    case ApiError::Kind::None:
        FUZZ_CHECK(error.code.isEmpty(), error.code);
        break;
    case ApiError::Kind::Transport:
        // A transport failure always names its cause: the retry logic and the outbox view rely on it.
        FUZZ_CHECK(!error.code.isEmpty(), QString::fromUtf8(body.left(200)));
        FUZZ_CHECK(!error.message.isEmpty(), error.code);
        break;
    case ApiError::Kind::Service:
        FUZZ_CHECK(!error.message.isEmpty(), error.code);
        break;
    case ApiError::Kind::Cancelled:
        FUZZ_CHECK(false, QStringLiteral("a parser never reports a cancelled call"));
    }
}

void checkRefusesRawControlCharacters(const QByteArray &body)
{
    // Outside strings JSON allows only these four as whitespace; inside strings no raw control
    // character at all (PHP's json_decode refuses them, and so does JsonReader): a body the reader
    // accepts holds no other byte below 0x20. Bodies with one are a transport failure ("json"), never
    // a verdict read from a key or value the service could not have written.
    if (JsonReader::parse(body).status != JsonReader::Status::Ok)
        return;
    for (const char c : body) {
        const auto byte = static_cast<unsigned char>(c);
        FUZZ_CHECK(byte >= 0x20 || c == '\t' || c == '\n' || c == '\r',
                   QStringLiteral("JsonReader accepted a raw control character 0x%1 in %2")
                       .arg(byte, 2, 16, QLatin1Char('0'))
                       .arg(QString::fromUtf8(body.left(300))));
    }
}

void checkReadsWhatQtWrites(const QByteArray &body)
{
    // Qt's reader is lenient in its own ways ("\x41", ".5", raw control characters), and JsonReader
    // refuses those on purpose, as PHP's json_decode does. So the comparison runs on what Qt *writes*:
    // standard JSON from an independent implementation, built from whatever the fuzzer made Qt accept.
    const QJsonDocument qtDocument = QJsonDocument::fromJson(body);
    if (qtDocument.isNull())
        return;
    const QJsonValue root =
        qtDocument.isArray() ? QJsonValue(qtDocument.array()) : QJsonValue(qtDocument.object());
    if (depthOf(root) > readerMaxDepth)
        return;
    const QByteArray standard = qtDocument.toJson(QJsonDocument::Compact);
    const JsonReader::Result ours = JsonReader::parse(standard);
    FUZZ_CHECK(ours.status == JsonReader::Status::Ok,
               QStringLiteral("JsonReader refuses standard JSON at byte %1: %2")
                   .arg(ours.errorOffset)
                   .arg(QString::fromUtf8(standard.left(300))));
    compare(root, ours.value, standard);
}

} // namespace ReplyFuzzing

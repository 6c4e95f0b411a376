#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <array>
#include <vector>

// A small JSON reader for API replies. Unlike QJsonDocument it keeps every number as the exact text that
// was sent (a 25-digit order id stays exact, it never passes through a double), and it tells a truncated
// document apart from one that is malformed. Lenient where real servers are sloppy: a UTF-8 BOM and
// trailing commas are accepted. Strict where PHP's json_decode is (the service writes with PHP): a raw
// control character (below U+0020) in a string or key makes the document malformed, and a byte order
// mark inside a string or key is a character of it. Object members keep their order; with duplicate
// keys the last one wins, as in PHP.
class JsonValue
{
public:
    enum class Type
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object
    };

    Type type() const { return m_type; }
    bool isObject() const { return m_type == Type::Object; }
    bool isArray() const { return m_type == Type::Array; }
    bool isScalar() const { return m_type != Type::Array && m_type != Type::Object; }

    // A string's text, a number's exact digits, "true"/"false"; empty for null, arrays and objects.
    QString scalarText() const;

    // Members of an object (keys in document order) or elements of an array (keys empty).
    const std::vector<JsonValue> &children() const { return m_children; }
    const std::vector<QString> &keys() const { return m_keys; }

    // The last member of an object with this key, or nullptr.
    const JsonValue *member(QStringView key) const;

private:
    friend class JsonReader;

    Type m_type = Type::Null;
    QString m_text;
    std::vector<QString> m_keys;
    std::vector<JsonValue> m_children;
};

class JsonReader
{
public:
    enum class Status
    {
        Ok,
        Empty,
        Truncated,
        Malformed
    };

    struct Result
    {
        Status status = Status::Malformed;
        JsonValue value;
        qsizetype errorOffset = -1; // byte offset of the problem, -1 when Ok
    };

    static Result parse(const QByteArray &utf8);

private:
    explicit JsonReader(const QByteArray &utf8) : m_data(utf8) {}

    bool parseValue(JsonValue &out, int depth);
    bool parseObject(JsonValue &out, int depth);
    bool parseArray(JsonValue &out, int depth);
    // After a member or element: a comma (another follows) or `closer` (sets `closed`). False on error.
    bool parseSeparator(char closer, bool &closed);
    bool parseString(QString &out);
    bool parseNumber(JsonValue &out);
    bool parseLiteral(JsonValue &out);
    void skipWhitespace();
    bool atEnd() const { return m_pos >= m_data.size(); }
    bool fail(Status status);
    bool failAtEndOr(Status status) { return fail(atEnd() ? Status::Truncated : status); }

    // The text of these bytes of the document (plain UTF-8, no escapes). Replies repeat short texts
    // (member names, stages, small numbers): each is decoded once and shared by its repeats, which
    // spares most of the allocations of a list reply.
    QString sharedText(qsizetype offset, qsizetype length);

    struct RecentText
    {
        qsizetype offset = 0;
        qsizetype length = -1;
        QString text;
    };

    const QByteArray &m_data;
    std::array<RecentText, 64> m_recent; // by a hash of the bytes; a collision only costs a decode
    qsizetype m_pos = 0;
    Status m_status = Status::Ok;
    qsizetype m_errorOffset = -1;
};

#include "JsonReader.h"

#include <QStringDecoder>

#include <algorithm>
#include <cstring>

namespace {

// Deeper documents are not API replies; refusing them keeps a hostile body from exhausting the stack.
constexpr int maxDepth = 64;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// QString::fromUtf8() drops a leading U+FEFF, which would eat a byte order mark that is part of a string
// value (found by fuzz/fuzz_lead_encoder). Only the one at the very start of the document is skipped.
// Stateless, so that a cut sequence at the end of a segment still becomes U+FFFD.
QString decodeUtf8KeepingBom(QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return QString();
    // Most of a reply is ASCII (ids, codes, dates), which needs no decoder.
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return QString::fromLatin1(utf8);
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringConverter::Flag::ConvertInitialBom | QStringConverter::Flag::Stateless);
    return decoder.decode(utf8);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

QString JsonValue::scalarText() const
{
    return m_text;
}

const JsonValue *JsonValue::member(QStringView key) const
{
    if (m_type != Type::Object)
        return nullptr;
    for (auto i = m_keys.size(); i > 0; --i) {
        if (m_keys[i - 1] == key)
            return &m_children[i - 1];
    }
    return nullptr;
}

JsonReader::Result JsonReader::parse(const QByteArray &utf8)
{
    JsonReader reader(utf8);
    Result result;
    if (utf8.startsWith("\xEF\xBB\xBF"))
        reader.m_pos = 3;
    reader.skipWhitespace();
    if (reader.atEnd()) {
        result.status = Status::Empty;
        return result;
    }
    if (reader.parseValue(result.value, 0)) {
        reader.skipWhitespace();
        if (!reader.atEnd())
            reader.fail(Status::Malformed);
    }
    result.status = reader.m_status;
    result.errorOffset = reader.m_errorOffset;
    if (result.status != Status::Ok)
        result.value = JsonValue();
    return result;
}

bool JsonReader::fail(Status status)
{
    if (m_status == Status::Ok) {
        m_status = status;
        m_errorOffset = m_pos;
    }
    return false;
}

void JsonReader::skipWhitespace()
{
    while (!atEnd()) {
        const char c = m_data.at(m_pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        ++m_pos;
    }
}

bool JsonReader::parseValue(JsonValue &out, int depth)
{
    if (depth > maxDepth)
        return fail(Status::Malformed);
    skipWhitespace();
    if (atEnd())
        return fail(Status::Truncated);
    const char c = m_data.at(m_pos);
    if (c == '{')
        return parseObject(out, depth + 1);
    if (c == '[')
        return parseArray(out, depth + 1);
    if (c == '"') {
        out.m_type = JsonValue::Type::String;
        return parseString(out.m_text);
    }
    if (c == '-' || isDigit(c))
        return parseNumber(out);
    return parseLiteral(out);
}

bool JsonReader::parseObject(JsonValue &out, int depth)
{
    out.m_type = JsonValue::Type::Object;
    ++m_pos; // '{'
    for (;;) {
        skipWhitespace();
        if (atEnd())
            return fail(Status::Truncated);
        if (m_data.at(m_pos) == '}') { // also closes after a trailing comma
            ++m_pos;
            return true;
        }
        if (m_data.at(m_pos) != '"')
            return fail(Status::Malformed);
        QString key;
        if (!parseString(key))
            return false;
        skipWhitespace();
        if (atEnd() || m_data.at(m_pos) != ':')
            return failAtEndOr(Status::Malformed);
        ++m_pos;
        // Built in place (a failed document is dropped whole). A reply row has about ten members.
        if (out.m_children.empty()) {
            out.m_keys.reserve(12);
            out.m_children.reserve(12);
        }
        out.m_keys.push_back(std::move(key));
        if (!parseValue(out.m_children.emplace_back(), depth))
            return false;
        bool closed = false;
        if (!parseSeparator('}', closed))
            return false;
        if (closed)
            return true;
    }
}

bool JsonReader::parseArray(JsonValue &out, int depth)
{
    out.m_type = JsonValue::Type::Array;
    ++m_pos; // '['
    for (;;) {
        skipWhitespace();
        if (atEnd())
            return fail(Status::Truncated);
        if (m_data.at(m_pos) == ']') {
            ++m_pos;
            return true;
        }
        out.m_keys.emplace_back();
        if (!parseValue(out.m_children.emplace_back(), depth))
            return false;
        bool closed = false;
        if (!parseSeparator(']', closed))
            return false;
        if (closed)
            return true;
    }
}

bool JsonReader::parseSeparator(char closer, bool &closed)
{
    skipWhitespace();
    if (atEnd())
        return fail(Status::Truncated);
    closed = m_data.at(m_pos) == closer;
    if (!closed && m_data.at(m_pos) != ',')
        return fail(Status::Malformed);
    ++m_pos;
    return true;
}

QString JsonReader::sharedText(qsizetype offset, qsizetype length)
{
    const char *const bytes = m_data.constData() + offset;
    constexpr qsizetype longest = 24; // longer texts (ids, names, times) seldom repeat
    if (length > longest)
        return decodeUtf8KeepingBom(QByteArrayView(bytes, length));
    // A hash of the length and three bytes: enough to tell apart the few texts a reply repeats.
    const auto byteAt = [bytes](qsizetype i) {
        return quint32(static_cast<unsigned char>(bytes[i]));
    };
    const quint32 hash =
        length == 0 ? 0
                    : quint32(length) * 31u + byteAt(0) * 7u + byteAt(length / 2) * 3u + byteAt(length - 1);
    RecentText &recent = m_recent[hash % m_recent.size()];
    if (recent.length != length || memcmp(m_data.constData() + recent.offset, bytes, size_t(length)) != 0)
        recent = RecentText{offset, length, decodeUtf8KeepingBom(QByteArrayView(bytes, length))};
    return recent.text;
}

bool JsonReader::parseString(QString &out)
{
    ++m_pos; // opening quote
    // Runs of plain bytes are decoded whole, each on its own (a UTF-8 sequence cut by an escape becomes
    // U+FFFD); escapes are appended as the characters they stand for.
    QString decoded;
    const char *const data = m_data.constData();
    const qsizetype size = m_data.size();
    qsizetype runStart = m_pos;
    const auto flushRun = [&] {
        if (m_pos > runStart)
            decoded += decodeUtf8KeepingBom(QByteArrayView(data + runStart, m_pos - runStart));
    };
    while (m_pos < size) {
        const char c = data[m_pos];
        if (c == '"') {
            if (decoded.isNull()) // no escape: the common case, one decoded run
                out = sharedText(runStart, m_pos - runStart);
            else {
                flushRun();
                out = decoded;
            }
            ++m_pos;
            return true;
        }
        if (static_cast<unsigned char>(c) < 0x20)
            return fail(Status::Malformed);
        if (c != '\\') {
            ++m_pos;
            continue;
        }
        flushRun();
        ++m_pos;
        if (atEnd())
            return fail(Status::Truncated);
        const char escape = data[m_pos++];
        switch (escape) {
        case '"':
        case '\\':
        case '/':
            decoded += QLatin1Char(escape);
            break;
        case 'b':
            decoded += QLatin1Char('\b');
            break;
        case 'f':
            decoded += QLatin1Char('\f');
            break;
        case 'n':
            decoded += QLatin1Char('\n');
            break;
        case 'r':
            decoded += QLatin1Char('\r');
            break;
        case 't':
            decoded += QLatin1Char('\t');
            break;
        case 'u': {
            if (m_pos + 4 > size)
                return fail(Status::Truncated);
            int code = 0;
            for (int i = 0; i < 4; ++i) {
                const int digit = hexValue(data[m_pos + i]);
                if (digit < 0)
                    return fail(Status::Malformed);
                code = code * 16 + digit;
            }
            m_pos += 4;
            decoded += QChar(static_cast<char16_t>(code)); // surrogate halves pair up in the QString
            break;
        }
        default:
            --m_pos;
            return fail(Status::Malformed);
        }
        runStart = m_pos;
    }
    return fail(Status::Truncated);
}

bool JsonReader::parseNumber(JsonValue &out)
{
    const qsizetype start = m_pos;
    auto digits = [this] {
        const qsizetype from = m_pos;
        while (!atEnd() && isDigit(m_data.at(m_pos)))
            ++m_pos;
        return m_pos > from;
    };
    if (m_data.at(m_pos) == '-')
        ++m_pos;
    if (!digits())
        return failAtEndOr(Status::Malformed);
    if (!atEnd() && m_data.at(m_pos) == '.') {
        ++m_pos;
        if (!digits())
            return failAtEndOr(Status::Malformed);
    }
    if (!atEnd() && (m_data.at(m_pos) == 'e' || m_data.at(m_pos) == 'E')) {
        ++m_pos;
        if (!atEnd() && (m_data.at(m_pos) == '+' || m_data.at(m_pos) == '-'))
            ++m_pos;
        if (!digits())
            return failAtEndOr(Status::Malformed);
    }
    out.m_type = JsonValue::Type::Number;
    out.m_text = sharedText(start, m_pos - start); // digits: ASCII
    return true;
}

bool JsonReader::parseLiteral(JsonValue &out)
{
    static const struct
    {
        const char *word;
        JsonValue::Type type;
    } literals[] = {
        {"true", JsonValue::Type::Bool}, {"false", JsonValue::Type::Bool}, {"null", JsonValue::Type::Null}};
    const QByteArrayView rest = QByteArrayView(m_data).sliced(m_pos);
    for (const auto &literal : literals) {
        const QByteArrayView word(literal.word);
        if (rest.startsWith(word)) {
            m_pos += word.size();
            out.m_type = literal.type;
            if (literal.type == JsonValue::Type::Bool)
                out.m_text = QString::fromLatin1(word);
            return true;
        }
        if (word.startsWith(rest)) // "tr" at the very end of the body
            return fail(Status::Truncated);
    }
    return fail(Status::Malformed);
}

#include "ListReplyScanner.h"

#include "ReplyParser.h"
#include "leads/StatusCatalog.h"

#include <QString>
#include <QStringList>

#include <algorithm>
#include <utility>

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

QString textOf(QByteArrayView ascii)
{
    return QString::fromLatin1(ascii);
}

// Member texts are trimmed, as ReplyParser trims them.
QString trimmedText(const std::optional<QByteArrayView> &ascii)
{
    return ascii ? textOf(*ascii).trimmed() : QString();
}

// A stage is one of a few words: the known ones share one copy each.
QString stageText(const std::optional<QByteArrayView> &ascii)
{
    static const QStringList known = StatusCatalog::knownStageCodes();
    if (ascii) {
        for (const QString &word : known)
            if (QLatin1StringView(*ascii) == word)
                return word;
    }
    return trimmedText(ascii);
}

// Plain digits (nine at most, so no overflow) are read directly; anything else the way ReplyParser
// reads a number it is given as text.
int intOf(const std::optional<QByteArrayView> &ascii, int fallback)
{
    if (!ascii)
        return fallback;
    const QByteArrayView text = *ascii;
    const bool negative = text.startsWith('-');
    const QByteArrayView digits = negative ? text.sliced(1) : text;
    if (digits.isEmpty() || digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), isDigit))
        return ReplyParser::lenientInt(textOf(text), fallback);
    int value = 0;
    for (const char digit : digits)
        value = value * 10 + (digit - '0');
    return negative ? -value : value;
}

} // namespace

ListReplyScanner::ListReplyScanner(const QByteArray &body)
    : m_pos(body.constData()), m_end(body.constData() + body.size())
{}

std::optional<QList<StatusRow>> ListReplyScanner::scan(const QByteArray &body)
{
    ListReplyScanner scanner(body);
    if (body.startsWith("\xEF\xBB\xBF"))
        scanner.m_pos += 3;
    QList<StatusRow> rows;
    if (!scanner.scanRows(rows))
        return std::nullopt;
    scanner.skipWhitespace();
    if (!scanner.atEnd())
        return std::nullopt;
    return rows;
}

bool ListReplyScanner::scanRows(QList<StatusRow> &rows)
{
    skipWhitespace();
    if (atEnd() || (*m_pos != '{' && *m_pos != '['))
        return false;
    const bool keyed = *m_pos == '{';
    const char closer = keyed ? '}' : ']';
    ++m_pos;
    rows.reserve(50); // what one request asks about
    for (;;) {
        skipWhitespace();
        if (atEnd())
            return false;
        if (*m_pos == closer) { // also closes after a trailing comma, as the full reader does
            ++m_pos;
            return true;
        }
        QByteArrayView key;
        if (keyed && !scanMemberName(&key))
            return false;
        // A scalar here may be an error answer ({"status": "error", ...}): the full reader's to judge.
        if (atEnd() || *m_pos != '{' || !scanRow(key, rows))
            return false;
        bool closed = false;
        if (!scanSeparator(closer, &closed))
            return false;
        if (closed)
            return true;
    }
}

bool ListReplyScanner::scanRow(QByteArrayView key, QList<StatusRow> &rows)
{
    ++m_pos; // '{'
    RowTexts texts;
    for (;;) {
        skipWhitespace();
        if (atEnd())
            return false;
        if (*m_pos == '}') {
            ++m_pos;
            break;
        }
        QByteArrayView name;
        QByteArrayView value;
        if (!scanMemberName(&name) || !scanScalar(&value))
            return false;
        static const std::pair<QByteArrayView, std::optional<QByteArrayView> RowTexts::*> members[] = {
            {"id", &RowTexts::id},       {"uid", &RowTexts::uid},        {"src", &RowTexts::src},
            {"stage", &RowTexts::stage}, {"status", &RowTexts::status},  {"reason", &RowTexts::reason},
            {"count", &RowTexts::count}, {"comment", &RowTexts::comment}};
        for (const auto &[memberName, text] : members) {
            if (name == memberName) {
                texts.*text = value; // members the rows do not use are read and left
                break;
            }
        }
        bool closed = false;
        if (!scanSeparator('}', &closed))
            return false;
        if (closed)
            break;
    }
    StatusRow row = rowFrom(texts, key);
    if (!row.ourOrderId.isEmpty())
        rows.append(std::move(row));
    return true;
}

StatusRow ListReplyScanner::rowFrom(const RowTexts &texts, QByteArrayView key)
{
    // The same reading as ReplyParser's of a row it has as a document: "id" is OUR order id (the key
    // repeats it), "uid" the network's; a null is an empty text, true and false their words.
    StatusRow row;
    row.ourOrderId = trimmedText(texts.id);
    if (row.ourOrderId.isEmpty())
        row.ourOrderId = textOf(key).trimmed();
    row.networkOrderId = trimmedText(texts.uid);
    row.source = trimmedText(texts.src);
    row.stage = stageText(texts.stage);
    row.status = intOf(texts.status, 0);
    row.reason = intOf(texts.reason, 0);
    row.count = intOf(texts.count, -1);
    if (texts.comment)
        row.comment = textOf(*texts.comment);
    return row;
}

bool ListReplyScanner::scanString(QByteArrayView *text)
{
    if (atEnd() || *m_pos != '"')
        return false;
    const char *const start = ++m_pos;
    for (; m_pos != m_end; ++m_pos) {
        const auto c = static_cast<unsigned char>(*m_pos);
        if (c == '"') {
            *text = QByteArrayView(start, m_pos - start);
            ++m_pos;
            return true;
        }
        if (c == '\\' || c < 0x20 || c >= 0x80) // an escape or UTF-8 is the full reader's to decode
            return false;
    }
    return false;
}

bool ListReplyScanner::scanMemberName(QByteArrayView *name)
{
    if (!scanString(name))
        return false;
    skipWhitespace();
    if (atEnd() || *m_pos != ':')
        return false;
    ++m_pos;
    skipWhitespace();
    return true;
}

bool ListReplyScanner::scanScalar(QByteArrayView *text)
{
    if (atEnd())
        return false;
    const char c = *m_pos;
    if (c == '"')
        return scanString(text);
    if (c == '-' || isDigit(c)) {
        const char *const start = m_pos;
        if (!scanNumber())
            return false;
        *text = QByteArrayView(start, m_pos - start);
        return true;
    }
    const QByteArrayView rest(m_pos, m_end - m_pos);
    for (const char *word : {"true", "false"}) {
        if (rest.startsWith(word)) {
            *text = QByteArrayView(word);
            m_pos += text->size();
            return true;
        }
    }
    if (rest.startsWith("null")) {
        *text = QByteArrayView(); // as the full reader has it: no text
        m_pos += 4;
        return true;
    }
    return false; // an object, an array, or not JSON
}

bool ListReplyScanner::scanNumber()
{
    // JSON's grammar, as the full reader checks it: -?digits(.digits)?([eE][+-]?digits)?
    const auto digits = [this] {
        const char *const from = m_pos;
        while (!atEnd() && isDigit(*m_pos))
            ++m_pos;
        return m_pos != from;
    };
    if (*m_pos == '-')
        ++m_pos;
    if (!digits())
        return false;
    if (!atEnd() && *m_pos == '.') {
        ++m_pos;
        if (!digits())
            return false;
    }
    if (!atEnd() && (*m_pos == 'e' || *m_pos == 'E')) {
        ++m_pos;
        if (!atEnd() && (*m_pos == '+' || *m_pos == '-'))
            ++m_pos;
        if (!digits())
            return false;
    }
    return true;
}

bool ListReplyScanner::scanSeparator(char closer, bool *closed)
{
    skipWhitespace();
    if (atEnd())
        return false;
    *closed = *m_pos == closer;
    if (!*closed && *m_pos != ',')
        return false;
    ++m_pos;
    return true;
}

void ListReplyScanner::skipWhitespace()
{
    while (!atEnd() && (*m_pos == ' ' || *m_pos == '\t' || *m_pos == '\n' || *m_pos == '\r'))
        ++m_pos;
}

#pragma once

#include "ApiTypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

// Reads the common shape of a list.json answer straight into rows, without building a document tree:
// an object of row objects keyed by our id (or an array of row objects) whose members are scalars of
// plain ASCII without escapes, as the service writes them. Building the tree and reading the rows
// from it was a quarter of the GUI thread's work in a refresh of 10,000 leads.
//
// Anything else declines (nullopt): an error answer or any other scalar at the top, a nested value in
// a row, an escape, a byte outside ASCII, a malformed or truncated body. ReplyParser then reads the
// body in full and decides. What is accepted here reads as the full reader reads it, row for row
// (tst_replyparser and fuzz_list_reply check that they agree).
class ListReplyScanner
{
public:
    static std::optional<QList<StatusRow>> scan(const QByteArray &body);

private:
    explicit ListReplyScanner(const QByteArray &body);

    // The last value each member of a row had (with repeated members the last one counts, as in the
    // full reader); none when the row does not have it.
    struct RowTexts
    {
        std::optional<QByteArrayView> id, uid, src, stage, status, reason, count, comment;
    };

    bool scanRows(QList<StatusRow> &rows);
    bool scanRow(QByteArrayView key, QList<StatusRow> &rows);
    bool scanString(QByteArrayView *text);
    // A member's name and the colon after it.
    bool scanMemberName(QByteArrayView *name);
    bool scanScalar(QByteArrayView *text);
    bool scanNumber();
    // After a member or element: a comma, or `closer` (sets `closed`). False on anything else.
    bool scanSeparator(char closer, bool *closed);
    void skipWhitespace();
    bool atEnd() const { return m_pos == m_end; }

    static StatusRow rowFrom(const RowTexts &texts, QByteArrayView key);

    const char *m_pos;
    const char *m_end;
};

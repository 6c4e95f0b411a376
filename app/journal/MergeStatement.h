#pragma once

#include "SqliteStatements.h"
#include "StatementCache.h"

#include <QString>

// A statement a status merge repeats thousands of times in a refresh. It runs on SQLite's own
// interface (SqliteStatement) when Qt's SQLite plugin runs the very SQLite this program links, and
// through Qt SQL (PreparedStatement) otherwise: the same calls either way, so the merge has one
// code path and a journal opens whichever SQLite Qt's plugin was built with.
//
// What SQLite's own interface buys, measured: a first refresh of 10,000 leads (every lead changes,
// ~200,000 values bound) ~400 against ~645 ms of CPU, all threads (docs/PERFORMANCE.md, session 7);
// a refresh where nothing changed, ~20 ms.
class MergeStatement
{
public:
    MergeStatement() = default;
    explicit MergeStatement(SqliteStatement &&native);
    explicit MergeStatement(PreparedStatement &&qtSql);
    MergeStatement(MergeStatement &&other) noexcept = default;
    explicit operator bool() const { return bool(m_native) || bool(m_qtSql); }

    // Parameters count from 1, as in SQLite. A null QString binds NULL.
    void bindText(int index, const QString &text);
    void bindTextOrNull(int index, const QString &text); // an empty text binds NULL
    void bindInt(int index, qint64 value);

    bool exec(); // a statement that returns no rows; false on an error (then errorString())
    // The next row of a read (run on its first call): false at the end or on an error (then failed()).
    bool next();
    bool failed() const;
    // Columns count from 0. NULL reads as a null QString or 0.
    QString text(int column) const;
    qint64 integer(int column) const;
    int rowsChanged() const; // by the last exec()
    QString errorString() const;

private:
    SqliteStatement m_native;
    PreparedStatement m_qtSql;
    bool m_run = false;    // Qt SQL: the read was run by next()
    bool m_failed = false; // Qt SQL: the read failed
};

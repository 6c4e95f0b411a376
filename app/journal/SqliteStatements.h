#pragma once

#include <QHash> // std::hash<QString>
#include <QString>

#include <memory>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

// A statement run on SQLite's own interface, on the connection Qt SQL opened: the same thread, the
// same transaction, the same file. The journal uses it only where a refresh repeats a statement
// thousands of times (a status merge and its read of the open leads), through MergeStatement, and only
// when Qt's plugin runs this same SQLite. Why: there, Qt SQL's positional
// binding (a placeholder name formatted and looked up in a hash for every value, every value wrapped
// in a QVariant) and its per-cell QVariant reads cost as much CPU as SQLite's own work: a first
// refresh of 10,000 leads binds some 200,000 values.
//
// Taken from a SqliteStatementCache. When it goes out of scope it is reset and its bindings cleared,
// so that a read does not hold a snapshot of the database (see PreparedStatement).
class SqliteStatement
{
public:
    SqliteStatement() = default;
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    SqliteStatement &operator=(SqliteStatement &&) = delete;
    ~SqliteStatement();
    explicit operator bool() const { return m_statement != nullptr; }

    // Parameters count from 1, as in SQLite. A null QString binds NULL, as Qt SQL does; the statement
    // keeps a reference to each text until that parameter is bound again or the statement is given
    // back, so a temporary may be bound.
    void bindText(int index, const QString &text);
    void bindTextOrNull(int index, const QString &text); // an empty text binds NULL
    void bindInt(int index, qint64 value);

    // Runs a statement that returns no rows; false on an error (then errorString()).
    bool exec();
    // The next row of a read: false at the end or on an error (then failed() and errorString()).
    bool next();
    bool failed() const { return m_failed; }
    // Columns count from 0. NULL reads as a null QString or 0.
    QString text(int column) const;
    qint64 integer(int column) const;
    bool sameText(int column, int otherColumn) const; // both non-NULL and equal
    int rowsChanged() const;                          // by the last exec()
    QString errorString() const;

private:
    friend class SqliteStatementCache;
    SqliteStatement(sqlite3_stmt *cached, std::vector<QString> *texts, bool *inUse);
    explicit SqliteStatement(sqlite3_stmt *unshared); // finalized when done (the cached one was in use)

    sqlite3_stmt *m_statement = nullptr;
    std::vector<QString> *m_texts = nullptr;          // what the bound texts point into, by parameter
    bool *m_inUse = nullptr;                          // the cache's flag, for a cached statement
    std::unique_ptr<std::vector<QString>> m_ownTexts; // an unshared statement's
    bool m_failed = false;
};

// The SqliteStatements of one connection, each prepared once, kept until clear() (call it before the
// connection closes: SQLite does not close a connection with statements left).
class SqliteStatementCache
{
public:
    SqliteStatementCache() = default;
    ~SqliteStatementCache();
    SqliteStatementCache(const SqliteStatementCache &) = delete;
    SqliteStatementCache &operator=(const SqliteStatementCache &) = delete;

    // The statement for `sql` on `connection`; an empty one, with *error set, when it does not
    // prepare. The SQL comes from a finite set of texts, as for StatementCache.
    SqliteStatement take(sqlite3 *connection, const QString &sql, QString *error);
    void clear();

private:
    struct Entry
    {
        sqlite3_stmt *statement = nullptr;
        std::vector<QString> texts;
        bool inUse = false;
    };
    std::unordered_map<QString, Entry> m_statements;
};

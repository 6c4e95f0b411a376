#pragma once

#include <QHash> // std::hash<QString>
#include <QString>

#include <memory>
#include <unordered_map>

class QSqlQuery;

// A prepared statement taken from a StatementCache. When it goes out of scope it is reset (not
// destroyed) and given back: a read left open would keep its snapshot of the database, and in WAL mode
// hold back checkpoints, until the next use of the same statement.
class PreparedStatement
{
public:
    PreparedStatement() = default;
    PreparedStatement(PreparedStatement &&other) noexcept;
    PreparedStatement(const PreparedStatement &) = delete;
    PreparedStatement &operator=(const PreparedStatement &) = delete;
    PreparedStatement &operator=(PreparedStatement &&) = delete;
    ~PreparedStatement();

    explicit operator bool() const { return m_query != nullptr; }
    QSqlQuery &operator*() const { return *m_query; }
    QSqlQuery *operator->() const { return m_query; }

private:
    friend class StatementCache;
    PreparedStatement(QSqlQuery *cached, bool *inUse);
    explicit PreparedStatement(std::unique_ptr<QSqlQuery> unshared);

    QSqlQuery *m_query = nullptr;
    bool *m_inUse = nullptr;               // the cache's flag for m_query, when it is a cached one
    std::unique_ptr<QSqlQuery> m_unshared; // or a statement of its own (the cached one was in use)
};

// The prepared statements of one database connection, kept for as long as it is open.
//
// Why: SQLite takes longer to parse a statement than to run a small one, and Qt's SQLite driver
// rewrites every "?" into a named parameter, which SQLite resolves in quadratic time. The journal runs
// the same few dozen statements thousands of times (a refresh of 10,000 leads merges 200 answers), so
// each is parsed once per connection instead of once per use.
//
// Statements are never evicted: their SQL comes from a finite set of texts (lists of values are padded
// to fixed lengths, see JournalSql). A statement asked for while its cached copy is in use (a signal's
// slot calling back into the journal, say) is prepared afresh for that use.
class StatementCache
{
public:
    StatementCache();
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // The statement for `sql` on the connection named `connectionName`, prepared (forward-only) the
    // first time it is asked for; only then is the connection looked up (Qt does that under a global
    // lock). An empty PreparedStatement when it does not prepare; the reason is then in *error.
    PreparedStatement take(const QString &connectionName, const QString &sql, QString *error);
    // Drops every statement: call it before the connection is closed, with none in use.
    void clear();
    std::size_t size() const { return m_statements.size(); }

private:
    struct Entry
    {
        std::unique_ptr<QSqlQuery> query;
        bool inUse = false;
    };
    std::unordered_map<QString, Entry> m_statements;
};

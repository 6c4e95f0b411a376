#pragma once

#include <QHash> // std::hash<QString>
#include <QString>

#include <memory>
#include <unordered_map>

class QSqlDatabase;
class QSqlQuery;

// A prepared statement taken from a StatementCache. When it goes out of scope it is reset (not
// destroyed): a read left open would keep its snapshot of the database, and in WAL mode hold back
// checkpoints, until the next use of the same statement.
class PreparedStatement
{
public:
    PreparedStatement() = default;
    explicit PreparedStatement(QSqlQuery *query) : m_query(query) {}
    PreparedStatement(PreparedStatement &&other) noexcept : m_query(other.m_query)
    {
        other.m_query = nullptr;
    }
    PreparedStatement(const PreparedStatement &) = delete;
    PreparedStatement &operator=(const PreparedStatement &) = delete;
    PreparedStatement &operator=(PreparedStatement &&) = delete;
    ~PreparedStatement();

    explicit operator bool() const { return m_query != nullptr; }
    QSqlQuery &operator*() const { return *m_query; }
    QSqlQuery *operator->() const { return m_query; }

private:
    QSqlQuery *m_query = nullptr;
};

// The prepared statements of one database connection, kept for as long as it is open.
//
// Why: SQLite takes longer to parse a statement than to run a small one, and Qt's SQLite driver
// rewrites every "?" into a named parameter, which SQLite resolves in quadratic time. The journal runs
// the same few dozen statements thousands of times (a refresh of 10,000 leads merges 200 answers), so
// each is parsed once per connection instead of once per use.
//
// Statements are never evicted: their SQL comes from a finite set of texts (lists of values are padded
// to fixed lengths, see Journal), and a PreparedStatement in use must stay valid while others are taken.
class StatementCache
{
public:
    StatementCache();
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // The statement for `sql` on `db`, prepared (forward-only) the first time it is asked for. An empty
    // PreparedStatement when it does not prepare; the reason is then in *error.
    PreparedStatement take(const QSqlDatabase &db, const QString &sql, QString *error);
    // Drops every statement: call it before the connection is closed.
    void clear();
    std::size_t size() const { return m_statements.size(); }

private:
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

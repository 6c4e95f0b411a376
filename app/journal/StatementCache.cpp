#include "StatementCache.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <utility>

namespace {

std::unique_ptr<QSqlQuery> prepare(const QString &connectionName, const QString &sql, QString *error)
{
    auto query = std::make_unique<QSqlQuery>(QSqlDatabase::database(connectionName, false));
    query->setForwardOnly(true);
    if (query->prepare(sql))
        return query;
    *error = query->lastError().text();
    return nullptr;
}

} // namespace

PreparedStatement::PreparedStatement(QSqlQuery *cached, bool *inUse) : m_query(cached), m_inUse(inUse)
{
    *m_inUse = true;
}

PreparedStatement::PreparedStatement(std::unique_ptr<QSqlQuery> unshared)
    : m_query(unshared.get()), m_unshared(std::move(unshared))
{}

PreparedStatement::PreparedStatement(PreparedStatement &&other) noexcept
    : m_query(std::exchange(other.m_query, nullptr)), m_inUse(std::exchange(other.m_inUse, nullptr)),
      m_unshared(std::move(other.m_unshared))
{}

PreparedStatement::~PreparedStatement()
{
    if (m_query)
        m_query->finish();
    if (m_inUse)
        *m_inUse = false;
}

StatementCache::StatementCache() = default;

StatementCache::~StatementCache() = default;

PreparedStatement StatementCache::take(const QString &connectionName, const QString &sql, QString *error)
{
    const auto found = m_statements.find(sql);
    if (found != m_statements.end()) {
        Entry &entry = found->second;
        if (!entry.inUse)
            return PreparedStatement(entry.query.get(), &entry.inUse);
        std::unique_ptr<QSqlQuery> unshared = prepare(connectionName, sql, error);
        return unshared ? PreparedStatement(std::move(unshared)) : PreparedStatement();
    }
    std::unique_ptr<QSqlQuery> query = prepare(connectionName, sql, error);
    if (!query)
        return PreparedStatement();
    Entry &entry = m_statements[sql];
    entry.query = std::move(query);
    return PreparedStatement(entry.query.get(), &entry.inUse);
}

void StatementCache::clear()
{
    m_statements.clear();
}

#include "StatementCache.h"

#include <QSqlError>
#include <QSqlQuery>

PreparedStatement::~PreparedStatement()
{
    if (m_query)
        m_query->finish();
}

StatementCache::StatementCache() = default;

StatementCache::~StatementCache() = default;

PreparedStatement StatementCache::take(const QSqlDatabase &db, const QString &sql, QString *error)
{
    const auto found = m_statements.find(sql);
    if (found != m_statements.end())
        return PreparedStatement(found->second.get());
    auto query = std::make_unique<QSqlQuery>(db);
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        *error = query->lastError().text();
        return PreparedStatement();
    }
    QSqlQuery *taken = query.get();
    m_statements.emplace(sql, std::move(query));
    return PreparedStatement(taken);
}

void StatementCache::clear()
{
    m_statements.clear();
}

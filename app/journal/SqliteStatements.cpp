#include "SqliteStatements.h"

#include <QCoreApplication>

#include <cstring>
#include <sqlite3.h>
#include <utility>

namespace {

sqlite3_stmt *prepare(sqlite3 *connection, const QString &sql, QString *error)
{
    sqlite3_stmt *statement = nullptr;
    const int result = sqlite3_prepare16_v3(connection, sql.utf16(), int(sql.size() * sizeof(char16_t)),
                                            SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (result == SQLITE_OK && statement)
        return statement;
    *error = QString::fromUtf8(sqlite3_errmsg(connection));
    sqlite3_finalize(statement);
    return nullptr;
}

} // namespace

SqliteStatement::SqliteStatement(sqlite3_stmt *cached, std::vector<QString> *texts, bool *inUse)
    : m_statement(cached), m_texts(texts), m_inUse(inUse)
{
    *m_inUse = true;
}

SqliteStatement::SqliteStatement(sqlite3_stmt *unshared)
    : m_statement(unshared), m_ownTexts(std::make_unique<std::vector<QString>>())
{
    m_texts = m_ownTexts.get();
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)), m_texts(std::exchange(other.m_texts, nullptr)),
      m_inUse(std::exchange(other.m_inUse, nullptr)), m_ownTexts(std::move(other.m_ownTexts)),
      m_failed(other.m_failed)
{}

SqliteStatement::~SqliteStatement()
{
    if (!m_statement)
        return;
    if (m_ownTexts) {
        sqlite3_finalize(m_statement);
        return;
    }
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_texts->clear();
    *m_inUse = false;
}

void SqliteStatement::bindText(int index, const QString &text)
{
    if (text.isNull()) {
        sqlite3_bind_null(m_statement, index);
        return;
    }
    // One slot per parameter, sharing the text's data: SQLite may point into it until the parameter
    // is bound again or the statement is given back (its bindings cleared).
    if (m_texts->size() < size_t(index))
        m_texts->resize(size_t(index));
    QString &kept = (*m_texts)[size_t(index - 1)];
    kept = text;
    sqlite3_bind_text16(m_statement, index, kept.utf16(), int(kept.size() * sizeof(char16_t)), SQLITE_STATIC);
}

void SqliteStatement::bindTextOrNull(int index, const QString &text)
{
    if (text.isEmpty())
        sqlite3_bind_null(m_statement, index);
    else
        bindText(index, text);
}

void SqliteStatement::bindInt(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

bool SqliteStatement::exec()
{
    sqlite3_reset(m_statement); // a statement run before, in the same scope, starts again
    const int result = sqlite3_step(m_statement);
    m_failed = result != SQLITE_DONE && result != SQLITE_ROW;
    sqlite3_reset(m_statement);
    return !m_failed;
}

bool SqliteStatement::next()
{
    const int result = sqlite3_step(m_statement);
    m_failed = result != SQLITE_DONE && result != SQLITE_ROW;
    return result == SQLITE_ROW;
}

QString SqliteStatement::text(int column) const
{
    const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!utf8)
        return QString();
    return QString::fromUtf8(utf8, sqlite3_column_bytes(m_statement, column));
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

bool SqliteStatement::sameText(int column, int otherColumn) const
{
    const unsigned char *text = sqlite3_column_text(m_statement, column);
    const unsigned char *other = sqlite3_column_text(m_statement, otherColumn);
    const int size = sqlite3_column_bytes(m_statement, column);
    return text && other && size == sqlite3_column_bytes(m_statement, otherColumn) &&
           memcmp(text, other, size_t(size)) == 0;
}

int SqliteStatement::rowsChanged() const
{
    return sqlite3_changes(sqlite3_db_handle(m_statement));
}

QString SqliteStatement::errorString() const
{
    return QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement)));
}

SqliteStatementCache::~SqliteStatementCache()
{
    clear();
}

SqliteStatement SqliteStatementCache::take(sqlite3 *connection, const QString &sql, QString *error)
{
    if (!connection) {
        *error =
            QCoreApplication::translate("SqliteStatementCache", "The journal's SQLite connection is closed.");
        return SqliteStatement();
    }
    const auto found = m_statements.find(sql);
    if (found != m_statements.end() && found->second.inUse) {
        sqlite3_stmt *unshared = prepare(connection, sql, error);
        return unshared ? SqliteStatement(unshared) : SqliteStatement();
    }
    if (found != m_statements.end())
        return SqliteStatement(found->second.statement, &found->second.texts, &found->second.inUse);
    sqlite3_stmt *statement = prepare(connection, sql, error);
    if (!statement)
        return SqliteStatement();
    Entry &entry = m_statements[sql];
    entry.statement = statement;
    return SqliteStatement(entry.statement, &entry.texts, &entry.inUse);
}

void SqliteStatementCache::clear()
{
    for (auto &[sql, entry] : m_statements)
        sqlite3_finalize(entry.statement);
    m_statements.clear();
}

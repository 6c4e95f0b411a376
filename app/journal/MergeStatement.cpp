#include "MergeStatement.h"

#include <QSqlError>
#include <QSqlQuery>

MergeStatement::MergeStatement(SqliteStatement &&native) : m_native(std::move(native)) {}

MergeStatement::MergeStatement(PreparedStatement &&qtSql) : m_qtSql(std::move(qtSql)) {}

void MergeStatement::bindText(int index, const QString &text)
{
    if (m_native)
        m_native.bindText(index, text);
    else
        m_qtSql->bindValue(index - 1, text);
}

void MergeStatement::bindTextOrNull(int index, const QString &text)
{
    if (m_native)
        m_native.bindTextOrNull(index, text);
    else
        m_qtSql->bindValue(index - 1,
                           text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text));
}

void MergeStatement::bindInt(int index, qint64 value)
{
    if (m_native)
        m_native.bindInt(index, value);
    else
        m_qtSql->bindValue(index - 1, value);
}

bool MergeStatement::exec()
{
    return m_native ? m_native.exec() : m_qtSql->exec();
}

bool MergeStatement::next()
{
    if (m_native)
        return m_native.next();
    if (!m_run) {
        m_run = true;
        m_failed = !m_qtSql->exec();
    }
    return !m_failed && m_qtSql->next();
}

bool MergeStatement::failed() const
{
    if (m_native)
        return m_native.failed();
    return m_failed || m_qtSql->lastError().type() != QSqlError::NoError;
}

QString MergeStatement::text(int column) const
{
    return m_native ? m_native.text(column) : m_qtSql->value(column).toString();
}

qint64 MergeStatement::integer(int column) const
{
    return m_native ? m_native.integer(column) : m_qtSql->value(column).toLongLong();
}

int MergeStatement::rowsChanged() const
{
    return m_native ? m_native.rowsChanged() : m_qtSql->numRowsAffected();
}

QString MergeStatement::errorString() const
{
    return m_native ? m_native.errorString() : m_qtSql->lastError().text();
}

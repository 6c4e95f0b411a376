#include "JournalReader.h"

#include "JournalLog.h"
#include "JournalSql.h"
#include "LeadJson.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace JournalSql;

namespace {

QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// When a lead was last checked: a table of its own since schema version 4 (see JournalSchema).
#define CHECKED_AT_OF_LEAD                                                                                   \
    "(SELECT c.checked_at FROM lead_checks c"                                                                \
    " WHERE c.profile_id = leads.profile_id AND c.lead_key = leads.lead_key)"

// The columns entryFrom() reads, in its order.
const char entryColumns[] =
    "profile_id, lead_key, order_id, network_id, lead_json, request_body, send_state,"
    " attempts, maybe_delivered, next_try_at, error_code, error_text, stage, status,"
    " reason, goods_count, comment, created_at, sent_at, " CHECKED_AT_OF_LEAD ", changed_at, unseen,"
    " stage_derived, status_text, reason_text, stage_text";

JournalEntry entryFrom(const QSqlQuery &query)
{
    JournalEntry entry;
    entry.profileId = query.value(0).toString();
    entry.key = query.value(1).toString();
    entry.orderId = query.value(2).toString();
    entry.networkOrderId = query.value(3).toString();
    if (!LeadJson::fromJson(query.value(4).toString().toUtf8(), &entry.lead))
        qCWarning(lcJournal) << "unreadable lead record for key" << entry.key;
    entry.requestBody = query.value(5).toString().toUtf8();
    entry.sendState = SendStates::fromText(query.value(6).toString());
    entry.attempts = query.value(7).toInt();
    entry.maybeDelivered = query.value(8).toInt() != 0;
    entry.nextTryAt = timeOf(query.value(9));
    entry.errorCode = query.value(10).toString();
    entry.errorText = query.value(11).toString();
    entry.stage = query.value(12).toString();
    entry.status = query.value(13).toInt();
    entry.reason = query.value(14).toInt();
    entry.count = query.value(15).toInt();
    entry.comment = query.value(16).toString();
    entry.createdAt = timeOf(query.value(17));
    entry.sentAt = timeOf(query.value(18));
    entry.checkedAt = timeOf(query.value(19));
    entry.changedAt = timeOf(query.value(20));
    entry.unseenChange = query.value(21).toInt() != 0;
    entry.stageDerived = query.value(22).toInt() != 0;
    entry.statusText = query.value(23).toString();
    entry.reasonText = query.value(24).toString();
    entry.stageText = query.value(25).toString();
    return entry;
}

const char rowColumns[] = "lead_key, order_id, network_id, offer, wm, name, phone, country, stage, comment,"
                          " error_code, created_at, " CHECKED_AT_OF_LEAD ", changed_at, status, reason,"
                          " goods_count, send_state, unseen, stage_derived, status_text, reason_text,"
                          " stage_text";

JournalRow rowFrom(const QSqlQuery &query)
{
    JournalRow row;
    row.key = query.value(0).toString();
    row.orderId = query.value(1).toString();
    row.networkOrderId = query.value(2).toString();
    row.offer = query.value(3).toString();
    row.wm = query.value(4).toString();
    row.name = query.value(5).toString();
    row.phone = query.value(6).toString();
    row.country = query.value(7).toString();
    row.stage = query.value(8).toString();
    row.comment = query.value(9).toString();
    row.errorCode = query.value(10).toString();
    row.createdAtMs = query.value(11).toLongLong();
    row.checkedAtMs = query.value(12).toLongLong();
    row.changedAtMs = query.value(13).toLongLong();
    row.status = query.value(14).toInt();
    row.reason = query.value(15).toInt();
    row.count = query.value(16).toInt();
    row.sendState = SendStates::fromText(query.value(17).toString());
    row.unseenChange = query.value(18).toInt() != 0;
    row.stageDerived = query.value(19).toInt() != 0;
    row.statusText = query.value(20).toString();
    row.reasonText = query.value(21).toString();
    row.stageText = query.value(22).toString();
    return row;
}

} // namespace

JournalReader::JournalReader(const JournalConnection &connection) : m_connection(connection) {}

std::optional<JournalEntry> JournalReader::entry(const QString &profileId, const QString &key) const
{
    return entryWhere(profileId, QLatin1String("lead_key"), key);
}

std::optional<JournalEntry> JournalReader::entryByOrderId(const QString &profileId,
                                                          const QString &orderId) const
{
    return entryWhere(profileId, QLatin1String("order_id"), orderId);
}

std::optional<JournalEntry> JournalReader::entryWhere(const QString &profileId, QLatin1String column,
                                                      const QString &value) const
{
    if (!m_connection.isOpen())
        return std::nullopt;
    const PreparedStatement query = m_connection.select(
        QStringLiteral("SELECT ") + QLatin1String(entryColumns) +
            QStringLiteral(" FROM leads WHERE profile_id = ? AND ") + column + QStringLiteral(" = ?"),
        {profileId, value});
    if (!query || !query->next())
        return std::nullopt;
    return entryFrom(*query);
}

QList<JournalEntry> JournalReader::entriesWhere(const QString &condition, const QVariantList &values) const
{
    QList<JournalEntry> entries;
    const PreparedStatement query = m_connection.select(
        QStringLiteral("SELECT ") + QLatin1String(entryColumns) + QStringLiteral(" FROM leads ") + condition,
        values);
    while (query && query->next())
        entries.append(entryFrom(*query));
    return entries;
}

QList<LeadSummary> JournalReader::findRecent(const QString &profileId, const QString &phone,
                                             const QString &offer, const QDateTime &since) const
{
    QList<LeadSummary> found;
    if (!m_connection.isOpen())
        return found;
    const PreparedStatement query = m_connection.select(
        QStringLiteral("SELECT lead_key, order_id, network_id, created_at, send_state, stage, status,"
                       " name FROM leads WHERE profile_id = ? AND phone = ? AND offer = ?"
                       " AND created_at >= ? ORDER BY created_at DESC"),
        {profileId, phone, offer, since.isValid() ? since.toMSecsSinceEpoch() : qint64(0)});
    while (query && query->next()) {
        LeadSummary summary;
        summary.ourOrderId =
            query->value(1).isNull() ? query->value(0).toString() : query->value(1).toString();
        summary.networkOrderId = query->value(2).toString();
        summary.createdAt = timeOf(query->value(3));
        summary.sendState = query->value(4).toString();
        summary.stage = query->value(5).toString();
        summary.status = query->value(6).toInt();
        summary.name = query->value(7).toString();
        found.append(summary);
    }
    return found;
}

QStringList JournalReader::openOrderIds(const QString &profileId) const
{
    QStringList ids;
    if (!m_connection.isOpen())
        return ids;
    const PreparedStatement read =
        m_connection.select(QStringLiteral("SELECT order_id FROM leads WHERE ") +
                                QLatin1String(openLeadsCondition) + QStringLiteral(" ORDER BY created_at"),
                            openLeadsValues(profileId));
    while (read && read->next())
        ids.append(read->value(0).toString());
    if (read && read->lastError().type() != QSqlError::NoError)
        m_connection.setError(read->lastError().text());
    return ids;
}

QList<JournalEntry> JournalReader::dueEntries(const QString &profileId, qint64 nowMs, int limit) const
{
    if (!m_connection.isOpen() || limit <= 0)
        return {};
    return entriesWhere(QStringLiteral("WHERE profile_id = ? AND send_state IN (?, ?)"
                                       " AND next_try_at <= ? ORDER BY next_try_at, created_at LIMIT ?"),
                        {profileId, SendStates::toText(SendState::Queued),
                         SendStates::toText(SendState::Unknown), nowMs, limit});
}

std::optional<qint64> JournalReader::nextDueTime(const QString &profileId) const
{
    if (!m_connection.isOpen())
        return std::nullopt;
    const PreparedStatement query = m_connection.select(
        QStringLiteral("SELECT MIN(next_try_at) FROM leads WHERE profile_id = ? AND send_state IN (?, ?)"),
        {profileId, SendStates::toText(SendState::Queued), SendStates::toText(SendState::Unknown)});
    if (!query || !query->next() || query->value(0).isNull())
        return std::nullopt;
    return query->value(0).toLongLong();
}

int JournalReader::waitingCount(const QString &profileId) const
{
    if (!m_connection.isOpen())
        return 0;
    const PreparedStatement query = m_connection.select(
        QStringLiteral("SELECT COUNT(*) FROM leads WHERE profile_id = ? AND send_state IN (?, ?, ?)"),
        {profileId, SendStates::toText(SendState::Queued), SendStates::toText(SendState::Sending),
         SendStates::toText(SendState::Unknown)});
    if (!query || !query->next())
        return 0;
    return query->value(0).toInt();
}

QList<JournalEntry> JournalReader::outboxEntries(const QString &profileId) const
{
    if (!m_connection.isOpen())
        return {};
    return entriesWhere(
        QStringLiteral("WHERE profile_id = ? AND send_state IN (?, ?, ?, ?) ORDER BY created_at, lead_key"),
        {profileId, SendStates::toText(SendState::Queued), SendStates::toText(SendState::Sending),
         SendStates::toText(SendState::Unknown), SendStates::toText(SendState::Rejected)});
}

QVector<JournalRow> JournalReader::rows(const QString &profileId) const
{
    QVector<JournalRow> rows;
    readRows(
        profileId, [&rows](QVector<JournalRow> &&all, bool) { rows = std::move(all); }, -1, -1);
    return rows;
}

bool JournalReader::readRows(const QString &profileId, const RowSink &sink, int firstChunk, int chunk) const
{
    if (!m_connection.isOpen()) {
        m_connection.setError(JournalConnection::notOpenError());
        return false;
    }
    int total = 0;
    {
        const PreparedStatement count = m_connection.select(
            QStringLiteral("SELECT COUNT(*) FROM leads WHERE profile_id = ?"), {profileId});
        if (count && count->next())
            total = count->value(0).toInt();
    }
    const PreparedStatement query = m_connection.select(
        QStringLiteral("SELECT ") + QLatin1String(rowColumns) +
            QStringLiteral(" FROM leads WHERE profile_id = ? ORDER BY created_at, lead_key"),
        {profileId});
    if (!query)
        return false;
    // A piece ends at `limit` rows; -1: the rest in one piece.
    int limit = firstChunk > 0 ? firstChunk : -1;
    QVector<JournalRow> rows;
    rows.reserve(limit > 0 ? qMin(limit, total) : total);
    while (query->next()) {
        rows.append(rowFrom(*query));
        if (limit > 0 && rows.size() >= limit) {
            total -= int(rows.size());
            sink(std::move(rows), false);
            limit = chunk > 0 ? chunk : -1;
            rows = QVector<JournalRow>();
            rows.reserve(qMax(0, limit > 0 ? qMin(limit, total) : total));
        }
    }
    if (query->lastError().type() != QSqlError::NoError) {
        m_connection.setError(query->lastError().text());
        return false;
    }
    sink(std::move(rows), true);
    return true;
}

QVector<JournalRow> JournalReader::rows(const QString &profileId, const QStringList &keys) const
{
    QVector<JournalRow> rows;
    if (!m_connection.isOpen())
        return rows;
    const QString sql = QStringLiteral("SELECT ") + QLatin1String(rowColumns) +
                        QStringLiteral(" FROM leads WHERE profile_id = ? AND lead_key IN (") +
                        inListPlaceholders() + QStringLiteral(")");
    for (qsizetype start = 0; start < keys.size(); start += InListLength) {
        const PreparedStatement query = m_connection.select(sql, inListValues({profileId}, keys, start));
        if (!query)
            return rows;
        while (query->next())
            rows.append(rowFrom(*query));
    }
    // Ordered here, not by the query: an ORDER BY lets SQLite walk the creation-time index over every
    // lead of the profile (6 ms at 10,000 leads) instead of looking up the few keys asked for.
    std::sort(rows.begin(), rows.end(), [](const JournalRow &left, const JournalRow &right) {
        return left.createdAtMs != right.createdAtMs ? left.createdAtMs < right.createdAtMs
                                                     : left.key < right.key;
    });
    return rows;
}

QList<StatusChange> JournalReader::history(const QString &profileId, const QString &key) const
{
    QList<StatusChange> changes;
    if (!m_connection.isOpen())
        return changes;
    const PreparedStatement query = m_connection.select(
        QStringLiteral("SELECT changed_at, stage, status, reason, goods_count, comment, previous_stage,"
                       " previous_status, stage_derived, status_text, reason_text, stage_text FROM "
                       "lead_history WHERE profile_id = ? AND lead_key = ?"
                       " ORDER BY changed_at"),
        {profileId, key});
    while (query && query->next()) {
        StatusChange change;
        change.changedAt = timeOf(query->value(0));
        change.stage = query->value(1).toString();
        change.status = query->value(2).toInt();
        change.reason = query->value(3).toInt();
        change.count = query->value(4).toInt();
        change.comment = query->value(5).toString();
        change.previousStage = query->value(6).toString();
        change.previousStatus = query->value(7).toInt();
        change.stageDerived = query->value(8).toInt() != 0;
        change.statusText = query->value(9).toString();
        change.reasonText = query->value(10).toString();
        change.stageText = query->value(11).toString();
        changes.append(change);
    }
    return changes;
}

QString JournalReader::metaValue(const QString &key) const
{
    if (!m_connection.isOpen())
        return QString();
    const PreparedStatement query =
        m_connection.select(QStringLiteral("SELECT meta_value FROM meta WHERE meta_key = ?"), {key});
    if (!query || !query->next())
        return QString();
    return query->value(0).toString();
}

#include "LeadStore.h"

#include "JournalLog.h"
#include "JournalSql.h"
#include "LeadJson.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>

using namespace JournalSql;

LeadStore::LeadStore(JournalConnection &connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{}

bool LeadStore::holds(const QString &profileId, const QString &key, const QString &orderId) const
{
    // Two lookups, each on its own index: "lead_key = ? OR order_id = ?" would scan the table.
    m_connection.setError(QString());
    for (const QString &column : {QStringLiteral("lead_key"), QStringLiteral("order_id")}) {
        const PreparedStatement query =
            m_connection.select(QStringLiteral("SELECT COUNT(*) FROM leads WHERE profile_id = ? AND ") +
                                    column + QStringLiteral(" = ?"),
                                {profileId, column == QLatin1String("lead_key") ? key : orderId});
        if (!query || !query->next())
            return false;
        if (query->value(0).toInt() > 0)
            return true;
    }
    return false;
}

bool LeadStore::addLead(const QString &profileId, const QString &key, const Lead &lead, qint64 nowMs)
{
    if (!m_connection.beginWrite())
        return false;
    const bool isAuto = lead.orderId == QLatin1String("auto");
    const bool known = holds(profileId, key, isAuto ? key : lead.orderId);
    bool ok = m_connection.errorString().isEmpty();
    if (ok && known) {
        m_connection.setError(QCoreApplication::translate("Journal", "The journal already holds order %1.")
                                  .arg(isAuto ? key : lead.orderId));
        ok = false;
    }
    if (ok) {
        const PreparedStatement insert = m_connection.statement(QStringLiteral(
            "INSERT INTO leads (profile_id, lead_key, order_id, lead_json, send_state, attempts,"
            " next_try_at, created_at, phone, offer, name, wm, country)"
            " VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)"));
        ok = insert &&
             m_connection.run(
                 *insert, {profileId, key, isAuto ? textOrNull(QString()) : QVariant(lead.orderId),
                           QString::fromUtf8(LeadJson::toJson(lead)), SendStates::toText(SendState::Queued),
                           nowMs, nowMs, lead.phone, lead.offer, lead.name, lead.wm, lead.country});
    }
    if (!m_connection.endWrite(ok))
        return false;
    emit leadsAdded(profileId, {key});
    return true;
}

int LeadStore::addTracked(const QString &profileId, const QStringList &orderIds, qint64 nowMs)
{
    if (!m_connection.beginWrite())
        return -1;
    QStringList added;
    QSet<QString> seen;
    const PreparedStatement insert = m_connection.statement(
        QStringLiteral("INSERT INTO leads (profile_id, lead_key, order_id, lead_json, send_state,"
                       " created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    bool ok = bool(insert);
    for (const QString &rawId : orderIds) {
        if (!ok)
            break;
        const QString orderId = rawId.trimmed();
        if (orderId.isEmpty() || seen.contains(orderId))
            continue;
        seen.insert(orderId);
        const bool known = holds(profileId, orderId, orderId);
        if (!(ok = m_connection.errorString().isEmpty()))
            break;
        if (known)
            continue;
        Lead lead;
        lead.orderId = orderId;
        ok =
            m_connection.run(*insert, {profileId, orderId, orderId, QString::fromUtf8(LeadJson::toJson(lead)),
                                       SendStates::toText(SendState::External), nowMs});
        if (ok)
            added.append(orderId);
    }
    if (!m_connection.endWrite(ok))
        return -1;
    if (!added.isEmpty())
        emit leadsAdded(profileId, added);
    return int(added.size());
}

bool LeadStore::updateState(const QString &profileId, const QString &key, const QString &assignments,
                            const QVariantList &values)
{
    if (!m_connection.beginWrite())
        return false;
    bool ok;
    {
        const PreparedStatement query =
            m_connection.statement(QStringLiteral("UPDATE leads SET ") + assignments +
                                   QStringLiteral(" WHERE profile_id = ? AND lead_key = ?"));
        ok = query && m_connection.run(*query, values + QVariantList{profileId, key});
        if (ok && query->numRowsAffected() != 1) {
            m_connection.setError(
                QCoreApplication::translate("Journal", "The journal holds no lead %1.").arg(key));
            ok = false;
        }
    }
    if (!m_connection.endWrite(ok))
        return false;
    emit leadsChanged(profileId, {key});
    return true;
}

bool LeadStore::markSending(const QString &profileId, const QString &key, const QByteArray &requestBody,
                            qint64 nowMs)
{
    Q_UNUSED(nowMs)
    return updateState(
        profileId, key,
        QStringLiteral("send_state = ?, attempts = attempts + 1, request_body = ?, next_try_at = NULL"),
        {SendStates::toText(SendState::Sending), QString::fromUtf8(requestBody)});
}

bool LeadStore::markSent(const QString &profileId, const QString &key, const QString &networkOrderId,
                         const QString &ourOrderId, qint64 nowMs)
{
    // An "auto" lead learns its order id here; a numbered lead keeps its own.
    return updateState(
        profileId, key,
        QStringLiteral("send_state = ?, network_id = ?, order_id = COALESCE(order_id, ?),"
                       " sent_at = ?, next_try_at = NULL, maybe_delivered = 0,"
                       " error_code = NULL, error_text = NULL"),
        {SendStates::toText(SendState::Sent), textOrNull(networkOrderId), textOrNull(ourOrderId), nowMs});
}

bool LeadStore::markRejected(const QString &profileId, const QString &key, const QString &code,
                             const QString &text)
{
    return updateState(profileId, key,
                       QStringLiteral("send_state = ?, error_code = ?, error_text = ?, next_try_at = NULL,"
                                      " maybe_delivered = 0"),
                       {SendStates::toText(SendState::Rejected), code, text});
}

bool LeadStore::markWaiting(const QString &profileId, const QString &key, SendState state,
                            const QString &code, const QString &text, qint64 nextTryMs, bool maybeDelivered)
{
    return updateState(profileId, key,
                       QStringLiteral("send_state = ?, error_code = ?, error_text = ?, next_try_at = ?,"
                                      " maybe_delivered = ?"),
                       {SendStates::toText(state), textOrNull(code), textOrNull(text), msOrNull(nextTryMs),
                        maybeDelivered ? 1 : 0});
}

int LeadStore::recoverInterruptedSends(const QString &profileId, qint64 nowMs, const QString &code,
                                       const QString &numberedText, const QString &autoText)
{
    if (!m_connection.beginWrite())
        return -1;
    QStringList keys;
    QList<std::pair<QString, bool>> found;
    bool ok;
    {
        const PreparedStatement query = m_connection.select(
            QStringLiteral("SELECT lead_key, order_id FROM leads WHERE profile_id = ? AND send_state = ?"),
            {profileId, SendStates::toText(SendState::Sending)});
        ok = bool(query);
        while (ok && query->next())
            found.append({query->value(0).toString(), query->value(1).isNull()});
    }
    const PreparedStatement update = m_connection.statement(
        QStringLiteral("UPDATE leads SET send_state = ?, maybe_delivered = 1, error_code = ?,"
                       " error_text = ?, next_try_at = ? WHERE profile_id = ? AND lead_key = ?"));
    ok = ok && update;
    for (const auto &[key, isAuto] : found) {
        if (!ok)
            break;
        ok = m_connection.run(*update,
                              {SendStates::toText(SendState::Unknown), code, isAuto ? autoText : numberedText,
                               isAuto ? msOrNull(-1) : QVariant(nowMs), profileId, key});
        keys.append(key);
    }
    if (!m_connection.endWrite(ok))
        return -1;
    if (!keys.isEmpty())
        emit leadsChanged(profileId, keys);
    return int(keys.size());
}

bool LeadStore::replaceLead(const QString &profileId, const QString &key, const Lead &lead, qint64 nowMs)
{
    return updateState(
        profileId, key,
        QStringLiteral("lead_json = ?, phone = ?, offer = ?, name = ?, wm = ?, country = ?,"
                       " send_state = ?, next_try_at = ?, error_code = NULL, error_text = NULL"),
        {QString::fromUtf8(LeadJson::toJson(lead)), lead.phone, lead.offer, lead.name, lead.wm, lead.country,
         SendStates::toText(SendState::Queued), nowMs});
}

bool LeadStore::requeue(const QString &profileId, const QString &key, qint64 nowMs)
{
    return updateState(profileId, key, QStringLiteral("send_state = ?, next_try_at = ?"),
                       {SendStates::toText(SendState::Queued), nowMs});
}

int LeadStore::makeWaitingDue(const QString &profileId, qint64 nowMs, const QList<SendState> &states)
{
    if (states.isEmpty())
        return 0;
    if (!m_connection.beginWrite())
        return -1;
    QStringList placeholders;
    for (qsizetype i = 0; i < states.size(); ++i)
        placeholders << QStringLiteral("?");
    const QString condition = QStringLiteral(" WHERE profile_id = ? AND send_state IN (") +
                              placeholders.join(QLatin1Char(',')) + QStringLiteral(") AND next_try_at > ?");
    QVariantList conditionValues{profileId};
    for (const SendState state : states)
        conditionValues.append(SendStates::toText(state));
    conditionValues.append(nowMs);
    QStringList keys;
    bool ok;
    {
        const PreparedStatement query =
            m_connection.select(QStringLiteral("SELECT lead_key FROM leads") + condition, conditionValues);
        ok = bool(query);
        while (ok && query->next())
            keys.append(query->value(0).toString());
    }
    if (ok && !keys.isEmpty()) {
        const PreparedStatement update =
            m_connection.statement(QStringLiteral("UPDATE leads SET next_try_at = ?") + condition);
        ok = update && m_connection.run(*update, QVariantList{nowMs} + conditionValues);
    }
    if (!m_connection.endWrite(ok))
        return -1;
    if (!keys.isEmpty())
        emit leadsChanged(profileId, keys);
    return int(keys.size());
}

bool LeadStore::remove(const QString &profileId, const QString &key)
{
    if (!m_connection.beginWrite())
        return false;
    bool ok = true;
    for (const char *table : {"lead_history", "lead_checks"}) {
        const PreparedStatement related = m_connection.statement(
            QStringLiteral("DELETE FROM %1 WHERE profile_id = ? AND lead_key = ?").arg(QLatin1String(table)));
        ok = ok && related && m_connection.run(*related, {profileId, key});
    }
    if (ok) {
        const PreparedStatement lead =
            m_connection.statement(QStringLiteral("DELETE FROM leads WHERE profile_id = ? AND lead_key = ?"));
        ok = lead && m_connection.run(*lead, {profileId, key});
        if (ok && lead->numRowsAffected() != 1) {
            m_connection.setError(
                QCoreApplication::translate("Journal", "The journal holds no lead %1.").arg(key));
            ok = false;
        }
    }
    if (!m_connection.endWrite(ok))
        return false;
    emit leadsRemoved(profileId, {key});
    return true;
}

int LeadStore::markSeen(const QString &profileId, const QStringList &keys)
{
    if (keys.isEmpty())
        return 0;
    if (!m_connection.beginWrite())
        return -1;
    int changed = 0;
    bool ok = true;
    {
        const PreparedStatement query = m_connection.statement(QStringLiteral(
            "UPDATE leads SET unseen = 0 WHERE profile_id = ? AND lead_key = ? AND unseen <> 0"));
        ok = bool(query);
        for (qsizetype i = 0; ok && i < keys.size(); ++i) {
            ok = m_connection.run(*query, {profileId, keys.at(i)});
            changed += ok ? query->numRowsAffected() : 0;
        }
    }
    if (!m_connection.endWrite(ok))
        return -1;
    if (changed > 0)
        emit leadsChanged(profileId, keys);
    return changed;
}

bool LeadStore::compareAndSetMeta(const QString &key, const QString &expected, const QString &value)
{
    if (!m_connection.beginWrite())
        return false;
    bool ok;
    bool matched = false;
    {
        // One statement, no read first: a read-then-write transaction in WAL mode fails outright
        // when another process wrote in between, where this simply matches nothing.
        const PreparedStatement query =
            expected.isEmpty()
                ? m_connection.statement(
                      QStringLiteral("INSERT INTO meta (meta_key, meta_value) SELECT ?, ?"
                                     " WHERE NOT EXISTS (SELECT 1 FROM meta WHERE meta_key = ?)"))
                : m_connection.statement(
                      QStringLiteral("UPDATE meta SET meta_value = ? WHERE meta_key = ? AND meta_value = ?"));
        ok = query && m_connection.run(*query, expected.isEmpty() ? QVariantList{key, value, key}
                                                                  : QVariantList{value, key, expected});
        matched = ok && query->numRowsAffected() == 1;
    }
    if (!m_connection.endWrite(ok))
        return false;
    if (!matched)
        m_connection.setError(QString());
    return matched;
}

#include "TeamPusher.h"

#include "TeamLog.h"
#include "journal/StatusProgress.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

// Times travel as milliseconds since the epoch (QPSQL binds values as literals; a number needs no time
// zone).
const char *const UpsertLead =
    "INSERT INTO leads AS l (account, order_id, workstation_id, operator_name, offer, country, name, phone,"
    " send_state, network_order_id, stage, status, reason, progress, is_final, created_at, sent_at,"
    " status_changed_at, status_text, reason_text, stage_text, comment)"
    " VALUES (?, ?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?, NULLIF(?, ''), COALESCE(?, ''), ?::integer, "
    "?::integer, ?::integer, ?::boolean,"
    " to_timestamp(?::bigint / 1000.0), to_timestamp(NULLIF(?::bigint, 0) / 1000.0),"
    " to_timestamp(NULLIF(?::bigint, 0) / 1000.0), COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''),"
    " COALESCE(?, ''))"
    " ON CONFLICT (account, order_id) DO UPDATE SET"
    " operator_name = EXCLUDED.operator_name, offer = EXCLUDED.offer, country = EXCLUDED.country,"
    " name = EXCLUDED.name, phone = EXCLUDED.phone, send_state = EXCLUDED.send_state,"
    " network_order_id = COALESCE(EXCLUDED.network_order_id, l.network_order_id),"
    " sent_at = COALESCE(EXCLUDED.sent_at, l.sent_at),"
    // Forward only (StatusProgress::mayReplace): a final outcome gives way only to another final one,
    // others to an equal or higher rank, or to a stage this version cannot rank.
    " stage = CASE WHEN %1 THEN EXCLUDED.stage ELSE l.stage END,"
    " status = CASE WHEN %1 THEN EXCLUDED.status ELSE l.status END,"
    " reason = CASE WHEN %1 THEN EXCLUDED.reason ELSE l.reason END,"
    " is_final = CASE WHEN %1 THEN EXCLUDED.is_final ELSE l.is_final END,"
    " status_changed_at = CASE WHEN %1 THEN EXCLUDED.status_changed_at ELSE l.status_changed_at END,"
    " progress = CASE WHEN %1 THEN EXCLUDED.progress ELSE l.progress END,"
    // The network's words and comment go with the outcome they came with (TeamSchema version 6).
    " status_text = CASE WHEN %1 THEN EXCLUDED.status_text ELSE l.status_text END,"
    " reason_text = CASE WHEN %1 THEN EXCLUDED.reason_text ELSE l.reason_text END,"
    " stage_text = CASE WHEN %1 THEN EXCLUDED.stage_text ELSE l.stage_text END,"
    " comment = CASE WHEN %1 THEN EXCLUDED.comment ELSE l.comment END,"
    " updated_at = now()"
    // Nothing new: no write at all.
    " WHERE (l.operator_name, l.offer, l.country, l.name, l.phone, l.send_state, l.network_order_id,"
    " l.sent_at, l.stage, l.status, l.reason, l.is_final, l.status_changed_at, l.status_text, l.reason_text,"
    " l.stage_text, l.comment)"
    " IS DISTINCT FROM (EXCLUDED.operator_name, EXCLUDED.offer, EXCLUDED.country, EXCLUDED.name,"
    " EXCLUDED.phone, EXCLUDED.send_state, COALESCE(EXCLUDED.network_order_id, l.network_order_id),"
    " COALESCE(EXCLUDED.sent_at, l.sent_at), CASE WHEN %1 THEN EXCLUDED.stage ELSE l.stage END,"
    " CASE WHEN %1 THEN EXCLUDED.status ELSE l.status END,"
    " CASE WHEN %1 THEN EXCLUDED.reason ELSE l.reason END,"
    " CASE WHEN %1 THEN EXCLUDED.is_final ELSE l.is_final END,"
    " CASE WHEN %1 THEN EXCLUDED.status_changed_at ELSE l.status_changed_at END,"
    " CASE WHEN %1 THEN EXCLUDED.status_text ELSE l.status_text END,"
    " CASE WHEN %1 THEN EXCLUDED.reason_text ELSE l.reason_text END,"
    " CASE WHEN %1 THEN EXCLUDED.stage_text ELSE l.stage_text END,"
    " CASE WHEN %1 THEN EXCLUDED.comment ELSE l.comment END)";

const char *const MayReplace =
    "((l.progress = 9 AND EXCLUDED.progress = 9)"
    " OR (l.progress < 9 AND (EXCLUDED.progress >= l.progress OR EXCLUDED.progress = -1)))";

// A change is also one when two sources saw it at two times: the team refresh's holder wrote it
// (cpadesk_record_status, stamped with its time) and this workstation asked list.json itself (the
// operator's Refresh while covered, a round of its own while the team's went quiet) and stamped its own.
// The same move of the same lead, from the same outcome to the same outcome, already at the server is
// not written again. The lead's upsert just before waits for a holder's write of the same lead under
// way, so that write is seen here once committed.
const char *const InsertHistory =
    "INSERT INTO status_history (account, order_id, changed_at, stage, status, reason, previous_stage,"
    " previous_status, workstation_id)"
    " SELECT v.account, v.order_id, v.changed_at, v.stage, v.status, v.reason, v.previous_stage,"
    " v.previous_status, v.workstation_id FROM (VALUES (?, ?, to_timestamp(?::bigint / 1000.0),"
    " COALESCE(?, ''), ?::integer, ?::integer, COALESCE(?, ''), ?::integer, ?))"
    " AS v (account, order_id, changed_at, stage, status, reason, previous_stage, previous_status,"
    " workstation_id)"
    " WHERE NOT EXISTS (SELECT 1 FROM status_history h WHERE h.account = v.account"
    " AND h.order_id = v.order_id AND (h.stage, h.status, h.reason, h.previous_stage, h.previous_status)"
    " = (v.stage, v.status, v.reason, v.previous_stage, v.previous_status))"
    " ON CONFLICT DO NOTHING";

bool isConnectionFailure(QSqlDatabase &db, const QSqlError &error)
{
    // SQLSTATE class 08 (connection exception), 57P01-57P03 (terminated by the administrator, crash
    // shutdown, cannot connect now); with no code at all the driver lost the connection itself.
    const QString code = error.nativeErrorCode();
    return !db.isOpen() || code.isEmpty() || code.startsWith(QLatin1String("08")) ||
           code.startsWith(QLatin1String("57P"));
}

} // namespace

TeamPusher::TeamPusher(const QString &account, const QString &workstationId, const QString &operatorName)
    : m_account(account), m_workstationId(workstationId), m_operatorName(operatorName)
{}

bool TeamPusher::fail(QSqlDatabase &db, const QSqlError &error)
{
    m_error = error.text();
    m_errorCode = error.nativeErrorCode();
    m_connectionLost = isConnectionFailure(db, error);
    qCWarning(lcTeam) << "team push failed:" << m_error << "(SQLSTATE" << error.nativeErrorCode() << ")";
    return false;
}

QString TeamPusher::workstationOfAnotherLogin(const QString &workstationId, const QString &login)
{
    return QCoreApplication::translate(
               "TeamPusher",
               "This workstation (%1) is registered at the team server under another login, so \"%2\" may "
               "not share its leads. Ask your IT to move the workstation to \"%2\" (docs/TEAM.md, "
               "\"A workstation registered under another login\"), or use the login it was registered with.")
        .arg(workstationId, login);
}

bool TeamPusher::registerWorkstation(QSqlDatabase &db)
{
    m_error.clear();
    m_errorCode.clear();
    m_connectionLost = false;
    // Row-level security shows an operator's login only the workstations registered under it: a row
    // seen is ours, and only refreshed.
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT session_user, EXISTS (SELECT 1 FROM workstations"
                                 " WHERE workstation_id = ?)"));
    query.addBindValue(m_workstationId);
    if (!query.exec() || !query.next())
        return fail(db, query.lastError());
    const QString login = query.value(0).toString();
    const bool ours = query.value(1).toBool();
    query.finish();
    if (ours) {
        query.prepare(QStringLiteral("UPDATE workstations SET operator_name = ?, last_seen = now()"
                                     " WHERE workstation_id = ?"));
        query.addBindValue(m_operatorName);
        query.addBindValue(m_workstationId);
        if (!query.exec())
            return fail(db, query.lastError());
        return true;
    }
    // Not ours: either nobody's yet, or another login's that we cannot see (the key still conflicts).
    query.prepare(QStringLiteral("INSERT INTO workstations (workstation_id, operator_name) VALUES (?, ?)"
                                 " ON CONFLICT (workstation_id) DO NOTHING"));
    query.addBindValue(m_workstationId);
    query.addBindValue(m_operatorName);
    if (!query.exec())
        return fail(db, query.lastError());
    if (query.numRowsAffected() == 1)
        return true;
    m_error = workstationOfAnotherLogin(m_workstationId, login);
    m_errorCode = QStringLiteral("42501");
    qCWarning(lcTeam) << "workstation" << m_workstationId << "is registered under another login than"
                      << login;
    return false;
}

bool TeamPusher::push(QSqlDatabase &db, const QList<TeamLeadSnapshot> &leads)
{
    m_refused.clear();
    if (pushOnce(db, leads, false))
        return true;
    if (m_connectionLost || m_errorCode != QLatin1String("42501"))
        return false;
    // Row-level security refused a row: another workstation already shared this order (two
    // workstations tracking the same ids). Pushed again lead by lead, those are left to their owner
    // instead of holding up every later change.
    return pushOnce(db, leads, true);
}

bool TeamPusher::pushOnce(QSqlDatabase &db, const QList<TeamLeadSnapshot> &leads, bool skipRefused)
{
    m_error.clear();
    m_errorCode.clear();
    m_connectionLost = false;
    if (!db.transaction())
        return fail(db, db.lastError());
    QSqlQuery lead(db);
    QSqlQuery history(db);
    QSqlQuery savepoint(db);
    const QString upsert = QLatin1String(UpsertLead).arg(QLatin1String(MayReplace));
    if (!lead.prepare(upsert) || !history.prepare(QLatin1String(InsertHistory))) {
        const QSqlError error = lead.lastError().isValid() ? lead.lastError() : history.lastError();
        db.rollback();
        return fail(db, error);
    }
    auto abort = [&](const QSqlError &error) {
        lead.finish();
        history.finish();
        db.rollback();
        return fail(db, error);
    };
    // One lead's rows, or the first error.
    auto pushLead = [&](const TeamLeadSnapshot &snapshot) -> QSqlError {
        const QVariantList values = {
            m_account, snapshot.orderId, m_workstationId, m_operatorName, snapshot.offer, snapshot.country,
            snapshot.name, snapshot.phone, snapshot.sendState, snapshot.networkOrderId, snapshot.stage,
            snapshot.status, snapshot.reason, StatusProgress::rank(snapshot.stage, snapshot.status),
            // Words, not 1/0: the driver writes values as literals.
            snapshot.isFinal ? QStringLiteral("true") : QStringLiteral("false"), snapshot.createdAtMs,
            snapshot.sentAtMs, snapshot.statusChangedAtMs, snapshot.statusText, snapshot.reasonText,
            snapshot.stageText, snapshot.comment};
        for (int i = 0; i < values.size(); ++i)
            lead.bindValue(i, values.at(i));
        if (!lead.exec())
            return lead.lastError();
        for (const TeamStatusChange &change : snapshot.history) {
            const QVariantList historyValues = {
                m_account,     snapshot.orderId,     change.changedAtMs,    change.stage,   change.status,
                change.reason, change.previousStage, change.previousStatus, m_workstationId};
            for (int i = 0; i < historyValues.size(); ++i)
                history.bindValue(i, historyValues.at(i));
            if (!history.exec())
                return history.lastError();
        }
        return QSqlError();
    };
    for (const TeamLeadSnapshot &snapshot : leads) {
        if (snapshot.orderId.isEmpty())
            continue;
        if (!skipRefused) {
            const QSqlError error = pushLead(snapshot);
            if (error.isValid())
                return abort(error);
            continue;
        }
        if (!savepoint.exec(QStringLiteral("SAVEPOINT one_lead")))
            return abort(savepoint.lastError());
        const QSqlError error = pushLead(snapshot);
        if (!error.isValid())
            continue;
        if (error.nativeErrorCode() != QLatin1String("42501"))
            return abort(error);
        if (!savepoint.exec(QStringLiteral("ROLLBACK TO SAVEPOINT one_lead")))
            return abort(savepoint.lastError());
        m_refused.append(snapshot.orderId);
    }
    lead.finish();
    history.finish();
    if (!db.commit())
        return fail(db, db.lastError());
    if (!m_refused.isEmpty())
        qCInfo(lcTeam) << m_refused.size() << "leads left to the workstation that shared them first";
    return true;
}

#include "TeamChangeFeed.h"

#include "TeamLog.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

TeamChangeFeed::TeamChangeFeed()
    : m_connectionName(QStringLiteral("cpadesk-teamfeed-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

TeamChangeFeed::~TeamChangeFeed()
{
    close();
}

bool TeamChangeFeed::fail(const QString &what, const QString &error)
{
    m_error = what.isEmpty() ? error : what + QLatin1String(": ") + error;
    qCWarning(lcTeam) << "team change feed:" << m_error;
    return false;
}

bool TeamChangeFeed::open(const QString &journalFilePath)
{
    close();
    if (!QFileInfo::exists(journalFilePath))
        return fail(QCoreApplication::translate("TeamChangeFeed", "The journal %1 does not exist")
                        .arg(journalFilePath),
                    QString());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(journalFilePath);
    // The journal's own connections write at the same time: wait for their locks.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return fail(QString(), db.lastError().text());
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'team_cursor'")) ||
        !query.next())
        return fail(QCoreApplication::translate("TeamChangeFeed",
                                                "The journal is older than team sharing (schema 5)"),
                    query.lastError().text());
    return true;
}

void TeamChangeFeed::close()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool TeamChangeFeed::share(const QString &profileId, const QString &server)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    // BEGIN IMMEDIATE: the journal's writers wait while the profile's leads are noted.
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(QString(), query.lastError().text());
    auto rollback = [&](const QString &error) {
        query.finish();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return fail(QString(), error);
    };
    query.prepare(QStringLiteral("SELECT server FROM team_cursor WHERE profile_id = ?"));
    query.addBindValue(profileId);
    if (!query.exec())
        return rollback(query.lastError().text());
    const bool known = query.next();
    const QString knownServer = known ? query.value(0).toString() : QString();
    query.finish();
    if (known && knownServer == server)
        return QSqlQuery(db).exec(QStringLiteral("COMMIT")) || fail(QString(), db.lastError().text());

    // A new team database knows nothing yet: everything is to be shared, oldest first.
    const QStringList statements = {
        QStringLiteral("DELETE FROM team_changes WHERE profile_id = ?"),
        QStringLiteral("INSERT INTO team_cursor (profile_id, server, seq) VALUES (?, ?, 0)"
                       " ON CONFLICT (profile_id) DO UPDATE SET server = excluded.server"),
        QStringLiteral(
            "INSERT INTO team_changes (profile_id, lead_key)"
            " SELECT profile_id, lead_key FROM leads WHERE profile_id = ? ORDER BY created_at, rowid"),
    };
    for (const QString &sql : statements) {
        query.prepare(sql);
        query.addBindValue(profileId);
        if (sql.contains(QLatin1String("team_cursor")))
            query.addBindValue(server);
        if (!query.exec())
            return rollback(query.lastError().text());
    }
    query.finish();
    if (!query.exec(QStringLiteral("COMMIT")))
        return rollback(query.lastError().text());
    qCInfo(lcTeam) << "profile" << profileId << "now shared with" << server;
    return true;
}

bool TeamChangeFeed::stopSharing(const QString &profileId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return fail(QString(), db.lastError().text());
    QSqlQuery query(db);
    for (const QLatin1String table : {QLatin1String("team_cursor"), QLatin1String("team_changes")}) {
        query.prepare(QStringLiteral("DELETE FROM %1 WHERE profile_id = ?").arg(table));
        query.addBindValue(profileId);
        if (!query.exec()) {
            query.finish();
            db.rollback();
            return fail(QString(), query.lastError().text());
        }
    }
    query.finish();
    return db.commit() || fail(QString(), db.lastError().text());
}

bool TeamChangeFeed::nextBatch(const QString &profileId, int limit, Batch *batch)
{
    *batch = Batch();
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT c.seq, c.lead_key FROM team_changes c"
                                 " JOIN team_cursor k ON k.profile_id = c.profile_id"
                                 " WHERE c.profile_id = ? AND c.seq > k.seq ORDER BY c.seq LIMIT ?"));
    query.addBindValue(profileId);
    query.addBindValue(limit);
    if (!query.exec())
        return fail(QString(), query.lastError().text());
    QSet<QString> seen;
    while (query.next()) {
        batch->lastSeq = query.value(0).toLongLong();
        const QString key = query.value(1).toString();
        if (!seen.contains(key)) {
            seen.insert(key);
            batch->leadKeys.append(key);
        }
    }
    return true;
}

namespace {

const char *const LeadSql =
    "SELECT order_id, send_state, network_id, stage, status, reason, is_final, created_at, sent_at,"
    " changed_at, phone, offer, name, country, status_text, reason_text, stage_text, comment FROM leads"
    " WHERE profile_id = ? AND lead_key = ?";
const char *const HistorySql =
    "SELECT changed_at, stage, status, reason, previous_stage, previous_status"
    " FROM lead_history WHERE profile_id = ? AND lead_key = ? ORDER BY changed_at, rowid";

// 1: read; 0: no such lead; -1: the query failed (its error says why).
int readSnapshot(QSqlQuery &leadQuery, QSqlQuery &historyQuery, const QString &profileId,
                 const QString &leadKey, TeamLeadSnapshot *lead)
{
    leadQuery.bindValue(0, profileId);
    leadQuery.bindValue(1, leadKey);
    if (!leadQuery.exec())
        return -1;
    if (!leadQuery.next()) {
        leadQuery.finish();
        return 0;
    }
    *lead = TeamLeadSnapshot();
    lead->leadKey = leadKey;
    lead->orderId = leadQuery.value(0).toString();
    lead->sendState = leadQuery.value(1).toString();
    lead->networkOrderId = leadQuery.value(2).toString();
    lead->stage = leadQuery.value(3).toString();
    lead->status = leadQuery.value(4).toInt();
    lead->reason = leadQuery.value(5).toInt();
    lead->isFinal = leadQuery.value(6).toInt() != 0;
    lead->createdAtMs = leadQuery.value(7).toLongLong();
    lead->sentAtMs = leadQuery.value(8).toLongLong();
    lead->statusChangedAtMs = leadQuery.value(9).toLongLong();
    lead->phone = leadQuery.value(10).toString();
    lead->offer = leadQuery.value(11).toString();
    lead->name = leadQuery.value(12).toString();
    lead->country = leadQuery.value(13).toString();
    lead->statusText = leadQuery.value(14).toString();
    lead->reasonText = leadQuery.value(15).toString();
    lead->stageText = leadQuery.value(16).toString();
    lead->comment = leadQuery.value(17).toString();
    leadQuery.finish();

    historyQuery.bindValue(0, profileId);
    historyQuery.bindValue(1, leadKey);
    if (!historyQuery.exec())
        return -1;
    while (historyQuery.next()) {
        TeamStatusChange change;
        change.changedAtMs = historyQuery.value(0).toLongLong();
        change.stage = historyQuery.value(1).toString();
        change.status = historyQuery.value(2).toInt();
        change.reason = historyQuery.value(3).toInt();
        change.previousStage = historyQuery.value(4).toString();
        change.previousStatus = historyQuery.value(5).toInt();
        lead->history.append(change);
    }
    historyQuery.finish();
    return 1;
}

} // namespace

bool TeamChangeFeed::snapshot(const QString &profileId, const QString &leadKey, TeamLeadSnapshot *lead)
{
    QList<TeamLeadSnapshot> leads;
    if (!snapshots(profileId, {leadKey}, &leads))
        return false;
    if (leads.isEmpty()) {
        m_error.clear();
        return false;
    }
    *lead = leads.constFirst();
    return true;
}

bool TeamChangeFeed::snapshots(const QString &profileId, const QStringList &leadKeys,
                               QList<TeamLeadSnapshot> *leads)
{
    leads->clear();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // One read transaction: every lead and its history as of one moment.
    if (!db.transaction())
        return fail(QString(), db.lastError().text());
    QSqlQuery leadQuery(db);
    QSqlQuery historyQuery(db);
    leadQuery.setForwardOnly(true);
    historyQuery.setForwardOnly(true);
    if (!leadQuery.prepare(QLatin1String(LeadSql)) || !historyQuery.prepare(QLatin1String(HistorySql))) {
        const QString error =
            leadQuery.lastError().isValid() ? leadQuery.lastError().text() : historyQuery.lastError().text();
        db.rollback();
        return fail(QString(), error);
    }
    leads->reserve(leadKeys.size());
    for (const QString &key : leadKeys) {
        TeamLeadSnapshot lead;
        const int read = readSnapshot(leadQuery, historyQuery, profileId, key, &lead);
        if (read < 0) {
            const QString error = leadQuery.lastError().isValid() ? leadQuery.lastError().text()
                                                                  : historyQuery.lastError().text();
            leadQuery.finish();
            historyQuery.finish();
            db.rollback();
            return fail(QString(), error);
        }
        if (read > 0)
            leads->append(lead);
        // else: deleted here since; the team keeps what it was told (removing is not shared).
    }
    db.commit();
    m_error.clear();
    return true;
}

bool TeamChangeFeed::acknowledge(const QString &profileId, qint64 seq)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return fail(QString(), db.lastError().text());
    QSqlQuery query(db);
    // max(): an acknowledgement never moves the cursor back.
    query.prepare(QStringLiteral("UPDATE team_cursor SET seq = max(seq, ?) WHERE profile_id = ?"));
    query.addBindValue(seq);
    query.addBindValue(profileId);
    bool ok = query.exec();
    if (ok) {
        query.prepare(QStringLiteral("DELETE FROM team_changes WHERE profile_id = ? AND seq <= ?"));
        query.addBindValue(profileId);
        query.addBindValue(seq);
        ok = query.exec();
    }
    const QString error = query.lastError().text();
    query.finish();
    if (!ok) {
        db.rollback();
        return fail(QString(), error);
    }
    return db.commit() || fail(QString(), db.lastError().text());
}

qint64 TeamChangeFeed::cursor(const QString &profileId)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT seq FROM team_cursor WHERE profile_id = ?"));
    query.addBindValue(profileId);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

int TeamChangeFeed::waitingLeads(const QString &profileId)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT count(DISTINCT c.lead_key) FROM team_changes c"
                                 " JOIN team_cursor k ON k.profile_id = c.profile_id"
                                 " WHERE c.profile_id = ? AND c.seq > k.seq"));
    query.addBindValue(profileId);
    if (!query.exec() || !query.next()) {
        fail(QString(), query.lastError().text());
        return -1;
    }
    return query.value(0).toInt();
}

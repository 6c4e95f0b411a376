#include "StatusMerger.h"

#include "JournalLog.h"
#include "JournalSql.h"
#include "StatusProgress.h"

#include <QSqlQuery>

#include <algorithm>

using namespace JournalSql;

namespace {

// The columns a merge reads of a lead, in the order of leadFrom().
const char comparedColumns[] = "lead_key, network_id, stage, comment, status, reason, goods_count, order_id,"
                               " stage_derived, status_text, reason_text, stage_text";

MergeCache::Lead leadFrom(const MergeStatement &read)
{
    MergeCache::Lead lead;
    lead.key = read.text(0);
    lead.networkId = read.text(1);
    lead.stage = read.text(2);
    lead.comment = read.text(3);
    lead.status = int(read.integer(4));
    lead.reason = int(read.integer(5));
    lead.count = int(read.integer(6));
    lead.stageDerived = read.integer(8) != 0;
    lead.statusText = read.text(9);
    lead.reasonText = read.text(10);
    lead.stageText = read.text(11);
    return lead;
}

// The order id in column 7 of such a read: most leads' key is their order id, and then they share
// one copy.
QString orderIdFrom(const MergeStatement &read, const MergeCache::Lead &lead)
{
    const QString orderId = read.text(7);
    return orderId == lead.key ? lead.key : orderId;
}

// Binds the values of `list` from `start` for one IN list, padded as inListValues() does, from the
// parameter numbered `first` on.
void bindInList(MergeStatement &statement, int first, const QStringList &list, qsizetype start)
{
    const qsizetype end = qMin(list.size(), start + InListLength);
    for (qsizetype i = 0; i < InListLength; ++i)
        statement.bindText(first + int(i), list.at(qMin(start + i, end - 1)));
}

// Binds the profile and the send states of openLeadsCondition.
void bindOpenLeadsCondition(MergeStatement &read, const QString &profileId)
{
    const QVariantList values = openLeadsValues(profileId);
    for (qsizetype i = 0; i < values.size(); ++i)
        read.bindText(int(i) + 1, values.at(i).toString());
}

// A stage the engine sent wins over one derived from the same status (StatusCatalog::derivedStage):
// a derived stage says nothing the status did not, so it only replaces what we knew when the status
// moved, or when all we had was derived too.
bool derivedStageStands(const StatusRow &reply, const LeadStatus &known)
{
    return !reply.stageDerived || known.stage.isEmpty() || known.stageDerived || reply.status != known.status;
}

// The engine's words follow their code: a new code drops the words of the old one unless it brings
// its own; the same code keeps them when the reply leaves them out.
QString wordsAfter(bool codeMoved, const QString &replied, const QString &known)
{
    return codeMoved || !replied.isEmpty() ? replied : known;
}

// `known` as `reply` leaves it: what the reply leaves out keeps what we knew (see replyChanges).
LeadStatus replied(const StatusRow &reply, const LeadStatus &known)
{
    LeadStatus after;
    const bool takesStage = !reply.stage.isEmpty() && derivedStageStands(reply, known);
    after.stage = takesStage ? reply.stage : known.stage;
    // A derived stage that only repeats the one the engine sent leaves it marked as sent.
    after.stageDerived = takesStage ? reply.stageDerived && (known.stageDerived || reply.stage != known.stage)
                                    : known.stageDerived;
    after.status = reply.status == 0 ? known.status : reply.status;
    after.reason = reply.reason;
    after.count = reply.count < 0 ? known.count : reply.count;
    after.comment = reply.comment.isEmpty() ? known.comment : reply.comment;
    after.statusText = wordsAfter(after.status != known.status, reply.statusText, known.statusText);
    after.reasonText = wordsAfter(after.reason != known.reason, reply.reasonText, known.reasonText);
    after.stageText = wordsAfter(after.stage != known.stage, reply.stageText, known.stageText);
    return after;
}

// Whether `reply` changes a lead with this status. The fields it leaves out (an empty stage or
// comment, status 0, a negative count, no words) keep what we knew: absence is not a change. The
// reason is always given (0: none).
bool replyChanges(const StatusRow &reply, const LeadStatus &known)
{
    return replied(reply, known) != known;
}

JournalRow comparedRow(const QString &orderId, const MergeCache::Lead &lead)
{
    JournalRow row;
    static_cast<LeadStatus &>(row) = lead;
    row.key = lead.key;
    row.orderId = orderId;
    row.networkOrderId = lead.networkId;
    return row;
}

MergeCache::Lead cachedLead(const JournalRow &row)
{
    MergeCache::Lead lead;
    static_cast<LeadStatus &>(lead) = row;
    lead.key = row.key;
    lead.networkId = row.networkOrderId;
    return lead;
}

} // namespace

StatusMerger::ComparedLead::ComparedLead(JournalRow compared)
    : row(std::move(compared)), wasFinal(StatusProgress::isFinal(row.stage, row.status))
{}

StatusMerger::StatusMerger(JournalConnection &connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    m_connection.setTransactionObserver(this);
}

StatusMerger::~StatusMerger()
{
    m_connection.setTransactionObserver(nullptr);
}

void StatusMerger::clearCache()
{
    m_mergeCache.clear();
    m_mergeCacheChecked.reset();
}

void StatusMerger::writeBegins()
{
    m_mergeCache.clear(); // any write but a merge may touch what the merge cache holds
}

void StatusMerger::transactionEnded(bool committed)
{
    m_mergeCacheChecked.reset();
    if (committed)
        m_mergeCache.commit();
    else
        m_mergeCache.rollback();
}

bool StatusMerger::mergeCacheUsable()
{
    if (!m_mergeCacheChecked) {
        const PreparedStatement version = m_connection.select(QStringLiteral("PRAGMA data_version"), {});
        m_mergeCacheChecked = version && version->next();
        if (*m_mergeCacheChecked)
            m_mergeCache.validate(version->value(0).toLongLong());
        else
            m_mergeCache.clear();
    }
    return *m_mergeCacheChecked;
}

MergeResult StatusMerger::mergeStatus(const QString &profileId, const StatusRow &row, qint64 nowMs)
{
    return mergeStatuses(profileId, {row}, nowMs).results.value(0);
}

StatusMergeBatch StatusMerger::mergeStatuses(const QString &profileId, const QList<StatusRow> &replies,
                                             qint64 nowMs)
{
    StatusMergeBatch batch;
    batch.checkedAtMs = nowMs;
    batch.results.resize(replies.size());
    if (std::all_of(replies.cbegin(), replies.cend(),
                    [](const StatusRow &reply) { return reply.ourOrderId.isEmpty(); })) {
        batch.ok = true;
        return batch;
    }
    if (!m_connection.beginWrite(true)) {
        batch.error = m_connection.errorString();
        return batch;
    }
    Merge merge;
    merge.profileId = profileId;
    merge.nowMs = nowMs;
    findCached(replies, merge);
    bool ok = loadUnread(merge);
    if (ok) {
        compare(replies, merge, batch);
        ok = writeHistory(merge) && writeChangedLeads(merge, batch) && stampChecked(merge, batch.checkedKeys);
    }
    if (ok)
        stageInCache(merge);
    if (!m_connection.endWrite(ok)) {
        batch.error = m_connection.errorString();
        batch.results = QList<MergeResult>(replies.size());
        batch.checkedKeys.clear();
        batch.changedStatuses.clear();
        return batch;
    }
    batch.ok = true;
    if (!batch.checkedKeys.isEmpty())
        emit statusesMerged(0, profileId, batch);
    return batch;
}

void StatusMerger::findCached(const QList<StatusRow> &replies, Merge &merge)
{
    const bool cacheUsable = mergeCacheUsable();
    merge.cachedLeads.resize(replies.size());
    for (qsizetype i = 0; i < replies.size(); ++i) {
        const QString &orderId = replies.at(i).ourOrderId;
        merge.cachedLeads[i] =
            cacheUsable && !orderId.isEmpty() ? m_mergeCache.find(merge.profileId, orderId) : nullptr;
        if (orderId.isEmpty() || merge.pending.contains(orderId)) // a lead may be named twice
            continue;
        merge.pending.insert(orderId);
        if (!merge.cachedLeads[i])
            merge.unread.append(orderId);
    }
}

bool StatusMerger::loadUnread(Merge &merge)
{
    static const QString selectSql = QStringLiteral("SELECT ") + QLatin1String(comparedColumns) +
                                     QStringLiteral(" FROM leads WHERE profile_id = ? AND order_id IN (") +
                                     inListPlaceholders() + QStringLiteral(")");
    for (qsizetype start = 0; start < merge.unread.size(); start += InListLength) {
        MergeStatement read = m_connection.mergeStatement(selectSql);
        if (!read)
            return false;
        read.bindText(1, merge.profileId);
        bindInList(read, 2, merge.unread, start);
        while (read.next()) {
            const MergeCache::Lead lead = leadFrom(read);
            const QString orderId = orderIdFrom(read, lead);
            merge.leads.insert(orderId, ComparedLead{comparedRow(orderId, lead)});
        }
        if (read.failed()) {
            m_connection.setError(read.errorString());
            return false;
        }
    }
    return true;
}

// Each lead asked about is compared as the last merge left it (the merge cache) or as read, and brought
// forward reply by reply in memory: a lead named twice in one answer merges twice, as if the replies
// came one by one. The table learns what changed from the merge's own result (StatusUpdate), without
// reading the leads again.
void StatusMerger::compare(const QList<StatusRow> &replies, Merge &merge, StatusMergeBatch &batch) const
{
    for (qsizetype i = 0; i < replies.size(); ++i) {
        const StatusRow &reply = replies.at(i);
        MergeResult &result = batch.results[i];
        auto lead = merge.leads.find(reply.ourOrderId);
        if (lead == merge.leads.end() && merge.cachedLeads.at(i)) {
            // Most answers leave most leads as they were: those are answered from the cache, with no
            // copy of what it holds.
            const MergeCache::Lead &cached = *merge.cachedLeads.at(i);
            const bool learnsNetworkId = cached.networkId.isEmpty() && !reply.networkOrderId.isEmpty();
            const bool stale =
                !StatusProgress::mayReplace(cached.stage, cached.status, reply.stage, reply.status);
            if (!learnsNetworkId && (stale || !replyChanges(reply, cached))) {
                result.found = true;
                result.stale = stale;
                result.key = cached.key;
                result.previousStage = result.stage = cached.stage;
                result.previousStatus = result.status = cached.status;
                if (merge.pending.remove(reply.ourOrderId))
                    batch.checkedKeys.append(cached.key);
                continue;
            }
            lead = merge.leads.insert(reply.ourOrderId, ComparedLead{comparedRow(reply.ourOrderId, cached)});
            lead->cached = true;
        }
        if (reply.ourOrderId.isEmpty() || lead == merge.leads.end())
            continue;
        JournalRow &row = lead->row;
        result.found = true;
        result.key = row.key;
        result.previousStage = result.stage = row.stage;
        result.previousStatus = result.status = row.status;
        // The network id is filled in once (tracked leads learn it here), never rewritten.
        if (row.networkOrderId.isEmpty() && !reply.networkOrderId.isEmpty()) {
            row.networkOrderId = reply.networkOrderId;
            lead->learnedNetworkId = true;
        }
        if (!StatusProgress::mayReplace(row.stage, row.status, reply.stage, reply.status)) {
            result.stale = true;
            qCDebug(lcJournal) << "stale status ignored for" << row.key;
            continue;
        }
        result.changed = replyChanges(reply, row);
        if (!result.changed)
            continue;
        const LeadStatus before = row;
        const LeadStatus after = replied(reply, before);
        result.stage = after.stage;
        result.status = after.status;
        result.stageChanged = !before.stage.isEmpty() && after.stage != before.stage;
        merge.changes.append(Change{row.key, before, after});
        if (!lead->changed)
            merge.changedOrder.append(reply.ourOrderId);
        lead->changed = true;
        static_cast<LeadStatus &>(row) = after;
        row.changedAtMs = merge.nowMs;
        row.unseenChange = true;
    }
}

bool StatusMerger::writeHistory(const Merge &merge)
{
    if (merge.changes.isEmpty())
        return true;
    MergeStatement insert = m_connection.mergeStatement(
        QStringLiteral("INSERT INTO lead_history (profile_id, lead_key, changed_at, stage, status, reason,"
                       " goods_count, comment, previous_stage, previous_status, stage_derived, status_text,"
                       " reason_text, stage_text)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return false;
    for (const Change &change : merge.changes) {
        insert.bindText(1, merge.profileId);
        insert.bindText(2, change.key);
        insert.bindInt(3, merge.nowMs);
        insert.bindTextOrNull(4, change.after.stage);
        insert.bindInt(5, change.after.status);
        insert.bindInt(6, change.after.reason);
        insert.bindInt(7, change.after.count);
        insert.bindTextOrNull(8, change.after.comment);
        insert.bindTextOrNull(9, change.before.stage);
        insert.bindInt(10, change.before.status);
        insert.bindInt(11, change.after.stageDerived ? 1 : 0);
        insert.bindTextOrNull(12, change.after.statusText);
        insert.bindTextOrNull(13, change.after.reasonText);
        insert.bindTextOrNull(14, change.after.stageText);
        if (!m_connection.run(insert))
            return false;
    }
    return true;
}

bool StatusMerger::writeChangedLeads(Merge &merge, StatusMergeBatch &batch)
{
    static const QString updateSql =
        QStringLiteral("UPDATE leads SET stage = ?, status = ?, reason = ?, goods_count = ?, comment = ?,"
                       " changed_at = ?, unseen = 1, network_id = ?, stage_derived = ?, status_text = ?,"
                       " reason_text = ?, stage_text = ? %1"
                       " WHERE profile_id = ? AND lead_key = ?");
    static const QString keepFinalSql = updateSql.arg(QString());
    static const QString setFinalSql = updateSql.arg(QStringLiteral(", is_final = ?"));
    for (auto lead = merge.leads.begin(); lead != merge.leads.end(); ++lead) {
        JournalRow &row = lead->row;
        row.checkedAtMs = merge.nowMs;
        if (merge.pending.remove(lead.key()))
            batch.checkedKeys.append(row.key);
        if (lead->changed) {
            // is_final is set only when it changes: setting it rewrites the open-leads index entry,
            // a quarter of the cost of the update.
            const bool isFinal = StatusProgress::isFinal(row.stage, row.status);
            const bool finalChanges = isFinal != lead->wasFinal;
            MergeStatement update = m_connection.mergeStatement(finalChanges ? setFinalSql : keepFinalSql);
            if (!update)
                return false;
            update.bindTextOrNull(1, row.stage);
            update.bindInt(2, row.status);
            update.bindInt(3, row.reason);
            update.bindInt(4, row.count);
            update.bindTextOrNull(5, row.comment);
            update.bindInt(6, merge.nowMs);
            update.bindTextOrNull(7, row.networkOrderId);
            update.bindInt(8, row.stageDerived ? 1 : 0);
            update.bindTextOrNull(9, row.statusText);
            update.bindTextOrNull(10, row.reasonText);
            update.bindTextOrNull(11, row.stageText);
            int next = 12;
            if (finalChanges)
                update.bindInt(next++, isFinal ? 1 : 0);
            update.bindText(next, merge.profileId);
            update.bindText(next + 1, row.key);
            if (!m_connection.run(update))
                return false;
        } else if (lead->learnedNetworkId) {
            MergeStatement learn = m_connection.mergeStatement(
                QStringLiteral("UPDATE leads SET network_id = ? WHERE profile_id = ? AND lead_key = ?"));
            if (!learn)
                return false;
            learn.bindText(1, row.networkOrderId);
            learn.bindText(2, merge.profileId);
            learn.bindText(3, row.key);
            if (!m_connection.run(learn))
                return false;
        }
    }
    for (const QString &orderId : std::as_const(merge.changedOrder)) {
        const JournalRow &row = merge.leads.value(orderId).row;
        StatusUpdate update;
        static_cast<LeadStatus &>(update) = row;
        update.key = row.key;
        update.orderId = orderId;
        update.networkOrderId = row.networkOrderId;
        update.changedAtMs = row.changedAtMs;
        batch.changedStatuses.append(update);
    }
    return true;
}

bool StatusMerger::stampChecked(const Merge &merge, const QStringList &keys)
{
    static const QString updateSql =
        QStringLiteral("UPDATE lead_checks SET checked_at = ? WHERE profile_id = ? AND lead_key IN (") +
        inListPlaceholders() + QStringLiteral(")");
    // The same parameters, for leads never checked. A padded list repeats its last key: the same time
    // written twice.
    static const QString insertSql =
        QStringLiteral("INSERT INTO lead_checks (checked_at, profile_id, lead_key) SELECT ?, ?, column1 FROM"
                       " (VALUES ") +
        inListPlaceholders(QStringLiteral("(?)")) +
        QStringLiteral(") WHERE true ON CONFLICT (profile_id, lead_key) DO UPDATE"
                       " SET checked_at = excluded.checked_at");
    // Stamps one piece of 50 with one of those; how many rows it changed, or -1 when it failed.
    const auto stamp = [&](const QString &sql, qsizetype start) {
        MergeStatement query = m_connection.mergeStatement(sql);
        if (!query)
            return -1;
        query.bindInt(1, merge.nowMs);
        query.bindText(2, merge.profileId);
        bindInList(query, 3, keys, start);
        return m_connection.run(query) ? query.rowsChanged() : -1;
    };
    for (qsizetype start = 0; start < keys.size(); start += InListLength) {
        // Most leads were checked before: an update of the times in place is half the cost of an
        // insert that finds it has to update. Only a piece holding a lead never checked (fewer rows
        // updated than keys) takes the insert.
        const int updated = stamp(updateSql, start);
        if (updated < 0)
            return false;
        if (updated < qMin(InListLength, keys.size() - start) && stamp(insertSql, start) < 0)
            return false;
    }
    return true;
}

void StatusMerger::stageInCache(const Merge &merge)
{
    if (!mergeCacheUsable())
        return;
    for (auto lead = merge.leads.cbegin(); lead != merge.leads.cend(); ++lead) {
        if (!lead->cached || lead->changed || lead->learnedNetworkId) // else it holds this already
            m_mergeCache.stage(merge.profileId, lead.key(), cachedLead(lead->row));
    }
}

void StatusMerger::prepareMerges(const QString &profileId, const QStringList &orderIds)
{
    if (orderIds.size() < InListLength || orderIds.size() > MergeCache::MaxLeads)
        return; // one merge reads them as cheaply; or the cache would not hold them
    // In a transaction, like a merge: what is read matches the data version the cache is checked
    // against, and is kept only when it commits.
    m_connection.setError(QString());
    if (!m_connection.beginWrite(true))
        return;
    bool ok = mergeCacheUsable();
    const bool needed = ok && !m_mergeCache.holdsAllOpenLeads(profileId) &&
                        std::any_of(orderIds.cbegin(), orderIds.cend(), [&](const QString &orderId) {
                            return !m_mergeCache.find(profileId, orderId);
                        });
    if (needed) {
        // The leads JournalReader::openOrderIds() chose.
        MergeStatement read = m_connection.mergeStatement(
            QStringLiteral("SELECT ") + QLatin1String(comparedColumns) +
            QStringLiteral(" FROM leads WHERE ") + QLatin1String(openLeadsCondition));
        ok = bool(read);
        if (ok)
            bindOpenLeadsCondition(read, profileId);
        while (ok && read.next()) {
            const MergeCache::Lead lead = leadFrom(read);
            m_mergeCache.stage(profileId, orderIdFrom(read, lead), lead);
        }
        if (ok && read.failed()) {
            m_connection.setError(read.errorString());
            ok = false;
        }
        if (ok)
            m_mergeCache.stageAllOpenLeads(profileId);
    }
    if (!m_connection.endWrite(ok) && !m_connection.errorString().isEmpty())
        qCWarning(lcJournal) << "merges not prepared:"
                             << m_connection.errorString(); // they read what they need
}

#pragma once

#include "JournalConnection.h"
#include "JournalTypes.h"
#include "MergeCache.h"
#include "api/ApiTypes.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

// Merges list.json answers into the journal's leads, forward-only (see StatusProgress), with a history
// row for every change. A merge goes in three steps, each a function below: load what it compares of
// the leads named (from the merge cache, else one read), compare each reply with it in memory, write
// what changed (history rows, the changed leads, the time of the check).
class StatusMerger : public QObject, private TransactionObserver
{
    Q_OBJECT
public:
    // Registers itself as `connection`'s transaction observer: the merge cache holds only while this
    // connection's transactions say so.
    explicit StatusMerger(JournalConnection &connection, QObject *parent = nullptr);
    ~StatusMerger() override;

    // Merges one list.json row into the lead with that order id.
    MergeResult mergeStatus(const QString &profileId, const StatusRow &row, qint64 nowMs);
    // Merges one whole list.json answer in one transaction: one read for the ids the merge cache does
    // not hold (see MergeCache), a write only for what changed, one statement per 50 for the time of
    // the check. Announced by statusesMerged(0, ...).
    StatusMergeBatch mergeStatuses(const QString &profileId, const QList<StatusRow> &rows, qint64 nowMs);
    // Reads what merges of these open leads will compare into the merge cache, unless it holds them.
    void prepareMerges(const QString &profileId, const QStringList &orderIds);
    // Forgets what the merge cache holds (the connection is closing).
    void clearCache();

signals:
    void statusesMerged(quint64 ticket, const QString &profileId, const StatusMergeBatch &batch);

private:
    // What a merge compares of one lead (its status), with what it writes (key, network id), as a row.
    struct ComparedLead
    {
        explicit ComparedLead(JournalRow compared);
        ComparedLead() = default;
        JournalRow row;
        bool wasFinal = false;
        bool cached = false; // the merge cache holds it as it was
        bool changed = false;
        bool learnedNetworkId = false;
    };
    // One change, in the order seen, with the state before it: one history row each.
    struct Change
    {
        QString key;
        LeadStatus before;
        LeadStatus after;
    };
    // The state of one merge between its steps.
    struct Merge
    {
        QString profileId;
        qint64 nowMs = 0;
        QList<const MergeCache::Lead *> cachedLeads; // each reply's lead as the cache holds it, if it does
        QStringList unread;                          // order ids the cache does not hold
        QSet<QString> pending;                       // order ids not yet counted as checked
        QHash<QString, ComparedLead> leads;          // by order id: leads read, cached leads that change
        QList<Change> changes;
        QStringList changedOrder; // order ids of changed leads, first change first
    };

    // Step 1: the leads the merge cache holds, then a read of the others.
    void findCached(const QList<StatusRow> &replies, Merge &merge);
    bool loadUnread(Merge &merge);
    // Step 2: each reply, in order, brought forward in memory.
    void compare(const QList<StatusRow> &replies, Merge &merge, StatusMergeBatch &batch) const;
    // Step 3: what changed, then the check times, then what the cache keeps.
    bool writeHistory(const Merge &merge);
    bool writeChangedLeads(Merge &merge, StatusMergeBatch &batch);
    bool stampChecked(const Merge &merge, const QStringList &keys);
    void stageInCache(const Merge &merge);

    // The merge cache may be used in this transaction (checked once per transaction).
    bool mergeCacheUsable();
    void writeBegins() override;
    void transactionEnded(bool committed) override;

    JournalConnection &m_connection;
    MergeCache m_mergeCache;
    // Whether mergeCacheUsable() already answered in this transaction (nobody else can commit while
    // it holds the write lock, so the answer stands until it ends), and what it said.
    std::optional<bool> m_mergeCacheChecked;
};

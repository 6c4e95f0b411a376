#pragma once

#include "JournalConnection.h"
#include "JournalReader.h"
#include "JournalTypes.h"
#include "JournalWorker.h"
#include "LeadStore.h"
#include "StatusMerger.h"
#include "api/ApiTypes.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QVector>

#include <optional>

// The local store of every lead, its send state and its status history (Qt SQL, SQLite), as one
// object for its callers. It only hands each call to the part that does it:
//  - JournalConnection: the file, its schema, prepared statements, transactions and batches;
//  - LeadStore: leads, send states and small settings (writes);
//  - JournalReader: entries, table rows, history, open order ids, recent leads (reads);
//  - StatusMerger: list.json answers merged forward-only, with the merge cache;
//  - JournalWorker: the same work on a second connection in a thread of its own (JournalBackground),
//    for what must not stall a window; its answers come as signals from this object, in its thread.
//
// Each profile's leads stay apart: every call names the profile. The object lives in one thread, like
// its SQL connection.
class Journal : public QObject
{
    Q_OBJECT
public:
    explicit Journal(QObject *parent = nullptr);
    ~Journal() override;

    // The journal of the current user: <AppDataLocation>/journal.sqlite.
    static QString defaultFilePath();

    // Opens (creating if needed) and upgrades the journal. An empty path means defaultFilePath().
    bool open(const QString &filePath = QString());
    void close();
    bool isOpen() const;
    QString filePath() const;
    QString errorString() const; // why the last call failed, translated
    int schemaVersion() const;

    // The parts, for what the calls below do not cover.
    JournalConnection &connection() { return m_connection; }
    const JournalReader &reader() const { return m_reader; }
    LeadStore &store() { return m_store; }
    StatusMerger &merger() { return m_merger; }

    // Groups many writes into one transaction (one disk flush). Nested calls are counted.
    bool beginBatch();
    bool commitBatch();
    void rollbackBatch();

    // --- Leads and the outbox ---------------------------------------------------------------------
    // Stores a new lead as queued and due at `nowMs`. `key` is its order id, or a unique placeholder
    // for an "auto" lead. Fails when the profile already holds that key or order id.
    bool addLead(const QString &profileId, const QString &key, const Lead &lead, qint64 nowMs);
    // Tracks leads sent by other systems (only their order ids are known). Ids already present are
    // skipped; returns how many were added, or -1 on failure.
    int addTracked(const QString &profileId, const QStringList &orderIds, qint64 nowMs);

    bool markSending(const QString &profileId, const QString &key, const QByteArray &requestBody,
                     qint64 nowMs);
    // `ourOrderId`: the id the network gave an "auto" lead (add.json "uid"); ignored for others.
    bool markSent(const QString &profileId, const QString &key, const QString &networkOrderId,
                  const QString &ourOrderId, qint64 nowMs);
    bool markRejected(const QString &profileId, const QString &key, const QString &code, const QString &text);
    // Back to waiting (queued or unknown) with the reason, the time of the next try (-1: none, it
    // waits for the user) and whether the network may already hold it.
    bool markWaiting(const QString &profileId, const QString &key, SendState state, const QString &code,
                     const QString &text, qint64 nextTryMs, bool maybeDelivered);
    // Leads left "sending" by a process that died: they become unknown (they may have arrived).
    // Numbered leads are due at `nowMs` (for a look-up), "auto" ones wait for the user.
    int recoverInterruptedSends(const QString &profileId, qint64 nowMs, const QString &code,
                                const QString &numberedText, const QString &autoText);
    // The operator edited a lead that had not gone out (or was rejected): store it and queue it.
    bool replaceLead(const QString &profileId, const QString &key, const Lead &lead, qint64 nowMs);
    // Queues a lead for an attempt at `nowMs` (an explicit "resend").
    bool requeue(const QString &profileId, const QString &key, qint64 nowMs);
    // Makes every scheduled waiting lead due at `nowMs` ("retry now"); returns how many.
    int makeWaitingDue(const QString &profileId, qint64 nowMs,
                       const QList<SendState> &states = {SendState::Queued, SendState::Unknown});
    // Deletes a lead and its history (only ever on an explicit user action).
    bool remove(const QString &profileId, const QString &key);

    // --- Statuses ---------------------------------------------------------------------------------
    // Merges one list.json row into the lead with that order id, forward-only (see StatusProgress).
    MergeResult mergeStatus(const QString &profileId, const StatusRow &row, qint64 nowMs);
    // Merges one whole list.json answer in one transaction: one read for the ids the merge cache does
    // not hold (see MergeCache), a write only for what changed, one statement per 50 for the time of
    // the check. Announced by statusesMerged(0, ...).
    StatusMergeBatch mergeStatuses(const QString &profileId, const QList<StatusRow> &rows, qint64 nowMs);
    // The same on the background connection; statusesMerged(ticket, ...) answers, failed or not.
    // Answers given one after another (a refresh's) are merged in one transaction, up to
    // MaxMergesPerTransaction of them and MaxRowsPerTransaction rows (more if one answer has more):
    // one commit for all, and the lock other writers wait for held a few milliseconds at most.
    static constexpr int MaxMergesPerTransaction = JournalWorker::MaxMergesPerTransaction;
    static constexpr qsizetype MaxRowsPerTransaction = JournalWorker::MaxRowsPerTransaction;
    quint64 mergeStatusesInBackground(const QString &profileId, const QList<StatusRow> &rows, qint64 nowMs);
    // Clears the "changed since seen" flag of these leads; returns how many had it, or -1.
    int markSeen(const QString &profileId, const QStringList &keys);

    // --- Queries ----------------------------------------------------------------------------------
    std::optional<JournalEntry> entry(const QString &profileId, const QString &key) const;
    std::optional<JournalEntry> entryByOrderId(const QString &profileId, const QString &orderId) const;
    // Leads with this phone and offer created at or after `since`, newest first.
    QList<LeadSummary> findRecent(const QString &profileId, const QString &phone, const QString &offer,
                                  const QDateTime &since) const;
    // Order ids of leads on the network whose outcome is not final yet: what a refresh asks about.
    QStringList openOrderIds(const QString &profileId) const;
    // The same read on the background connection; openOrderIdsRead(ticket, ...) answers.
    quint64 openOrderIdsInBackground(const QString &profileId);
    // Waiting leads due at `nowMs`, longest waiting first.
    QList<JournalEntry> dueEntries(const QString &profileId, qint64 nowMs, int limit) const;
    // The earliest scheduled try of a waiting lead, if any.
    std::optional<qint64> nextDueTime(const QString &profileId) const;
    // Leads not yet known to be on the network and not rejected: queued, sending or unknown.
    int waitingCount(const QString &profileId) const;
    // What the outbox view lists: queued, sending, unknown and rejected leads, oldest first.
    QList<JournalEntry> outboxEntries(const QString &profileId) const;
    // Every lead of a profile, oldest first, for the table model (one query).
    QVector<JournalRow> rows(const QString &profileId) const;
    QVector<JournalRow> rows(const QString &profileId, const QStringList &keys) const;
    // Runs `write` on the background connection; `done` then runs in this object's thread with its
    // result and, on failure, why (unless `context` was destroyed meanwhile). Jobs run in the order
    // given. The changes they announce (leadsAdded/Changed/Removed) come from this object as usual.
    using BackgroundWrite = JournalWorker::BackgroundWrite;
    using WriteDone = JournalWorker::WriteDone;
    void writeInBackground(QObject *context, BackgroundWrite write, WriteDone done);
    // Whether this connection's commits wait for the disk: always, but inside the background
    // connection's merge groups (see mergeStatusesInBackground).
    bool commitsWaitForDisk() const;
    // Every lead of a profile, oldest first, handed to `sink` in pieces: `firstChunk` rows, then
    // `chunk` rows at a time; the last call (perhaps with no rows) says so. False on a failed query.
    using RowSink = JournalReader::RowSink;
    bool readRows(const QString &profileId, const RowSink &sink, int firstChunk, int chunk) const;
    // The same on the background connection: rowsLoaded(ticket, ...) brings each piece, and
    // rowsLoadFailed(ticket, ...) replaces the rest if the reading fails.
    quint64 loadRowsInBackground(const QString &profileId);
    QList<StatusChange> history(const QString &profileId, const QString &key) const;

    // --- Small settings kept with the data (e.g. the id generator's high-water mark) ---------------
    QString metaValue(const QString &key) const; // empty when absent
    // Stores `value` if the stored value is still `expected` (empty = absent). False when it was not
    // (another process moved it) or on failure; errorString() is empty in the first case.
    bool compareAndSetMeta(const QString &key, const QString &expected, const QString &value);

signals:
    void leadsAdded(const QString &profileId, const QStringList &keys);
    void leadsChanged(const QString &profileId, const QStringList &keys);
    void leadsRemoved(const QString &profileId, const QStringList &keys);
    // Statuses were merged: `ticket` is 0 for mergeStatus()/mergeStatuses(), else what
    // mergeStatusesInBackground() returned (then batch.ok may be false).
    void statusesMerged(quint64 ticket, const QString &profileId, const StatusMergeBatch &batch);
    void rowsLoaded(quint64 ticket, const QString &profileId, const QVector<JournalRow> &rows, bool last);
    void rowsLoadFailed(quint64 ticket, const QString &profileId, const QString &error);
    // `error` is empty unless the read failed.
    void openOrderIdsRead(quint64 ticket, const QString &profileId, const QStringList &orderIds,
                          const QString &error);

private:
    JournalConnection m_connection;
    LeadStore m_store;
    JournalReader m_reader;
    StatusMerger m_merger;
    JournalWorker m_worker;
};

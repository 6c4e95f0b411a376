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

    // --- Leads and the outbox: LeadStore's writes (what each does: LeadStore.h) ------------------------
    bool addLead(const QString &profileId, const QString &key, const Lead &lead, qint64 nowMs);
    int addTracked(const QString &profileId, const QStringList &orderIds, qint64 nowMs);
    bool markSending(const QString &profileId, const QString &key, const QByteArray &requestBody,
                     qint64 nowMs);
    bool markSent(const QString &profileId, const QString &key, const QString &networkOrderId,
                  const QString &ourOrderId, qint64 nowMs);
    bool markRejected(const QString &profileId, const QString &key, const QString &code, const QString &text);
    bool markWaiting(const QString &profileId, const QString &key, SendState state, const QString &code,
                     const QString &text, qint64 nextTryMs, bool maybeDelivered);
    int recoverInterruptedSends(const QString &profileId, qint64 nowMs, const QString &code,
                                const QString &numberedText, const QString &autoText);
    bool replaceLead(const QString &profileId, const QString &key, const Lead &lead, qint64 nowMs);
    bool requeue(const QString &profileId, const QString &key, qint64 nowMs);
    int makeWaitingDue(const QString &profileId, qint64 nowMs,
                       const QList<SendState> &states = {SendState::Queued, SendState::Unknown});
    bool remove(const QString &profileId, const QString &key);
    int markSeen(const QString &profileId, const QStringList &keys);
    bool compareAndSetMeta(const QString &key, const QString &expected, const QString &value);

    // --- Statuses: StatusMerger's merges, announced by statusesMerged(0, ...) -----------------------
    MergeResult mergeStatus(const QString &profileId, const StatusRow &row, qint64 nowMs);
    StatusMergeBatch mergeStatuses(const QString &profileId, const QList<StatusRow> &rows, qint64 nowMs);

    // --- Reads: JournalReader's (JournalReader.h) -----------------------------------------------------
    std::optional<JournalEntry> entry(const QString &profileId, const QString &key) const;
    std::optional<JournalEntry> entryByOrderId(const QString &profileId, const QString &orderId) const;
    QList<LeadSummary> findRecent(const QString &profileId, const QString &phone, const QString &offer,
                                  const QDateTime &since) const;
    QStringList openOrderIds(const QString &profileId) const;
    QList<JournalEntry> dueEntries(const QString &profileId, qint64 nowMs, int limit) const;
    std::optional<qint64> nextDueTime(const QString &profileId) const;
    int waitingCount(const QString &profileId) const;
    QList<JournalEntry> outboxEntries(const QString &profileId) const;
    QVector<JournalRow> rows(const QString &profileId) const;
    QVector<JournalRow> rows(const QString &profileId, const QStringList &keys) const;
    using RowSink = JournalReader::RowSink;
    bool readRows(const QString &profileId, const RowSink &sink, int firstChunk, int chunk) const;
    QList<StatusChange> history(const QString &profileId, const QString &key) const;
    QString metaValue(const QString &key) const;
    // Whether this connection's commits wait for the disk: always, but inside the background
    // connection's merge groups (see JournalWorker::mergeStatuses).
    bool commitsWaitForDisk() const;

    // --- In the background: JournalWorker's jobs (JournalWorker.h), answered by the signals below ----
    static constexpr int MaxMergesPerTransaction = JournalWorker::MaxMergesPerTransaction;
    static constexpr qsizetype MaxRowsPerTransaction = JournalWorker::MaxRowsPerTransaction;
    quint64 mergeStatusesInBackground(const QString &profileId, const QList<StatusRow> &rows, qint64 nowMs);
    quint64 openOrderIdsInBackground(const QString &profileId);
    quint64 loadRowsInBackground(const QString &profileId);
    // `write` gets the background connection's Journal; the changes it announces come from this
    // object as usual.
    using BackgroundWrite = JournalWorker::BackgroundWrite;
    using WriteDone = JournalWorker::WriteDone;
    void writeInBackground(QObject *context, BackgroundWrite write, WriteDone done);

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

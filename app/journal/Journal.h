#pragma once

#include "JournalBackground.h"
#include "JournalTypes.h"
#include "MergeCache.h"
#include "SqliteStatements.h"
#include "StatementCache.h"
#include "api/ApiTypes.h"
#include "sync/LeadGateway.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

class QSqlDatabase;
class QSqlQuery;

// The local store of every lead, its send state and its status history (Qt SQL, SQLite).
//
// Durable before anything else happens: WAL with synchronous=FULL, so a write that returned true
// survives a crash, a kill -9 and a power cut. The file and its -wal/-shm companions are readable by
// the user only (0600) in a folder of their own (0700).
//
// Each profile's leads stay apart: every call names the profile. Every write is one small transaction
// (or part of a batch, see beginBatch()). The object lives in one thread, like its SQL connection.
//
// What must not stall a window runs "in the background", on a second connection in a thread of its own
// (JournalBackground): status merges, loading the table, and the outbox's writes while it sends. Their
// answers, and the changes they make, come as signals from this object, in its thread.
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
    static constexpr int MaxMergesPerTransaction = 20;
    static constexpr qsizetype MaxRowsPerTransaction = 1000;
    quint64 mergeStatusesInBackground(const QString &profileId, const QList<StatusRow> &rows, qint64 nowMs);
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
    using BackgroundWrite = std::function<bool(Journal &journal)>;
    using WriteDone = std::function<void(bool ok, const QString &error)>;
    void writeInBackground(QObject *context, BackgroundWrite write, WriteDone done);
    // Whether this connection's commits wait for the disk: always, but inside the background
    // connection's merge groups (see mergeStatusesInBackground).
    bool commitsWaitForDisk() const;
    // Every lead of a profile, oldest first, handed to `sink` in pieces: `firstChunk` rows, then
    // `chunk` rows at a time; the last call (perhaps with no rows) says so. False on a failed query.
    using RowSink = std::function<void(QVector<JournalRow> &&rows, bool last)>;
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
    QSqlDatabase database() const;
    bool exec(QSqlQuery &query) const;
    // This connection's prepared statement for `sql` (see StatementCache); empty, with errorString()
    // set, when it does not prepare.
    PreparedStatement statement(const QString &sql) const;
    void notPrepared(const QString &error) const; // sets errorString() and says so in the log
    // The statement for `sql` on SQLite's own interface (see SqliteStatement), for what a refresh
    // repeats thousands of times; empty, with errorString() set, when it does not prepare.
    SqliteStatement nativeStatement(const QString &sql) const;
    bool runNative(SqliteStatement &statement) const; // exec(), with errorString() set on failure
    // Binds `values` in order and runs the statement.
    bool run(QSqlQuery &query, const QVariantList &values) const;
    // A read: the statement for `sql` with `values` bound in order, run, to be read forward once; empty,
    // with errorString() set, when it fails.
    PreparedStatement select(const QString &sql, const QVariantList &values) const;
    // The entry of this profile whose `column` (lead_key or order_id) holds `value`.
    std::optional<JournalEntry> entryWhere(const QString &profileId, QLatin1String column,
                                           const QString &value) const;
    // The entries matching `condition`, a WHERE clause whose placeholders `values` fill.
    QList<JournalEntry> entriesWhere(const QString &condition, const QVariantList &values) const;
    // Whether the profile holds this key or order id. On a failed query: false, with errorString() set.
    bool holds(const QString &profileId, const QString &key, const QString &orderId) const;
    bool beginWrite();
    bool beginTransaction();
    bool endWrite(bool ok);
    // A transaction ended (committed or not): what it staged in the merge cache is kept or dropped.
    void transactionEnded(bool committed);
    // Validates the merge cache inside the merge's transaction, once per transaction: false when it
    // cannot be used.
    bool mergeCacheUsable();
    bool validateMergeCache();
    // Whether commits wait for the disk (SQLite's synchronous FULL, the default here) or only for the
    // operating system (NORMAL: kept through a crash of the app, maybe not through a power cut). Set
    // between transactions. False when the setting could not be changed.
    bool setCommitsWaitForDisk(bool wait);
    // Reads what merges of these open leads will compare into the merge cache, unless it holds them.
    void prepareMerges(const QString &profileId, const QStringList &orderIds);
    bool updateState(const QString &profileId, const QString &key, const QString &assignments,
                     const QVariantList &values);
    bool prepareFiles(const QString &filePath);
    void restrictCompanionFiles() const;

    JournalBackground *background();
    // Every background job but a status merge goes through here: it ends the open merge group, so
    // that jobs keep the order they were given in.
    void runInBackground(JournalBackground::Job job);
    void stopBackground();
    struct MergeGroup;

    QString m_connectionName;
    JournalBackground *m_background = nullptr;
    std::shared_ptr<MergeGroup> m_openMerges; // the last background job, while it is merges not begun
    quint64 m_lastTicket = 0;
    QString m_filePath;
    mutable QString m_error;
    mutable StatementCache m_statements;
    sqlite3 *m_sqlite = nullptr; // the connection under m_connectionName, while it is open
    mutable SqliteStatementCache m_nativeStatements;
    MergeCache m_mergeCache;
    bool m_merging = false; // a merge's own writes leave the merge cache as it is
    // Whether mergeCacheUsable() already answered in this transaction (nobody else can commit while
    // it holds the write lock, so the answer stands until it ends), and what it said.
    std::optional<bool> m_mergeCacheChecked;
    int m_batchDepth = 0;
    bool m_batchFailed = false;
    bool m_commitsWaitForDisk = true; // as open() sets it
};

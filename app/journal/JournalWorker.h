#pragma once

#include "JournalBackground.h"
#include "JournalTypes.h"
#include "api/ApiTypes.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class Journal;
class JournalConnection;

// The journal's work that must not stall a window, given to its background connection
// (JournalBackground): status merges, loading the table, open ids, the outbox's writes. Each job
// gets a ticket (or a callback) and is always answered, failed or not, by a signal of this object in
// its thread. Jobs run in the order given; status merges given one after another share a transaction
// (a merge group).
class JournalWorker : public QObject
{
    Q_OBJECT
public:
    // Answers given one after another (a refresh's) are merged in one transaction, up to
    // MaxMergesPerTransaction of them and MaxRowsPerTransaction rows (more if one answer has more):
    // one commit for all, and the lock other writers wait for held a few milliseconds at most.
    static constexpr int MaxMergesPerTransaction = 20;
    static constexpr qsizetype MaxRowsPerTransaction = 1000;
    using BackgroundWrite = std::function<bool(Journal &journal)>;
    using WriteDone = std::function<void(bool ok, const QString &error)>;

    // The background connection opens `connection`'s file when the first job comes (or stays closed
    // if `connection` is not open, and then every job fails as it would there).
    explicit JournalWorker(const JournalConnection &connection, QObject *parent = nullptr);
    ~JournalWorker() override;

    // statusesMerged(ticket, ...) answers.
    quint64 mergeStatuses(const QString &profileId, const QList<StatusRow> &rows, qint64 nowMs);
    // rowsLoaded(ticket, ...) brings each piece, rowsLoadFailed(ticket, ...) replaces the rest if the
    // reading fails.
    quint64 loadRows(const QString &profileId);
    // openOrderIdsRead(ticket, ...) answers; then what merges of them compare is read in one pass.
    quint64 readOpenOrderIds(const QString &profileId);
    // Runs `write` on the background connection; `done` then runs in this object's thread with its
    // result and, on failure, why (unless `context` was destroyed meanwhile).
    void write(QObject *context, BackgroundWrite write, WriteDone done);
    // Lets every job given run, hands out their answers, and closes the background connection. For
    // closing the journal: it stalls the caller.
    void stop();

signals:
    // Changes the background connection wrote, in the order written.
    void leadsAdded(const QString &profileId, const QStringList &keys);
    void leadsChanged(const QString &profileId, const QStringList &keys);
    void leadsRemoved(const QString &profileId, const QStringList &keys);
    void statusesMerged(quint64 ticket, const QString &profileId, const StatusMergeBatch &batch);
    void rowsLoaded(quint64 ticket, const QString &profileId, const QVector<JournalRow> &rows, bool last);
    void rowsLoadFailed(quint64 ticket, const QString &profileId, const QString &error);
    // `error` is empty unless the read failed.
    void openOrderIdsRead(quint64 ticket, const QString &profileId, const QStringList &orderIds,
                          const QString &error);

private:
    JournalBackground *background();
    // Every job but a status merge goes through here: it ends the open merge group, so that jobs keep
    // the order they were given in.
    void run(JournalBackground::Job job);
    struct MergeGroup;

    const JournalConnection &m_connection;
    JournalBackground *m_background = nullptr;
    std::shared_ptr<MergeGroup> m_openMerges; // the last job, while it is merges not begun
    quint64 m_lastTicket = 0;
};

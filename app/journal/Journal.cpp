#include "Journal.h"

#include <QSet>

QStringList StatusMergeBatch::changedKeys() const
{
    QStringList keys;
    QSet<QString> seen; // a refresh merges hundreds of answers at a time: no list search per key
    for (const MergeResult &result : results)
        if (result.changed && !seen.contains(result.key)) {
            seen.insert(result.key);
            keys.append(result.key);
        }
    return keys;
}

void StatusUpdate::applyTo(JournalRow &row) const
{
    static_cast<LeadStatus &>(row) = *this;
    row.networkOrderId = networkOrderId;
    row.changedAtMs = changedAtMs;
    row.unseenChange = true;
}

Journal::Journal(QObject *parent)
    : QObject(parent), m_store(m_connection), m_reader(m_connection), m_merger(m_connection),
      m_worker(m_connection)
{
    connect(&m_store, &LeadStore::leadsAdded, this, &Journal::leadsAdded);
    connect(&m_store, &LeadStore::leadsChanged, this, &Journal::leadsChanged);
    connect(&m_store, &LeadStore::leadsRemoved, this, &Journal::leadsRemoved);
    connect(&m_worker, &JournalWorker::leadsAdded, this, &Journal::leadsAdded);
    connect(&m_worker, &JournalWorker::leadsChanged, this, &Journal::leadsChanged);
    connect(&m_worker, &JournalWorker::leadsRemoved, this, &Journal::leadsRemoved);
    connect(&m_merger, &StatusMerger::statusesMerged, this, &Journal::statusesMerged);
    connect(&m_worker, &JournalWorker::statusesMerged, this, &Journal::statusesMerged);
    connect(&m_worker, &JournalWorker::rowsLoaded, this, &Journal::rowsLoaded);
    connect(&m_worker, &JournalWorker::rowsLoadFailed, this, &Journal::rowsLoadFailed);
    connect(&m_worker, &JournalWorker::openOrderIdsRead, this, &Journal::openOrderIdsRead);
}

Journal::~Journal()
{
    close();
}

QString Journal::defaultFilePath()
{
    return JournalConnection::defaultFilePath();
}

bool Journal::open(const QString &filePath)
{
    close();
    return m_connection.open(filePath);
}

void Journal::close()
{
    m_worker.stop(); // its jobs answer first, from the file as they found it
    m_connection.close();
    m_merger.clearCache();
}

bool Journal::isOpen() const
{
    return m_connection.isOpen();
}

QString Journal::filePath() const
{
    return m_connection.filePath();
}

QString Journal::errorString() const
{
    return m_connection.errorString();
}

int Journal::schemaVersion() const
{
    return m_connection.schemaVersion();
}

bool Journal::beginBatch()
{
    return m_connection.beginBatch();
}

bool Journal::commitBatch()
{
    return m_connection.commitBatch();
}

void Journal::rollbackBatch()
{
    m_connection.rollbackBatch();
}

bool Journal::commitsWaitForDisk() const
{
    return m_connection.commitsWaitForDisk();
}

bool Journal::addLead(const QString &profileId, const QString &key, const Lead &lead, qint64 nowMs)
{
    return m_store.addLead(profileId, key, lead, nowMs);
}

int Journal::addTracked(const QString &profileId, const QStringList &orderIds, qint64 nowMs)
{
    return m_store.addTracked(profileId, orderIds, nowMs);
}

bool Journal::markSending(const QString &profileId, const QString &key, const QByteArray &requestBody,
                          qint64 nowMs)
{
    return m_store.markSending(profileId, key, requestBody, nowMs);
}

bool Journal::markSent(const QString &profileId, const QString &key, const QString &networkOrderId,
                       const QString &ourOrderId, qint64 nowMs)
{
    return m_store.markSent(profileId, key, networkOrderId, ourOrderId, nowMs);
}

bool Journal::markRejected(const QString &profileId, const QString &key, const QString &code,
                           const QString &text)
{
    return m_store.markRejected(profileId, key, code, text);
}

bool Journal::markWaiting(const QString &profileId, const QString &key, SendState state, const QString &code,
                          const QString &text, qint64 nextTryMs, bool maybeDelivered)
{
    return m_store.markWaiting(profileId, key, state, code, text, nextTryMs, maybeDelivered);
}

int Journal::recoverInterruptedSends(const QString &profileId, qint64 nowMs, const QString &code,
                                     const QString &numberedText, const QString &autoText)
{
    return m_store.recoverInterruptedSends(profileId, nowMs, code, numberedText, autoText);
}

bool Journal::replaceLead(const QString &profileId, const QString &key, const Lead &lead, qint64 nowMs)
{
    return m_store.replaceLead(profileId, key, lead, nowMs);
}

bool Journal::requeue(const QString &profileId, const QString &key, qint64 nowMs)
{
    return m_store.requeue(profileId, key, nowMs);
}

int Journal::makeWaitingDue(const QString &profileId, qint64 nowMs, const QList<SendState> &states)
{
    return m_store.makeWaitingDue(profileId, nowMs, states);
}

bool Journal::remove(const QString &profileId, const QString &key)
{
    return m_store.remove(profileId, key);
}

int Journal::markSeen(const QString &profileId, const QStringList &keys)
{
    return m_store.markSeen(profileId, keys);
}

bool Journal::compareAndSetMeta(const QString &key, const QString &expected, const QString &value)
{
    return m_store.compareAndSetMeta(key, expected, value);
}

MergeResult Journal::mergeStatus(const QString &profileId, const StatusRow &row, qint64 nowMs)
{
    return m_merger.mergeStatus(profileId, row, nowMs);
}

StatusMergeBatch Journal::mergeStatuses(const QString &profileId, const QList<StatusRow> &rows, qint64 nowMs)
{
    return m_merger.mergeStatuses(profileId, rows, nowMs);
}

quint64 Journal::mergeStatusesInBackground(const QString &profileId, const QList<StatusRow> &rows,
                                           qint64 nowMs)
{
    return m_worker.mergeStatuses(profileId, rows, nowMs);
}

quint64 Journal::openOrderIdsInBackground(const QString &profileId)
{
    return m_worker.readOpenOrderIds(profileId);
}

quint64 Journal::loadRowsInBackground(const QString &profileId)
{
    return m_worker.loadRows(profileId);
}

void Journal::writeInBackground(QObject *context, BackgroundWrite write, WriteDone done)
{
    m_worker.write(context, std::move(write), std::move(done));
}

std::optional<JournalEntry> Journal::entry(const QString &profileId, const QString &key) const
{
    return m_reader.entry(profileId, key);
}

std::optional<JournalEntry> Journal::entryByOrderId(const QString &profileId, const QString &orderId) const
{
    return m_reader.entryByOrderId(profileId, orderId);
}

QList<LeadSummary> Journal::findRecent(const QString &profileId, const QString &phone, const QString &offer,
                                       const QDateTime &since) const
{
    return m_reader.findRecent(profileId, phone, offer, since);
}

QStringList Journal::openOrderIds(const QString &profileId) const
{
    return m_reader.openOrderIds(profileId);
}

QList<JournalEntry> Journal::dueEntries(const QString &profileId, qint64 nowMs, int limit) const
{
    return m_reader.dueEntries(profileId, nowMs, limit);
}

std::optional<qint64> Journal::nextDueTime(const QString &profileId) const
{
    return m_reader.nextDueTime(profileId);
}

int Journal::waitingCount(const QString &profileId) const
{
    return m_reader.waitingCount(profileId);
}

QList<JournalEntry> Journal::outboxEntries(const QString &profileId) const
{
    return m_reader.outboxEntries(profileId);
}

QVector<JournalRow> Journal::rows(const QString &profileId) const
{
    return m_reader.rows(profileId);
}

QVector<JournalRow> Journal::rows(const QString &profileId, const QStringList &keys) const
{
    return m_reader.rows(profileId, keys);
}

bool Journal::readRows(const QString &profileId, const RowSink &sink, int firstChunk, int chunk) const
{
    return m_reader.readRows(profileId, sink, firstChunk, chunk);
}

QList<StatusChange> Journal::history(const QString &profileId, const QString &key) const
{
    return m_reader.history(profileId, key);
}

QString Journal::metaValue(const QString &key) const
{
    return m_reader.metaValue(key);
}

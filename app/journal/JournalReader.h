#pragma once

#include "JournalConnection.h"
#include "JournalTypes.h"

#include <QList>
#include <QStringList>
#include <QVector>

#include <functional>
#include <optional>

// What the rest of the app reads of the journal: entries for the outbox and the form, rows for the
// status table, a lead's history, the open order ids a refresh asks about, recent leads (duplicate
// warnings). Reads only; a failed read returns nothing and leaves its reason in the connection's
// errorString().
class JournalReader
{
public:
    explicit JournalReader(const JournalConnection &connection);

    std::optional<JournalEntry> entry(const QString &profileId, const QString &key) const;
    std::optional<JournalEntry> entryByOrderId(const QString &profileId, const QString &orderId) const;
    // Leads with this phone and offer created at or after `since`, newest first.
    QList<LeadSummary> findRecent(const QString &profileId, const QString &phone, const QString &offer,
                                  const QDateTime &since) const;
    // Order ids of leads on the network whose outcome is not final yet: what a refresh asks about.
    QStringList openOrderIds(const QString &profileId) const;
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
    // Every lead of a profile, oldest first, handed to `sink` in pieces: `firstChunk` rows, then
    // `chunk` rows at a time; the last call (perhaps with no rows) says so. False on a failed query.
    using RowSink = std::function<void(QVector<JournalRow> &&rows, bool last)>;
    bool readRows(const QString &profileId, const RowSink &sink, int firstChunk, int chunk) const;
    QList<StatusChange> history(const QString &profileId, const QString &key) const;
    QString metaValue(const QString &key) const; // empty when absent

private:
    // The entry of this profile whose `column` (lead_key or order_id) holds `value`.
    std::optional<JournalEntry> entryWhere(const QString &profileId, QLatin1String column,
                                           const QString &value) const;
    // The entries matching `condition`, a WHERE clause whose placeholders `values` fill.
    QList<JournalEntry> entriesWhere(const QString &condition, const QVariantList &values) const;

    const JournalConnection &m_connection;
};

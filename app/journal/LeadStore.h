#pragma once

#include "JournalConnection.h"
#include "JournalTypes.h"

#include <QList>
#include <QObject>
#include <QStringList>

// The journal's writes of leads and their send states (the outbox's and the form's), and of its small
// settings. Every write is one small transaction, or part of the connection's batch; each announces
// the leads it added, changed or removed.
class LeadStore : public QObject
{
    Q_OBJECT
public:
    explicit LeadStore(JournalConnection &connection, QObject *parent = nullptr);

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
    int makeWaitingDue(const QString &profileId, qint64 nowMs, const QList<SendState> &states);
    // Deletes a lead and its history (only ever on an explicit user action).
    bool remove(const QString &profileId, const QString &key);
    // Clears the "changed since seen" flag of these leads; returns how many had it, or -1.
    int markSeen(const QString &profileId, const QStringList &keys);

    // Stores `value` if the stored value is still `expected` (empty = absent). False when it was not
    // (another process moved it) or on failure; errorString() is empty in the first case.
    bool compareAndSetMeta(const QString &key, const QString &expected, const QString &value);

signals:
    void leadsAdded(const QString &profileId, const QStringList &keys);
    void leadsChanged(const QString &profileId, const QStringList &keys);
    void leadsRemoved(const QString &profileId, const QStringList &keys);

private:
    // Whether the profile holds this key or order id. On a failed query: false, with errorString() set.
    bool holds(const QString &profileId, const QString &key, const QString &orderId) const;
    bool updateState(const QString &profileId, const QString &key, const QString &assignments,
                     const QVariantList &values);

    JournalConnection &m_connection;
};

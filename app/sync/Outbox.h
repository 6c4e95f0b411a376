#pragma once

#include "LeadGateway.h"
#include "RetrySchedule.h"
#include "journal/Journal.h"
#include "journal/JournalTypes.h"
#include "journal/OrderIdGenerator.h"

#include <QHash>
#include <QPointer>

#include <functional>
#include <memory>

class Clock;
class ClockTimer;
class LeadTransport;

// Gets every lead of one profile to the network exactly once, whatever the network does.
//
//   queued --send--> sending --ok--> sent
//                        |--service error--> rejected
//                        |--"duplicate" after an attempt that may have arrived--> unknown --look up-->
//                        |        found: sent (with the network's id) / not found: rejected (duplicate)
//                        '--transport failure--> queued again, due after a backoff (same order id)
//   sending at start-up (the app died mid-request) --> unknown --look up--> found: sent / not found: queued
//
// A lead is committed to the journal before any network call, and its order id is reused on every
// attempt: that is what makes a retry safe. "auto" leads cannot be made safe (the network picks their
// id): after a transport failure they stay unknown, with a note, until the user resends or discards.
// All work is asynchronous. What the sending does to the journal is written on its background
// connection (each a single small transaction, committed before the next step), so the window never
// waits for the disk; submit() alone commits in the caller's thread, because the lead must be safe
// before the operator is told it is.
class Outbox : public LeadGateway
{
    Q_OBJECT
public:
    static constexpr int DefaultMaxInFlight = 3;
    static constexpr qint64 LookupLeaseMs = 2 * 60 * 1000;

    Outbox(Journal *journal, LeadTransport *transport, OrderIdGenerator *orderIds, const QString &profileId,
           Clock *clock = nullptr, QObject *parent = nullptr);
    ~Outbox() override;

    void setRetrySchedule(const RetrySchedule &schedule);
    void setMaxInFlight(int count);

    // Recovers leads left "sending" by a previous run, then works through what is due. Nothing is
    // sent before this is called (submit() only stores).
    void start();
    // The account's user id or key is not set: nothing goes out (no request could succeed), and the
    // waiting leads wait for them instead of for the network. Cleared, sending resumes at once.
    void setCredentialsMissing(bool missing);
    bool credentialsMissing() const { return m_credentialsMissing; }

    // LeadGateway
    QString submit(const Lead &lead) override;
    // The window's way in: the lead (and its order id's claim) is committed on the journal's
    // background connection, so the operator's Send never waits for the disk.
    quint64 submitInBackground(const Lead &lead) override;
    QString lastError() const override;
    QList<LeadSummary> findRecent(const QString &phone, const QString &offer,
                                  const QDateTime &since) const override;

    // For the outbox view: queued, sending, unknown and rejected leads, oldest first.
    QList<JournalEntry> entries() const;
    int waitingCount() const;
    int inFlightCount() const { return int(m_inFlight.size()); }

    // The user's actions check at once what can be checked (false, with lastError(), when the lead is
    // busy, unknown or in no state for it); their write is then committed on the journal's background
    // connection, and actionFailed() says if it could not be.
    //
    // Every waiting lead is tried (or looked up) now instead of at its scheduled time.
    void retryNow();
    // One lead, now. A rejected lead, or an "auto" lead in doubt, is sent again: the user's decision.
    bool retry(const QString &key);
    // The operator corrected a lead that is waiting, was rejected, or is an "auto" lead in doubt. It
    // keeps its order id and is queued. Refused for a numbered lead that may already be on the network.
    bool editAndResend(const QString &key, const Lead &lead) override;
    // The same, committed on the journal's background connection: false (with lastError()) when the
    // lead cannot be edited; otherwise `done` runs once the corrected lead is stored, or could not be.
    bool editAndResendInBackground(const QString &key, const Lead &lead, Journal::WriteDone done);
    // Removes a lead that is not on its way (explicit user action, confirmed by the UI).
    bool discard(const QString &key);

signals:
    void waitingCountChanged(int count);
    // An "auto" lead whose fate is unknown: it is not retried automatically.
    void outcomeUnknown(const QString &key, const ApiError &error);
    // A user's retry or discard (key empty: "retry now") could not be stored.
    void actionFailed(const QString &key, const QString &reason);

private:
    void queuePump();
    void pump();
    void scheduleWakeUp();
    bool startSend(const JournalEntry &entry);
    bool startLookup(const JournalEntry &entry);
    void onSendFinished(const JournalEntry &entry, const AddResult &result);
    void onLookupFinished(const JournalEntry &entry, const ListResult &result);
    void updateWaitingCount();
    // The lead's key in the journal: its order id (made here when it has none; `lead` gets it), or a
    // placeholder for an "auto" lead. Empty, with `error` set, when no id could be reserved.
    static QString keyFor(Lead &lead, OrderIdGenerator &orderIds, QString *error);
    // Commits `write` on the journal's background connection, then runs `then` here; the lead counts
    // as busy until then.
    void writeThen(const QString &key, Journal::BackgroundWrite write, Journal::WriteDone then);
    // The last write of a lead's step: once committed (or refused), the lead is free again,
    // `announce` tells whoever listens, and the outbox looks for more work.
    void writeThenSettle(const QString &key, Journal::BackgroundWrite write, Journal::WriteDone announce);
    // The write that must come before a lead's request failed: no request, and a later try.
    void holdBack(const QString &key, const QString &error);
    bool isBusy(const QString &key) const { return m_inFlight.contains(key); }
    std::optional<JournalEntry> idleEntry(const QString &key);
    // The corrected lead with the stored lead's order id, if that lead may be edited now.
    std::optional<Lead> editedLead(const QString &key, const Lead &lead);

    Journal *m_journal;
    LeadTransport *m_transport;
    OrderIdGenerator *m_orderIds;
    QString m_profileId;
    Clock *m_clock;
    ClockTimer *m_wakeUp;
    RetrySchedule m_schedule;
    int m_maxInFlight = DefaultMaxInFlight;
    bool m_started = false;
    bool m_pumpQueued = false;
    bool m_credentialsMissing = false;
    int m_lastWaitingCount = -1;
    QString m_lastError;
    // key -> the AddCall or StatusFetch; null while the lead's state is being written
    QHash<QString, QPointer<QObject>> m_inFlight;
    QHash<QString, int> m_lookupFailures;
    // The order-id generator of the journal's background connection, used only in its thread (made
    // there on first use, and again if that connection is ever replaced).
    struct BackgroundIds
    {
        std::unique_ptr<OrderIdGenerator> generator;
        QPointer<Journal> boundTo;
    };
    std::shared_ptr<BackgroundIds> m_backgroundIds;
};

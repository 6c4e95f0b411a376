#pragma once

#include "api/ApiTypes.h"
#include "journal/JournalTypes.h" // LeadSummary
#include "leads/Lead.h"

#include <QDateTime>
#include <QObject>

// What the lead form talks to: it stores a lead durably, then gets it to the network, and says what
// became of it. The form never touches the journal or the network itself.
class LeadGateway : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Commits the lead to the journal before returning (the lead is safe once this returns a non-empty
    // id), then queues it for sending. Gives the lead an order id when it has none. Returns our order id,
    // or an empty string when the journal could not store it (then lastError() says why and nothing was
    // sent).
    virtual QString submit(const Lead &lead) = 0;
    virtual QString lastError() const = 0;
    // submit() without making the caller wait for the disk: returns a ticket at once; stored(ticket,
    // id) follows once the lead is safe in the journal (it is sent only after that), or
    // notStored(ticket, reason) when it could not be stored (then nothing was sent). Never answers
    // from inside the call. This default runs submit() on the next turn of the event loop; the outbox
    // commits on the journal's background connection instead.
    virtual quint64 submitInBackground(const Lead &lead);

    // The lead stored under `key` was rejected (or waits): this corrected version replaces it, keeps its
    // order id, and is queued. Committed before returning, like submit(). False when it cannot be
    // (the lead is on its way, or this gateway does not correct leads): then lastError() may say why.
    virtual bool editAndResend(const QString &key, const Lead &lead);

    // Leads with this phone and offer created at or after `since`, newest first.
    virtual QList<LeadSummary> findRecent(const QString &phone, const QString &offer,
                                          const QDateTime &since) const = 0;

signals:
    void sent(const QString &ourOrderId, const QString &networkOrderId);
    void rejected(const QString &ourOrderId, const ApiError &error);
    // A transport failure: the lead stays in the outbox and will be retried with the same id.
    void deferred(const QString &ourOrderId, const ApiError &error);
    // The answers to submitInBackground().
    void stored(quint64 ticket, const QString &ourOrderId);
    void notStored(quint64 ticket, const QString &reason);

protected:
    quint64 nextSubmitTicket() { return ++m_lastSubmitTicket; }

private:
    quint64 m_lastSubmitTicket = 0;
};

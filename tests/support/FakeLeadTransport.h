#pragma once

#include "sync/LeadTransport.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

// A scripted network for Outbox and StatusPoller tests. It remembers the leads it "stored" (a tiny
// server), so list.json look-ups and duplicate answers behave like the real thing, and it answers
// every call later through the event loop, never from inside the call.
//
// Unscripted add: a known order id answers "duplicate", anything else is stored and accepted.
// Unscripted fetch: rows of the stored leads (in batches of 50), unknown ids absent.
class FakeLeadTransport : public QObject, public LeadTransport
{
    Q_OBJECT
public:
    enum class AddOutcome
    {
        Accept,        // stored, {"status":"ok"}
        Reject,        // a service error (code given), not stored
        Fail,          // a transport failure (code given), nothing stored
        StoreThenFail, // stored, then the connection dropped: the worst case for a retry
        Hang,          // never answers until aborted
    };
    enum class FetchOutcome
    {
        Answer,
        Fail,
        Hang,
        AnswerThenHang // every batch answered, then the fetch never ends until cancelled
    };

    explicit FakeLeadTransport(QObject *parent = nullptr);

    void queueAdd(AddOutcome outcome, const QString &code = QString());
    void queueFetch(FetchOutcome outcome, const QString &code = QString());
    // The next fetch answers these rows (as batches of 50), whatever is stored.
    void queueFetchRows(const QList<StatusRow> &rows);

    void store(const StatusRow &row); // the network holds this lead (e.g. sent by another system)
    bool holds(const QString &orderId) const { return m_stored.contains(orderId); }
    int storedCount() const { return int(m_stored.size()); }
    int addCallsInFlight() const;

    QList<Lead> sentLeads;                        // every add.json request, in order
    QList<QStringList> fetchRequests;             // the ids of every fetchStatuses() call
    std::function<void(const Lead &)> beforeSend; // runs inside every sendLead(), e.g. to inspect the journal

    // LeadTransport
    QByteArray requestBody(const Lead &lead) const override;
    AddCall *sendLead(const Lead &lead) override;
    StatusFetch *fetchStatuses(const QStringList &ourOrderIds,
                               FetchedRows rows = FetchedRows::InBatchesAndAtTheEnd) override;

private:
    struct ScriptedAdd
    {
        AddOutcome outcome;
        QString code;
    };
    struct ScriptedFetch
    {
        FetchOutcome outcome;
        QString code;
        QList<StatusRow> rows;
        bool rowsGiven = false;
    };

    QList<ScriptedAdd> m_adds;
    QList<ScriptedFetch> m_fetches;
    QHash<QString, StatusRow> m_stored;
    QList<QPointer<AddCall>> m_addCalls;
    int m_nextNetworkId = 5000;
    int m_nextAutoId = 90000;
};

// An ApiError as the client would report it.
ApiError makeApiError(ApiError::Kind kind, const QString &code);

#pragma once

#include "sync/LeadGateway.h"

#include <QDateTime>
#include <QList>
#include <QQueue>

// A LeadGateway for tests: it records every lead it is given, numbers them like a journal would, remembers
// them for findRecent(), and answers through queued calls (never from inside submit()) with whatever the
// test scripted. Unscripted leads are sent successfully.
class ScriptedLeadGateway : public LeadGateway
{
    Q_OBJECT

public:
    enum class Outcome
    {
        Sent,
        Rejected,
        Deferred,
        Silent,     // no answer until the test calls answer(): the lead stays in flight
        StoreFails, // submit() returns "" (submitInBackground(): notStored) and lastError() says why,
                    // as when the journal cannot write
    };
    struct Answer
    {
        Outcome outcome = Outcome::Sent;
        ApiError error;         // for Rejected and Deferred
        QString networkOrderId; // for Sent; "N" + our id when empty
    };

    explicit ScriptedLeadGateway(QObject *parent = nullptr);

    void scriptNextAnswer(const Answer &answer);
    // Answers a lead that got Outcome::Silent.
    void answer(const QString &ourOrderId, const Answer &answer);
    // A lead the journal already held before the test began.
    void addEarlierLead(const QString &phone, const QString &offer, const LeadSummary &summary);

    // The leads exactly as submit() received them, in order.
    QList<Lead> submittedLeads() const { return m_submitted; }
    QStringList issuedOrderIds() const { return m_issuedIds; }
    int findRecentCalls() const { return m_findRecentCalls; }

    QString submit(const Lead &lead) override;
    quint64 submitInBackground(const Lead &lead) override;
    QString lastError() const override { return m_lastError; }
    QList<LeadSummary> findRecent(const QString &phone, const QString &offer,
                                  const QDateTime &since) const override;

private:
    struct Stored
    {
        QString phone;
        QString offer;
        LeadSummary summary;
    };
    void deliver(const QString &ourOrderId, const Answer &answer);
    // Takes a lead as the journal would: its id, or "" when the script says the store fails.
    QString record(const Lead &lead, Answer *next);

    QQueue<Answer> m_script;
    QList<Lead> m_submitted;
    QStringList m_issuedIds;
    QList<Stored> m_journal;
    QString m_lastError;
    qint64 m_nextId = 100001;
    mutable int m_findRecentCalls = 0;
};

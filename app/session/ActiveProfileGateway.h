#pragma once

#include "sync/LeadGateway.h"

#include <QHash>
#include <QPointer>

class Outbox;

// The lead form's one gateway for the whole run: it forwards to the outbox of whichever profile is
// active, so that switching profiles never leaves a widget holding a deleted outbox.
class ActiveProfileGateway : public LeadGateway
{
    Q_OBJECT

public:
    using LeadGateway::LeadGateway;

    void setOutbox(Outbox *outbox);
    // Why the active profile cannot reach its account (Profile::missingCredentials()); empty when it can.
    // While set, a lead is refused before it is stored - queueing it would only strand it - and
    // credentialsNeeded() asks for the user id and key.
    void setMissingCredentials(const QString &sentence);

    QString submit(const Lead &lead) override;
    quint64 submitInBackground(const Lead &lead) override;
    bool editAndResend(const QString &key, const Lead &lead) override;
    QString lastError() const override;
    QList<LeadSummary> findRecent(const QString &phone, const QString &offer,
                                  const QDateTime &since) const override;

signals:
    void credentialsNeeded();

private:
    QString refusal() const;

    QPointer<Outbox> m_outbox;
    QString m_missingCredentials;
    QString m_lastError;
    QHash<quint64, quint64> m_ticketOfOutboxTicket; // the current outbox's tickets -> ours, until answered
};

#pragma once

#include "sync/LeadGateway.h"

#include <QPointer>

class Outbox;

// The gateway of a lead form opened to correct one lead of the outbox: "send" stores the corrected
// lead under its journal key and order id (Outbox::editAndResend) instead of creating a new lead, so a
// correction can never become a second order. Answers about other leads are not passed on.
class ResendGateway : public LeadGateway
{
    Q_OBJECT

public:
    ResendGateway(Outbox *outbox, const QString &key, const QString &orderId, QObject *parent = nullptr);

    QString submit(const Lead &lead) override;
    // The form's way: the corrected lead is committed on the journal's background connection.
    quint64 submitInBackground(const Lead &lead) override;
    QString lastError() const override { return m_lastError; }
    QList<LeadSummary> findRecent(const QString &phone, const QString &offer,
                                  const QDateTime &since) const override;

private:
    QPointer<Outbox> m_outbox;
    QString m_key;
    QString m_orderId;
    QString m_lastError;
};

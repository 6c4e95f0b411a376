#include "ResendGateway.h"

#include "sync/Outbox.h"

ResendGateway::ResendGateway(Outbox *outbox, const QString &key, const QString &orderId, QObject *parent)
    : LeadGateway(parent), m_outbox(outbox), m_key(key), m_orderId(orderId)
{
    const auto mine = [this](const QString &id) {
        return id == m_orderId || id == m_key;
    };
    connect(outbox, &LeadGateway::sent, this, [this, mine](const QString &id, const QString &networkId) {
        if (mine(id))
            emit sent(id, networkId);
    });
    connect(outbox, &LeadGateway::rejected, this, [this, mine](const QString &id, const ApiError &error) {
        if (mine(id))
            emit rejected(id, error);
    });
    connect(outbox, &LeadGateway::deferred, this, [this, mine](const QString &id, const ApiError &error) {
        if (mine(id))
            emit deferred(id, error);
    });
}

QString ResendGateway::submit(const Lead &lead)
{
    if (!m_outbox) {
        m_lastError = tr("The profile changed while the lead was open; it was not resent.");
        return {};
    }
    if (!m_outbox->editAndResend(m_key, lead)) {
        m_lastError = m_outbox->lastError();
        return {};
    }
    m_lastError.clear();
    return m_orderId.isEmpty() ? m_key : m_orderId;
}

quint64 ResendGateway::submitInBackground(const Lead &lead)
{
    const quint64 ticket = nextSubmitTicket();
    const QString id = m_orderId.isEmpty() ? m_key : m_orderId;
    QPointer<ResendGateway> self(this);
    const bool accepted = m_outbox && m_outbox->editAndResendInBackground(
                                          m_key, lead, [self, ticket, id](bool ok, const QString &error) {
                                              if (!self)
                                                  return;
                                              if (ok)
                                                  emit self->stored(ticket, id);
                                              else
                                                  emit self->notStored(ticket, error);
                                          });
    if (!accepted) {
        const QString reason = m_outbox
                                   ? m_outbox->lastError()
                                   : tr("The profile changed while the lead was open; it was not resent.");
        // Never from inside the call.
        QMetaObject::invokeMethod(
            this, [this, ticket, reason] { emit notStored(ticket, reason); }, Qt::QueuedConnection);
    }
    return ticket;
}

QList<LeadSummary> ResendGateway::findRecent(const QString &phone, const QString &offer,
                                             const QDateTime &since) const
{
    // The lead being corrected is itself in the journal: it must not warn about itself.
    QList<LeadSummary> found = m_outbox ? m_outbox->findRecent(phone, offer, since) : QList<LeadSummary>();
    found.removeIf([this](const LeadSummary &summary) {
        return summary.ourOrderId == m_orderId || summary.ourOrderId == m_key;
    });
    return found;
}

#include "ActiveProfileGateway.h"

#include "sync/Outbox.h"

void ActiveProfileGateway::setOutbox(Outbox *outbox)
{
    if (m_outbox)
        disconnect(m_outbox, nullptr, this, nullptr);
    m_outbox = outbox;
    if (!outbox)
        return;
    connect(outbox, &LeadGateway::sent, this, &LeadGateway::sent);
    connect(outbox, &LeadGateway::rejected, this, &LeadGateway::rejected);
    connect(outbox, &LeadGateway::deferred, this, &LeadGateway::deferred);
}

QString ActiveProfileGateway::submit(const Lead &lead)
{
    if (!m_outbox) {
        m_lastError = tr("No profile is active yet; the lead was not stored. Try again in a moment.");
        return {};
    }
    const QString id = m_outbox->submit(lead);
    m_lastError = id.isEmpty() ? m_outbox->lastError() : QString();
    return id;
}

QString ActiveProfileGateway::lastError() const
{
    return m_lastError;
}

QList<LeadSummary> ActiveProfileGateway::findRecent(const QString &phone, const QString &offer,
                                                    const QDateTime &since) const
{
    return m_outbox ? m_outbox->findRecent(phone, offer, since) : QList<LeadSummary>();
}

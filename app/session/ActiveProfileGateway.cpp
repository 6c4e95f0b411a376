#include "ActiveProfileGateway.h"

#include "sync/Outbox.h"

void ActiveProfileGateway::setOutbox(Outbox *outbox)
{
    if (m_outbox)
        disconnect(m_outbox, nullptr, this, nullptr);
    // Leads still being stored by the previous profile's outbox get no answer from it any more: say
    // so, rather than leave the form waiting. (The commit may still land; then that profile's outbox
    // sends the lead when the profile is next active.)
    const QList<quint64> unanswered = m_ticketOfOutboxTicket.values();
    m_ticketOfOutboxTicket.clear();
    for (const quint64 ticket : unanswered)
        emit notStored(ticket, tr("The profile changed while this lead was being saved. Look for it in the "
                                  "previous profile's outbox before sending it again."));
    m_outbox = outbox;
    if (!outbox)
        return;
    connect(outbox, &LeadGateway::sent, this, &LeadGateway::sent);
    connect(outbox, &LeadGateway::rejected, this, &LeadGateway::rejected);
    connect(outbox, &LeadGateway::deferred, this, &LeadGateway::deferred);
    connect(outbox, &LeadGateway::stored, this, [this](quint64 outboxTicket, const QString &id) {
        if (m_ticketOfOutboxTicket.contains(outboxTicket))
            emit stored(m_ticketOfOutboxTicket.take(outboxTicket), id);
    });
    connect(outbox, &LeadGateway::notStored, this, [this](quint64 outboxTicket, const QString &reason) {
        if (m_ticketOfOutboxTicket.contains(outboxTicket))
            emit notStored(m_ticketOfOutboxTicket.take(outboxTicket), reason);
    });
}

void ActiveProfileGateway::setMissingCredentials(const QString &sentence)
{
    m_missingCredentials = sentence;
}

QString ActiveProfileGateway::refusal() const
{
    return tr("%1 Enter them in the settings, then send the lead again.").arg(m_missingCredentials);
}

quint64 ActiveProfileGateway::submitInBackground(const Lead &lead)
{
    if (m_outbox && !m_missingCredentials.isEmpty()) {
        const quint64 ticket = nextSubmitTicket();
        // Never from inside the call.
        QMetaObject::invokeMethod(
            this,
            [this, ticket, reason = refusal()] {
                emit notStored(ticket, reason);
                emit credentialsNeeded();
            },
            Qt::QueuedConnection);
        return ticket;
    }
    if (!m_outbox)
        return LeadGateway::submitInBackground(lead); // answers "no profile" through submit()
    const quint64 ticket = nextSubmitTicket();
    m_ticketOfOutboxTicket.insert(m_outbox->submitInBackground(lead), ticket);
    return ticket;
}

QString ActiveProfileGateway::submit(const Lead &lead)
{
    if (!m_outbox) {
        m_lastError = tr("No profile is active yet; the lead was not stored. Try again in a moment.");
        return {};
    }
    if (!m_missingCredentials.isEmpty()) {
        m_lastError = refusal();
        QMetaObject::invokeMethod(this, &ActiveProfileGateway::credentialsNeeded, Qt::QueuedConnection);
        return {};
    }
    const QString id = m_outbox->submit(lead);
    m_lastError = id.isEmpty() ? m_outbox->lastError() : QString();
    return id;
}

bool ActiveProfileGateway::editAndResend(const QString &key, const Lead &lead)
{
    if (!m_outbox) {
        m_lastError = tr("No profile is active yet; the lead was not stored. Try again in a moment.");
        return false;
    }
    if (!m_missingCredentials.isEmpty()) {
        m_lastError = refusal();
        QMetaObject::invokeMethod(this, &ActiveProfileGateway::credentialsNeeded, Qt::QueuedConnection);
        return false;
    }
    const bool ok = m_outbox->editAndResend(key, lead);
    m_lastError = ok ? QString() : m_outbox->lastError();
    return ok;
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

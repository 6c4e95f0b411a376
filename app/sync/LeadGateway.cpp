#include "LeadGateway.h"

quint64 LeadGateway::submitInBackground(const Lead &lead)
{
    const quint64 ticket = nextSubmitTicket();
    // submit() runs later, not now: its answers (queued from inside it) then follow stored().
    QMetaObject::invokeMethod(
        this,
        [this, ticket, lead] {
            const QString id = submit(lead);
            if (id.isEmpty())
                emit notStored(ticket, lastError());
            else
                emit stored(ticket, id);
        },
        Qt::QueuedConnection);
    return ticket;
}

bool LeadGateway::editAndResend(const QString &, const Lead &)
{
    return false;
}

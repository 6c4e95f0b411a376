#include "ScriptedLeadGateway.h"

#include <QMetaObject>

#include <algorithm>

ScriptedLeadGateway::ScriptedLeadGateway(QObject *parent) : LeadGateway(parent) {}

void ScriptedLeadGateway::scriptNextAnswer(const Answer &answer)
{
    m_script.enqueue(answer);
}

void ScriptedLeadGateway::answer(const QString &ourOrderId, const Answer &answer)
{
    deliver(ourOrderId, answer);
}

void ScriptedLeadGateway::addEarlierLead(const QString &phone, const QString &offer,
                                         const LeadSummary &summary)
{
    m_journal.append({phone, offer, summary});
}

QString ScriptedLeadGateway::record(const Lead &lead, Answer *next)
{
    m_submitted.append(lead);
    *next = m_script.isEmpty() ? Answer{} : m_script.dequeue();
    if (next->outcome == Outcome::StoreFails) {
        m_lastError = QStringLiteral("disk full");
        return QString();
    }
    m_lastError.clear();
    const QString ourId = QString::number(m_nextId++);
    m_issuedIds.append(ourId);
    LeadSummary summary;
    summary.ourOrderId = ourId;
    summary.createdAt = QDateTime::currentDateTimeUtc();
    summary.sendState = QStringLiteral("queued");
    summary.name = lead.name;
    m_journal.append({lead.phone, lead.offer, summary});
    return ourId;
}

QString ScriptedLeadGateway::submit(const Lead &lead)
{
    Answer next;
    const QString ourId = record(lead, &next);
    if (!ourId.isEmpty() && next.outcome != Outcome::Silent) {
        QMetaObject::invokeMethod(
            this, [this, ourId, next] { deliver(ourId, next); }, Qt::QueuedConnection);
    }
    return ourId;
}

quint64 ScriptedLeadGateway::submitInBackground(const Lead &lead)
{
    // The lead is recorded at once, so a test sees what the form handed over right after Send; the
    // answers come as from the outbox: stored (or not) first, then the network's.
    const quint64 ticket = nextSubmitTicket();
    Answer next;
    const QString ourId = record(lead, &next);
    const QString error = m_lastError;
    QMetaObject::invokeMethod(
        this,
        [this, ticket, ourId, next, error] {
            if (ourId.isEmpty()) {
                emit notStored(ticket, error);
                return;
            }
            emit stored(ticket, ourId);
            if (next.outcome != Outcome::Silent)
                deliver(ourId, next);
        },
        Qt::QueuedConnection);
    return ticket;
}

QList<LeadSummary> ScriptedLeadGateway::findRecent(const QString &phone, const QString &offer,
                                                   const QDateTime &since) const
{
    ++m_findRecentCalls;
    QList<LeadSummary> found;
    for (const Stored &stored : m_journal) {
        if (stored.phone == phone && stored.offer == offer && stored.summary.createdAt >= since)
            found.append(stored.summary);
    }
    std::sort(found.begin(), found.end(),
              [](const LeadSummary &a, const LeadSummary &b) { return a.createdAt > b.createdAt; });
    return found;
}

void ScriptedLeadGateway::deliver(const QString &ourOrderId, const Answer &answer)
{
    for (Stored &stored : m_journal) {
        if (stored.summary.ourOrderId != ourOrderId)
            continue;
        switch (answer.outcome) {
        case Outcome::Sent:
            stored.summary.sendState = QStringLiteral("sent");
            stored.summary.networkOrderId =
                answer.networkOrderId.isEmpty() ? QStringLiteral("N") + ourOrderId : answer.networkOrderId;
            stored.summary.stage = QStringLiteral("wait");
            stored.summary.status = 1;
            break;
        case Outcome::Rejected:
            stored.summary.sendState = QStringLiteral("rejected");
            break;
        default:
            break;
        }
    }
    switch (answer.outcome) {
    case Outcome::Sent:
        emit sent(ourOrderId,
                  answer.networkOrderId.isEmpty() ? QStringLiteral("N") + ourOrderId : answer.networkOrderId);
        break;
    case Outcome::Rejected:
        emit rejected(ourOrderId, answer.error);
        break;
    case Outcome::Deferred:
        emit deferred(ourOrderId, answer.error);
        break;
    case Outcome::Silent:
    case Outcome::StoreFails:
        break;
    }
}

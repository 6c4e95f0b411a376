#include "Outbox.h"

#include "LeadTransport.h"
#include "SyncLog.h"
#include "journal/Clock.h"
#include "journal/Journal.h"
#include "journal/OrderIdGenerator.h"

namespace {
const QString autoId = QStringLiteral("auto");
const QString duplicateCode = QStringLiteral("duplicate");
const QString interruptedCode = QStringLiteral("interrupted");
} // namespace

Outbox::Outbox(Journal *journal, LeadTransport *transport, OrderIdGenerator *orderIds,
               const QString &profileId, Clock *clock, QObject *parent)
    : LeadGateway(parent), m_journal(journal), m_transport(transport), m_orderIds(orderIds),
      m_profileId(profileId), m_clock(clock ? clock : SystemClock::instance()),
      m_wakeUp(m_clock->createTimer(this)), m_backgroundIds(std::make_shared<BackgroundIds>())
{
    connect(m_wakeUp, &ClockTimer::timeout, this, &Outbox::pump);
}

Outbox::~Outbox()
{
    // Calls still out are abandoned, not answered: their leads stay "sending" (or unknown with a
    // lease) in the journal and are looked up by the next start() before any resend.
    const auto calls = m_inFlight;
    m_inFlight.clear();
    for (const QPointer<QObject> &call : calls) {
        if (!call)
            continue;
        call->disconnect(this);
        if (auto *add = qobject_cast<AddCall *>(call.data()))
            add->abort();
        else if (auto *fetch = qobject_cast<StatusFetch *>(call.data()))
            fetch->cancel();
    }
}

void Outbox::setRetrySchedule(const RetrySchedule &schedule)
{
    m_schedule = schedule;
}

void Outbox::setMaxInFlight(int count)
{
    m_maxInFlight = qMax(1, count);
    queuePump();
}

void Outbox::start()
{
    if (m_started)
        return;
    m_started = true;
    const QString profileId = m_profileId;
    const qint64 now = m_clock->nowMs();
    const QString numberedText =
        tr("CPA Desk stopped while this lead was being sent. Checking with the network whether it arrived "
           "before sending it again.");
    const QString autoText =
        tr("CPA Desk stopped while this lead was being sent. It was sent with the id \"auto\", so it cannot "
           "be looked up or sent again safely: check with the network, then resend or discard it.");
    // First in the background connection's queue, so before any "sending" this run writes: only
    // leads a dead process left "sending" are recovered.
    m_journal->writeInBackground(
        this,
        [=](Journal &journal) {
            const int recovered =
                journal.recoverInterruptedSends(profileId, now, interruptedCode, numberedText, autoText);
            if (recovered > 0)
                qCInfo(lcSync) << recovered << "interrupted sends recovered as unknown";
            // A look-up lease belongs to the process that took it; after a restart nobody holds it, so
            // leads waiting to be looked up are looked up now instead of when a dead process's lease
            // runs out. (Queued leads keep their stored backoff schedule.)
            return recovered >= 0 && journal.makeWaitingDue(profileId, now, {SendState::Unknown}) >= 0;
        },
        [this](bool ok, const QString &error) {
            if (!ok)
                qCWarning(lcSync) << "start-up recovery not stored:" << error;
            updateWaitingCount();
            queuePump();
        });
    updateWaitingCount();
}

void Outbox::setCredentialsMissing(bool missing)
{
    m_credentialsMissing = missing;
    if (missing)
        m_wakeUp->stop();
    else
        queuePump();
}

QString Outbox::keyFor(Lead &lead, OrderIdGenerator &orderIds, QString *error)
{
    lead.orderId = lead.orderId.trimmed();
    if (lead.orderId.isEmpty()) {
        lead.orderId = orderIds.next();
        if (lead.orderId.isEmpty())
            *error = tr("No order id could be reserved: %1").arg(orderIds.errorString());
        return lead.orderId;
    }
    if (lead.orderId == autoId) {
        // Only a placeholder for the journal: what goes to the network stays "auto".
        const QString placeholder = orderIds.next();
        if (placeholder.isEmpty()) {
            *error = tr("No journal key could be reserved: %1").arg(orderIds.errorString());
            return QString();
        }
        return QStringLiteral("auto-") + placeholder;
    }
    return lead.orderId;
}

QString Outbox::submit(const Lead &lead)
{
    m_lastError.clear();
    Lead stored = lead;
    const QString key = keyFor(stored, *m_orderIds, &m_lastError);
    if (key.isEmpty())
        return QString();
    if (!m_journal->addLead(m_profileId, key, stored, m_clock->nowMs())) {
        m_lastError = tr("The lead was not stored, and not sent: %1").arg(m_journal->errorString());
        return QString();
    }
    updateWaitingCount();
    queuePump(); // never send from inside submit(): the caller first learns the id
    return key;
}

quint64 Outbox::submitInBackground(const Lead &lead)
{
    const quint64 ticket = nextSubmitTicket();
    // What the job makes in the background thread, read here once its commit is delivered.
    struct Outcome
    {
        QString key;
        QString idError;
    };
    const auto outcome = std::make_shared<Outcome>();
    const auto ids = m_backgroundIds;
    const Clock *clock = m_clock;
    const QString profileId = m_profileId;
    const qint64 now = m_clock->nowMs();
    m_journal->writeInBackground(
        this,
        [=](Journal &journal) {
            // Ids are claimed through the connection that stores the lead; the claim is a commit too.
            if (ids->boundTo != &journal) {
                ids->generator = std::make_unique<OrderIdGenerator>(&journal, clock);
                ids->boundTo = &journal;
            }
            Lead stored = lead;
            outcome->key = keyFor(stored, *ids->generator, &outcome->idError);
            return !outcome->key.isEmpty() && journal.addLead(profileId, outcome->key, stored, now);
        },
        [this, ticket, outcome](bool ok, const QString &error) {
            if (!ok) {
                emit notStored(ticket, outcome->idError.isEmpty()
                                           ? tr("The lead was not stored, and not sent: %1").arg(error)
                                           : outcome->idError);
                return;
            }
            updateWaitingCount();
            emit stored(ticket, outcome->key);
            queuePump();
        });
    return ticket;
}

QString Outbox::lastError() const
{
    return m_lastError;
}

QList<LeadSummary> Outbox::findRecent(const QString &phone, const QString &offer,
                                      const QDateTime &since) const
{
    return m_journal->findRecent(m_profileId, phone, offer, since);
}

QList<JournalEntry> Outbox::entries() const
{
    return m_journal->outboxEntries(m_profileId);
}

int Outbox::waitingCount() const
{
    return m_journal->waitingCount(m_profileId);
}

void Outbox::updateWaitingCount()
{
    const int count = waitingCount();
    if (count != m_lastWaitingCount) {
        m_lastWaitingCount = count;
        emit waitingCountChanged(count);
    }
}

void Outbox::queuePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &Outbox::pump, Qt::QueuedConnection);
}

void Outbox::pump()
{
    m_pumpQueued = false;
    if (!m_started || m_credentialsMissing)
        return;
    while (m_inFlight.size() < m_maxInFlight) {
        const int room = m_maxInFlight - int(m_inFlight.size());
        // Ask for more than there is room for: entries already in flight are skipped below.
        const QList<JournalEntry> due =
            m_journal->dueEntries(m_profileId, m_clock->nowMs(), room + int(m_inFlight.size()));
        int started = 0;
        for (const JournalEntry &entry : due) {
            if (started == room)
                break;
            if (isBusy(entry.key))
                continue;
            bool ok = false;
            if (entry.sendState == SendState::Queued)
                ok = startSend(entry);
            else if (entry.sendState == SendState::Unknown && !entry.isAuto())
                ok = startLookup(entry);
            if (!ok)
                break; // the journal refused a write: nothing may go out until it works again
            ++started;
        }
        if (started == 0)
            break;
    }
    scheduleWakeUp();
}

void Outbox::scheduleWakeUp()
{
    m_wakeUp->stop();
    if (m_inFlight.size() >= m_maxInFlight)
        return; // a finishing call pumps again
    const std::optional<qint64> next = m_journal->nextDueTime(m_profileId);
    if (!next)
        return;
    // Due but not started means the journal refused a write: try again a little later.
    const qint64 delay = *next - m_clock->nowMs();
    m_wakeUp->start(delay > 0 ? delay : m_schedule.policy().firstDelayMs);
}

void Outbox::writeThen(const QString &key, Journal::BackgroundWrite write, Journal::WriteDone then)
{
    // The lead stays busy until its state is committed: nothing else may start on it meanwhile.
    if (!m_inFlight.contains(key))
        m_inFlight.insert(key, nullptr);
    m_journal->writeInBackground(this, std::move(write), std::move(then));
}

void Outbox::writeThenSettle(const QString &key, Journal::BackgroundWrite write, Journal::WriteDone announce)
{
    writeThen(
        key, std::move(write), [this, key, announce = std::move(announce)](bool ok, const QString &error) {
            m_inFlight.remove(key); // free before anyone hears of it: a listener may act on the lead at once
            announce(ok, error);
            updateWaitingCount();
            queuePump();
        });
}

void Outbox::holdBack(const QString &key, const QString &error)
{
    qCWarning(lcSync) << "no request for a lead: the journal refused the write before it:" << error;
    m_inFlight.remove(key);
    // Nothing may go out until the journal works again: try later, not in a loop.
    m_wakeUp->start(m_schedule.policy().firstDelayMs);
}

bool Outbox::startSend(const JournalEntry &entry)
{
    const QByteArray body = m_transport->requestBody(entry.lead);
    const QString profileId = m_profileId;
    const qint64 now = m_clock->nowMs();
    // Recorded before the request exists: if we die from here on, the next start looks it up.
    writeThen(
        entry.key,
        [profileId, key = entry.key, body, now](Journal &journal) {
            return journal.markSending(profileId, key, body, now);
        },
        [this, entry](bool ok, const QString &error) {
            if (!ok) {
                holdBack(entry.key, error);
                return;
            }
            AddCall *call = m_transport->sendLead(entry.lead);
            m_inFlight.insert(entry.key, call);
            connect(call, &AddCall::finished, this,
                    [this, entry](const AddResult &result) { onSendFinished(entry, result); });
            updateWaitingCount();
        });
    return true;
}

void Outbox::onSendFinished(const JournalEntry &entry, const AddResult &result)
{
    const QString profileId = m_profileId;
    const QString key = entry.key;
    const qint64 now = m_clock->nowMs();
    const int attempts = entry.attempts + 1;
    if (result.ok()) {
        const QString learnedId = entry.isAuto() ? result.ourOrderId : QString();
        writeThenSettle(
            key,
            [=](Journal &journal) {
                return journal.markSent(profileId, key, result.networkOrderId, learnedId, now);
            },
            [this, key, result](bool ok, const QString &error) {
                if (!ok)
                    qCWarning(lcSync)
                        << "sent, but the journal could not record it; it will be looked up:" << error;
                emit sent(key, result.networkOrderId);
            });
    } else if (result.error.isService() && result.error.code == duplicateCode && !entry.isAuto()) {
        // Maybe our own attempt, even on the first try: a proxy or the network stack may have
        // resent it after the network stored it. list.json for our id says which, at the cost
        // of one request; only an order under another id makes it a real duplicate.
        JournalEntry inDoubt = entry;
        inDoubt.errorCode = duplicateCode;
        inDoubt.errorText = tr("The network reports a duplicate: checking whether it holds this order "
                               "under our id %1.")
                                .arg(entry.orderId);
        inDoubt.attempts = attempts;
        inDoubt.maybeDelivered = true;
        m_inFlight.remove(key);
        startLookup(inDoubt);
    } else if (result.error.isService()) {
        writeThenSettle(
            key,
            [=](Journal &journal) {
                return journal.markRejected(profileId, key, result.error.code, result.error.message);
            },
            [this, key, result](bool, const QString &) { emit rejected(key, result.error); });
    } else if (entry.isAuto()) {
        ApiError error = result.error;
        error.message = tr("No answer from the network (%1). This lead was sent with the id \"auto\", so "
                           "sending it again could create a second order: it is not retried automatically. "
                           "Check with the network, then resend or discard it.")
                            .arg(result.error.message.isEmpty() ? result.error.code : result.error.message);
        writeThenSettle(
            key,
            [=](Journal &journal) {
                return journal.markWaiting(profileId, key, SendState::Unknown, error.code, error.message, -1,
                                           true);
            },
            [this, key, error](bool, const QString &) {
                emit deferred(key, error);
                emit outcomeUnknown(key, error);
            });
    } else {
        // Transport failure or an abort: it may have arrived, and the same id makes a retry safe.
        const qint64 delay = m_schedule.delayAfterFailure(attempts);
        qCInfo(lcSync) << "send failed:" << result.error.code << "- retry in" << delay << "ms";
        writeThenSettle(
            key,
            [=](Journal &journal) {
                return journal.markWaiting(profileId, key, SendState::Queued, result.error.code,
                                           result.error.message, now + delay, true);
            },
            [this, key, result](bool, const QString &) { emit deferred(key, result.error); });
    }
}

bool Outbox::startLookup(const JournalEntry &entry)
{
    const QString profileId = m_profileId;
    const qint64 now = m_clock->nowMs();
    // A lease: if we die during the look-up, it is due again when the lease runs out.
    writeThen(
        entry.key,
        [profileId, entry, now](Journal &journal) {
            return journal.markWaiting(profileId, entry.key, SendState::Unknown, entry.errorCode,
                                       entry.errorText, now + LookupLeaseMs, true);
        },
        [this, entry](bool ok, const QString &error) {
            if (!ok) {
                holdBack(entry.key, error);
                return;
            }
            StatusFetch *call = m_transport->fetchStatuses({entry.orderId});
            m_inFlight.insert(entry.key, call);
            connect(call, &StatusFetch::finished, this,
                    [this, entry](const ListResult &result) { onLookupFinished(entry, result); });
        });
    return true;
}

void Outbox::onLookupFinished(const JournalEntry &entry, const ListResult &result)
{
    const QString profileId = m_profileId;
    const QString key = entry.key;
    const qint64 now = m_clock->nowMs();
    if (!result.error.isOk()) {
        const int failures = ++m_lookupFailures[key];
        const qint64 next = now + m_schedule.delayAfterFailure(failures);
        writeThenSettle(
            key,
            [=](Journal &journal) {
                return journal.markWaiting(profileId, key, SendState::Unknown, entry.errorCode,
                                           entry.errorText, next, true);
            },
            [this, key, result](bool, const QString &) { emit deferred(key, result.error); });
        return;
    }
    m_lookupFailures.remove(key);
    const auto found = std::find_if(result.rows.cbegin(), result.rows.cend(), [&entry](const StatusRow &row) {
        return row.ourOrderId == entry.orderId;
    });
    if (found != result.rows.cend()) {
        const StatusRow row = *found;
        writeThenSettle(
            key,
            [=](Journal &journal) {
                // Both or neither: the lead is sent, with what the network says of it.
                journal.beginBatch();
                journal.markSent(profileId, key, row.networkOrderId, QString(), now);
                journal.mergeStatus(profileId, row, now);
                return journal.commitBatch();
            },
            [this, key, row](bool, const QString &) { emit sent(key, row.networkOrderId); });
    } else if (entry.errorCode == duplicateCode) {
        ApiError error;
        error.kind = ApiError::Kind::Service;
        error.code = duplicateCode;
        error.message = tr("The network reports a duplicate, but holds no order with our id %1: it already "
                           "has this customer's order under another id.")
                            .arg(entry.orderId);
        writeThenSettle(
            key,
            [=](Journal &journal) { return journal.markRejected(profileId, key, error.code, error.message); },
            [this, key, error](bool, const QString &) { emit rejected(key, error); });
    } else {
        // Not there: the interrupted attempt never arrived. Send again, same id.
        const QString text = tr("Not found on the network after an interrupted attempt: sending again "
                                "with the same order id.");
        writeThenSettle(
            key,
            [=](Journal &journal) {
                return journal.markWaiting(profileId, key, SendState::Queued, entry.errorCode, text, now,
                                           true);
            },
            [](bool, const QString &) {});
    }
}

std::optional<JournalEntry> Outbox::idleEntry(const QString &key)
{
    m_lastError.clear();
    if (isBusy(key)) {
        m_lastError = tr("Lead %1 is being sent right now.").arg(key);
        return std::nullopt;
    }
    std::optional<JournalEntry> entry = m_journal->entry(m_profileId, key);
    if (!entry)
        m_lastError = tr("The journal holds no lead %1.").arg(key);
    return entry;
}

void Outbox::retryNow()
{
    const QString profileId = m_profileId;
    const qint64 now = m_clock->nowMs();
    m_journal->writeInBackground(
        this, [=](Journal &journal) { return journal.makeWaitingDue(profileId, now) >= 0; },
        [this](bool ok, const QString &error) {
            if (!ok)
                emit actionFailed(QString(), error);
            queuePump();
        });
}

bool Outbox::retry(const QString &key)
{
    const std::optional<JournalEntry> entry = idleEntry(key);
    if (!entry)
        return false;
    const QString profileId = m_profileId;
    const qint64 now = m_clock->nowMs();
    const auto requeue = [=](Journal &journal) {
        return journal.requeue(profileId, key, now);
    };
    Journal::BackgroundWrite write;
    switch (entry->sendState) {
    case SendState::Queued:
    case SendState::Rejected:
        write = requeue;
        break;
    case SendState::Unknown:
        // A numbered lead is looked up first; an "auto" one is sent again because the user says so.
        if (entry->isAuto()) {
            write = requeue;
        } else {
            const QString code = entry->errorCode;
            const QString text = entry->errorText;
            write = [=](Journal &journal) {
                return journal.markWaiting(profileId, key, SendState::Unknown, code, text, now, true);
            };
        }
        break;
    default:
        m_lastError = tr("Lead %1 is not waiting to be sent.").arg(key);
        return false;
    }
    writeThenSettle(key, std::move(write), [this, key](bool ok, const QString &error) {
        if (!ok)
            emit actionFailed(key, error);
    });
    return true;
}

std::optional<Lead> Outbox::editedLead(const QString &key, const Lead &lead)
{
    const std::optional<JournalEntry> entry = idleEntry(key);
    if (!entry)
        return std::nullopt;
    // A queued lead whose earlier attempt went unanswered may already be on the network: a resend with
    // the same id would be confirmed as that earlier lead and the edit silently lost.
    const bool editable = (entry->sendState == SendState::Queued && !entry->maybeDelivered) ||
                          entry->sendState == SendState::Rejected ||
                          (entry->sendState == SendState::Unknown && entry->isAuto());
    if (!editable) {
        m_lastError =
            tr("Lead %1 may already be on the network: it cannot be changed until that is checked.").arg(key);
        return std::nullopt;
    }
    Lead edited = lead;
    edited.orderId = entry->lead.orderId; // the id is what makes a retry safe: it never changes
    return edited;
}

bool Outbox::editAndResend(const QString &key, const Lead &lead)
{
    const std::optional<Lead> edited = editedLead(key, lead);
    if (!edited)
        return false;
    if (!m_journal->replaceLead(m_profileId, key, *edited, m_clock->nowMs())) {
        m_lastError = m_journal->errorString();
        return false;
    }
    updateWaitingCount();
    queuePump();
    return true;
}

bool Outbox::editAndResendInBackground(const QString &key, const Lead &lead, Journal::WriteDone done)
{
    const std::optional<Lead> edited = editedLead(key, lead);
    if (!edited)
        return false;
    const QString profileId = m_profileId;
    const qint64 now = m_clock->nowMs();
    const Lead corrected = *edited;
    writeThenSettle(
        key, [=](Journal &journal) { return journal.replaceLead(profileId, key, corrected, now); },
        std::move(done));
    return true;
}

bool Outbox::discard(const QString &key)
{
    const std::optional<JournalEntry> entry = idleEntry(key);
    if (!entry)
        return false;
    if (entry->sendState != SendState::Queued && entry->sendState != SendState::Unknown &&
        entry->sendState != SendState::Rejected) {
        m_lastError = tr("Lead %1 is not in the outbox.").arg(key);
        return false;
    }
    const QString profileId = m_profileId;
    writeThenSettle(
        key, [=](Journal &journal) { return journal.remove(profileId, key); },
        [this, key](bool ok, const QString &error) {
            if (!ok)
                emit actionFailed(key, error);
        });
    return true;
}

#include "FakeLeadTransport.h"

#include <QTimer>

namespace {

class FakeAdd : public AddCall
{
    Q_OBJECT
public:
    using AddCall::AddCall;

    void answerLater(const AddResult &result)
    {
        QTimer::singleShot(0, this, [this, result] { finish(result); });
    }
    void abort() override
    {
        QTimer::singleShot(0, this, [this] { finish(cancelled()); });
    }

private:
    static AddResult cancelled()
    {
        AddResult result;
        result.error = makeApiError(ApiError::Kind::Cancelled, QStringLiteral("cancelled"));
        return result;
    }
    void finish(const AddResult &result)
    {
        if (m_done)
            return;
        m_done = true;
        emit finished(result);
        deleteLater();
    }
    bool m_done = false;
};

class FakeStatuses : public StatusFetch
{
    Q_OBJECT
public:
    FakeStatuses(FetchedRows rows, QObject *parent) : StatusFetch(parent), m_rows(rows) {}

    void answerLater(const QList<ListResult> &batches, const ApiError &error, bool thenFinish = true)
    {
        QTimer::singleShot(0, this, [this, batches, error, thenFinish] {
            ListResult merged;
            merged.error = error;
            int done = 0;
            for (const ListResult &batch : batches) {
                if (m_done)
                    return;
                if (m_rows == FetchedRows::InBatchesAndAtTheEnd)
                    merged.rows += batch.rows;
                emit batchFinished(batch);
                emit progress(++done, int(batches.size()));
            }
            if (thenFinish)
                finish(merged);
        });
    }
    void cancel() override
    {
        QTimer::singleShot(0, this, [this] {
            ListResult result;
            result.error = makeApiError(ApiError::Kind::Cancelled, QStringLiteral("cancelled"));
            finish(result);
        });
    }

private:
    void finish(const ListResult &result)
    {
        if (m_done)
            return;
        m_done = true;
        emit finished(result);
        deleteLater();
    }
    const FetchedRows m_rows;
    bool m_done = false;
};

} // namespace

ApiError makeApiError(ApiError::Kind kind, const QString &code)
{
    ApiError error;
    error.kind = kind;
    error.code = code;
    error.message = QStringLiteral("scripted %1").arg(code);
    return error;
}

FakeLeadTransport::FakeLeadTransport(QObject *parent) : QObject(parent) {}

void FakeLeadTransport::queueAdd(AddOutcome outcome, const QString &code)
{
    m_adds.append({outcome, code});
}

void FakeLeadTransport::queueFetch(FetchOutcome outcome, const QString &code)
{
    m_fetches.append({outcome, code, {}, false});
}

void FakeLeadTransport::queueFetchRows(const QList<StatusRow> &rows)
{
    m_fetches.append({FetchOutcome::Answer, QString(), rows, true});
}

void FakeLeadTransport::store(const StatusRow &row)
{
    m_stored.insert(row.ourOrderId, row);
}

int FakeLeadTransport::addCallsInFlight() const
{
    int count = 0;
    for (const QPointer<AddCall> &call : m_addCalls) {
        if (call)
            ++count;
    }
    return count;
}

QByteArray FakeLeadTransport::requestBody(const Lead &lead) const
{
    return "id=" + lead.orderId.toUtf8() + "&offer=" + lead.offer.toUtf8() + "&phone=" + lead.phone.toUtf8();
}

AddCall *FakeLeadTransport::sendLead(const Lead &lead)
{
    sentLeads.append(lead);
    if (beforeSend)
        beforeSend(lead);
    auto *call = new FakeAdd(this);
    m_addCalls.append(call);
    const ScriptedAdd script =
        m_adds.isEmpty() ? ScriptedAdd{AddOutcome::Accept, QString()} : m_adds.takeFirst();

    AddResult result;
    const auto storeLead = [&] {
        StatusRow row;
        row.ourOrderId =
            lead.orderId == QLatin1String("auto") ? QString::number(m_nextAutoId++) : lead.orderId;
        row.networkOrderId = QString::number(m_nextNetworkId++);
        row.stage = QStringLiteral("wait");
        row.status = 1;
        m_stored.insert(row.ourOrderId, row);
        result.networkOrderId = row.networkOrderId;
        result.ourOrderId = row.ourOrderId;
    };
    switch (script.outcome) {
    case AddOutcome::Accept:
        if (m_stored.contains(lead.orderId))
            result.error = makeApiError(ApiError::Kind::Service, QStringLiteral("duplicate"));
        else
            storeLead();
        break;
    case AddOutcome::Reject:
        result.error = makeApiError(ApiError::Kind::Service, script.code);
        break;
    case AddOutcome::Fail:
        result.error = makeApiError(ApiError::Kind::Transport, script.code);
        break;
    case AddOutcome::StoreThenFail:
        if (!m_stored.contains(lead.orderId))
            storeLead();
        result = AddResult();
        result.error = makeApiError(ApiError::Kind::Transport, script.code);
        break;
    case AddOutcome::Hang:
        return call;
    }
    call->answerLater(result);
    return call;
}

StatusFetch *FakeLeadTransport::fetchStatuses(const QStringList &ourOrderIds, FetchedRows rows)
{
    fetchRequests.append(ourOrderIds);
    auto *call = new FakeStatuses(rows, this);
    const ScriptedFetch script = m_fetches.isEmpty()
                                     ? ScriptedFetch{FetchOutcome::Answer, QString(), {}, false}
                                     : m_fetches.takeFirst();
    if (script.outcome == FetchOutcome::Hang)
        return call;
    if (script.outcome == FetchOutcome::Fail) {
        call->answerLater({}, makeApiError(ApiError::Kind::Transport, script.code));
        return call;
    }
    // Like the client: one request (one batch) per 50 ids asked for.
    QList<ListResult> batches;
    for (int start = 0; start < ourOrderIds.size(); start += 50) {
        ListResult batch;
        const QStringList chunk = ourOrderIds.mid(start, 50);
        if (script.rowsGiven) {
            for (const StatusRow &row : script.rows) {
                if (chunk.contains(row.ourOrderId))
                    batch.rows.append(row);
            }
        } else {
            for (const QString &id : chunk) {
                if (m_stored.contains(id))
                    batch.rows.append(m_stored.value(id));
            }
        }
        batches.append(batch);
    }
    call->answerLater(batches, ApiError(), script.outcome != FetchOutcome::AnswerThenHang);
    return call;
}

#include "FakeLeadTransport.moc"

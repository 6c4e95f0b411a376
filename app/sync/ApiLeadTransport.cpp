#include "ApiLeadTransport.h"

#include "api/ApiClient.h"
#include "api/LeadEncoder.h"

#include <QPointer>

namespace {

// No Q_OBJECT: these only forward the base classes' signals, and keeping them out of moc keeps
// ApiClient's symbols out of any binary that does not use this adapter.
class ForwardedAdd : public PendingAdd
{
public:
    explicit ForwardedAdd(AddCall *call) : m_call(call)
    {
        connect(call, &AddCall::finished, this, [this](const AddResult &result) {
            emit finished(result);
            deleteLater();
        });
    }
    void abort() override
    {
        if (m_call)
            m_call->abort();
    }

private:
    QPointer<AddCall> m_call;
};

class ForwardedStatuses : public PendingStatuses
{
public:
    explicit ForwardedStatuses(StatusFetch *fetch) : m_fetch(fetch)
    {
        connect(fetch, &StatusFetch::progress, this, &PendingStatuses::progress);
        connect(fetch, &StatusFetch::batchFinished, this, &PendingStatuses::batchFinished);
        connect(fetch, &StatusFetch::finished, this, [this](const ListResult &merged) {
            emit finished(merged);
            deleteLater();
        });
    }
    void cancel() override
    {
        if (m_fetch)
            m_fetch->cancel();
    }

private:
    QPointer<StatusFetch> m_fetch;
};

} // namespace

ApiLeadTransport::ApiLeadTransport(ApiClient *client, int maxParallelFetches)
    : m_client(client), m_maxParallelFetches(maxParallelFetches)
{}

QByteArray ApiLeadTransport::requestBody(const Lead &lead) const
{
    // What the journal records as "the request as sent". A signed request also carries _nonce/_timer
    // fields, fresh on every attempt, which are not part of the record.
    return m_client->config().encoding == BodyEncoding::Json ? LeadEncoder::jsonBody(lead)
                                                             : LeadEncoder::formBody(lead);
}

PendingAdd *ApiLeadTransport::sendLead(const Lead &lead)
{
    return new ForwardedAdd(m_client->addLead(lead));
}

PendingStatuses *ApiLeadTransport::fetchStatuses(const QStringList &ourOrderIds, FetchedRows rows)
{
    return new ForwardedStatuses(m_client->fetchStatuses(ourOrderIds, m_maxParallelFetches, rows));
}

#include "ApiLeadTransport.h"

#include "api/ApiClient.h"
#include "api/LeadEncoder.h"

ApiLeadTransport::ApiLeadTransport(ApiClient *client, int maxParallelFetches)
    : m_client(client), m_maxParallelFetches(qMax(0, maxParallelFetches))
{}

void ApiLeadTransport::setMaxParallelFetches(int count)
{
    m_maxParallelFetches = qMax(0, count);
}

int ApiLeadTransport::parallelFetches() const
{
    return parallelFetchesFor(m_client->config().baseUrl, m_maxParallelFetches);
}

int ApiLeadTransport::parallelFetchesFor(const QUrl &baseUrl, int requested)
{
    if (requested > 0)
        return qMin(requested, MaxParallelFetches);
    return baseUrl.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? Http2ParallelFetches
                                                                                      : Http1ParallelFetches;
}

QByteArray ApiLeadTransport::requestBody(const Lead &lead) const
{
    // What the journal records as "the request as sent". A signed request also carries _nonce/_timer
    // fields, fresh on every attempt, which are not part of the record.
    return m_client->config().encoding == BodyEncoding::Json ? LeadEncoder::jsonBody(lead)
                                                             : LeadEncoder::formBody(lead);
}

AddCall *ApiLeadTransport::sendLead(const Lead &lead)
{
    return m_client->addLead(lead);
}

StatusFetch *ApiLeadTransport::fetchStatuses(const QStringList &ourOrderIds, FetchedRows rows)
{
    return m_client->fetchStatuses(ourOrderIds, parallelFetches(), rows);
}

#include "ApiLeadTransport.h"

#include "api/ApiClient.h"
#include "api/LeadEncoder.h"

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

AddCall *ApiLeadTransport::sendLead(const Lead &lead)
{
    return m_client->addLead(lead);
}

StatusFetch *ApiLeadTransport::fetchStatuses(const QStringList &ourOrderIds, FetchedRows rows)
{
    return m_client->fetchStatuses(ourOrderIds, m_maxParallelFetches, rows);
}

#pragma once

#include "LeadTransport.h"

class ApiClient;

// The outbox's and the poller's transport over the real ApiClient: its calls as they are, with the
// body the journal records and the number of list.json requests a fetch keeps in flight.
class ApiLeadTransport : public LeadTransport
{
public:
    explicit ApiLeadTransport(ApiClient *client, int maxParallelFetches = 4);

    QByteArray requestBody(const Lead &lead) const override;
    AddCall *sendLead(const Lead &lead) override;
    StatusFetch *fetchStatuses(const QStringList &ourOrderIds,
                               FetchedRows rows = FetchedRows::InBatchesAndAtTheEnd) override;

private:
    ApiClient *m_client;
    int m_maxParallelFetches;
};

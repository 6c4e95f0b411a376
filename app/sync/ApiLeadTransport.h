#pragma once

#include "LeadTransport.h"

class ApiClient;

// The outbox's and the poller's transport over the real ApiClient: a thin adapter that forwards the
// calls and their signals.
class ApiLeadTransport : public LeadTransport
{
public:
    explicit ApiLeadTransport(ApiClient *client, int maxParallelFetches = 4);

    QByteArray requestBody(const Lead &lead) const override;
    PendingAdd *sendLead(const Lead &lead) override;
    PendingStatuses *fetchStatuses(const QStringList &ourOrderIds,
                                   FetchedRows rows = FetchedRows::InBatchesAndAtTheEnd) override;

private:
    ApiClient *m_client;
    int m_maxParallelFetches;
};

#pragma once

#include "LeadTransport.h"

class ApiClient;

// The outbox's and the poller's transport over the real ApiClient: a thin adapter that forwards the
// calls and their signals.
//
// Not yet exercised by a test on this branch: ApiClient is implemented on another branch. After the
// merge, integration tests against the sandbox drive Outbox and StatusPoller through this class.
class ApiLeadTransport : public LeadTransport
{
public:
    explicit ApiLeadTransport(ApiClient *client, int maxParallelFetches = 4);

    QByteArray requestBody(const Lead &lead) const override;
    PendingAdd *sendLead(const Lead &lead) override;
    PendingStatuses *fetchStatuses(const QStringList &ourOrderIds) override;

    // The form body as http_build_query writes it, fields in the API document's order.
    static QByteArray formBody(const Lead &lead);
    // The JSON body (Content-Type: application/json).
    static QByteArray jsonBody(const Lead &lead);

private:
    ApiClient *m_client;
    int m_maxParallelFetches;
};

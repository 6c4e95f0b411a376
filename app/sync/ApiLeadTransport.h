#pragma once

#include "LeadTransport.h"

#include <QUrl>

class ApiClient;

// The outbox's and the poller's transport over the real ApiClient: its calls as they are, with the
// body the journal records and the number of list.json requests a fetch keeps in flight.
//
// How many run at once follows the protocol unless a profile says otherwise: over http:// QNAM opens at
// most 6 keep-alive connections per host, so a 7th request would only queue inside QNAM; over https://
// QNAM negotiates HTTP/2 where the server speaks it (one connection, many streams), so more may run,
// and a server speaking only HTTP/1.1 there still gets 6 connections and a short queue. Whatever is
// asked, MaxParallelFetches is the ceiling, so that a network is never flooded.
class ApiLeadTransport : public LeadTransport
{
public:
    static constexpr int Http1ParallelFetches = 6; // QNAM's connections per host
    static constexpr int TlsParallelFetches = 16;  // HTTP/2 streams on one connection
    static constexpr int MaxParallelFetches = 32;

    // 0: by protocol, read from the client's URL at each fetch.
    explicit ApiLeadTransport(ApiClient *client, int maxParallelFetches = 0);

    void setMaxParallelFetches(int count); // 0: by protocol; clamped to 1..MaxParallelFetches
    int parallelFetches() const;           // what the next fetch will use
    static int parallelFetchesFor(const QUrl &baseUrl, int requested);

    QByteArray requestBody(const Lead &lead) const override;
    AddCall *sendLead(const Lead &lead) override;
    StatusFetch *fetchStatuses(const QStringList &ourOrderIds,
                               FetchedRows rows = FetchedRows::InBatchesAndAtTheEnd) override;

private:
    ApiClient *m_client;
    int m_maxParallelFetches;
};

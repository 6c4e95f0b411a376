#pragma once

#include "LeadTransport.h"

#include <QUrl>

class ApiClient;

// The outbox's and the poller's transport over the real ApiClient: its calls as they are, with the
// body the journal records and the number of list.json requests a fetch keeps in flight.
//
// How many run at once follows the protocol unless a profile says otherwise: over http:// QNAM opens at
// most 6 keep-alive connections per host, so a 7th request would only queue inside QNAM; over https://
// QNAM negotiates HTTP/2 where the server speaks it, and the requests are streams of one connection. 32
// of them keep a 150 ms server's refresh of 10,000 leads under two seconds (ceil(200 / 32) x 150 ms =
// 1.05 s; 16 would be 1.95 s before any cost of our own), and are a quarter of the 128 streams nginx
// allows by default. A server speaking only HTTP/1.1 over TLS still gets 6 connections, with the rest
// waiting inside QNAM, never on the network. Whatever a profile asks, MaxParallelFetches is the ceiling,
// so that a network is never flooded.
class ApiLeadTransport : public LeadTransport
{
public:
    static constexpr int Http1ParallelFetches = 6;  // QNAM's connections per host
    static constexpr int Http2ParallelFetches = 32; // streams on one connection, over https://
    static constexpr int MaxParallelFetches = 64;

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

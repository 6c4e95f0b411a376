#pragma once

#include "api/ApiCalls.h"
#include "api/ApiTypes.h"
#include "leads/Lead.h"

#include <QByteArray>
#include <QStringList>

// What the outbox and the status poller need from the network, and no more: the seam where tests put
// scripted fakes and the app puts ApiClient (through ApiLeadTransport). The call objects it hands out
// keep ApiCalls.h's promises (finished() exactly once, later, then deleted).
class LeadTransport
{
public:
    virtual ~LeadTransport() = default;

    // The body an attempt to send this lead carries, recorded in the journal before it goes out.
    virtual QByteArray requestBody(const Lead &lead) const = 0;
    virtual AddCall *sendLead(const Lead &lead) = 0;
    // Statuses of these order ids (the transport splits them into requests of at most 50, started in
    // the order of the ids).
    virtual StatusFetch *fetchStatuses(const QStringList &ourOrderIds,
                                       FetchedRows rows = FetchedRows::InBatchesAndAtTheEnd) = 0;
};

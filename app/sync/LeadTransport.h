#pragma once

#include "api/ApiTypes.h"
#include "leads/Lead.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

// What the outbox and the status poller need from the network, and no more: the seam where tests put
// scripted fakes and the app puts ApiClient (through ApiLeadTransport).
//
// Both call objects emit finished() exactly once, always later than the call that created them
// (never from inside sendLead()/fetchStatuses()), also after abort()/cancel(), and then delete
// themselves.

class PendingAdd : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void abort() = 0;

signals:
    void finished(const AddResult &result);
};

class PendingStatuses : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void cancel() = 0;

signals:
    void progress(int batchesDone, int batchesTotal);
    void batchFinished(const ListResult &batch);
    void finished(const ListResult &merged);
};

class LeadTransport
{
public:
    virtual ~LeadTransport() = default;

    // The body an attempt to send this lead carries, recorded in the journal before it goes out.
    virtual QByteArray requestBody(const Lead &lead) const = 0;
    virtual PendingAdd *sendLead(const Lead &lead) = 0;
    // Statuses of these order ids (the transport splits them into requests of at most 50).
    virtual PendingStatuses *fetchStatuses(const QStringList &ourOrderIds,
                                           FetchedRows rows = FetchedRows::InBatchesAndAtTheEnd) = 0;
};

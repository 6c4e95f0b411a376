#pragma once

#include "ApiTypes.h"

#include <QObject>

// The two calls in flight, as every caller sees them: ApiClient makes them, the outbox and the status
// poller receive them through LeadTransport, tests script their own.
//
// Each emits finished() exactly once, always later than the call that created it (never from inside
// addLead()/fetchStatuses()), also after abort()/cancel(), and then deletes itself.

// One add.json call.
class AddCall : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void abort() = 0;

signals:
    void finished(const AddResult &result);
};

// Statuses of any number of our order ids: split into list.json requests of at most 50 ids, a few in
// flight at a time, results merged.
class StatusFetch : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void cancel() = 0;

signals:
    void progress(int batchesDone, int batchesTotal);
    void batchFinished(const ListResult &batch); // each batch as it lands, for live updates
    void finished(const ListResult &merged);
};

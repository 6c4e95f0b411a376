#pragma once

#include "leads/LeadStatus.h"

#include <QList>
#include <QMetaType>
#include <QString>

// What became of one API call. Three outcomes that callers must never confuse:
//  - None: the network answered and accepted;
//  - Service: the network answered {"status":"error"} (a verdict on the lead: duplicate, ban, key...);
//  - Transport: no usable answer (timeout, reset, 5xx, an HTML page, a truncated body). Never a verdict:
//    the lead may or may not have arrived, and the call is safe to retry with the same order id.
struct ApiError
{
    enum class Kind
    {
        None,
        Service,
        Transport,
        Cancelled
    };

    Kind kind = Kind::None;
    QString code;    // the service's code exactly as sent ("duplicate", "key", "zzz"), or a transport
                     // code: "timeout", "network", "dns", "tls", "http", "html", "empty", "truncated", "json"
                     // or "config" (the client refused to send: no key, bad URL, signing with JSON)
    QString message; // a translated sentence an operator understands
    int httpStatus = 0; // 0 when no HTTP answer came
    QString snippet;    // at most 200 characters of what came back, never containing the key

    bool isOk() const { return kind == Kind::None; }
    bool isTransport() const { return kind == Kind::Transport; }
    bool isService() const { return kind == Kind::Service; }
};

// The answer to add.json. Note the API's naming: in add.json "id" is the NETWORK's order id and "uid" is
// OURS; here they get names that cannot be mixed up.
struct AddResult
{
    ApiError error;
    QString networkOrderId; // add.json "id"
    QString ourOrderId;     // add.json "uid" (the id the network assigned when we sent "auto")

    bool ok() const { return error.isOk(); }
};

// One row of list.json. Here the API names them the other way round: "id" is OUR order id and "uid" is
// the network's.
struct StatusRow : LeadStatus // stage, status, reason, count and comment as list.json gives them
{
    QString ourOrderId;     // list.json "id" (or the object key)
    QString networkOrderId; // list.json "uid"
    QString source;         // list.json "src"

    bool operator==(const StatusRow &o) const
    {
        return LeadStatus::operator==(o) && ourOrderId == o.ourOrderId &&
               networkOrderId == o.networkOrderId && source == o.source;
    }
};

struct ListResult
{
    ApiError error; // for a multi-batch fetch: the first failure; rows of the batches that succeeded stay
    QList<StatusRow> rows;
};

// Where a fetch of statuses hands over its rows: in each batch as it lands, and all of them again when
// it finishes, unless its caller takes them batch by batch anyway (a refresh of 10,000 leads would
// copy them all into one list, and free it, for nothing).
enum class FetchedRows
{
    InBatchesAndAtTheEnd,
    InBatchesOnly
};

Q_DECLARE_METATYPE(ApiError)
Q_DECLARE_METATYPE(AddResult)
Q_DECLARE_METATYPE(ListResult)

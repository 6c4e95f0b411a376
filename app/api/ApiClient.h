#pragma once

#include "ApiTypes.h"
#include "leads/Lead.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

enum class BodyEncoding
{
    Form,
    Json
};

// Everything the client needs to reach one account. The key is a secret: nothing may log or print it.
struct ApiConfig
{
    QUrl baseUrl; // e.g. https://api.cpa.moe; the client appends /ext/add.json and /ext/list.json
    QString user;
    QString key;
    BodyEncoding encoding = BodyEncoding::Form;
    bool signRequests = false;     // send id={user}-{hmac} instead of the key (form encoding only)
    int transferTimeoutMs = 20000; // no bytes for this long: give up
    int deadlineMs = 60000;        // the whole call, however slowly bytes trickle
};

// One add.json call in flight. Emits finished() exactly once (also after abort()), then deletes itself.
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
// flight at a time, results merged. Emits finished() exactly once (also after cancel()), then deletes
// itself.
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

// The affiliate API on QNetworkAccessManager: asynchronous, never blocks the calling thread.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxIdsPerRequest = 50;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setConfig(const ApiConfig &config);
    const ApiConfig &config() const;

    AddCall *addLead(const Lead &lead);
    StatusFetch *fetchStatuses(const QStringList &ourOrderIds, int maxParallel = 4,
                               FetchedRows rows = FetchedRows::InBatchesAndAtTheEnd);

private:
    struct Private;
    Private *d;
};

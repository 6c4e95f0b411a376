#pragma once

#include "ApiCalls.h"
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
    // SHA-256 of a certificate no authority vouches for that this account trusts (CertificatePin);
    // empty: only certificates the system trusts.
    QByteArray pinnedCertificate;
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

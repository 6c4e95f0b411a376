#pragma once

#include "ApiClient.h"
#include "HttpExchange.h"

#include <QNetworkRequest>

#include <optional>

// The HTTP request for each API call under one ApiConfig: the endpoint URL under the base URL (any base
// path kept), the credentials in the query and nowhere else, the body in the configured encoding, and
// the signature when signing is on.
class ApiRequestBuilder
{
public:
    struct Prepared
    {
        QNetworkRequest request;
        QByteArray body; // empty for a GET
        bool post = true;
    };

    explicit ApiRequestBuilder(const ApiConfig &config);

    // Why no request can be made with this configuration (a Transport error with code "config", never a
    // verdict on the lead), or nothing when it is usable.
    std::optional<ApiError> configProblem() const;

    Prepared addRequest(const Lead &lead) const;
    // At most ApiClient::MaxIdsPerRequest ids: splitting is the caller's job.
    Prepared listRequest(const QStringList &ourOrderIds) const;

    HttpExchange::Settings exchangeSettings() const;
    const QString &secret() const { return m_config.key; }

private:
    QUrl endpoint(const QString &name, const QString &credential, const QByteArray &extraQuery) const;

    ApiConfig m_config;
};

#include "ApiRequestBuilder.h"

#include "ErrorCatalog.h"
#include "FormCodec.h"
#include "LeadEncoder.h"
#include "RequestSigner.h"

#include <QCoreApplication>

namespace {

const QByteArray formContentType = QByteArrayLiteral("application/x-www-form-urlencoded");

} // namespace

ApiRequestBuilder::ApiRequestBuilder(const ApiConfig &config) : m_config(config) {}

std::optional<ApiError> ApiRequestBuilder::configProblem() const
{
    const QUrl &base = m_config.baseUrl;
    const QString scheme = base.scheme().toLower();
    QString detail;
    if (!base.isValid() || base.host().isEmpty() || (scheme != u"https" && scheme != u"http"))
        detail = QCoreApplication::translate("ApiClient",
                                             "The API address is not a valid http:// or https:// URL.");
    else if (m_config.user.trimmed().isEmpty())
        detail = QCoreApplication::translate("ApiClient", "The user ID is not set.");
    else if (m_config.key.isEmpty())
        detail = QCoreApplication::translate("ApiClient", "The API key is not set.");
    else if (m_config.signRequests && m_config.encoding == BodyEncoding::Json)
        detail = QCoreApplication::translate(
            "ApiClient", "Signed requests work only with the form encoding: switch the body "
                         "encoding to form, or turn request signing off.");
    if (detail.isEmpty())
        return std::nullopt;
    ApiError error = ErrorCatalog::makeError(ApiError::Kind::Transport, QStringLiteral("config"));
    error.message = detail;
    return error;
}

HttpExchange::Settings ApiRequestBuilder::exchangeSettings() const
{
    return {m_config.transferTimeoutMs, m_config.deadlineMs, m_config.key, m_config.pinnedCertificate};
}

QUrl ApiRequestBuilder::endpoint(const QString &name, const QString &credential,
                                 const QByteArray &extraQuery) const
{
    QUrl url = m_config.baseUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/ext/") + name);
    // Written by hand as PHP reads it: QUrlQuery would leave a '+' of the key as is, and PHP would read a
    // space.
    QByteArray query = "id=" + FormCodec::urlencode(m_config.user.trimmed() + u'-' + credential);
    if (!extraQuery.isEmpty())
        query += '&' + extraQuery;
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

ApiRequestBuilder::Prepared ApiRequestBuilder::addRequest(const Lead &lead) const
{
    Prepared prepared;
    QString credential = m_config.key;
    if (m_config.encoding == BodyEncoding::Json) {
        prepared.body = LeadEncoder::jsonBody(lead);
        prepared.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    } else {
        prepared.body = LeadEncoder::formBody(lead);
        prepared.request.setHeader(QNetworkRequest::ContentTypeHeader, formContentType);
        if (m_config.signRequests) {
            const RequestSigner::SignedBody signedBody = RequestSigner::sign(prepared.body, m_config.key);
            prepared.body = signedBody.body;
            credential = signedBody.signature;
        }
    }
    prepared.request.setUrl(endpoint(QStringLiteral("add.json"), credential, {}));
    return prepared;
}

ApiRequestBuilder::Prepared ApiRequestBuilder::listRequest(const QStringList &ourOrderIds) const
{
    Prepared prepared;
    prepared.post = false;
    QByteArray idsParameter = "ids=";
    idsParameter.reserve(8 + ourOrderIds.size() * 12);
    for (qsizetype i = 0; i < ourOrderIds.size(); ++i) {
        if (i > 0)
            idsParameter += ',';
        FormCodec::appendUrlencoded(idsParameter, ourOrderIds.at(i));
    }
    QString credential = m_config.key;
    if (m_config.signRequests) {
        // A GET has no body to sign, so a signed status request is a POST whose form body repeats the ids
        // (the signature then covers them) before _nonce and _timer; the ids stay in the query as well.
        const QByteArray form = FormCodec::encode({{QStringLiteral("ids"), ourOrderIds.join(u',')}});
        const RequestSigner::SignedBody signedBody = RequestSigner::sign(form, m_config.key);
        prepared.body = signedBody.body;
        prepared.post = true;
        credential = signedBody.signature;
        prepared.request.setHeader(QNetworkRequest::ContentTypeHeader, formContentType);
    }
    prepared.request.setUrl(endpoint(QStringLiteral("list.json"), credential, idsParameter));
    return prepared;
}

#include "SandboxHttpClient.h"

#include "api/FormCodec.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

QString SandboxHttpReply::errorCode() const
{
    const QJsonObject object = json().object();
    if (object.value(QStringLiteral("status")).toString() != QLatin1String("error"))
        return {};
    const QString code = object.value(QStringLiteral("error")).toString();
    return code.isEmpty() ? object.value(QStringLiteral("error_text")).toString() : code;
}

SandboxHttpClient::SandboxHttpClient(const QUrl &baseUrl, const QString &user, const QString &key)
    : m_baseUrl(baseUrl), m_user(user), m_key(key)
{}

QUrl SandboxHttpClient::callUrl(const QString &call, const QString &idParameter,
                                const QString &extraQuery) const
{
    QUrl url = m_baseUrl;
    url.setPath(QStringLiteral("/ext/") + call + QStringLiteral(".json"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("id"), QString::fromLatin1(QUrl::toPercentEncoding(
                                                 idParameter.isNull() ? this->idParameter() : idParameter)));
    QString text = query.query(QUrl::FullyEncoded);
    if (!extraQuery.isEmpty())
        text += QLatin1Char('&') + extraQuery;
    url.setQuery(text, QUrl::StrictMode);
    return url;
}

SandboxHttpReply SandboxHttpClient::post(const QString &call, const QByteArray &body,
                                         const QByteArray &contentType, const QString &idParameter,
                                         const QString &extraQuery)
{
    QNetworkRequest request(callUrl(call, idParameter, extraQuery));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    return wait(m_manager.post(request, body));
}

SandboxHttpReply SandboxHttpClient::get(const QString &call, const QString &extraQuery,
                                        const QString &idParameter)
{
    return wait(m_manager.get(QNetworkRequest(callUrl(call, idParameter, extraQuery))));
}

SandboxHttpReply SandboxHttpClient::addLead(const QList<std::pair<QString, QString>> &fields)
{
    return post(QStringLiteral("add"), FormCodec::encode(fields));
}

SandboxHttpReply SandboxHttpClient::addLead(const QString &orderId, const QString &offer,
                                            const QString &phone, const QString &ip)
{
    return post(QStringLiteral("add"), leadForm(orderId, offer, phone, ip));
}

SandboxHttpReply SandboxHttpClient::list(const QStringList &ids)
{
    return get(QStringLiteral("list"), QStringLiteral("ids=") + ids.join(QLatin1Char(',')));
}

QByteArray SandboxHttpClient::leadForm(const QString &orderId, const QString &offer, const QString &phone,
                                       const QString &ip)
{
    return FormCodec::encode({{QStringLiteral("id"), orderId},
                              {QStringLiteral("offer"), offer},
                              {QStringLiteral("phone"), phone},
                              {QStringLiteral("ip"), ip},
                              {QStringLiteral("name"), QStringLiteral("Test Customer")}});
}

SandboxHttpReply SandboxHttpClient::wait(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // A guard against a test hanging forever; faults that delay answers use a transfer timeout instead.
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, reply, &QNetworkReply::abort);
    guard.start(60000);
    if (!reply->isFinished())
        loop.exec();
    SandboxHttpReply result;
    result.error = reply->error();
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) // an aborted reply is closed
        result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

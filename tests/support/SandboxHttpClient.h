#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <utility>

// What a test got back from the sandbox over real HTTP.
struct SandboxHttpReply
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int httpStatus = 0; // 0: no HTTP answer at all
    QByteArray body;

    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    QString errorCode() const; // "error" or "error_text" of an error answer; empty otherwise
};

// A small synchronous HTTP client for the sandbox's tests: speaks to it on 127.0.0.1 through
// QNetworkAccessManager, exactly as the app does, and waits for each answer in an event loop.
class SandboxHttpClient
{
public:
    static constexpr auto FormType = "application/x-www-form-urlencoded";
    static constexpr auto JsonType = "application/json";

    explicit SandboxHttpClient(const QUrl &baseUrl, const QString &user = QStringLiteral("demo"),
                               const QString &key = QStringLiteral("demo"));

    void setTransferTimeout(int milliseconds) { m_manager.setTransferTimeout(milliseconds); }
    QString idParameter() const { return m_user + QLatin1Char('-') + m_key; }

    // POST to /ext/<call>.json?id=<idParameter>[&extraQuery].
    SandboxHttpReply post(const QString &call, const QByteArray &body,
                          const QByteArray &contentType = FormType, const QString &idParameter = {},
                          const QString &extraQuery = {});
    SandboxHttpReply get(const QString &call, const QString &extraQuery, const QString &idParameter = {});

    // add.json with a form body of these fields.
    SandboxHttpReply addLead(const QList<std::pair<QString, QString>> &fields);
    // add.json for a plain valid lead.
    SandboxHttpReply addLead(const QString &orderId, const QString &offer, const QString &phone,
                             const QString &ip = QStringLiteral("12.34.56.78"));
    // list.json with the ids in the query.
    SandboxHttpReply list(const QStringList &ids);

    static QByteArray leadForm(const QString &orderId, const QString &offer, const QString &phone,
                               const QString &ip = QStringLiteral("12.34.56.78"));

private:
    QUrl callUrl(const QString &call, const QString &idParameter, const QString &extraQuery) const;
    SandboxHttpReply wait(QNetworkReply *reply);

    QNetworkAccessManager m_manager;
    QUrl m_baseUrl;
    QString m_user;
    QString m_key;
};

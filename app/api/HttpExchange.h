#pragma once

#include "ApiTypes.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;

// What one HTTP request to the API produced, before the reply body is read as an API answer.
struct HttpOutcome
{
    ApiError error;     // set when no usable HTTP answer came (Transport) or the call was cancelled
    int httpStatus = 0; // 0 when no HTTP answer came
    QByteArray body;
};

// One HTTP request under the client's network policy: a transfer timeout and an overall deadline,
// redirects never followed, TLS errors never ignored unless they are all about the one certificate the
// profile pins, and nothing key-bearing in what it reports or logs.
// Emits finished() exactly once, unless abort() came first (the caller then already knows).
class HttpExchange : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int transferTimeoutMs = 20000;
        int deadlineMs = 60000;
        QString secret;               // redacted from every text this exchange reports
        QByteArray pinnedCertificate; // SHA-256 of the one untrusted certificate accepted (CertificatePin)
    };

    HttpExchange(QNetworkAccessManager *manager, const Settings &settings, QObject *parent = nullptr);
    ~HttpExchange() override;

    void get(QNetworkRequest request);
    void post(QNetworkRequest request, const QByteArray &body);
    void abort();

signals:
    void finished(const HttpOutcome &outcome);

private:
    void start(QNetworkReply *reply, const char *verb);
    void prepare(QNetworkRequest &request) const;
    void onSslErrors(const QList<QSslError> &errors);
    void onReplyFinished();
    void onDeadline();
    HttpOutcome outcomeOf(QNetworkReply *reply) const;
    ApiError networkFailure(QNetworkReply *reply, int httpStatus, qint64 bytesReceived) const;
    void release();

    QNetworkAccessManager *m_manager;
    Settings m_settings;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    QByteArray m_refusedCertificate; // the fingerprint of a certificate TLS did not trust, for the message
    QString m_loggedUrl;             // without its query: the credentials travel there
    bool m_deadlinePassed = false;
    bool m_done = false;
};

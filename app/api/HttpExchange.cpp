#include "HttpExchange.h"

#include "ApiLogging.h"
#include "CertificatePin.h"
#include "ErrorCatalog.h"
#include "Redaction.h"

#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>

#include <cstring>

namespace {

// A request body that can be read once and never rewound. Qt 6.4 silently sends a POST again when the
// connection closes before any answer (QHttpNetworkConnectionChannel::handleUnexpectedEOF), and an
// add.json that already arrived then comes back as "duplicate" on what the outbox thinks is the first
// attempt (or, for an "auto" lead, may create a second order). Qt rewinds the body before any resend;
// refusing the rewind turns that replay into a ContentReSendError, which we report as a transport
// failure, so that every attempt on the wire is one the outbox knows about.
class OneShotBody : public QIODevice
{
public:
    OneShotBody(const QByteArray &body, QObject *parent) : QIODevice(parent), m_body(body)
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_body.size() - m_position + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, qint64(m_body.size()) - m_position);
        memcpy(data, m_body.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_body;
    qint64 m_position = 0;
};

} // namespace

HttpExchange::HttpExchange(QNetworkAccessManager *manager, const Settings &settings, QObject *parent)
    : QObject(parent), m_manager(manager), m_settings(settings)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HttpExchange::onDeadline);
}

HttpExchange::~HttpExchange()
{
    release();
}

void HttpExchange::prepare(QNetworkRequest &request) const
{
    // A redirected POST would be replayed as a GET (and any redirect could carry the query with the key
    // to another host): a redirect is reported, never followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(m_settings.transferTimeoutMs);
    // Http2AllowedAttribute is left at Qt 6's default (on): over https:// QNAM offers h2 by ALPN and, where
    // the server takes it, runs every request to that host as a stream of one connection; otherwise it
    // keeps up to 6 HTTP/1.1 keep-alive connections per host. The answer's log line says which was used.
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("CPA-Desk/" CPADESK_VERSION));
}

void HttpExchange::get(QNetworkRequest request)
{
    prepare(request);
    start(m_manager->get(request), "GET");
}

void HttpExchange::post(QNetworkRequest request, const QByteArray &body)
{
    prepare(request);
    // Read straight from the one-shot body (Qt would otherwise buffer it, and could then replay it).
    request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    auto *device = new OneShotBody(body, this);
    QNetworkReply *reply = m_manager->post(request, device);
    device->setParent(reply); // the body must live as long as the reply may read it
    start(reply, "POST");
}

void HttpExchange::start(QNetworkReply *reply, const char *verb)
{
    m_reply = reply;
    m_loggedUrl = reply->url().toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    qCDebug(lcApi).noquote() << verb << m_loggedUrl;
    m_clock.start();
    connect(reply, &QNetworkReply::sslErrors, this, &HttpExchange::onSslErrors);
    connect(reply, &QNetworkReply::finished, this, &HttpExchange::onReplyFinished);
    m_deadline.start(m_settings.deadlineMs);
}

void HttpExchange::onSslErrors(const QList<QSslError> &errors)
{
    // Never ignored wholesale: only when every error is about the certificate the profile pins, and then
    // exactly those errors. Otherwise the reply fails with SslHandshakeFailedError before any byte of the
    // request is sent.
    if (m_reply && CertificatePin::coversAll(m_settings.pinnedCertificate, errors)) {
        qCDebug(lcApi).noquote() << "TLS: the pinned certificate of" << m_loggedUrl << "accepted";
        m_reply->ignoreSslErrors(errors);
        return;
    }
    for (const QSslError &error : errors) {
        if (!error.certificate().isNull()) {
            m_refusedCertificate = CertificatePin::fingerprint(error.certificate());
            break;
        }
    }
    qCWarning(lcApi).noquote() << "TLS errors for" << m_loggedUrl << "count:" << errors.size()
                               << "certificate SHA-256:" << CertificatePin::display(m_refusedCertificate);
}

void HttpExchange::abort()
{
    if (m_done)
        return;
    m_done = true;
    qCDebug(lcApi).noquote() << "cancelled" << m_loggedUrl << "after" << m_clock.elapsed() << "ms";
    release();
}

void HttpExchange::onDeadline()
{
    if (m_done || !m_reply)
        return;
    m_deadlinePassed = true;
    m_reply->abort(); // finishes the reply with OperationCanceledError: onReplyFinished reports the timeout
}

void HttpExchange::onReplyFinished()
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    const HttpOutcome outcome = outcomeOf(m_reply);
    qCDebug(lcApi).noquote() << "answer" << m_loggedUrl << "status" << outcome.httpStatus << "bytes"
                             << outcome.body.size() << "in" << m_clock.elapsed() << "ms"
                             << (m_reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool()
                                     ? "HTTP/2"
                                     : "HTTP/1.1")
                             << (outcome.error.isOk() ? QStringLiteral("ok") : outcome.error.code);
    release();
    emit finished(outcome);
}

HttpOutcome HttpExchange::outcomeOf(QNetworkReply *reply) const
{
    HttpOutcome outcome;
    outcome.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) // an aborted reply is closed, and reading it only earns a warning
        outcome.body = reply->readAll();
    const QNetworkReply::NetworkError code = reply->error();

    if (m_deadlinePassed) {
        outcome.error =
            ErrorCatalog::makeError(ApiError::Kind::Transport, QStringLiteral("timeout"), outcome.httpStatus);
        return outcome;
    }
    if (outcome.httpStatus >= 300 && outcome.httpStatus < 400) {
        const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        const QString where =
            target.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
        outcome.error = ErrorCatalog::makeError(
            ApiError::Kind::Transport, QStringLiteral("http"), outcome.httpStatus,
            Redaction::redact(QStringLiteral("Location: ") + where, m_settings.secret));
        return outcome;
    }
    const bool httpLevelError = code >= QNetworkReply::ContentAccessDenied &&
                                code != QNetworkReply::ProtocolUnknownError &&
                                code != QNetworkReply::ProtocolFailure;
    if (code == QNetworkReply::NoError || (outcome.httpStatus > 0 && httpLevelError))
        return outcome; // an HTTP answer, good or bad: the reply parser reads it
    outcome.error = networkFailure(reply, outcome.httpStatus, outcome.body.size());
    return outcome;
}

ApiError HttpExchange::networkFailure(QNetworkReply *reply, int httpStatus, qint64 bytesReceived) const
{
    QString code;
    switch (reply->error()) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what the transfer timeout produces
    case QNetworkReply::ProxyTimeoutError:
        code = QStringLiteral("timeout");
        break;
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyNotFoundError:
        code = QStringLiteral("dns");
        break;
    case QNetworkReply::SslHandshakeFailedError:
        code = QStringLiteral("tls");
        break;
    case QNetworkReply::RemoteHostClosedError:
        // Headers came, then the connection closed before the announced length: a cut-off answer.
        code = httpStatus > 0 || bytesReceived > 0 ? QStringLiteral("truncated") : QStringLiteral("network");
        break;
    default:
        code = httpStatus > 0 ? QStringLiteral("truncated") : QStringLiteral("network");
        break;
    }
    // Qt's error strings may quote the URL with the key in its query: only a redacted form goes out.
    ApiError error = ErrorCatalog::makeError(
        ApiError::Kind::Transport, code, httpStatus,
        Redaction::redact(reply->errorString(), m_settings.secret).left(Redaction::MaxSnippetLength));
    if (code == u"tls" && !m_refusedCertificate.isEmpty())
        error.message = ErrorCatalog::untrustedCertificateSentence(
            CertificatePin::display(m_refusedCertificate), !m_settings.pinnedCertificate.isEmpty());
    return error;
}

void HttpExchange::release()
{
    m_deadline.stop();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

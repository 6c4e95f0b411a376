#include "SandboxHttpServer.h"

#include "SandboxFaultInjector.h"
#include "SandboxLog.h"
#include "SandboxRequestLog.h"
#include "SandboxService.h"

#include <QHttpServerRequest>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {

const QByteArray JsonType = QByteArrayLiteral("application/json; charset=utf-8");
const QByteArray HtmlType = QByteArrayLiteral("text/html; charset=utf-8");

// What an nginx in front of a dead PHP pool sends: clients must see a transport failure, not a verdict.
const QByteArray BadGatewayPage =
    QByteArrayLiteral("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 "
                      "Bad Gateway</h1></center>\r\n"
                      "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
const QByteArray InternalErrorPage = QByteArrayLiteral(
    "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1>"
    "<p>The server encountered an internal error and was unable to complete your "
    "request.</p></body></html>\r\n");
const QByteArray NotFoundPage = QByteArrayLiteral(
    "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\r\n");

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    default:
        return QByteArrayLiteral("Unknown");
    }
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second.trimmed();
    }
    return {};
}

QByteArray responseHead(int status, const QByteArray &contentType, qsizetype contentLength, bool close)
{
    QByteArray head;
    head.reserve(160);
    head += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Server: cpadesk-sandbox\r\nContent-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    head += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    return head;
}

} // namespace

SandboxHttpServer::SandboxHttpServer(std::shared_ptr<SandboxService> service,
                                     std::shared_ptr<SandboxRequestLog> requestLog,
                                     std::shared_ptr<SandboxFaultInjector> faultInjector, const QString &user,
                                     QObject *parent)
    : QAbstractHttpServer(parent), m_service(std::move(service)), m_requestLog(std::move(requestLog)),
      m_faultInjector(std::move(faultInjector)), m_user(user), m_latencyRandom(0x5eed1a7u)
{}

bool SandboxHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QUrl url = request.url();
    const QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    const QByteArray contentType = headerValue(request, QByteArrayLiteral("Content-Type"));
    const QByteArray body = request.body();
    const AfterWrite after = headerValue(request, QByteArrayLiteral("Connection")).toLower() == "close"
                                 ? AfterWrite::Close
                                 : AfterWrite::KeepAlive;
    m_requestLog->append({methodName(request.method()), path,
                          redactedQuery(url.query(QUrl::FullyEncoded).toLatin1()), contentType, body});

    const bool isAdd = path == "/ext/add.json";
    const bool isList = path == "/ext/list.json";
    if (!isAdd && !isList) {
        qCDebug(lcSandbox) << "No such call:" << url.toString(QUrl::RemoveQuery);
        writeResponse(socket, 404, HtmlType, NotFoundPage, after);
        return true;
    }

    // The proxy's faults come before the service sees the request; the others after it handled it.
    using Fault = SandboxFaultInjector::Fault;
    const Fault fault = m_faultInjector->roll(isAdd);
    switch (fault) {
    case Fault::Html502:
        afterLatency(socket,
                     [this, socket, after] { writeResponse(socket, 502, HtmlType, BadGatewayPage, after); });
        return true;
    case Fault::Http500:
        afterLatency(socket, [this, socket, after] {
            writeResponse(socket, 500, HtmlType, InternalErrorPage, after);
        });
        return true;
    case Fault::Reset:
        afterLatency(socket, [this, socket] { closeLater(socket, true); });
        return true;
    default:
        break;
    }

    // The request is handled on arrival and only its answer waits: a client that gives up waiting cannot
    // tell whether it was handled, as with a distant server.
    const QUrlQuery query(url);
    const QString idParameter = query.queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded);
    const QByteArray answer =
        isAdd ? m_service->add(idParameter, contentType, body)
              : m_service->list(idParameter, query.queryItemValue(QStringLiteral("ids"), QUrl::FullyDecoded),
                                query.hasQueryItem(QStringLiteral("ids")), contentType, body);

    switch (fault) {
    case Fault::Truncated:
        afterLatency(socket, [this, socket, answer] { writeTruncated(socket, answer); });
        break;
    case Fault::StoredThenDropped:
        afterLatency(socket, [this, socket] { closeLater(socket, false); });
        break;
    case Fault::Delay: {
        const int delayMs = m_faultInjector->faults().delayMs + nextLatencyMs();
        QTimer::singleShot(delayMs, socket, [this, socket, answer, after] {
            writeResponse(socket, 200, JsonType, answer, after);
        });
        break;
    }
    default:
        afterLatency(socket,
                     [this, socket, answer, after] { writeResponse(socket, 200, JsonType, answer, after); });
        break;
    }
    return true;
}

void SandboxHttpServer::setLatency(const SandboxLatency &latency)
{
    QMutexLocker locker(&m_latencyMutex);
    m_latency = latency;
}

SandboxLatency SandboxHttpServer::latency() const
{
    QMutexLocker locker(&m_latencyMutex);
    return m_latency;
}

int SandboxHttpServer::nextLatencyMs()
{
    QMutexLocker locker(&m_latencyMutex);
    if (m_latency.jitterMs == 0)
        return m_latency.ms;
    const int spread = int(m_latencyRandom.bounded(2 * m_latency.jitterMs + 1));
    return m_latency.ms - m_latency.jitterMs + spread;
}

void SandboxHttpServer::afterLatency(QTcpSocket *socket, std::function<void()> reply)
{
    const int waitMs = nextLatencyMs();
    if (waitMs == 0) {
        reply();
        return;
    }
    // A timer per answer, never a sleep: the server's thread keeps reading other requests meanwhile. The
    // socket is the timer's context, so an answer to a connection that went away is never written.
    QTimer::singleShot(waitMs, Qt::PreciseTimer, socket, std::move(reply));
}

void SandboxHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers everything; this is only reached if Qt HTTP Server calls it directly.
    Q_UNUSED(request)
    writeResponse(socket, 404, HtmlType, NotFoundPage, AfterWrite::KeepAlive);
}

QByteArray SandboxHttpServer::redactedQuery(const QByteArray &encodedQuery) const
{
    if (encodedQuery.isEmpty())
        return {};
    QList<QByteArray> items = encodedQuery.split('&');
    for (QByteArray &item : items) {
        if (!item.startsWith("id="))
            continue;
        const QString value = QString::fromUtf8(QByteArray::fromPercentEncoding(item.mid(3)));
        const QString prefix = m_user + QLatin1Char('-');
        item = value.startsWith(prefix) ? "id=" + QUrl::toPercentEncoding(m_user) + "-***"
                                        : QByteArray("id=***");
    }
    return items.join('&');
}

void SandboxHttpServer::writeResponse(QTcpSocket *socket, int status, const QByteArray &contentType,
                                      const QByteArray &body, AfterWrite after)
{
    const bool close = after == AfterWrite::Close;
    socket->write(responseHead(status, contentType, body.size(), close) + body);
    // Straight to the kernel rather than on the next event loop pass: halves the latency per request.
    socket->flush();
    if (close)
        closeLater(socket, false);
}

void SandboxHttpServer::writeTruncated(QTcpSocket *socket, const QByteArray &body)
{
    // The head promises the whole body; half of it comes, then the connection ends.
    socket->write(responseHead(200, JsonType, body.size(), false) + body.left(body.size() / 2));
    closeLater(socket, false);
}

void SandboxHttpServer::closeLater(QTcpSocket *socket, bool reset)
{
    // Never from inside handleRequest(): closing may destroy the request Qt HTTP Server is still holding.
    QPointer<QTcpSocket> guard(socket);
    QMetaObject::invokeMethod(
        this,
        [guard, reset] {
            if (!guard)
                return;
            if (!reset) {
                guard->disconnectFromHost();
                return;
            }
#ifdef Q_OS_UNIX
            // A zero linger time makes close() send RST instead of FIN: "connection reset by peer".
            const linger abortive{1, 0};
            ::setsockopt(static_cast<int>(guard->socketDescriptor()), SOL_SOCKET, SO_LINGER, &abortive,
                         sizeof abortive);
#endif
            guard->abort();
        },
        Qt::QueuedConnection);
}

#include "FakeHttpServer.h"

#include "api/FormCodec.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

struct FakeHttpServer::Connection
{
    QPointer<QTcpSocket> socket;
    QByteArray buffer;
    bool busy = false; // a request of this connection waits for its (delayed or hung) answer
};

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString RecordedRequest::queryValue(const QString &name) const
{
    return FormCodec::decode(rawQuery).value(name).toString();
}

ScriptedReply ScriptedReply::json(const QByteArray &body, int status)
{
    ScriptedReply reply;
    reply.status = status;
    reply.body = body;
    return reply;
}

ScriptedReply ScriptedReply::html(int status, const QByteArray &page)
{
    ScriptedReply reply;
    reply.status = status;
    reply.contentType = "text/html; charset=utf-8";
    reply.body = page;
    return reply;
}

ScriptedReply ScriptedReply::plain(int status, const QByteArray &body)
{
    ScriptedReply reply;
    reply.status = status;
    reply.contentType = "text/plain";
    reply.body = body;
    return reply;
}

ScriptedReply ScriptedReply::truncated(const QByteArray &sentPart, qint64 declaredLength)
{
    ScriptedReply reply;
    reply.action = Action::Truncate;
    reply.body = sentPart;
    reply.declaredLength = declaredLength;
    return reply;
}

ScriptedReply ScriptedReply::reset()
{
    ScriptedReply reply;
    reply.action = Action::Reset;
    return reply;
}

ScriptedReply ScriptedReply::hang()
{
    ScriptedReply reply;
    reply.action = Action::Hang;
    return reply;
}

ScriptedReply ScriptedReply::redirect(const QByteArray &location, int status)
{
    ScriptedReply reply;
    reply.status = status;
    reply.contentType = "text/html";
    reply.body = "<html><body>Moved</body></html>";
    reply.extraHeaders.append({"Location", location});
    return reply;
}

FakeHttpServer::FakeHttpServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer()
{
    qDeleteAll(m_connectionStates);
}

bool FakeHttpServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FakeHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    return url;
}

void FakeHttpServer::enqueue(const ScriptedReply &reply)
{
    m_queue.append(reply);
}

void FakeHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_connections;
        auto *connection = new Connection;
        connection->socket = socket;
        m_connectionStates.append(connection);
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    for (Connection *connection : std::as_const(m_connectionStates)) {
        if (connection->socket == socket) {
            connection->buffer += socket->readAll();
            serveNext(*connection);
            return;
        }
    }
}

void FakeHttpServer::serveNext(Connection &connection)
{
    while (!connection.busy && connection.socket) {
        if (connection.buffer.startsWith('\x16')) {
            // A TLS ClientHello: answer in plain text, as a misconfigured (http-only) server would, so
            // that the client's handshake fails at once.
            connection.socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            connection.socket->disconnectFromHost();
            connection.buffer.clear();
            return;
        }
        const qsizetype headerEnd = connection.buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = connection.buffer.left(headerEnd).split('\n');
        RecordedRequest request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qint64 contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        const qsizetype bodyStart = headerEnd + 4;
        if (connection.buffer.size() - bodyStart < contentLength)
            return; // the rest of the body is still on its way
        request.body = connection.buffer.mid(bodyStart, contentLength);
        connection.buffer.remove(0, bodyStart + contentLength);
        const qsizetype question = request.target.indexOf('?');
        request.path =
            QUrl::fromPercentEncoding(question < 0 ? request.target : request.target.left(question));
        request.rawQuery = question < 0 ? QByteArray() : request.target.mid(question + 1);

        m_requests.append(request);
        ++m_pending;
        m_maxPending = qMax(m_maxPending, m_pending);
        const ScriptedReply reply = replyFor(request);
        emit requestReceived(int(m_requests.size() - 1));

        if (reply.action == ScriptedReply::Action::Hang) {
            connection.busy = true;
            return;
        }
        QPointer<QTcpSocket> socket = connection.socket;
        if (reply.delayMs > 0) {
            connection.busy = true;
            Connection *state = &connection;
            QTimer::singleShot(reply.delayMs, this, [this, socket, reply, state] {
                answer(socket, reply);
                if (m_connectionStates.contains(state)) {
                    state->busy = false;
                    serveNext(*state);
                }
            });
            return;
        }
        answer(socket, reply);
    }
}

ScriptedReply FakeHttpServer::replyFor(const RecordedRequest &request)
{
    if (!m_queue.isEmpty())
        return m_queue.takeFirst();
    if (m_handler)
        return m_handler(request);
    return ScriptedReply::json("[]");
}

void FakeHttpServer::answer(QTcpSocket *socket, const ScriptedReply &reply)
{
    --m_pending;
    if (!socket)
        return;
    if (reply.action == ScriptedReply::Action::Reset) {
        // SO_LINGER with a zero timeout makes close() send a RST instead of an orderly FIN.
        const struct linger hardClose = {1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hardClose, sizeof(hardClose));
        socket->abort();
        return;
    }
    const qint64 length =
        reply.action == ScriptedReply::Action::Truncate ? reply.declaredLength : reply.body.size();
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    head += "Content-Type: " + reply.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    for (const auto &[name, value] : reply.extraHeaders)
        head += name + ": " + value + "\r\n";
    head += "Connection: keep-alive\r\n\r\n";
    socket->write(head + reply.body);
    if (reply.action == ScriptedReply::Action::Truncate) {
        socket->flush();
        socket->disconnectFromHost();
    }
}

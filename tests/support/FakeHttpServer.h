#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <utility>

class QTcpServer;
class QTcpSocket;

// One HTTP request as the fake server received it.
struct RecordedRequest
{
    QByteArray method;
    QByteArray target; // the raw request target: path and query as sent
    QString path;      // decoded path, without the query
    QByteArray rawQuery;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // case-insensitive, empty when absent
    QString queryValue(const QString &name) const;   // decoded as PHP fills $_GET
};

// What the fake server does with one request.
struct ScriptedReply
{
    enum class Action
    {
        Respond,  // a complete HTTP answer
        Truncate, // headers announcing declaredLength bytes, fewer bytes, then the connection closes
        Reset,    // the connection is reset without an answer
        Hang      // no answer, ever; the connection stays open
    };

    Action action = Action::Respond;
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> extraHeaders;
    qint64 declaredLength = -1; // Truncate only
    int delayMs = 0;            // answer after this long (a timer, the server keeps serving others)

    static ScriptedReply json(const QByteArray &body, int status = 200);
    static ScriptedReply html(int status, const QByteArray &page);
    static ScriptedReply plain(int status, const QByteArray &body = {});
    static ScriptedReply truncated(const QByteArray &sentPart, qint64 declaredLength);
    static ScriptedReply reset();
    static ScriptedReply hang();
    static ScriptedReply redirect(const QByteArray &location, int status = 302);
};

// A scripted HTTP/1.1 peer on 127.0.0.1 for network tests: it records every request (method, path, query,
// headers, body) and answers each from the queue of scripted replies, else from the handler, else with
// an empty JSON array. Keep-alive connections are served request after request. It prints nothing.
class FakeHttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<ScriptedReply(const RecordedRequest &)>;

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool listen(); // on 127.0.0.1, a free port
    QUrl baseUrl() const;

    void enqueue(const ScriptedReply &reply);
    void setHandler(Handler handler);

    const QList<RecordedRequest> &requests() const { return m_requests; }
    int pendingAnswers() const { return m_pending; }       // received, not yet answered
    int maxPendingAnswers() const { return m_maxPending; } // the most ever at once
    int connectionsAccepted() const { return m_connections; }

signals:
    void requestReceived(int index);

private:
    struct Connection;

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void serveNext(Connection &connection);
    void answer(QTcpSocket *socket, const ScriptedReply &reply);
    ScriptedReply replyFor(const RecordedRequest &request);

    QTcpServer *m_server;
    QList<Connection *> m_connectionStates;
    QList<ScriptedReply> m_queue;
    Handler m_handler;
    QList<RecordedRequest> m_requests;
    int m_pending = 0;
    int m_maxPending = 0;
    int m_connections = 0;
};

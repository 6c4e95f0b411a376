#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>

class QProcess;

// nginx as an HTTPS front that speaks HTTP/2 to clients and HTTP/1.1 keep-alive to a sandbox behind it,
// for the tests and the benchmark that need an HTTP/2 server (Qt HTTP Server 6.4, the sandbox's, speaks
// HTTP/1.1 only). nginx runs in the foreground as a child of this process, with its configuration, pid,
// logs and temporary folders in a folder of the caller's, on an unprivileged port of 127.0.0.1, so that it
// runs as any user. nginx itself never waits: a latency belongs to the sandbox behind it.
//
// Not part of the app or of cpadesk-sandbox: its texts are for developers and are not translated.
class SandboxHttp2Front
{
public:
    // One request as nginx received it, read from its access log (no query string: it holds the key).
    struct Request
    {
        QByteArray connection; // nginx's serial number of the client connection
        QByteArray protocol;   // "HTTP/2.0" or "HTTP/1.1"
        QByteArray path;
    };

    SandboxHttp2Front();
    ~SandboxHttp2Front(); // stops nginx
    SandboxHttp2Front(const SandboxHttp2Front &) = delete;
    SandboxHttp2Front &operator=(const SandboxHttp2Front &) = delete;

    static QString nginxExecutable(); // empty when nginx is not installed

    // Starts nginx in front of `upstream` (http://127.0.0.1:PORT) with a PEM certificate and key, and
    // returns once it accepts connections. False, and *error says why, when it does not.
    bool start(const QUrl &upstream, const QString &certificateFile, const QString &keyFile,
               const QString &folder, QString *error);
    void stop();
    QUrl baseUrl() const; // https://127.0.0.1:PORT, empty when not running

    QList<Request> receivedRequests() const; // in the order they completed
    void clearReceivedRequests();

private:
    bool startOnce(const QUrl &upstream, const QString &certificateFile, const QString &keyFile,
                   QString *error);
    QString errorLog() const;

    std::unique_ptr<QProcess> m_nginx;
    QString m_folder;
    quint16 m_port = 0;
};

#pragma once

#include "Sandbox.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QMutex>
#include <QRandomGenerator>

#include <functional>
#include <memory>

class QTcpSocket;
class SandboxFaultInjector;
class SandboxRequestLog;
class SandboxService;

// The HTTP face of the sandbox: routes /ext/add.json and /ext/list.json to the service, records every
// request and injects transport faults. It writes its answers to the socket itself rather than through
// QHttpServerResponder: faults need byte-level control (a body cut short, a reset, an answer written
// long after the request, to a socket that may be gone by then), and the plain path stays lean enough
// for benchmarks. Qt HTTP Server still parses the requests and keeps the connections alive.
class SandboxHttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    SandboxHttpServer(std::shared_ptr<SandboxService> service, std::shared_ptr<SandboxRequestLog> requestLog,
                      std::shared_ptr<SandboxFaultInjector> faultInjector, const QString &user,
                      QObject *parent = nullptr);

    // Thread-safe: the sandbox's owner changes it while the server serves.
    void setLatency(const SandboxLatency &latency);
    SandboxLatency latency() const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    enum class AfterWrite
    {
        KeepAlive,
        Close
    };

    int nextLatencyMs();
    void afterLatency(QTcpSocket *socket, std::function<void()> reply);
    QByteArray redactedQuery(const QByteArray &encodedQuery) const;
    void writeResponse(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                       AfterWrite after);
    void writeTruncated(QTcpSocket *socket, const QByteArray &body);
    void closeLater(QTcpSocket *socket, bool reset);

    std::shared_ptr<SandboxService> m_service;
    std::shared_ptr<SandboxRequestLog> m_requestLog;
    std::shared_ptr<SandboxFaultInjector> m_faultInjector;
    QString m_user;
    mutable QMutex m_latencyMutex;
    SandboxLatency m_latency;
    QRandomGenerator m_latencyRandom;
};

#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <memory>
#include <optional>

class QSslCertificate;
class QSslKey;
class QThread;
class SandboxFaultInjector;
class SandboxHttpServer;
class SandboxRequestLog;
class SandboxService;
class SandboxStateSaver;

// Shares (0..1) of requests that the sandbox answers with a transport failure instead of the API's
// answer, so that clients, tests and benchmarks meet the faults that proxies and outages produce.
struct SandboxFaults
{
    double html502 = 0;   // an nginx-style HTML "502 Bad Gateway" page
    double http500 = 0;   // HTTP 500 with an HTML body
    double truncated = 0; // the API's answer, cut in half, then the connection closed
    double reset = 0;     // the connection reset (RST) without any answer
    double delay = 0;     // the answer held back for delayMs (the request itself is processed at once)
    double storedThenDropped = 0; // add.json only: the lead is stored, then the connection dropped unanswered
    int delayMs = 30000;

    // "502=0.05,500=0.05,truncate=0.05,reset=0.05,delay=0.02,drop-after-store=0.05,delay-ms=30000".
    // Any subset, in any order; an empty spec means no faults. nullopt when a name is unknown, a share
    // is outside 0..1, the shares add up to more than 1 or delay-ms is negative.
    static std::optional<SandboxFaults> parse(const QString &spec);

    double total() const { return html502 + http500 + truncated + reset + delay + storedThenDropped; }
};

// How long every answer waits before it is written, as a distant server's would: `ms`, give or take up to
// `jitterMs` (uniformly), so that answers on parallel connections overtake each other. The wait runs on
// timers in the server's thread, so any number of requests wait at once.
struct SandboxLatency
{
    int ms = 0;
    int jitterMs = 0;

    // "150" or "150,40". nullopt when a part is not a number, is negative, or the jitter exceeds the
    // latency (an answer never comes before its request).
    static std::optional<SandboxLatency> parse(const QString &spec);

    bool isZero() const { return ms == 0 && jitterMs == 0; }
};

struct SandboxOptions
{
    QString user = QStringLiteral("demo");
    QString key = QStringLiteral("demo");
    double speed = 1.0; // sandbox seconds per real second: 1440 lets a day pass in a minute
    quint32 seed = 1;   // same seed and same order ids: the same outcomes
    SandboxFaults faults;
    SandboxLatency latency;
    QString stateFile; // empty: state in memory only
    // Answer as older engine builds do (docs/API.md point 11): list.json rows with only id, status and
    // status_text, add.json without uid, refusals in error_text with the older codes.
    bool olderEngine = false;
};

// One request as the sandbox received it, for tests that assert on what a client sent.
struct SandboxRequest
{
    QByteArray method;
    QByteArray path;
    QByteArray query; // as sent, but with the secret part of id={user}-{key} replaced by "***"
    QByteArray contentType;
    QByteArray body;
};

// The built-in emulator of the affiliate API (docs/API.md, issue 3): add.json and list.json on 127.0.0.1,
// with the real service's quirks, a lead lifecycle on a controllable clock, a demo catalogue and fault
// injection. The HTTP server runs in a thread of its own, so that a GUI beside it never stalls and is
// never stalled by it; every public method may be called from any thread.
class Sandbox : public QObject
{
    Q_OBJECT

public:
    explicit Sandbox(const SandboxOptions &options, QObject *parent = nullptr);
    ~Sandbox() override;

    // Serves HTTPS (HTTP/1.1 over TLS: Qt HTTP Server 6.4 speaks no HTTP/2) with this certificate; before
    // listen() only.
    void useTls(const QSslCertificate &certificate, const QSslKey &key);
    quint16 listen(quint16 port = 0); // 127.0.0.1 only; returns the port, 0 on failure
    QUrl baseUrl() const;             // http(s)://127.0.0.1:PORT (empty before a successful listen())
    void setFaults(const SandboxFaults &faults);
    SandboxFaults faults() const;
    void setLatency(const SandboxLatency &latency);
    SandboxLatency latency() const;

    QList<SandboxRequest> receivedRequests() const; // the most recent (the last 10000 at least are kept)
    void clearReceivedRequests();

    int storedLeadCount() const;
    int timesStored(const QString &ourOrderId) const; // more than 1 would be a duplicate: must never happen
    QStringList storedOrderIds() const;               // in the order they were stored
    // Orders clients asked for, per customer, counted before deduplication (see SandboxService): the
    // count that proves "exactly once" where timesStored() can only prove "at least once".
    int ordersRequested(const QString &phoneDigits, const QString &offer) const;
    QHash<QString, int> ordersRequestedByCustomer() const;

    void advanceClock(qint64 seconds); // moves the lead lifecycle clock forward (on top of the speed)
    qint64 clockSeconds() const;       // the sandbox clock now
    // Forces a lead into a state from now on (the lifecycle no longer moves it). False for an unknown id.
    bool setLeadState(const QString &ourOrderId, const QString &stage, int status, int reason = 0);

    QStringList demoOffers() const;   // the offers a lead can be sent to
    QString blockedOffer() const;     // the demo offer that answers `traffic`
    QStringList bannedPhones() const; // phones that answer `ban`
    QStringList bannedIps() const;    // customer IPs that answer `ban`

private:
    std::shared_ptr<SandboxService> m_service;
    std::shared_ptr<SandboxRequestLog> m_requestLog;
    std::shared_ptr<SandboxFaultInjector> m_faultInjector;
    QThread *m_thread = nullptr;
    QObject *m_threadContext = nullptr; // lives in m_thread: the target of calls into the server thread
    SandboxHttpServer *m_server = nullptr;
    SandboxStateSaver *m_saver = nullptr;
    std::atomic<quint16> m_port{0};
    std::atomic<bool> m_tls{false};
};

// The `latency` section (issue 22): a status refresh against a sandbox that answers like a server in
// another country (150 ms per round trip), where the refresh is bound by round trips, not by CPU. Each
// figure stands beside the limit computed in the same run: ceil(requests ÷ requests in flight) × the
// round-trip time measured just before, on a warm connection.

#include "BenchSections.h"
#include "api/ApiRequestBuilder.h"
#include "api/CertificatePin.h"
#include "journal/Journal.h"
#include "sandbox/Sandbox.h"
#include "sandbox/SandboxHttp2Front.h"
#include "sandbox/SandboxTls.h"
#include "sync/ApiLeadTransport.h"
#include "sync/StatusPoller.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSslError>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <cmath>
#include <memory>

namespace {

constexpr int RoundTripMs = 150;
constexpr qint64 FirstId = 700000000;

struct Refresh
{
    double ms = NAN;
    double stallMs = NAN;
    double residentBeforeMb = NAN;
    double residentAfterMb = NAN;
};

// The round trip one list.json request takes on a warm keep-alive connection: the median of 7, after
// one that opens the connection (and does the TLS handshake). Also tells whether HTTP/2 was used.
double measureRoundTripMs(const ApiConfig &config, bool *http2Used)
{
    const ApiRequestBuilder builder(config);
    QNetworkAccessManager manager;
    QList<double> times;
    *http2Used = false;
    for (int i = 0; i < 8; ++i) {
        const ApiRequestBuilder::Prepared prepared = builder.listRequest({QString::number(FirstId)});
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply =
            prepared.post ? manager.post(prepared.request, prepared.body) : manager.get(prepared.request);
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [reply, &config](const QList<QSslError> &errors) {
                             if (CertificatePin::coversAll(config.pinnedCertificate, errors))
                                 reply->ignoreSslErrors(errors);
                         });
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!BenchSupport::runLoop(loop, 30000) || reply->error() != QNetworkReply::NoError) {
            reply->deleteLater();
            return NAN;
        }
        *http2Used = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
        reply->deleteLater();
        if (i > 0)
            times << BenchSupport::elapsedMs(timer);
    }
    return percentile(times, 50);
}

// A whole refresh of every open lead through the app's own objects, as AppSession wires them.
Refresh refreshAll(Journal &journal, const ApiConfig &config, int inFlight)
{
    ApiClient client;
    client.setConfig(config);
    ApiLeadTransport transport(&client, inFlight);
    StatusPoller poller(&journal, &transport, BenchSupport::profile);
    poller.setAutoRefreshInterval(0);

    Refresh refresh;
    QEventLoop loop;
    StallMeter stall;
    bool complete = false;
    QObject::connect(&poller, &StatusPoller::finished, &loop, [&](bool ok) {
        complete = ok;
        loop.quit();
    });
    refresh.residentBeforeMb = residentMegabytes();
    QElapsedTimer timer;
    stall.start();
    timer.start();
    if (!poller.refreshAll())
        return refresh;
    BenchSupport::runLoop(loop, 15 * 60 * 1000);
    const double ms = BenchSupport::elapsedMs(timer);
    stall.stop();
    refresh.residentAfterMb = residentMegabytes();
    refresh.stallMs = stall.longestStallMs();
    if (complete)
        refresh.ms = ms;
    else
        QTextStream(stderr) << "latency: a refresh did not complete\n";
    return refresh;
}

// A journal of `count` sent leads whose statuses are all unknown (every refresh asks about each).
std::unique_ptr<Journal> openJournal(const QString &path, int count)
{
    auto journal = std::make_unique<Journal>();
    if (!journal->open(path) || !BenchSupport::addSentLeads(*journal, FirstId, count))
        return nullptr;
    return journal;
}

double limitMs(int requests, int inFlight, double roundTripMs)
{
    return std::ceil(double(requests) / double(inFlight)) * roundTripMs;
}

QString limitName(int requests, int inFlight, double roundTripMs)
{
    return QStringLiteral("limit: ceil(%1 requests / %2 in flight) x %3 ms round trip measured in this run")
        .arg(requests)
        .arg(inFlight)
        .arg(roundTripMs, 0, 'f', 1);
}

} // namespace

void benchLatency(BenchReport &report, const BenchOptions &options)
{
    QTextStream err(stderr);
    const auto step = [&err](const QString &what) {
        err << "latency: " << what << '\n';
        err.flush();
    };
    const int count = options.quick ? 1000 : 10000;
    const int requests = count / ApiClient::MaxIdsPerRequest;
    const int inFlight = ApiLeadTransport::Http1ParallelFetches;
    const QString prefix = QStringLiteral("latency.%1k.").arg(count / 1000);

    // The leads are stored once, over plain HTTP at full speed, into a state file that the measured
    // sandboxes (plain and TLS) load: storing them at 150 ms a request would take minutes.
    SandboxOptions sandboxOptions;
    sandboxOptions.speed = 0;
    QTemporaryDir dir;
    const QString statePath = dir.filePath(QStringLiteral("sandbox-state.json"));
    const QString tlsStatePath = dir.filePath(QStringLiteral("sandbox-tls-state.json"));
    const QString h2StatePath = dir.filePath(QStringLiteral("sandbox-h2-state.json"));
    const int storedCount = options.quick ? count : 100000;
    {
        SandboxOptions fillerOptions = sandboxOptions;
        fillerOptions.stateFile = statePath;
        Sandbox filler(fillerOptions);
        const quint16 fillerPort = filler.listen();
        step(QStringLiteral("storing %1 leads in the sandbox").arg(storedCount));
        QList<Lead> leads;
        for (int i = 0; i < storedCount; ++i)
            leads << BenchSupport::lead(i, QString::number(FirstId + i));
        if (fillerPort == 0 || !BenchSupport::storeInSandbox(fillerPort, leads)) {
            err << "latency: set-up failed\n";
            return;
        }
    } // saved on the way out
    if (!QFile::copy(statePath, tlsStatePath)) {
        err << "latency: cannot copy the sandbox's state\n";
        return;
    }
    SandboxOptions httpOptions = sandboxOptions;
    httpOptions.stateFile = statePath;
    Sandbox sandbox(httpOptions);
    if (sandbox.listen() == 0) {
        err << "latency: cannot start the sandbox\n";
        return;
    }
    SandboxLatency latency;
    latency.ms = RoundTripMs;
    sandbox.setLatency(latency);
    const ApiConfig config = BenchSupport::sandboxConfig(sandbox.baseUrl());

    bool http2 = false;
    const double roundTripMs = measureRoundTripMs(config, &http2);
    step(QStringLiteral("round trip %1 ms over HTTP/1.1").arg(roundTripMs, 0, 'f', 1));

    // HTTP/1.1: QNAM's 6 keep-alive connections, the app's default over http://.
    step(QStringLiteral("%1 leads (%2 requests), %3 in flight").arg(count).arg(requests).arg(inFlight));
    std::unique_ptr<Journal> journal = openJournal(dir.filePath(QStringLiteral("http1.sqlite")), count);
    if (!journal) {
        err << "latency: journal set-up failed\n";
        return;
    }
    const Refresh parallel = refreshAll(*journal, config, 0); // 0: the app's default for the protocol
    report.add(BenchFigure::measured(prefix + QStringLiteral("http1"), QStringLiteral("ms"), parallel.ms,
                                     limitMs(requests, inFlight, roundTripMs),
                                     limitName(requests, inFlight, roundTripMs))
                   .withTarget(BenchFigure::TargetOn::Ratio, 1.15)
                   .withNote(QStringLiteral("StatusPoller + Journal, HTTP/1.1 keep-alive, the app's default "
                                            "of %1 requests in flight, %2 ms per answer")
                                 .arg(inFlight)
                                 .arg(RoundTripMs)));

    // What a Postman-style runner does: one request after another.
    step(QStringLiteral("the same, one request at a time"));
    journal = openJournal(dir.filePath(QStringLiteral("serial.sqlite")), count);
    const Refresh serial = journal ? refreshAll(*journal, config, 1) : Refresh();
    report.add(BenchFigure::measured(prefix + QStringLiteral("one-at-a-time"), QStringLiteral("ms"),
                                     serial.ms, limitMs(requests, 1, roundTripMs),
                                     limitName(requests, 1, roundTripMs))
                   .withNote(QStringLiteral("the same refresh, one request in flight (a Postman-style "
                                            "runner)")));
    report.add(
        BenchFigure::measured(prefix + QStringLiteral("stall"), QStringLiteral("ms"), parallel.stallMs,
                              serial.stallMs, QStringLiteral("longest stall of the one-at-a-time refresh"))
            .withTarget(BenchFigure::TargetOn::Value, 50)
            .withNote(QStringLiteral("longest main-thread stall (5 ms timer) of the parallel refresh")));

    // HTTPS with a pinned self-signed certificate. Qt HTTP Server 6.4 speaks HTTP/1.1 only, so QNAM
    // offers h2 and falls back: the app's https:// default (32 in flight) then queues on 6 connections.
    QTemporaryDir tlsDir;
    QString tlsError;
    const SandboxTls tls = QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()
                               ? SandboxTls()
                               : SandboxTls::generateSelfSigned(tlsDir.path(), &tlsError);
    if (tls.isValid()) {
        SandboxOptions tlsOptions = sandboxOptions;
        tlsOptions.stateFile = tlsStatePath;
        Sandbox tlsSandbox(tlsOptions);
        tlsSandbox.useTls(tls.certificate, tls.key);
        const quint16 tlsPort = tlsSandbox.listen();
        ApiConfig tlsConfig = BenchSupport::sandboxConfig(tlsSandbox.baseUrl());
        tlsConfig.pinnedCertificate = CertificatePin::fingerprint(tls.certificate);
        tlsSandbox.setLatency(latency);
        bool tlsHttp2 = false;
        const double tlsRoundTripMs = tlsPort ? measureRoundTripMs(tlsConfig, &tlsHttp2) : NAN;
        step(QStringLiteral("over TLS: round trip %1 ms, HTTP/2 used: %2")
                 .arg(tlsRoundTripMs, 0, 'f', 1)
                 .arg(tlsHttp2 ? QStringLiteral("yes") : QStringLiteral("no")));
        journal = openJournal(dir.filePath(QStringLiteral("tls.sqlite")), count);
        const Refresh overTls = journal && tlsPort ? refreshAll(*journal, tlsConfig, 0) : Refresh();
        report.add(BenchFigure::measured(prefix + QStringLiteral("https-http1"), QStringLiteral("ms"),
                                         overTls.ms, limitMs(requests, inFlight, tlsRoundTripMs),
                                         limitName(requests, inFlight, tlsRoundTripMs))
                       .withTarget(BenchFigure::TargetOn::Ratio, 1.15)
                       .withNote(QStringLiteral("HTTPS, pinned self-signed certificate; the server speaks "
                                                "HTTP/1.1 only (HTTP/2 used: %1), so 6 connections")
                                     .arg(tlsHttp2 ? QStringLiteral("yes") : QStringLiteral("no"))));
    } else {
        step(QStringLiteral("HTTPS not measured: %1")
                 .arg(tlsError.isEmpty() ? QStringLiteral("openssl is not installed") : tlsError));
    }
    // HTTP/2: nginx as a TLS front speaking h2, proxying to a sandbox with the same 150 ms latency over
    // HTTP/1.1 keep-alive (nginx itself adds no wait). The app's https:// default keeps 32 requests in
    // flight, streams of one connection.
    const QString nginx = SandboxHttp2Front::nginxExecutable();
    if (nginx.isEmpty() || !tls.isValid()) {
        step(QStringLiteral("HTTP/2 not measured: %1")
                 .arg(nginx.isEmpty() ? QStringLiteral("nginx is not installed (Qt HTTP Server 6.4 speaks "
                                                       "HTTP/1.1 only; scripts/deps-debian.txt lists it)")
                                      : QStringLiteral("no certificate (openssl)")));
    } else if (!QFile::copy(statePath, h2StatePath)) {
        err << "latency: cannot copy the sandbox's state\n";
    } else {
        SandboxOptions h2Options = sandboxOptions;
        h2Options.stateFile = h2StatePath;
        Sandbox behindFront(h2Options);
        QTemporaryDir frontDir;
        SandboxHttp2Front front;
        QString frontError;
        if (behindFront.listen() == 0 ||
            !front.start(behindFront.baseUrl(), tlsDir.filePath(QStringLiteral("cert.pem")),
                         tlsDir.filePath(QStringLiteral("key.pem")), frontDir.path(), &frontError)) {
            step(QStringLiteral("HTTP/2 not measured: %1").arg(frontError));
        } else {
            behindFront.setLatency(latency);
            ApiConfig h2Config = BenchSupport::sandboxConfig(front.baseUrl());
            h2Config.pinnedCertificate = CertificatePin::fingerprint(tls.certificate);
            const int h2InFlight = ApiLeadTransport::parallelFetchesFor(front.baseUrl(), 0);
            bool h2Used = false;
            const double h2RoundTripMs = measureRoundTripMs(h2Config, &h2Used);
            step(QStringLiteral("HTTP/2 through nginx %1: round trip %2 ms, HTTP/2 used: %3; %4 in flight")
                     .arg(nginx)
                     .arg(h2RoundTripMs, 0, 'f', 1)
                     .arg(h2Used ? QStringLiteral("yes") : QStringLiteral("no"))
                     .arg(h2InFlight));
            journal = openJournal(dir.filePath(QStringLiteral("h2.sqlite")), count);
            front.clearReceivedRequests();
            const Refresh overH2 = journal ? refreshAll(*journal, h2Config, 0) : Refresh();
            QSet<QByteArray> connections;
            int h2Requests = 0;
            for (const SandboxHttp2Front::Request &request : front.receivedRequests()) {
                connections.insert(request.connection);
                h2Requests += request.protocol == "HTTP/2.0" ? 1 : 0;
            }
            step(QStringLiteral("nginx received %1 HTTP/2 requests on %2 connection(s)")
                     .arg(h2Requests)
                     .arg(connections.size()));
            report.add(BenchFigure::measured(prefix + QStringLiteral("http2"), QStringLiteral("ms"),
                                             overH2.ms, limitMs(requests, h2InFlight, h2RoundTripMs),
                                             limitName(requests, h2InFlight, h2RoundTripMs))
                           .withTarget(BenchFigure::TargetOn::Value, 2000)
                           .withNote(QStringLiteral("HTTPS + HTTP/2 (used: %1) through an nginx front, the "
                                                    "app's https:// default of %2 streams in flight; nginx "
                                                    "saw %3 HTTP/2 requests on %4 connection(s)")
                                         .arg(h2Used ? QStringLiteral("yes") : QStringLiteral("no"))
                                         .arg(h2InFlight)
                                         .arg(h2Requests)
                                         .arg(connections.size())));
            if (!options.quick) {
                step(QStringLiteral("the same over HTTP/2, one request at a time"));
                journal = openJournal(dir.filePath(QStringLiteral("h2-serial.sqlite")), count);
                const Refresh h2Serial = journal ? refreshAll(*journal, h2Config, 1) : Refresh();
                report.add(BenchFigure::measured(prefix + QStringLiteral("http2-one-at-a-time"),
                                                 QStringLiteral("ms"), h2Serial.ms,
                                                 limitMs(requests, 1, h2RoundTripMs),
                                                 limitName(requests, 1, h2RoundTripMs))
                               .withNote(QStringLiteral("the HTTP/2 refresh with one request in flight")));
            }
        }
    }

    if (options.quick)
        return;

    // 100,000 leads: 2,000 requests. One at a time would take 2,000 x 150 ms = 5 minutes: not run.
    const int bigCount = 100000;
    const int bigRequests = bigCount / ApiClient::MaxIdsPerRequest;
    step(QStringLiteral("%1 leads (%2 requests), %3 in flight").arg(bigCount).arg(bigRequests).arg(inFlight));
    journal = openJournal(dir.filePath(QStringLiteral("big.sqlite")), bigCount);
    const Refresh big = journal ? refreshAll(*journal, config, 0) : Refresh();
    report.add(BenchFigure::measured(QStringLiteral("latency.100k.http1"), QStringLiteral("ms"), big.ms,
                                     limitMs(bigRequests, inFlight, roundTripMs),
                                     limitName(bigRequests, inFlight, roundTripMs))
                   .withTarget(BenchFigure::TargetOn::Ratio, 1.15)
                   .withNote(QStringLiteral("as above with 100,000 leads; one at a time would take at least "
                                            "%1 x %2 ms (not run)")
                                 .arg(bigRequests)
                                 .arg(RoundTripMs)));
    report.add(BenchFigure::measured(QStringLiteral("latency.100k.stall"), QStringLiteral("ms"), big.stallMs,
                                     parallel.stallMs,
                                     QStringLiteral("the 10,000-lead refresh's longest stall"))
                   .withTarget(BenchFigure::TargetOn::Value, 50)
                   .withNote(QStringLiteral("longest main-thread stall of the 100,000-lead refresh")));
    report.add(BenchFigure::measured(QStringLiteral("latency.100k.memory"), QStringLiteral("MB"),
                                     big.residentAfterMb, big.residentBeforeMb,
                                     QStringLiteral("resident memory just before the refresh"))
                   .withNote(QStringLiteral("resident memory at the end of the 100,000-lead refresh")));
}

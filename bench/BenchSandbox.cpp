#include "BenchSections.h"
#include "RawHttpClient.h"
#include "api/ApiRequestBuilder.h"
#include "api/LeadEncoder.h"
#include "sandbox/Sandbox.h"

#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

namespace {

QByteArray pathAndQueryOf(const ApiRequestBuilder::Prepared &prepared)
{
    const QUrl url = prepared.request.url();
    return url.path(QUrl::FullyEncoded).toLatin1() + '?' + url.query(QUrl::FullyEncoded).toLatin1();
}

// The same request ApiClient makes, written out for the raw client: method line, query, headers, body.
QByteArray rawFormOf(const ApiRequestBuilder::Prepared &prepared)
{
    const QByteArray pathAndQuery = pathAndQueryOf(prepared);
    if (!prepared.post)
        return QByteArray("GET ") + pathAndQuery +
               " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n";
    return rawPostRequest(pathAndQuery,
                          prepared.request.header(QNetworkRequest::ContentTypeHeader).toByteArray(),
                          prepared.body);
}

// Keeps `concurrency` calls of the app's client in flight for `seconds`; completed calls per second.
template <typename Call>
double appCallsPerSecond(int concurrency, double seconds, Call startCall, int *failures)
{
    QEventLoop loop;
    int done = 0;
    int failed = 0;
    int inFlight = 0;
    bool stopping = false;
    QElapsedTimer timer;
    std::function<void()> launch = [&] {
        ++inFlight;
        startCall([&](bool ok) {
            --inFlight;
            ok ? ++done : ++failed;
            if (!stopping)
                launch();
            else if (inFlight == 0)
                loop.quit();
        });
    };
    timer.start();
    for (int i = 0; i < concurrency; ++i)
        launch();
    double rate = 0;
    QTimer::singleShot(int(seconds * 1000), &loop, [&] {
        stopping = true;
        rate = done / (BenchSupport::elapsedMs(timer) / 1000.0);
    });
    BenchSupport::runLoop(loop, int(seconds * 1000) + 60000);
    if (failures)
        *failures = failed;
    return rate;
}

QString failureNote(int appFailures, int rawFailures)
{
    if (appFailures == 0 && rawFailures == 0)
        return QString();
    return QStringLiteral("(failures: app %1, raw %2)").arg(appFailures).arg(rawFailures);
}

} // namespace

void benchSandbox(BenchReport &report, const BenchOptions &options)
{
    QTextStream err(stderr);
    Sandbox sandbox(SandboxOptions{});
    const quint16 port = sandbox.listen();
    if (port == 0) {
        err << "sandbox: cannot listen\n";
        return;
    }
    const ApiConfig config = BenchSupport::sandboxConfig(sandbox.baseUrl());
    const ApiRequestBuilder builder(config);

    // list.json: 50 ids the sandbox knows.
    QList<Lead> known;
    QStringList ids;
    for (int i = 0; i < ApiClient::MaxIdsPerRequest; ++i) {
        ids << QString::number(5000000 + i);
        known << BenchSupport::lead(i, ids.last());
    }
    if (!BenchSupport::storeInSandbox(port, known)) {
        err << "sandbox: cannot store the leads to list\n";
        return;
    }
    const QByteArray rawList = rawFormOf(builder.listRequest(ids));

    ApiClient client;
    client.setConfig(config);

    err << "sandbox: list.json, raw client\n";
    err.flush();
    int rawFailures = 0;
    const double rawListRate = rawRequestsPerSecond(
        port, options.concurrency, options.seconds, [&](int) { return rawList; }, &rawFailures);
    err << "sandbox: list.json, app client\n";
    err.flush();
    int appFailures = 0;
    const double appListRate = appCallsPerSecond(
        options.concurrency, options.seconds,
        [&](const std::function<void(bool)> &finished) {
            StatusFetch *fetch = client.fetchStatuses(ids, 1);
            QObject::connect(fetch, &StatusFetch::finished, fetch, [finished](const ListResult &result) {
                finished(result.error.isOk() && result.rows.size() == ApiClient::MaxIdsPerRequest);
            });
        },
        &appFailures);
    const QString rawClient =
        QStringLiteral("raw keep-alive client, %1 connections").arg(options.concurrency);
    report.add(BenchFigure::measured(QStringLiteral("sandbox.list50.rate"), QStringLiteral("req/s"),
                                     appListRate, rawListRate, rawClient, BenchFigure::Better::Higher)
                   .withNote(failureNote(appFailures, rawFailures)));

    // add.json: every request a new lead (distinct ids and phones for the two clients).
    err << "sandbox: add.json, raw client\n";
    err.flush();
    const QByteArray addPath = pathAndQueryOf(builder.addRequest(BenchSupport::lead(0, QStringLiteral("1"))));
    const double rawAddRate = rawRequestsPerSecond(
        port, options.concurrency, options.seconds,
        [&](int n) {
            return rawPostRequest(
                addPath, "application/x-www-form-urlencoded",
                LeadEncoder::formBody(BenchSupport::lead(100000 + n, QString::number(6000000 + n))));
        },
        &rawFailures);
    err << "sandbox: add.json, app client\n";
    err.flush();
    int nextLead = 0;
    const double appAddRate = appCallsPerSecond(
        options.concurrency, options.seconds,
        [&](const std::function<void(bool)> &finished) {
            const int n = nextLead++;
            AddCall *call = client.addLead(BenchSupport::lead(600000 + n, QString::number(7000000 + n)));
            QObject::connect(call, &AddCall::finished, call,
                             [finished](const AddResult &result) { finished(result.ok()); });
        },
        &appFailures);
    report.add(BenchFigure::measured(QStringLiteral("sandbox.add.rate"), QStringLiteral("req/s"), appAddRate,
                                     rawAddRate, rawClient, BenchFigure::Better::Higher)
                   .withNote(failureNote(appFailures, rawFailures)));
}

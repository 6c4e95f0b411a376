#include "BenchSections.h"
#include "api/ApiRequestBuilder.h"
#include "journal/Journal.h"
#include "sandbox/Sandbox.h"
#include "status/LeadFilterProxy.h"
#include "status/LeadTableModel.h"
#include "sync/ApiLeadTransport.h"
#include "sync/StatusPoller.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

constexpr int parallelRequests = 4; // what the app's poller uses (ApiLeadTransport's default)
constexpr qint64 firstId = 800000000;

struct Run
{
    double ms = NAN;
    double stallMs = NAN;
};

// The baseline: the same list.json requests (built by the app's own request builder, so URL, headers
// and body are identical) through a bare QNetworkAccessManager, the same number in flight, bodies read
// and dropped.
Run bareLoop(const ApiConfig &config, const QStringList &ids)
{
    const ApiRequestBuilder builder(config);
    QList<ApiRequestBuilder::Prepared> requests;
    for (qsizetype i = 0; i < ids.size(); i += ApiClient::MaxIdsPerRequest)
        requests << builder.listRequest(ids.mid(i, ApiClient::MaxIdsPerRequest));

    QNetworkAccessManager manager;
    QEventLoop loop;
    StallMeter stall;
    qsizetype next = 0;
    int finished = 0;
    int failed = 0;
    std::function<void()> sendNext = [&] {
        const ApiRequestBuilder::Prepared &prepared = requests.at(next++);
        QNetworkReply *reply =
            prepared.post ? manager.post(prepared.request, prepared.body) : manager.get(prepared.request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            if (reply->error() != QNetworkReply::NoError || reply->readAll().isEmpty())
                ++failed;
            reply->deleteLater();
            if (++finished == requests.size())
                loop.quit();
            else if (next < requests.size())
                sendNext();
        });
    };
    QElapsedTimer timer;
    stall.start();
    timer.start();
    for (int i = 0; i < parallelRequests && next < requests.size(); ++i)
        sendNext();
    const bool done = BenchSupport::runLoop(loop, 10 * 60 * 1000);
    Run run{BenchSupport::elapsedMs(timer), 0};
    stall.stop();
    run.stallMs = stall.longestStallMs();
    if (!done || failed > 0) {
        QTextStream(stderr) << "refresh: bare loop " << (done ? "" : "timed out, ") << failed << " failed\n";
        run.ms = NAN;
    }
    return run;
}

Run appRefresh(StatusPoller &poller)
{
    QEventLoop loop;
    StallMeter stall;
    bool complete = false;
    const auto connection = QObject::connect(&poller, &StatusPoller::finished, &loop, [&](bool ok) {
        complete = ok;
        loop.quit();
    });
    QElapsedTimer timer;
    stall.start();
    timer.start();
    if (!poller.refreshAll()) {
        QObject::disconnect(connection);
        QTextStream(stderr) << "refresh: the poller had nothing to refresh\n";
        return {};
    }
    BenchSupport::runLoop(loop, 10 * 60 * 1000);
    Run run{BenchSupport::elapsedMs(timer), 0};
    stall.stop();
    QObject::disconnect(connection);
    run.stallMs = stall.longestStallMs();
    if (!complete) {
        QTextStream(stderr) << "refresh: the app's refresh did not complete\n";
        run.ms = NAN;
    }
    return run;
}

} // namespace

void benchRefresh(BenchReport &report, const BenchOptions &options)
{
    QTextStream err(stderr);
    const int count = options.quick ? 2000 : 10000;
    Sandbox sandbox(SandboxOptions{});
    const quint16 port = sandbox.listen();
    QTemporaryDir dir;
    Journal journal;
    if (port == 0 || !journal.open(dir.filePath(QStringLiteral("journal.sqlite")))) {
        err << "refresh: cannot start the sandbox or open the journal\n";
        return;
    }
    err << "refresh: storing " << count << " leads in the sandbox and the journal\n";
    err.flush();
    QList<Lead> leads;
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        ids << QString::number(firstId + i);
        leads << BenchSupport::lead(i, ids.last());
    }
    if (!BenchSupport::storeInSandbox(port, leads) || !BenchSupport::addSentLeads(journal, firstId, count)) {
        err << "refresh: set-up failed: " << journal.errorString() << '\n';
        return;
    }
    const ApiConfig config = BenchSupport::sandboxConfig(sandbox.baseUrl());

    // The app's path, as the main window wires it: the poller merges into the journal, and the status
    // table (model + proxy) follows the journal's signals, all on this thread.
    ApiClient client;
    client.setConfig(config);
    ApiLeadTransport transport(&client, parallelRequests);
    StatusPoller poller(&journal, &transport, BenchSupport::profile);
    poller.setAutoRefreshInterval(0);
    LeadTableModel model(&journal);
    model.setProfile(BenchSupport::profile);
    LeadFilterProxy proxy;
    proxy.setSourceModel(&model);

    err << "refresh: bare loop\n";
    err.flush();
    const Run bareBefore = bareLoop(config, ids);
    err << "refresh: app, first refresh (every lead gets its first status)\n";
    err.flush();
    const Run first = appRefresh(poller);
    err << "refresh: app, second refresh (nothing changed)\n";
    err.flush();
    const Run repeat = appRefresh(poller);
    err << "refresh: bare loop again\n";
    err.flush();
    const Run bareAfter = bareLoop(config, ids);
    const double bareMs = (bareBefore.ms + bareAfter.ms) / 2;
    const double bareStall = std::max(bareBefore.stallMs, bareAfter.stallMs);
    const QString baselineName = QStringLiteral("bare QNetworkAccessManager, same %1 requests, %2 in flight")
                                     .arg(ids.size() / ApiClient::MaxIdsPerRequest)
                                     .arg(parallelRequests);

    const QString prefix = QStringLiteral("refresh.%1k.").arg(count / 1000);
    for (const auto &[name, run] : {std::pair<QString, Run>{QStringLiteral("first"), first},
                                    std::pair<QString, Run>{QStringLiteral("repeat"), repeat}}) {
        BenchFigure figure;
        figure.name = prefix + name;
        figure.unit = QStringLiteral("ms");
        figure.value = run.ms;
        figure.baseline = bareMs;
        figure.baselineName = baselineName;
        figure.targetOn = BenchFigure::TargetOn::Ratio;
        figure.target = 1.5;
        report.add(figure);
    }
    BenchFigure stall;
    stall.name = prefix + QStringLiteral("stall");
    stall.unit = QStringLiteral("ms");
    stall.value = std::max(first.stallMs, repeat.stallMs);
    stall.baseline = bareStall;
    stall.baselineName = QStringLiteral("longest stall of the bare loop");
    stall.targetOn = BenchFigure::TargetOn::Value;
    stall.target = 50;
    stall.note = QStringLiteral("longest main-thread stall, 5 ms timer");
    report.add(stall);
}

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

#include <memory>

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

namespace {

// The app's sync path on a journal of its own: ApiClient -> ApiLeadTransport -> StatusPoller ->
// Journal, and with `withTable` the status table (model + proxy) following the journal's signals, as
// the main window wires it. All on this thread.
struct AppPath
{
    AppPath(const QString &journalPath, const ApiConfig &config, bool withTable)
        : transport(&client, parallelRequests)
    {
        ok = journal.open(journalPath);
        client.setConfig(config);
        poller = std::make_unique<StatusPoller>(&journal, &transport, BenchSupport::profile);
        poller->setAutoRefreshInterval(0);
        if (withTable) {
            model = std::make_unique<LeadTableModel>(&journal);
            proxy = std::make_unique<LeadFilterProxy>();
        }
    }
    void showTable()
    {
        if (!model)
            return;
        model->setProfile(BenchSupport::profile);
        proxy->setSourceModel(model.get());
    }

    bool ok = false;
    Journal journal;
    ApiClient client;
    ApiLeadTransport transport;
    std::unique_ptr<StatusPoller> poller;
    std::unique_ptr<LeadTableModel> model;
    std::unique_ptr<LeadFilterProxy> proxy;
};

BenchFigure refreshFigure(const QString &name, const Run &run, double bareMs, const QString &baselineName,
                          const QString &note)
{
    return BenchFigure::measured(name, QStringLiteral("ms"), run.ms, bareMs, baselineName)
        .withTarget(BenchFigure::TargetOn::Ratio, 1.5)
        .withNote(note);
}

BenchFigure stallFigure(const QString &name, double stallMs, double bareStallMs, const QString &note)
{
    return BenchFigure::measured(name, QStringLiteral("ms"), stallMs, bareStallMs,
                                 QStringLiteral("longest stall of the bare loop"))
        .withTarget(BenchFigure::TargetOn::Value, 50)
        .withNote(note);
}

} // namespace

void benchRefresh(BenchReport &report, const BenchOptions &options)
{
    QTextStream err(stderr);
    const int count = options.quick ? 2000 : 10000;
    Sandbox sandbox(SandboxOptions{});
    const quint16 port = sandbox.listen();
    QTemporaryDir dir;
    if (port == 0) {
        err << "refresh: cannot start the sandbox\n";
        return;
    }
    const ApiConfig config = BenchSupport::sandboxConfig(sandbox.baseUrl());
    AppPath core(dir.filePath(QStringLiteral("core.sqlite")), config, false);
    AppPath gui(dir.filePath(QStringLiteral("gui.sqlite")), config, true);

    err << "refresh: storing " << count << " leads in the sandbox and in two journals\n";
    err.flush();
    QList<Lead> leads;
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        ids << QString::number(firstId + i);
        leads << BenchSupport::lead(i, ids.last());
    }
    if (!core.ok || !gui.ok || !BenchSupport::storeInSandbox(port, leads) ||
        !BenchSupport::addSentLeads(core.journal, firstId, count) ||
        !BenchSupport::addSentLeads(gui.journal, firstId, count)) {
        err << "refresh: set-up failed\n";
        return;
    }
    gui.showTable();

    const auto step = [&err](const char *what) {
        err << "refresh: " << what << '\n';
        err.flush();
    };
    step("bare loop");
    const Run bareBefore = bareLoop(config, ids);
    step("poller + journal, first refresh (every lead gets its first status)");
    const Run coreFirst = appRefresh(*core.poller);
    step("poller + journal, second refresh (nothing changed)");
    const Run coreRepeat = appRefresh(*core.poller);
    step("poller + journal + status table, first refresh");
    const Run guiFirst = appRefresh(*gui.poller);
    step("poller + journal + status table, second refresh");
    const Run guiRepeat = appRefresh(*gui.poller);
    step("bare loop again");
    const Run bareAfter = bareLoop(config, ids);

    const double bareMs = (bareBefore.ms + bareAfter.ms) / 2;
    const double bareStall = std::max(bareBefore.stallMs, bareAfter.stallMs);
    const QString baselineName = QStringLiteral("bare QNetworkAccessManager, same %1 requests, %2 in flight")
                                     .arg(ids.size() / ApiClient::MaxIdsPerRequest)
                                     .arg(parallelRequests);
    const QString prefix = QStringLiteral("refresh.%1k.").arg(count / 1000);
    report.add(refreshFigure(prefix + QStringLiteral("first"), coreFirst, bareMs, baselineName,
                             QStringLiteral("StatusPoller + Journal merge; every lead changes")));
    report.add(refreshFigure(prefix + QStringLiteral("repeat"), coreRepeat, bareMs, baselineName,
                             QStringLiteral("StatusPoller + Journal merge; nothing changes")));
    report.add(stallFigure(prefix + QStringLiteral("stall"), std::max(coreFirst.stallMs, coreRepeat.stallMs),
                           bareStall,
                           QStringLiteral("longest main-thread stall (5 ms timer), poller + journal")));
    report.add(refreshFigure(prefix + QStringLiteral("first+table"), guiFirst, bareMs, baselineName,
                             QStringLiteral("the same with the status table model + proxy attached")));
    report.add(refreshFigure(prefix + QStringLiteral("repeat+table"), guiRepeat, bareMs, baselineName,
                             QStringLiteral("the same with the status table model + proxy attached")));
    report.add(stallFigure(prefix + QStringLiteral("stall+table"),
                           std::max(guiFirst.stallMs, guiRepeat.stallMs), bareStall,
                           QStringLiteral("longest main-thread stall with the status table attached")));
}

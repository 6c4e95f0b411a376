#include "BenchSections.h"
#include "journal/Clock.h"
#include "journal/Journal.h"
#include "journal/LeadJson.h"
#include "journal/OrderIdGenerator.h"
#include "sandbox/Sandbox.h"
#include "sync/ApiLeadTransport.h"
#include "sync/Outbox.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

// The floor of a durable commit on this disk: one row of the same size per transaction, WAL with
// synchronous=FULL as the journal uses, through the same Qt SQL driver.
QList<double> bareCommitLatencies(const QString &path, int count)
{
    QList<double> latencies;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bare-commit"));
        db.setDatabaseName(path);
        if (!db.open())
            return latencies;
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
            !query.exec(QStringLiteral("PRAGMA synchronous=FULL")) ||
            !query.exec(QStringLiteral("CREATE TABLE leads (lead_key TEXT PRIMARY KEY, lead_json TEXT)")) ||
            !query.prepare(QStringLiteral("INSERT INTO leads (lead_key, lead_json) VALUES (?, ?)")))
            return latencies;
        for (int i = 0; i < count; ++i) {
            const QString key = QString::number(300000000 + i);
            const QString json = QString::fromUtf8(LeadJson::toJson(BenchSupport::lead(i, key)));
            QElapsedTimer timer;
            timer.start();
            query.addBindValue(key);
            query.addBindValue(json);
            // A baseline whose writes failed would be a floor of nothing: no figure then.
            if (!db.transaction() || !query.exec() || !db.commit()) {
                latencies.clear();
                break;
            }
            latencies << BenchSupport::elapsedMs(timer);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bare-commit"));
    return latencies;
}

// The baseline rate: the same leads straight through the app's client, as many in flight as the
// outbox allows, no journal.
double directRate(const ApiConfig &config, int count, int firstLead)
{
    ApiClient client;
    client.setConfig(config);
    QEventLoop loop;
    int next = 0;
    int done = 0;
    int failed = 0;
    std::function<void()> sendNext = [&] {
        const int n = next++;
        AddCall *call = client.addLead(BenchSupport::lead(firstLead + n, QString::number(400000000 + n)));
        QObject::connect(call, &AddCall::finished, &loop, [&](const AddResult &result) {
            if (!result.ok())
                ++failed;
            if (++done == count)
                loop.quit();
            else if (next < count)
                sendNext();
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Outbox::DefaultMaxInFlight && next < count; ++i)
        sendNext();
    if (!BenchSupport::runLoop(loop, 10 * 60 * 1000) || failed > 0)
        return NAN; // as on the app's side: a rate of failed calls is no baseline
    return count / (BenchSupport::elapsedMs(timer) / 1000.0);
}

} // namespace

void benchSubmit(BenchReport &report, const BenchOptions &options)
{
    QTextStream err(stderr);
    const int count = options.quick ? 200 : 1000;
    Sandbox sandbox(SandboxOptions{});
    const quint16 port = sandbox.listen();
    QTemporaryDir dir;
    Journal journal;
    if (port == 0 || !journal.open(dir.filePath(QStringLiteral("journal.sqlite")))) {
        err << "submit: cannot start the sandbox or open the journal\n";
        return;
    }
    const ApiConfig config = BenchSupport::sandboxConfig(sandbox.baseUrl());

    err << "submit: " << count << " leads through the outbox\n";
    err.flush();
    ApiClient client;
    client.setConfig(config);
    ApiLeadTransport transport(&client);
    OrderIdGenerator orderIds(&journal, SystemClock::instance());
    Outbox outbox(&journal, &transport, &orderIds, BenchSupport::profile);
    outbox.start();

    QEventLoop loop;
    int sent = 0;
    int failed = 0;
    QObject::connect(&outbox, &LeadGateway::sent, &loop, [&] {
        if (++sent == count)
            loop.quit();
    });
    QObject::connect(&outbox, &LeadGateway::rejected, &loop, [&] { ++failed; });
    // As operators submit through the lead form: submitInBackground (the journal commits on its
    // background connection) and the next lead once stored() says this one is saved, as the form does
    // before it clears for the next order. The commit time is then the operator's wait, not a queue of
    // leads nobody could type that fast; the outbox sends while the journal takes the next lead.
    QList<double> commitMs;
    QElapsedTimer commitTimer;
    int submitted = 0;
    const auto submitNext = [&] {
        if (submitted == count)
            return;
        commitTimer.start();
        outbox.submitInBackground(BenchSupport::lead(submitted++));
    };
    QObject::connect(&outbox, &LeadGateway::stored, &loop, [&](quint64, const QString &) {
        commitMs << BenchSupport::elapsedMs(commitTimer);
        submitNext();
    });
    QObject::connect(&outbox, &LeadGateway::notStored, &loop, [&](quint64, const QString &reason) {
        err << "submit: " << reason << '\n';
        ++failed;
        submitNext();
    });
    QElapsedTimer timer;
    timer.start();
    submitNext();
    const bool done = BenchSupport::runLoop(loop, 10 * 60 * 1000);
    const double rate = done ? count / (BenchSupport::elapsedMs(timer) / 1000.0) : NAN;
    if (!done || failed > 0)
        err << "submit: " << sent << " of " << count << " sent, " << failed << " failed\n";

    err << "submit: baseline, the same number of leads straight through the client\n";
    err.flush();
    const double baselineRate = directRate(config, count, 500000);
    const QList<double> bareMs = bareCommitLatencies(dir.filePath(QStringLiteral("bare.sqlite")), count);

    report.add(
        BenchFigure::measured(QStringLiteral("submit.rate"), QStringLiteral("leads/s"), rate, baselineRate,
                              QStringLiteral("ApiClient::addLead alone, %1 in flight, no journal")
                                  .arg(Outbox::DefaultMaxInFlight),
                              BenchFigure::Better::Higher)
            .withNote(
                QStringLiteral("%1 leads: submitInBackground() -> journal (fsync) -> add.json -> journal")
                    .arg(count)));

    for (const double p : {50.0, 99.0}) {
        report.add(BenchFigure::measured(p == 50 ? QStringLiteral("submit.commit.median")
                                                 : QStringLiteral("submit.commit.p99"),
                                         QStringLiteral("ms"), percentile(commitMs, p), percentile(bareMs, p),
                                         QStringLiteral("bare one-row SQLite commit, WAL + synchronous=FULL"))
                       .withNote(QStringLiteral("submitInBackground() to stored(): order id claimed, lead "
                                                "committed on the journal's background connection")));
    }
}

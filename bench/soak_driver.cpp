// cpadesk-soak-driver: the app's core under a fault soak (issue 9) and the crash-recovery test of
// issue 5. It submits leads through the Outbox (journal first, then add.json) and refreshes their
// statuses through the StatusPoller, against a cpadesk-sandbox injecting faults, while a supervisor
// (cpadesk-soak) kills it with SIGKILL at random moments and starts it again on the same journal.
//
// For every lead the outbox said was stored (submitInBackground() then stored(), the lead form's
// way: "confirmed to the user"), the id is appended to the --confirmed file and fsynced only after
// that, as an operator sees the confirmation only then. With --drain it submits nothing more and
// exits 0 once nothing is waiting in the outbox.
//
//   cpadesk-soak-driver --url URL --journal FILE --confirmed FILE [--rate N] [--limit N] [--drain]
#include "BenchSupport.h"
#include "journal/Clock.h"
#include "journal/Journal.h"
#include "journal/OrderIdGenerator.h"
#include "sync/ApiLeadTransport.h"
#include "sync/Outbox.h"
#include "sync/RetrySchedule.h"
#include "sync/StatusPoller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace {

// Appends one line and forces it to disk before returning.
bool appendDurably(QFile &file, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    return file.write(bytes) == bytes.size() && file.flush() && ::fsync(file.handle()) == 0;
}

void say(const QString &text)
{
    std::printf("%s\n", text.toUtf8().constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption urlOption(QStringLiteral("url"), QStringLiteral("The sandbox URL."),
                                       QStringLiteral("url"));
    const QCommandLineOption journalOption(QStringLiteral("journal"), QStringLiteral("The journal file."),
                                           QStringLiteral("file"));
    const QCommandLineOption confirmedOption(QStringLiteral("confirmed"),
                                             QStringLiteral("Where the ids of stored leads are appended."),
                                             QStringLiteral("file"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Leads submitted per second."),
                                        QStringLiteral("n"), QStringLiteral("40"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("Stop submitting once the journal holds this many."),
                                         QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption drainOption(QStringLiteral("drain"),
                                         QStringLiteral("Submit nothing; exit 0 once the outbox is empty."));
    parser.addOptions({urlOption, journalOption, confirmedOption, rateOption, limitOption, drainOption});
    parser.process(app);
    if (!parser.isSet(urlOption) || !parser.isSet(journalOption) || !parser.isSet(confirmedOption)) {
        std::fprintf(stderr, "--url, --journal and --confirmed are required\n");
        return 2;
    }
    const bool drain = parser.isSet(drainOption);

    Journal journal;
    if (!journal.open(parser.value(journalOption))) {
        std::fprintf(stderr, "cannot open the journal: %s\n", journal.errorString().toUtf8().constData());
        return 1;
    }
    QFile confirmed(parser.value(confirmedOption));
    if (!confirmed.open(QIODevice::WriteOnly | QIODevice::Append)) {
        std::fprintf(stderr, "cannot open %s\n", confirmed.fileName().toUtf8().constData());
        return 1;
    }

    ApiConfig config = BenchSupport::sandboxConfig(QUrl(parser.value(urlOption)));
    // The sandbox's "delay" fault holds answers back for seconds: give up sooner than the app's default,
    // so that a soak of minutes sees many timeouts, not a few.
    config.transferTimeoutMs = 2500;
    config.deadlineMs = 5000;
    ApiClient client;
    client.setConfig(config);
    ApiLeadTransport transport(&client);
    OrderIdGenerator orderIds(&journal, SystemClock::instance());
    Outbox outbox(&journal, &transport, &orderIds, BenchSupport::profile);
    // Minutes, not hours: the same backoff, scaled down so that a soak retries often.
    RetrySchedule::Policy policy;
    policy.firstDelayMs = 100;
    policy.maxDelayMs = 2000;
    outbox.setRetrySchedule(RetrySchedule(policy, QRandomGenerator::global()->generate()));
    StatusPoller poller(&journal, &transport, BenchSupport::profile);
    poller.setAutoRefreshInterval(1500);
    outbox.start();

    // Lead numbers continue from what the journal holds: a lead committed before a kill but never
    // confirmed is not typed again (its phone would make the sandbox answer "duplicate").
    int next = int(journal.rows(BenchSupport::profile).size());
    const int limit = parser.value(limitOption).toInt();
    say(QStringLiteral("started journal=%1 waiting=%2").arg(next).arg(outbox.waitingCount()));

    QTimer submitter;
    submitter.setInterval(std::max(1, 1000 / std::max(1, parser.value(rateOption).toInt())));
    QObject::connect(&submitter, &QTimer::timeout, &app, [&] {
        if (next >= limit) {
            submitter.stop();
            return;
        }
        // As the lead form does: the journal commits on its background connection, and the lead is
        // confirmed to the user only when stored() says it is safe.
        outbox.submitInBackground(BenchSupport::lead(next));
        ++next;
    });
    QObject::connect(&outbox, &LeadGateway::stored, &app, [&](quint64, const QString &id) {
        if (!appendDurably(confirmed, id))
            std::fprintf(stderr, "cannot record confirmed id %s\n", id.toUtf8().constData());
    });
    QObject::connect(&outbox, &LeadGateway::notStored, &app, [](quint64, const QString &reason) {
        std::fprintf(stderr, "submit failed: %s\n", reason.toUtf8().constData());
    });
    if (!drain)
        submitter.start();

    QTimer status;
    status.setInterval(1000);
    QObject::connect(&status, &QTimer::timeout, &app, [&] {
        const int waiting = outbox.waitingCount();
        say(QStringLiteral("journal=%1 waiting=%2 in-flight=%3")
                .arg(next)
                .arg(waiting)
                .arg(outbox.inFlightCount()));
        if (drain && waiting == 0 && outbox.inFlightCount() == 0)
            app.exit(0);
    });
    status.start();
    if (drain) {
        // Right away too: a drain with nothing left need not wait a second.
        QTimer::singleShot(0, &app, [&] { outbox.retryNow(); });
    }
    return app.exec();
}

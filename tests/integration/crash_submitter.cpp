// crash_submitter: the core's sending path in a process of its own, for tst_crash_recovery to kill.
//
//   crash_submitter --journal FILE --url URL --confirmed FILE [--count N] [--interval-ms MS]
//
// Opens the journal, starts an Outbox (ApiLeadTransport over ApiClient) against the sandbox at URL and
// submits N leads, one every MS milliseconds, while the outbox sends them. After each submit() returns,
// the id it gave is appended to the confirmed file and fsync'd: from that moment the "operator" has been
// told the lead is safe. With --count 0 it submits nothing and only drains: it exits 0 once no lead is
// waiting, 3 if any lead was rejected. Core only: no widgets, no session, no settings.

#include "api/ApiClient.h"
#include "journal/Clock.h"
#include "journal/Journal.h"
#include "journal/OrderIdGenerator.h"
#include "sync/ApiLeadTransport.h"
#include "sync/Outbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

#include <fcntl.h>
#include <unistd.h>

namespace {

const QString ProfileId = QStringLiteral("crash-test");

// A customer phone of its own for every lead, across every run of the process: the sandbox answers
// `duplicate` to the same phone and offer within a day. 79 and nine random digits, never a banned one.
QString randomPhone()
{
    QString phone;
    do {
        phone = QStringLiteral("79%1").arg(QRandomGenerator::system()->bounded(1000000000u), 9, 10,
                                           QLatin1Char('0'));
    } while (phone == QLatin1String("79999999999"));
    return phone;
}

Lead makeLead()
{
    Lead lead;
    lead.offer = QStringLiteral("217");
    lead.phone = randomPhone();
    lead.ip = QStringLiteral("12.34.56.78");
    lead.name = QStringLiteral("Crash Test");
    return lead;
}

// Appends one line and waits until it is on disk, so that a SIGKILL right after cannot take it back.
bool appendDurably(int fd, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    return ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size() && ::fsync(fd) == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption journalOption(QStringLiteral("journal"), QStringLiteral("journal file"),
                                           QStringLiteral("file"));
    const QCommandLineOption urlOption(QStringLiteral("url"), QStringLiteral("sandbox URL"),
                                       QStringLiteral("url"));
    const QCommandLineOption confirmedOption(QStringLiteral("confirmed"),
                                             QStringLiteral("confirmed ids file"), QStringLiteral("file"));
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("leads to submit"),
                                         QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption intervalOption(QStringLiteral("interval-ms"),
                                            QStringLiteral("pause between submits"), QStringLiteral("ms"),
                                            QStringLiteral("10"));
    parser.addOptions({journalOption, urlOption, confirmedOption, countOption, intervalOption});
    parser.process(app);
    QTextStream err(stderr);

    Journal journal;
    if (!journal.open(parser.value(journalOption))) {
        err << "cannot open the journal: " << journal.errorString() << Qt::endl;
        return 2;
    }
    const int confirmedFd = ::open(QFile::encodeName(parser.value(confirmedOption)).constData(),
                                   O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (confirmedFd < 0) {
        err << "cannot open the confirmed file" << Qt::endl;
        return 2;
    }

    ApiClient client;
    ApiConfig config;
    config.baseUrl = QUrl(parser.value(urlOption));
    config.user = QStringLiteral("demo");
    config.key = QStringLiteral("demo");
    config.transferTimeoutMs = 5000;
    config.deadlineMs = 10000;
    client.setConfig(config);
    ApiLeadTransport transport(&client);
    OrderIdGenerator orderIds(&journal, SystemClock::instance());
    Outbox outbox(&journal, &transport, &orderIds, ProfileId, SystemClock::instance());
    RetrySchedule::Policy fast;
    fast.firstDelayMs = 50;
    fast.maxDelayMs = 500;
    outbox.setRetrySchedule(RetrySchedule(fast, QRandomGenerator::system()->generate()));
    int rejected = 0;
    QObject::connect(&outbox, &LeadGateway::rejected,
                     [&rejected, &err](const QString &key, const ApiError &error) {
                         ++rejected;
                         err << "rejected " << key << ": " << error.code << Qt::endl;
                     });
    outbox.start();

    const int count = parser.value(countOption).toInt();
    if (count == 0) {
        // The drain run after the crashes: start() already looked up interrupted sends; "retry now" (what
        // an operator presses in the outbox view) also ends the backoff of leads whose send failed.
        outbox.retryNow();
    }
    int submitted = 0;
    QTimer submitTimer;
    submitTimer.setInterval(parser.value(intervalOption).toInt());
    QObject::connect(&submitTimer, &QTimer::timeout, [&] {
        if (submitted == count) {
            submitTimer.stop();
            return;
        }
        const QString id = outbox.submit(makeLead());
        if (id.isEmpty() || !appendDurably(confirmedFd, id)) {
            err << "submit failed: " << outbox.lastError() << Qt::endl;
            app.exit(2);
            return;
        }
        ++submitted;
    });
    if (count > 0)
        submitTimer.start();

    // Done when every lead was submitted and none is waiting or in flight.
    QTimer doneCheck;
    doneCheck.setInterval(20);
    QObject::connect(&doneCheck, &QTimer::timeout, [&] {
        if (submitted == count && outbox.inFlightCount() == 0 && outbox.waitingCount() == 0)
            app.exit(rejected == 0 ? 0 : 3);
    });
    doneCheck.start();
    const int status = app.exec();
    ::close(confirmedFd);
    return status;
}

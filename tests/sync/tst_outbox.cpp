#include "FakeLeadTransport.h"
#include "ManualClock.h"
#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "journal/OrderIdGenerator.h"
#include "session/ResendGateway.h"
#include "sync/Outbox.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace {
const QString profile = QStringLiteral("main");
constexpr int timeoutMs = 10000;

Lead makeLead(const QString &orderId = QString(), const QString &phone = QStringLiteral("79001234567"))
{
    Lead lead;
    lead.orderId = orderId;
    lead.offer = QStringLiteral("217");
    lead.phone = phone;
    lead.ip = QStringLiteral("12.34.56.78");
    lead.name = QStringLiteral("John Doe");
    return lead;
}

RetrySchedule::Policy testPolicy()
{
    RetrySchedule::Policy policy;
    policy.firstDelayMs = 10000;
    policy.factor = 2;
    policy.maxDelayMs = 15 * 60 * 1000;
    policy.jitter = 0.2;
    return policy;
}
} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void storesBeforeSendingThenSends();
    void givesIdsAndKeepsGivenOnes();
    void autoLeadLearnsItsId();
    void nothingGoesOutBeforeStart();
    void nothingGoesOutWhileCredentialsAreMissing();
    void serviceErrorsReject_data();
    void serviceErrorsReject();
    void transportFailuresRetryWithBackoff_data();
    void transportFailuresRetryWithBackoff();
    void backoffGrowsAndIsCapped();
    void retryNowSendsWaitingLeadsAtOnce();
    void duplicateAfterLostAnswerIsConfirmedFound();
    void duplicateAfterLostAnswerNotFoundIsRejected();
    void duplicateOnFirstAttemptIsLookedUpThenRejected();
    void duplicateOnFirstAttemptFoundUnderOurIdIsSent();
    void failedLookupIsRetried();
    void restartLooksUpInterruptedSendFound();
    void restartLooksUpInterruptedSendNotFoundThenResends();
    void autoLeadIsNeverResentBlindly();
    void autoLeadInterruptedWaitsForTheUser();
    void limitsSendsInFlight();
    void editDiscardAndRetryFromTheOutboxView();
    void findRecentSeesSubmittedLeads();
    void sendingNeverMakesThisThreadWaitForTheDatabase();
    void submitInBackgroundNeverMakesThisThreadWaitForTheDatabase();
    void submitInBackgroundSaysWhenTheLeadIsNotStored();
    void correctionFromTheFormIsStoredInTheBackground();

private:
    void waitForJournalWork();
    Outbox *makeOutbox();
    QString submitted(const Lead &lead);
    SendState stateOf(const QString &key) const { return m_journal->entry(profile, key)->sendState; }

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FakeLeadTransport> m_transport;
    std::unique_ptr<OrderIdGenerator> m_ids;
    std::unique_ptr<Outbox> m_outbox;
};

void TestOutbox::init()
{
    m_env = std::make_unique<TestEnvironment>();
    m_journal = std::make_unique<Journal>();
    QVERIFY(m_journal->open(m_env->path() + QStringLiteral("/journal.sqlite")));
    m_clock = std::make_unique<ManualClock>();
    m_transport = std::make_unique<FakeLeadTransport>();
    m_ids = std::make_unique<OrderIdGenerator>(m_journal.get(), m_clock.get());
    m_outbox.reset(makeOutbox());
    m_outbox->start();
}

void TestOutbox::cleanup()
{
    m_outbox.reset();
    m_transport.reset();
    m_ids.reset();
    m_journal.reset();
    m_clock.reset();
    m_env.reset();
}

Outbox *TestOutbox::makeOutbox()
{
    auto *outbox = new Outbox(m_journal.get(), m_transport.get(), m_ids.get(), profile, m_clock.get());
    outbox->setRetrySchedule(RetrySchedule(testPolicy(), 42));
    return outbox;
}

namespace {

// Another writer (a second app instance, say) holding the journal's write lock for as long as it lives.
class JournalWriteLock
{
public:
    explicit JournalWriteLock(const QString &filePath)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(filePath);
        QSqlQuery begin(db);
        m_held = db.open() && begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    ~JournalWriteLock()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.rollback();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    bool isHeld() const { return m_held; }

private:
    static inline const QString name = QStringLiteral("tst_outbox.lock");
    bool m_held = false;
};

// Whether this thread's event loop keeps turning: 20 queued calls, each posted by the one before, all
// run well within SQLite's busy timeout (5 s). A thread that waited for the database lock meanwhile runs
// none of them until its wait gives up. Counts turns of the loop, not timer ticks in wall-clock time,
// so a busy machine slows it down without failing it.
bool eventLoopKeepsTurning()
{
    constexpr int Turns = 20;
    auto turns = std::make_shared<int>(0);
    auto next = std::make_shared<std::function<void()>>();
    // Each call posts the next while this function's `next` lives; calls still queued when it returns
    // find it gone and stop.
    *next = [turns, weakNext = std::weak_ptr<std::function<void()>>(next)] {
        if (++*turns < Turns) {
            if (const auto again = weakNext.lock())
                QMetaObject::invokeMethod(QCoreApplication::instance(), *again, Qt::QueuedConnection);
        }
    };
    QMetaObject::invokeMethod(QCoreApplication::instance(), *next, Qt::QueuedConnection);
    QElapsedTimer waited;
    waited.start();
    while (*turns < Turns && waited.elapsed() < 4000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return *turns >= Turns;
}

} // namespace

void TestOutbox::sendingNeverMakesThisThreadWaitForTheDatabase()
{
    QSignalSpy sent(m_outbox.get(), &LeadGateway::sent);
    QSignalSpy changed(m_journal.get(), &Journal::leadsChanged);
    const QString key = submitted(makeLead());
    QVERIFY(!key.isEmpty());
    {
        JournalWriteLock lock(m_journal->filePath());
        QVERIFY(lock.isHeld());
        // The outbox must record "sending" before the request goes out, and cannot while the lock is
        // held: it waits on its background connection, and this thread goes on with its events.
        QVERIFY2(eventLoopKeepsTurning(), "this thread waited for the database");
        QVERIFY(m_transport->sentLeads.isEmpty()); // nothing went out before its state was written
        QCOMPARE(stateOf(key), SendState::Queued);
    }
    // Once the lock is free, the lead goes out and every step is announced by the journal as usual.
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, timeoutMs);
    QCOMPARE(m_transport->sentLeads.size(), 1);
    QCOMPARE(stateOf(key), SendState::Sent);
    QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [&key](const QList<QVariant> &args) {
        return args.at(1).toStringList().contains(key);
    }));
}

void TestOutbox::submitInBackgroundNeverMakesThisThreadWaitForTheDatabase()
{
    QSignalSpy stored(m_outbox.get(), &LeadGateway::stored);
    QSignalSpy notStored(m_outbox.get(), &LeadGateway::notStored);
    QSignalSpy sent(m_outbox.get(), &LeadGateway::sent);
    quint64 ticket = 0;
    {
        JournalWriteLock lock(m_journal->filePath());
        QVERIFY(lock.isHeld());
        ticket = m_outbox->submitInBackground(makeLead());
        QVERIFY(ticket != 0);
        QVERIFY2(eventLoopKeepsTurning(), "this thread waited for the database");
        // Not stored yet, so not said to be, and not sent.
        QCOMPARE(stored.size(), 0);
        QCOMPARE(notStored.size(), 0);
        QVERIFY(m_transport->sentLeads.isEmpty());
    }
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, timeoutMs);
    QCOMPARE(stored.constFirst().at(0).toULongLong(), ticket);
    const QString key = stored.constFirst().at(1).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]+$")).match(key).hasMatch(), qPrintable(key));
    // Stored before it was sent, with the id the background connection claimed.
    QVERIFY(m_journal->entry(profile, key).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, timeoutMs);
    QCOMPARE(sent.constFirst().at(0).toString(), key);
    QCOMPARE(m_transport->sentLeads.constFirst().orderId, key);

    // Ids claimed by either connection never repeat.
    const QString next = submitted(makeLead(QString(), QStringLiteral("79001112233")));
    QVERIFY(!next.isEmpty() && next != key);
    const quint64 third = m_outbox->submitInBackground(makeLead(QString(), QStringLiteral("79001112244")));
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 2, timeoutMs);
    QCOMPARE(stored.at(1).at(0).toULongLong(), third);
    const QString thirdKey = stored.at(1).at(1).toString();
    QVERIFY(thirdKey != key && thirdKey != next);
}

void TestOutbox::submitInBackgroundSaysWhenTheLeadIsNotStored()
{
    QSignalSpy stored(m_outbox.get(), &LeadGateway::stored);
    QSignalSpy notStored(m_outbox.get(), &LeadGateway::notStored);
    // The same order id twice: the journal refuses the second one, and nothing is sent for it.
    const Lead lead = makeLead(QStringLiteral("5550001"));
    QCOMPARE(submitted(lead), lead.orderId);
    const quint64 ticket = m_outbox->submitInBackground(lead);
    QTRY_COMPARE_WITH_TIMEOUT(notStored.size(), 1, timeoutMs);
    QCOMPARE(notStored.constFirst().at(0).toULongLong(), ticket);
    QVERIFY2(notStored.constFirst().at(1).toString().contains(QStringLiteral("5550001")),
             qPrintable(notStored.constFirst().at(1).toString()));
    QCOMPARE(stored.size(), 0);
}

void TestOutbox::correctionFromTheFormIsStoredInTheBackground()
{
    QSignalSpy rejected(m_outbox.get(), &LeadGateway::rejected);
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Reject, QStringLiteral("nophone"));
    const QString key = submitted(makeLead());
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, timeoutMs);

    // The lead form opened on that lead sends through a ResendGateway: same key, same order id.
    ResendGateway gateway(m_outbox.get(), key, key);
    QSignalSpy stored(&gateway, &LeadGateway::stored);
    QSignalSpy notStored(&gateway, &LeadGateway::notStored);
    QSignalSpy sent(&gateway, &LeadGateway::sent);
    const Lead corrected = makeLead(QString(), QStringLiteral("79005550000"));
    const quint64 ticket = gateway.submitInBackground(corrected);
    QCOMPARE(stored.size(), 0); // never from inside the call
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, timeoutMs);
    QCOMPARE(stored.constFirst().at(0).toULongLong(), ticket);
    QCOMPARE(stored.constFirst().at(1).toString(), key);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, timeoutMs);
    QCOMPARE(m_transport->sentLeads.constLast().orderId, key);
    QCOMPARE(m_transport->sentLeads.constLast().phone, QStringLiteral("79005550000"));
    QCOMPARE(notStored.size(), 0);

    // A lead on its way cannot be corrected: said on the ticket, not from inside the call.
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Hang);
    const QString busy = submitted(makeLead(QString(), QStringLiteral("79005550001")));
    QTRY_COMPARE_WITH_TIMEOUT(m_transport->addCallsInFlight(), 1, timeoutMs);
    ResendGateway busyGateway(m_outbox.get(), busy, busy);
    QSignalSpy refused(&busyGateway, &LeadGateway::notStored);
    const quint64 refusedTicket = busyGateway.submitInBackground(corrected);
    QCOMPARE(refused.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, timeoutMs);
    QCOMPARE(refused.constFirst().at(0).toULongLong(), refusedTicket);
    QVERIFY2(refused.constFirst().at(1).toString().contains(busy),
             qPrintable(refused.constFirst().at(1).toString()));
}

QString TestOutbox::submitted(const Lead &lead)
{
    const QString key = m_outbox->submit(lead);
    if (key.isEmpty())
        qWarning() << "submit failed:" << m_outbox->lastError();
    return key;
}

void TestOutbox::storesBeforeSendingThenSends()
{
    QSignalSpy sent(m_outbox.get(), &LeadGateway::sent);
    // At the moment the request goes out, the journal already says "sending" and holds the body.
    QString stateAtSend;
    QByteArray bodyAtSend;
    m_transport->beforeSend = [this, &stateAtSend, &bodyAtSend](const Lead &lead) {
        const auto entry = m_journal->entry(profile, lead.orderId);
        stateAtSend = entry ? SendStates::toText(entry->sendState) : QStringLiteral("missing");
        bodyAtSend = entry ? entry->requestBody : QByteArray();
    };

    const QString key = submitted(makeLead(QStringLiteral("1001")));
    QCOMPARE(key, QStringLiteral("1001"));
    // submit() returned: stored, durable, and nothing sent yet.
    QCOMPARE(stateOf(key), SendState::Queued);
    QVERIFY(m_transport->sentLeads.isEmpty());
    QCOMPARE(m_outbox->waitingCount(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, timeoutMs);
    QCOMPARE(stateAtSend, QStringLiteral("sending"));
    QCOMPARE(bodyAtSend, m_transport->requestBody(makeLead(QStringLiteral("1001"))));
    QCOMPARE(sent.constFirst().at(0).toString(), key);
    const auto entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Sent);
    QCOMPARE(entry->networkOrderId, sent.constFirst().at(1).toString());
    QCOMPARE(entry->attempts, 1);
    QCOMPARE(entry->sentAt.toMSecsSinceEpoch(), m_clock->nowMs());
    QCOMPARE(m_outbox->waitingCount(), 0);
    QCOMPARE(m_transport->storedCount(), 1);
}

void TestOutbox::givesIdsAndKeepsGivenOnes()
{
    const QString generated = submitted(makeLead());
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9]+$")).match(generated).hasMatch());
    QVERIFY(generated.toULongLong() < OrderIdGenerator::Limit);
    QCOMPARE(m_journal->entry(profile, generated)->lead.orderId, generated);
    QCOMPARE(submitted(makeLead(QStringLiteral(" 555 "))), QStringLiteral("555"));
    QVERIFY(m_outbox->submit(makeLead(QStringLiteral("555"))).isEmpty()); // never two leads with one id
    QVERIFY(m_outbox->lastError().contains(QStringLiteral("555")));
    QTRY_COMPARE_WITH_TIMEOUT(m_transport->sentLeads.size(), 2, timeoutMs);
    QCOMPARE(m_transport->sentLeads.at(0).orderId, generated);
}

void TestOutbox::autoLeadLearnsItsId()
{
    QSignalSpy sent(m_outbox.get(), &LeadGateway::sent);
    const QString key = submitted(makeLead(QStringLiteral("auto")));
    QVERIFY(key.startsWith(QStringLiteral("auto-")));
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, timeoutMs);
    QCOMPARE(m_transport->sentLeads.constFirst().orderId, QStringLiteral("auto"));
    const auto entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Sent);
    QVERIFY(!entry->orderId.isEmpty()); // the network's "uid": what its statuses are asked by
    QVERIFY(m_transport->holds(entry->orderId));
    QCOMPARE(m_journal->openOrderIds(profile), QStringList{entry->orderId});
}

// A barrier for "nothing happened" checks: background writes are committed in order, so once this no-op
// is, every write queued before it is too, and the pumps those queued have had their turn.
void TestOutbox::waitForJournalWork()
{
    bool barrier = false;
    m_journal->writeInBackground(
        this, [](Journal &) { return true; }, [&barrier](bool, const QString &) { barrier = true; });
    QTRY_VERIFY_WITH_TIMEOUT(barrier, timeoutMs);
    QCoreApplication::processEvents();
}

void TestOutbox::nothingGoesOutBeforeStart()
{
    m_outbox.reset(makeOutbox()); // not started
    const QString key = submitted(makeLead());
    QVERIFY(!key.isEmpty());
    waitForJournalWork();
    QVERIFY(m_transport->sentLeads.isEmpty());
    m_outbox->start();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(key), SendState::Sent, timeoutMs);
}

void TestOutbox::nothingGoesOutWhileCredentialsAreMissing()
{
    m_outbox.reset(makeOutbox());
    m_outbox->setCredentialsMissing(true);
    m_outbox->start();
    const QString key = submitted(makeLead());
    QVERIFY(!key.isEmpty());
    m_outbox->retryNow();
    waitForJournalWork();
    QVERIFY2(m_transport->sentLeads.isEmpty(), "no request can succeed without the user id and key");
    QCOMPARE(stateOf(key), SendState::Queued);
    QCOMPARE(m_outbox->waitingCount(), 1);
    // Set: it goes out at once, not at a later retry.
    m_outbox->setCredentialsMissing(false);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(key), SendState::Sent, timeoutMs);
    QCOMPARE(m_transport->sentLeads.size(), 1);
}

void TestOutbox::serviceErrorsReject_data()
{
    QTest::addColumn<QString>("code");
    for (const char *code : {"nooffer", "noid", "nophone", "offer", "security", "ban", "traffic", "db", "key",
                             "data", "app", "func", "zzz-new-code"})
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestOutbox::serviceErrorsReject()
{
    QFETCH(QString, code);
    QSignalSpy rejected(m_outbox.get(), &LeadGateway::rejected);
    QSignalSpy deferred(m_outbox.get(), &LeadGateway::deferred);
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Reject, code);
    const QString key = submitted(makeLead());
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, timeoutMs);
    QCOMPARE(rejected.constFirst().at(0).toString(), key);
    QCOMPARE(rejected.constFirst().at(1).value<ApiError>().code, code);
    const auto entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Rejected);
    QCOMPARE(entry->errorCode, code);
    QVERIFY(!entry->errorText.isEmpty());
    QCOMPARE(m_outbox->waitingCount(), 0);
    QCOMPARE(m_outbox->entries().size(), 1); // the outbox view still shows it, with its reason
    m_clock->advance(24 * 3600 * 1000);
    QCoreApplication::processEvents();
    QCOMPARE(m_transport->sentLeads.size(), 1); // a verdict is not retried by the machine
    QCOMPARE(deferred.size(), 0);
}

void TestOutbox::transportFailuresRetryWithBackoff_data()
{
    QTest::addColumn<QString>("code");
    for (const char *code :
         {"timeout", "network", "dns", "tls", "http", "html", "empty", "truncated", "json"})
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestOutbox::transportFailuresRetryWithBackoff()
{
    QFETCH(QString, code);
    QSignalSpy deferred(m_outbox.get(), &LeadGateway::deferred);
    QSignalSpy sent(m_outbox.get(), &LeadGateway::sent);
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Fail, code);
    const qint64 start = m_clock->nowMs();
    const QString key = submitted(makeLead());
    QTRY_COMPARE_WITH_TIMEOUT(deferred.size(), 1, timeoutMs);
    QCOMPARE(deferred.constFirst().at(1).value<ApiError>().code, code);

    auto entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Queued);
    QVERIFY(entry->maybeDelivered);
    QCOMPARE(entry->errorCode, code);
    const RetrySchedule reference(testPolicy(), 0);
    const qint64 delay = entry->nextTryAt.toMSecsSinceEpoch() - start;
    QVERIFY2(delay >= reference.minDelayMs(1) && delay <= reference.maxDelayMs(1),
             qPrintable(QString::number(delay)));
    // The wake-up is armed for exactly the stored time (by the outbox's next turn of the event loop).
    QTRY_COMPARE_WITH_TIMEOUT(m_clock->nextDeadline(),
                              std::optional<qint64>(entry->nextTryAt.toMSecsSinceEpoch()), timeoutMs);
    QCOMPARE(m_outbox->waitingCount(), 1);

    // Not a moment early...
    m_clock->setNow(entry->nextTryAt.toMSecsSinceEpoch() - 1);
    QCoreApplication::processEvents();
    QCOMPARE(m_transport->sentLeads.size(), 1);
    // ...and when due, the same lead with the same id.
    m_clock->advance(1);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, timeoutMs);
    QCOMPARE(m_transport->sentLeads.size(), 2);
    QCOMPARE(m_transport->sentLeads.at(1), m_transport->sentLeads.at(0));
    entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Sent);
    QCOMPARE(entry->attempts, 2);
    QVERIFY(entry->errorCode.isEmpty());
    QCOMPARE(m_transport->storedCount(), 1);
}

void TestOutbox::backoffGrowsAndIsCapped()
{
    // The schedule itself: doubling from 10 s, capped at 15 min, jitter within +-20 %.
    RetrySchedule schedule(testPolicy(), 7);
    QCOMPARE(schedule.baseDelayMs(1), 10000);
    QCOMPARE(schedule.baseDelayMs(2), 20000);
    QCOMPARE(schedule.baseDelayMs(5), 160000);
    QCOMPARE(schedule.baseDelayMs(8), 900000);
    QCOMPARE(schedule.baseDelayMs(1000), 900000);
    bool varied = false;
    for (int failures = 1; failures < 40; ++failures) {
        const qint64 delay = schedule.delayAfterFailure(failures);
        QVERIFY(delay >= schedule.minDelayMs(failures) && delay <= schedule.maxDelayMs(failures));
        varied = varied || delay != schedule.baseDelayMs(failures);
    }
    QVERIFY(varied);

    // Through the outbox: six failures in a row, each retry later than the one before, stored in the
    // journal, and the lead is still tried after that (forever).
    QSignalSpy deferred(m_outbox.get(), &LeadGateway::deferred);
    for (int i = 0; i < 6; ++i)
        m_transport->queueAdd(FakeLeadTransport::AddOutcome::Fail, QStringLiteral("timeout"));
    const QString key = submitted(makeLead());
    qint64 previousDelay = 0;
    for (int failures = 1; failures <= 6; ++failures) {
        QTRY_COMPARE_WITH_TIMEOUT(deferred.size(), failures, timeoutMs);
        const qint64 due = m_journal->entry(profile, key)->nextTryAt.toMSecsSinceEpoch();
        const qint64 delay = due - m_clock->nowMs();
        QVERIFY2(delay >= schedule.minDelayMs(failures) && delay <= schedule.maxDelayMs(failures),
                 qPrintable(QStringLiteral("failure %1: %2 ms").arg(failures).arg(delay)));
        QVERIFY(delay > previousDelay);
        previousDelay = delay;
        m_clock->setNow(due);
    }
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(key), SendState::Sent, timeoutMs);
    QCOMPARE(m_journal->entry(profile, key)->attempts, 7);
}

void TestOutbox::retryNowSendsWaitingLeadsAtOnce()
{
    QSignalSpy deferred(m_outbox.get(), &LeadGateway::deferred);
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Fail, QStringLiteral("network"));
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Fail, QStringLiteral("network"));
    const QString first = submitted(makeLead());
    const QString second = submitted(makeLead());
    QTRY_COMPARE_WITH_TIMEOUT(deferred.size(), 2, timeoutMs);
    QCOMPARE(m_outbox->waitingCount(), 2);
    QSignalSpy counter(m_outbox.get(), &Outbox::waitingCountChanged);
    m_outbox->retryNow(); // the clock has not moved
    QTRY_COMPARE_WITH_TIMEOUT(m_outbox->waitingCount(), 0, timeoutMs);
    QCOMPARE(stateOf(first), SendState::Sent);
    QCOMPARE(stateOf(second), SendState::Sent);
    // The count the status bar shows is announced once the background count is in, which can be a turn
    // of the event loop after waitingCount() already reads 0.
    QTRY_VERIFY_WITH_TIMEOUT(!counter.isEmpty() && counter.constLast().at(0).toInt() == 0, timeoutMs);
}

void TestOutbox::duplicateAfterLostAnswerIsConfirmedFound()
{
    // Attempt 1 reached the network, but the answer was lost. Attempt 2 hears "duplicate": list.json
    // confirms our id is there, so the lead is sent, once, with the network's id.
    QSignalSpy sent(m_outbox.get(), &LeadGateway::sent);
    QSignalSpy rejected(m_outbox.get(), &LeadGateway::rejected);
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::StoreThenFail, QStringLiteral("network"));
    const QString key = submitted(makeLead());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(key), SendState::Queued, timeoutMs);
    // The first attempt has failed once it carries an error code (until then it is due "now").
    QTRY_VERIFY_WITH_TIMEOUT(!m_journal->entry(profile, key)->errorCode.isEmpty(), timeoutMs);
    QCOMPARE(stateOf(key), SendState::Queued);
    m_clock->setNow(m_journal->entry(profile, key)->nextTryAt.toMSecsSinceEpoch());

    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, timeoutMs);
    QCOMPARE(rejected.size(), 0);
    QCOMPARE(m_transport->sentLeads.size(), 2);
    QCOMPARE(m_transport->fetchRequests, QList<QStringList>{QStringList{key}});
    QCOMPARE(m_transport->storedCount(), 1);
    const auto entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Sent);
    QVERIFY(!entry->networkOrderId.isEmpty());
    QCOMPARE(sent.constFirst().at(1).toString(), entry->networkOrderId);
    QCOMPARE(entry->stage, QStringLiteral("wait")); // the status came with the confirmation
}

void TestOutbox::duplicateAfterLostAnswerNotFoundIsRejected()
{
    QSignalSpy rejected(m_outbox.get(), &LeadGateway::rejected);
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Fail, QStringLiteral("timeout"));
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Reject, QStringLiteral("duplicate"));
    const QString key = submitted(makeLead());
    // The first attempt has failed once it carries an error code (until then it is due "now").
    QTRY_VERIFY_WITH_TIMEOUT(!m_journal->entry(profile, key)->errorCode.isEmpty(), timeoutMs);
    QCOMPARE(stateOf(key), SendState::Queued);
    m_clock->setNow(m_journal->entry(profile, key)->nextTryAt.toMSecsSinceEpoch());
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, timeoutMs);
    QCOMPARE(m_transport->fetchRequests, QList<QStringList>{QStringList{key}});
    const auto entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Rejected);
    QCOMPARE(entry->errorCode, QStringLiteral("duplicate"));
    QCOMPARE(rejected.constFirst().at(1).value<ApiError>().code, QStringLiteral("duplicate"));
}

void TestOutbox::duplicateOnFirstAttemptIsLookedUpThenRejected()
{
    // Even a first attempt may have been resent by something between us and the network: the
    // duplicate is checked, and only refused when the network holds no order with our id.
    QSignalSpy rejected(m_outbox.get(), &LeadGateway::rejected);
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Reject, QStringLiteral("duplicate"));
    const QString key = submitted(makeLead());
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, timeoutMs);
    QCOMPARE(m_transport->fetchRequests.size(), 1);
    QCOMPARE(m_transport->fetchRequests.constFirst(), QStringList{key});
    QCOMPARE(stateOf(key), SendState::Rejected);
    QVERIFY(m_journal->entry(profile, key)->errorText.contains(QStringLiteral("another id")));
}

void TestOutbox::duplicateOnFirstAttemptFoundUnderOurIdIsSent()
{
    QSignalSpy sent(m_outbox.get(), &LeadGateway::sent);
    QSignalSpy rejected(m_outbox.get(), &LeadGateway::rejected);
    // A proxy resent our request and the network kept the first copy: the answer we hear is
    // "duplicate", yet the order is there under our id. (submit() sends only once control returns to
    // the event loop, so the script below is in place for that first attempt.)
    const QString key = submitted(makeLead());
    StatusRow held;
    held.ourOrderId = key;
    held.networkOrderId = QStringLiteral("777");
    held.stage = QStringLiteral("wait");
    held.status = 1;
    m_transport->store(held);
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Reject, QStringLiteral("duplicate"));
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, timeoutMs);
    QCOMPARE(rejected.size(), 0);
    QCOMPARE(stateOf(key), SendState::Sent);
    QCOMPARE(m_journal->entry(profile, key)->networkOrderId, QStringLiteral("777"));
}

void TestOutbox::failedLookupIsRetried()
{
    QSignalSpy sent(m_outbox.get(), &LeadGateway::sent);
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::StoreThenFail, QStringLiteral("network"));
    m_transport->queueFetch(FakeLeadTransport::FetchOutcome::Fail, QStringLiteral("html"));
    const QString key = submitted(makeLead());
    // The first attempt has failed once it carries an error code (until then it is due "now").
    QTRY_VERIFY_WITH_TIMEOUT(!m_journal->entry(profile, key)->errorCode.isEmpty(), timeoutMs);
    QCOMPARE(stateOf(key), SendState::Queued);
    m_clock->setNow(m_journal->entry(profile, key)->nextTryAt.toMSecsSinceEpoch());
    // The retry hears "duplicate"; the look-up fails: still unknown, looked up again later, never resent.
    QTRY_COMPARE_WITH_TIMEOUT(m_transport->fetchRequests.size(), 1, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_outbox->inFlightCount() == 0, timeoutMs);
    auto entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Unknown);
    QCOMPARE(entry->errorCode, QStringLiteral("duplicate"));
    QVERIFY(entry->nextTryAt.isValid());
    QCOMPARE(m_outbox->waitingCount(), 1);
    m_clock->setNow(entry->nextTryAt.toMSecsSinceEpoch());
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, timeoutMs);
    QCOMPARE(m_transport->sentLeads.size(), 2);
    QCOMPARE(m_transport->fetchRequests.size(), 2);
    QCOMPARE(stateOf(key), SendState::Sent);
}

void TestOutbox::restartLooksUpInterruptedSendFound()
{
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Hang);
    const QString key = submitted(makeLead());
    QTRY_COMPARE_WITH_TIMEOUT(m_transport->addCallsInFlight(), 1, timeoutMs);
    QCOMPARE(stateOf(key), SendState::Sending);
    m_outbox.reset();  // the app dies mid-request...
    StatusRow arrived; // ...but the request had reached the network
    arrived.ourOrderId = key;
    arrived.networkOrderId = QStringLiteral("8800");
    arrived.stage = QStringLiteral("hold");
    arrived.status = 4;
    m_transport->store(arrived);
    QCOMPARE(stateOf(key), SendState::Sending);

    m_outbox.reset(makeOutbox());
    QSignalSpy sent(m_outbox.get(), &LeadGateway::sent);
    m_outbox->start(); // recovery is the first job of the background connection, before any send
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, timeoutMs);
    QCOMPARE(m_transport->sentLeads.size(), 1); // looked up, not resent
    QCOMPARE(m_transport->fetchRequests, QList<QStringList>{QStringList{key}});
    const auto entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Sent);
    QCOMPARE(entry->networkOrderId, QStringLiteral("8800"));
    QCOMPARE(entry->stage, QStringLiteral("hold"));
}

void TestOutbox::restartLooksUpInterruptedSendNotFoundThenResends()
{
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Hang);
    const QString key = submitted(makeLead());
    QTRY_COMPARE_WITH_TIMEOUT(m_transport->addCallsInFlight(), 1, timeoutMs);
    m_outbox.reset();

    m_outbox.reset(makeOutbox());
    QSignalSpy sent(m_outbox.get(), &LeadGateway::sent);
    m_outbox->start();
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, timeoutMs);
    QCOMPARE(m_transport->fetchRequests, QList<QStringList>{QStringList{key}}); // looked up first
    QCOMPARE(m_transport->sentLeads.size(), 2);
    QCOMPARE(m_transport->sentLeads.at(1).orderId, key); // then resent with the same id
    QCOMPARE(m_transport->storedCount(), 1);
    QCOMPARE(stateOf(key), SendState::Sent);
}

void TestOutbox::autoLeadIsNeverResentBlindly()
{
    QSignalSpy unknown(m_outbox.get(), &Outbox::outcomeUnknown);
    QSignalSpy deferred(m_outbox.get(), &LeadGateway::deferred);
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::StoreThenFail, QStringLiteral("timeout"));
    const QString key = submitted(makeLead(QStringLiteral("auto")));
    QTRY_COMPARE_WITH_TIMEOUT(unknown.size(), 1, timeoutMs);
    QCOMPARE(deferred.size(), 1);
    auto entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Unknown);
    QVERIFY(!entry->nextTryAt.isValid());
    QVERIFY(entry->errorText.contains(QStringLiteral("auto")));
    QCOMPARE(unknown.constFirst().at(1).value<ApiError>().message, entry->errorText);

    m_clock->advance(48LL * 3600 * 1000);
    m_outbox->retryNow(); // "retry all" does not gamble with it either
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(m_transport->sentLeads.size(), 1);
    QVERIFY(m_transport->fetchRequests.isEmpty()); // nothing to look up by
    QCOMPARE(m_outbox->waitingCount(), 1);

    // The user decides to send it again: that is allowed, explicitly.
    QVERIFY(m_outbox->retry(key));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(key), SendState::Sent, timeoutMs);
    QCOMPARE(m_transport->sentLeads.size(), 2);
}

void TestOutbox::autoLeadInterruptedWaitsForTheUser()
{
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Hang);
    const QString key = submitted(makeLead(QStringLiteral("auto")));
    QTRY_COMPARE_WITH_TIMEOUT(m_transport->addCallsInFlight(), 1, timeoutMs);
    m_outbox.reset();
    m_outbox.reset(makeOutbox());
    m_outbox->start();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(key), SendState::Unknown, timeoutMs);
    QCOMPARE(m_outbox->waitingCount(), 1);
    const auto entry = m_journal->entry(profile, key);
    QVERIFY(entry->errorText.contains(QStringLiteral("auto")));
    QCOMPARE(m_transport->sentLeads.size(), 1);
    QVERIFY(m_transport->fetchRequests.isEmpty());
    QVERIFY(m_outbox->discard(key)); // the user checked, and drops it
    QTRY_VERIFY_WITH_TIMEOUT(!m_journal->entry(profile, key).has_value(), timeoutMs);
}

void TestOutbox::limitsSendsInFlight()
{
    m_outbox->setMaxInFlight(2);
    for (int i = 0; i < 5; ++i)
        m_transport->queueAdd(FakeLeadTransport::AddOutcome::Hang);
    for (int i = 0; i < 5; ++i)
        QVERIFY(!submitted(makeLead()).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_transport->sentLeads.size(), 2, timeoutMs);
    QCoreApplication::processEvents();
    QCOMPARE(m_transport->sentLeads.size(), 2);
    QCOMPARE(m_outbox->inFlightCount(), 2);
    QCOMPARE(m_outbox->waitingCount(), 5);
    // Shutting down abandons the calls; the journal keeps the truth (two "sending", three queued).
    m_outbox.reset();
    int sending = 0;
    for (const JournalEntry &entry : m_journal->outboxEntries(profile))
        sending += entry.sendState == SendState::Sending ? 1 : 0;
    QCOMPARE(sending, 2);
}

void TestOutbox::editDiscardAndRetryFromTheOutboxView()
{
    QSignalSpy rejected(m_outbox.get(), &LeadGateway::rejected);
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Reject, QStringLiteral("nophone"));
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Reject, QStringLiteral("offer"));
    const QString fixable = submitted(makeLead(QString(), QStringLiteral("123")));
    const QString hopeless = submitted(makeLead());
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 2, timeoutMs);
    QCOMPARE(m_outbox->entries().size(), 2);

    Lead corrected = makeLead(QStringLiteral("999"), QStringLiteral("79005551234")); // the id cannot change
    QVERIFY(m_outbox->editAndResend(fixable, corrected));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(fixable), SendState::Sent, timeoutMs);
    QCOMPARE(m_transport->sentLeads.constLast().orderId, fixable);
    QCOMPARE(m_transport->sentLeads.constLast().phone, QStringLiteral("79005551234"));

    QVERIFY(!m_outbox->discard(fixable)); // sent: not the outbox's to delete
    QVERIFY(!m_outbox->editAndResend(fixable, corrected));
    QVERIFY(m_outbox->discard(hopeless));
    QTRY_VERIFY_WITH_TIMEOUT(!m_journal->entry(profile, hopeless).has_value(), timeoutMs);
    QVERIFY(m_outbox->entries().isEmpty());

    // A numbered lead in doubt may be on the network: no editing until it is checked.
    m_transport->queueAdd(FakeLeadTransport::AddOutcome::Hang);
    const QString inDoubt = submitted(makeLead());
    QTRY_COMPARE_WITH_TIMEOUT(m_transport->addCallsInFlight(), 1, timeoutMs);
    QVERIFY(!m_outbox->editAndResend(inDoubt, corrected)); // in flight
    QVERIFY(!m_outbox->discard(inDoubt));
    QVERIFY(!m_outbox->lastError().isEmpty());
    m_outbox.reset(makeOutbox());
    m_transport->queueFetch(FakeLeadTransport::FetchOutcome::Hang);
    m_outbox->start();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(inDoubt), SendState::Unknown, timeoutMs);
    QVERIFY(!m_outbox->editAndResend(inDoubt, corrected));
}

void TestOutbox::findRecentSeesSubmittedLeads()
{
    const QDateTime since = m_clock->now().addSecs(-60);
    const QString key = submitted(makeLead(QString(), QStringLiteral("79009998877")));
    const QList<LeadSummary> found =
        m_outbox->findRecent(QStringLiteral("79009998877"), QStringLiteral("217"), since);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().ourOrderId, key);
    QCOMPARE(found.constFirst().name, QStringLiteral("John Doe"));
    QVERIFY(m_outbox->findRecent(QStringLiteral("79009998877"), QStringLiteral("5"), since).isEmpty());
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"

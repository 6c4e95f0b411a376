// Issue 22: a refresh against a sandbox that answers like a distant server (latency with jitter, so
// answers on parallel connections overtake each other). Every id is asked about exactly once (counted
// at the sandbox's request log), every answer is merged whatever order they land in, the leads on screen
// are asked about first, and a refresh that is cancelled or fails keeps every answer it got.

#include "IntegrationStack.h"
#include "SandboxHttpClient.h"
#include "TestEnvironment.h"
#include "api/FormCodec.h"
#include "journal/Journal.h"
#include "sync/ApiLeadTransport.h"
#include "sync/StatusPoller.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

namespace {

constexpr int TimeoutMs = 60000;
constexpr int LeadCount = 600; // 12 requests: two rounds of QNAM's 6 connections
constexpr qint64 ThirtyDays = 30 * 24 * 3600;

QStringList idsOf(const SandboxRequest &request)
{
    QString ids = QUrlQuery(QString::fromLatin1(request.query)).queryItemValue(QStringLiteral("ids"));
    if (ids.isEmpty())
        ids = FormCodec::decode(request.body).value(QStringLiteral("ids")).toString();
    return ids.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QList<SandboxRequest> listRequests(const Sandbox &sandbox)
{
    QList<SandboxRequest> lists;
    for (const SandboxRequest &request : sandbox.receivedRequests()) {
        if (request.path == "/ext/list.json")
            lists.append(request);
    }
    return lists;
}

} // namespace

class TestPollerLatency : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void concurrencyFollowsTheProtocol();
    void everyAnswerOnceInAnyOrder();
    void leadsOnScreenAreAskedFirst();
    void cancelledRefreshKeepsWhatItGot();
    void failedRefreshKeepsWhatItGot();
    void sandboxGoneMidRefreshKeepsWhatItGot(); // last: it ends the sandbox

private:
    // Journal entries checked at or after `sinceMs` whose stage and status are the sandbox's now.
    int checkedSince(qint64 sinceMs, bool *allMatch);

    TestEnvironment m_environment;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<IntegrationStack> m_stack;
    QStringList m_ids; // oldest first, as the journal tracks them
};

void TestPollerLatency::initTestCase()
{
    SandboxOptions options;
    options.speed = 0;
    options.seed = 23;
    m_sandbox = std::make_unique<Sandbox>(options);
    QVERIFY(m_sandbox->listen() != 0);
    ApiConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.user = options.user;
    config.key = options.key;
    m_stack = std::make_unique<IntegrationStack>();
    QVERIFY(m_stack->open(m_environment.path() + QStringLiteral("/journal.sqlite"), config));

    // Leads another system sent, tracked here by id; stored while the sandbox still answers at once.
    SandboxHttpClient landingPage(m_sandbox->baseUrl());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < LeadCount; ++i) {
        const QString id = QStringLiteral("66%1").arg(i, 8, 10, QLatin1Char('0'));
        QCOMPARE(
            landingPage.addLead(id, QStringLiteral("311"), IntegrationLeads::phone(2000 + i)).errorCode(),
            QString());
        // One at a time with rising times, so that "oldest first" is this order.
        QCOMPARE(m_stack->journal()->addTracked(IntegrationStack::profileId(), {id}, now - LeadCount + i), 1);
        m_ids << id;
    }
    SandboxLatency latency;
    latency.ms = 40;
    latency.jitterMs = 35; // 5..75 ms: later requests often answer first
    m_sandbox->setLatency(latency);
}

int TestPollerLatency::checkedSince(qint64 sinceMs, bool *allMatch)
{
    *allMatch = true;
    int checked = 0;
    m_sandbox->setLatency({}); // the test's own look at the truth need not wait
    SandboxHttpClient http(m_sandbox->baseUrl());
    for (int from = 0; from < m_ids.size(); from += ApiClient::MaxIdsPerRequest) {
        const QStringList batch = m_ids.mid(from, ApiClient::MaxIdsPerRequest);
        const QJsonObject rows = http.list(batch).json().object();
        for (const QString &id : batch) {
            const JournalEntry entry = m_stack->journal()
                                           ->entryByOrderId(IntegrationStack::profileId(), id)
                                           .value_or(JournalEntry());
            if (!entry.checkedAt.isValid() || entry.checkedAt.toMSecsSinceEpoch() < sinceMs)
                continue;
            ++checked;
            const QJsonObject truth = rows.value(id).toObject();
            if (entry.stage != truth.value(QStringLiteral("stage")).toString()) {
                qWarning() << id << "has" << entry.stage << "where the sandbox says"
                           << truth.value(QStringLiteral("stage")).toString();
                *allMatch = false;
            }
        }
    }
    return checked;
}

void TestPollerLatency::concurrencyFollowsTheProtocol()
{
    const QUrl http(QStringLiteral("http://api.example.com"));
    const QUrl https(QStringLiteral("HTTPS://api.example.com"));
    QCOMPARE(ApiLeadTransport::parallelFetchesFor(http, 0), 6);   // QNAM's connections per host
    QCOMPARE(ApiLeadTransport::parallelFetchesFor(https, 0), 32); // HTTP/2 streams where offered
    QCOMPARE(ApiLeadTransport::parallelFetchesFor(http, 2), 2);   // a profile's own number
    QCOMPARE(ApiLeadTransport::parallelFetchesFor(https, 1000), ApiLeadTransport::MaxParallelFetches);
}

void TestPollerLatency::everyAnswerOnceInAnyOrder()
{
    StatusPoller *poller = m_stack->poller();
    m_sandbox->clearReceivedRequests();
    m_sandbox->advanceClock(ThirtyDays); // most leads have news
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    QSignalSpy finished(poller, &StatusPoller::finished);
    QSignalSpy progress(poller, &StatusPoller::progress);
    QVERIFY(poller->refreshAll());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, TimeoutMs);
    QCOMPARE(finished.constFirst().at(0).toBool(), true);
    QCOMPARE(progress.size(), LeadCount / ApiClient::MaxIdsPerRequest);

    // Each id asked about exactly once, in exactly as many requests as it takes.
    const QList<SandboxRequest> requests = listRequests(*m_sandbox);
    QCOMPARE(requests.size(), LeadCount / ApiClient::MaxIdsPerRequest);
    QStringList asked;
    for (const SandboxRequest &request : requests)
        asked << idsOf(request);
    asked.sort();
    QStringList expected = m_ids;
    expected.sort();
    QCOMPARE(asked, expected);

    // Every answer merged, whatever order they came back in.
    bool allMatch = false;
    QCOMPARE(checkedSince(startMs, &allMatch), LeadCount);
    QVERIFY(allMatch);
}

void TestPollerLatency::leadsOnScreenAreAskedFirst()
{
    // The newest 50 leads on screen: without the hint they would be the very last request.
    const QStringList onScreen = m_ids.mid(LeadCount - ApiClient::MaxIdsPerRequest);
    StatusPoller *poller = m_stack->poller();
    poller->setVisibleOrderIds(onScreen);
    SandboxLatency latency;
    latency.ms = 40;
    latency.jitterMs = 35;
    m_sandbox->setLatency(latency);
    m_sandbox->clearReceivedRequests();
    QSignalSpy finished(poller, &StatusPoller::finished);
    QVERIFY(poller->refresh(m_ids));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, TimeoutMs);
    poller->setVisibleOrderIds({});

    const QList<SandboxRequest> requests = listRequests(*m_sandbox);
    QCOMPARE(requests.size(), LeadCount / ApiClient::MaxIdsPerRequest);
    // The first round of requests leaves together; the one with the leads on screen is among them, and
    // the rest follow oldest first.
    const int firstRound = ApiLeadTransport::Http1ParallelFetches;
    int roundOfScreen = -1;
    for (int i = 0; i < requests.size(); ++i) {
        QStringList ids = idsOf(requests.at(i));
        ids.sort();
        QStringList sortedOnScreen = onScreen;
        sortedOnScreen.sort();
        if (ids == sortedOnScreen)
            roundOfScreen = i;
    }
    QVERIFY2(roundOfScreen >= 0 && roundOfScreen < firstRound, qPrintable(QString::number(roundOfScreen)));
    QVERIFY(idsOf(requests.constLast()) != onScreen);
}

void TestPollerLatency::cancelledRefreshKeepsWhatItGot()
{
    SandboxLatency latency;
    latency.ms = 60;
    latency.jitterMs = 20;
    m_sandbox->setLatency(latency);
    m_sandbox->advanceClock(ThirtyDays);
    StatusPoller *poller = m_stack->poller();
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    QSignalSpy finished(poller, &StatusPoller::finished);
    int answered = 0;
    QMetaObject::Connection cancelAfterThree =
        connect(poller, &StatusPoller::progress, this, [poller, &answered](int done, int) {
            answered = done;
            if (done == 3)
                poller->cancel();
        });
    QVERIFY(poller->refresh(m_ids));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, TimeoutMs);
    disconnect(cancelAfterThree);
    QCOMPARE(finished.constFirst().at(0).toBool(), false);
    QCOMPARE(answered, 3);

    // The three answers that came are in the journal, correct; nothing else was touched.
    bool allMatch = false;
    QCOMPARE(checkedSince(startMs, &allMatch), 3 * ApiClient::MaxIdsPerRequest);
    QVERIFY(allMatch);
}

void TestPollerLatency::failedRefreshKeepsWhatItGot()
{
    SandboxLatency latency;
    latency.ms = 30;
    latency.jitterMs = 20;
    m_sandbox->setLatency(latency);
    SandboxFaults halfFail;
    halfFail.html502 = 0.5;
    m_sandbox->setFaults(halfFail);
    m_sandbox->advanceClock(ThirtyDays);
    StatusPoller *poller = m_stack->poller();
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    QSignalSpy finished(poller, &StatusPoller::finished);
    QSignalSpy failed(poller, &StatusPoller::refreshFailed);
    QVERIFY(poller->refresh(m_ids));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, TimeoutMs);
    m_sandbox->setFaults({});
    QCOMPARE(finished.constFirst().at(0).toBool(), false);
    QCOMPARE(failed.size(), 1);

    // The answers that got through are merged; the leads of failed requests keep their old check time.
    bool allMatch = false;
    const int checked = checkedSince(startMs, &allMatch);
    QVERIFY2(checked > 0 && checked < LeadCount, qPrintable(QString::number(checked)));
    QCOMPARE(checked % ApiClient::MaxIdsPerRequest, 0);
    QVERIFY(allMatch);
}

void TestPollerLatency::sandboxGoneMidRefreshKeepsWhatItGot()
{
    // What the sandbox will answer, read while it still runs (its clock stands still: speed 0).
    m_sandbox->setLatency({});
    m_sandbox->advanceClock(ThirtyDays);
    QHash<QString, QString> truth;
    SandboxHttpClient http(m_sandbox->baseUrl());
    for (int from = 0; from < m_ids.size(); from += ApiClient::MaxIdsPerRequest) {
        const QJsonObject rows = http.list(m_ids.mid(from, ApiClient::MaxIdsPerRequest)).json().object();
        for (auto row = rows.begin(); row != rows.end(); ++row)
            truth.insert(row.key(), row.value().toObject().value(QStringLiteral("stage")).toString());
    }
    QCOMPARE(truth.size(), LeadCount);

    SandboxLatency latency;
    latency.ms = 60;
    latency.jitterMs = 20;
    m_sandbox->setLatency(latency);
    StatusPoller *poller = m_stack->poller();
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    QSignalSpy finished(poller, &StatusPoller::finished);
    QSignalSpy failed(poller, &StatusPoller::refreshFailed);
    int answered = 0;
    connect(poller, &StatusPoller::progress, this, [this, &answered](int done, int) {
        answered = done;
        if (done == 3 && m_sandbox)
            m_sandbox.reset(); // the server goes away with requests in flight
    });
    QVERIFY(poller->refresh(m_ids));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, TimeoutMs);
    poller->disconnect(this);
    QVERIFY(!m_sandbox);
    QCOMPARE(finished.constFirst().at(0).toBool(), false);
    QCOMPARE(failed.size(), 1);

    // Every answer that came before is in the journal, as the sandbox gave it; no other lead was touched.
    int checked = 0;
    for (const QString &id : std::as_const(m_ids)) {
        const JournalEntry entry =
            m_stack->journal()->entryByOrderId(IntegrationStack::profileId(), id).value_or(JournalEntry());
        if (!entry.checkedAt.isValid() || entry.checkedAt.toMSecsSinceEpoch() < startMs)
            continue;
        ++checked;
        QCOMPARE(entry.stage, truth.value(id));
    }
    // The three answers before the end at least (a few more may have been on their way already); the
    // requests after it failed, and are counted in the progress without touching the journal.
    QVERIFY2(checked >= 3 * ApiClient::MaxIdsPerRequest && checked < LeadCount,
             qPrintable(QString::number(checked)));
    QCOMPARE(checked % ApiClient::MaxIdsPerRequest, 0);
    QCOMPARE(answered, LeadCount / ApiClient::MaxIdsPerRequest);
}

QTEST_GUILESS_MAIN(TestPollerLatency)
#include "tst_poller_latency.moc"

// Issue 6: the status poller against the sandbox. 120 ids (leads the outbox sent and leads sent by
// another system and only tracked here) go out as exactly 3 list.json requests; the answers are merged
// into the journal; leads moved through stages on the sandbox show their new stage and history; a
// refresh that fails changes nothing and is reported once.

#include "IntegrationStack.h"
#include "SandboxHttpClient.h"
#include "TestEnvironment.h"
#include "api/FormCodec.h"
#include "journal/Journal.h"
#include "sync/Outbox.h"
#include "sync/StatusPoller.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>

namespace {

constexpr int TimeoutMs = 60000;
constexpr int SentCount = 60;
constexpr int TrackedCount = 60;
constexpr qint64 ThirtyDays = 30 * 24 * 3600;

QString text(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString::number(value.toInteger());
}

int number(const QJsonValue &value)
{
    return value.isString() ? value.toString().toInt() : value.toInt();
}

// The ids one list.json request asked about, wherever it put them.
QStringList idsOf(const SandboxRequest &request)
{
    QString ids = QUrlQuery(QString::fromLatin1(request.query)).queryItemValue(QStringLiteral("ids"));
    if (ids.isEmpty())
        ids = FormCodec::decode(request.body).value(QStringLiteral("ids")).toString();
    return ids.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

// What a journal row says about a lead's outcome, for comparing before and after.
QString outcomeOf(const JournalRow &row)
{
    return QStringList{row.key,
                       row.networkOrderId,
                       row.stage,
                       QString::number(row.status),
                       QString::number(row.reason),
                       QString::number(row.count),
                       row.comment,
                       QString::number(row.checkedAtMs),
                       QString::number(row.changedAtMs),
                       QString::number(row.unseenChange)}
        .join(QLatin1Char('|'));
}

} // namespace

class TestPollerSandbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void oneTwentyIdsGoOutAsThreeRequests();
    void stagesMovedOnTheSandboxReachTheJournal();
    void failedRefreshLeavesTheJournalAlone();

private:
    QStringList allKeys() const { return m_sentKeys + m_trackedIds; }
    bool refreshAndWait(const QStringList &keys, bool expectComplete);

    TestEnvironment m_environment;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<IntegrationStack> m_stack;
    QStringList m_sentKeys;
    QStringList m_trackedIds;
};

void TestPollerSandbox::initTestCase()
{
    SandboxOptions options;
    options.speed = 0; // the lifecycle moves only when the test moves the clock
    options.seed = 17;
    m_sandbox = std::make_unique<Sandbox>(options);
    QVERIFY(m_sandbox->listen() != 0);
    ApiConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.user = options.user;
    config.key = options.key;
    m_stack = std::make_unique<IntegrationStack>();
    QVERIFY(m_stack->open(m_environment.path() + QStringLiteral("/journal.sqlite"), config));

    // Leads the outbox sent...
    Outbox *outbox = m_stack->outbox();
    outbox->start();
    for (int i = 0; i < SentCount; ++i) {
        const QString key = outbox->submit(IntegrationLeads::lead(QString(), IntegrationLeads::phone(i)));
        QVERIFY2(!key.isEmpty(), qPrintable(outbox->lastError()));
        m_sentKeys << key;
    }
    QTRY_VERIFY_WITH_TIMEOUT(outbox->waitingCount() == 0, TimeoutMs);

    // ...and leads a landing page sent, which the journal only tracks by id.
    SandboxHttpClient landingPage(m_sandbox->baseUrl());
    for (int i = 0; i < TrackedCount; ++i) {
        const QString id = QStringLiteral("77%1").arg(i, 8, 10, QLatin1Char('0'));
        QCOMPARE(
            landingPage.addLead(id, QStringLiteral("311"), IntegrationLeads::phone(1000 + i)).errorCode(),
            QString());
        m_trackedIds << id;
    }
    QCOMPARE(m_stack->journal()->addTracked(IntegrationStack::profileId(), m_trackedIds,
                                            QDateTime::currentMSecsSinceEpoch()),
             TrackedCount);
}

bool TestPollerSandbox::refreshAndWait(const QStringList &keys, bool expectComplete)
{
    QSignalSpy finished(m_stack->poller(), &StatusPoller::finished);
    if (!(keys.isEmpty() ? m_stack->poller()->refreshAll() : m_stack->poller()->refresh(keys)))
        return false;
    if (!QTest::qWaitFor([&finished] { return finished.size() > 0; }, TimeoutMs))
        return false;
    return finished.size() == 1 && finished.constFirst().at(0).toBool() == expectComplete;
}

void TestPollerSandbox::oneTwentyIdsGoOutAsThreeRequests()
{
    StatusPoller *poller = m_stack->poller();
    QSignalSpy started(poller, &StatusPoller::started);
    QSignalSpy changed(poller, &StatusPoller::leadsChanged);
    m_sandbox->clearReceivedRequests();

    QVERIFY(refreshAndWait({}, true)); // every open lead: all 120
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.constFirst().at(0).toInt(), SentCount + TrackedCount);

    const QList<SandboxRequest> requests = m_sandbox->receivedRequests();
    QCOMPARE(requests.size(), 3);
    QStringList asked;
    for (const SandboxRequest &request : requests) {
        QCOMPARE(request.path, QByteArray("/ext/list.json"));
        const QStringList ids = idsOf(request);
        QVERIFY(ids.size() <= ApiClient::MaxIdsPerRequest);
        asked << ids;
    }
    asked.sort();
    QStringList expected = allKeys();
    expected.sort();
    QCOMPARE(asked, expected);

    // Every answer merged: each lead checked, with its stage, and tracked leads learned the network's id.
    QVERIFY(!changed.isEmpty());
    SandboxHttpClient http(m_sandbox->baseUrl());
    for (int from = 0; from < allKeys().size(); from += ApiClient::MaxIdsPerRequest) {
        const QStringList batch = allKeys().mid(from, ApiClient::MaxIdsPerRequest);
        const QJsonObject rows = http.list(batch).json().object();
        for (const QString &id : batch) {
            const QJsonObject truth = rows.value(id).toObject();
            const std::optional<JournalEntry> entry =
                m_stack->journal()->entryByOrderId(IntegrationStack::profileId(), id);
            QVERIFY(entry);
            QVERIFY(entry->checkedAt.isValid());
            QCOMPARE(entry->stage, truth.value(QStringLiteral("stage")).toString());
            QCOMPARE(entry->status, number(truth.value(QStringLiteral("status"))));
            QCOMPARE(entry->networkOrderId, text(truth.value(QStringLiteral("uid"))));
        }
    }
}

void TestPollerSandbox::stagesMovedOnTheSandboxReachTheJournal()
{
    // Four leads forced into each kind of outcome; the others live their lives for thirty days.
    struct Forced
    {
        QString id;
        QString stage;
        int status;
        int reason;
    };
    const QList<Forced> forced = {
        {m_sentKeys.at(0), QStringLiteral("approve"), 6, 0},
        {m_sentKeys.at(1), QStringLiteral("cancel"), 5, 2},
        {m_trackedIds.at(0), QStringLiteral("trash"), 5, 1},
        {m_trackedIds.at(1), QStringLiteral("hold"), 4, 0},
    };
    for (const Forced &lead : forced)
        QVERIFY(m_sandbox->setLeadState(lead.id, lead.stage, lead.status, lead.reason));
    m_sandbox->advanceClock(ThirtyDays);

    QSignalSpy stagesChanged(m_stack->poller(), &StatusPoller::stagesChanged);
    QVERIFY(refreshAndWait(allKeys(), true));

    for (const Forced &lead : forced) {
        const JournalEntry entry = m_stack->journal()
                                       ->entryByOrderId(IntegrationStack::profileId(), lead.id)
                                       .value_or(JournalEntry());
        QCOMPARE(entry.stage, lead.stage);
        QCOMPARE(entry.status, lead.status);
        QCOMPARE(entry.reason, lead.reason);
        QVERIFY(entry.unseenChange);
        const QList<StatusChange> history =
            m_stack->journal()->history(IntegrationStack::profileId(), entry.key);
        QVERIFY2(history.size() >= 2, qPrintable(lead.id)); // first seen "wait", then the new stage
        const auto newest = std::max_element(
            history.cbegin(), history.cend(),
            [](const StatusChange &a, const StatusChange &b) { return a.changedAt < b.changedAt; });
        QCOMPARE(newest->stage, lead.stage);
        QCOMPARE(newest->status, lead.status);
        QCOMPARE(newest->previousStage, QStringLiteral("wait"));
    }

    // Every other lead shows what the sandbox says about it now, and the stage changes were announced.
    QSet<QString> announced;
    for (const QList<QVariant> &signal : std::as_const(stagesChanged)) {
        for (const StageChange &change : signal.at(0).value<QList<StageChange>>())
            announced.insert(change.orderId);
    }
    SandboxHttpClient http(m_sandbox->baseUrl());
    int moved = 0;
    for (int from = 0; from < allKeys().size(); from += ApiClient::MaxIdsPerRequest) {
        const QStringList batch = allKeys().mid(from, ApiClient::MaxIdsPerRequest);
        const QJsonObject rows = http.list(batch).json().object();
        for (const QString &id : batch) {
            const QJsonObject truth = rows.value(id).toObject();
            const JournalEntry entry = m_stack->journal()
                                           ->entryByOrderId(IntegrationStack::profileId(), id)
                                           .value_or(JournalEntry());
            QCOMPARE(entry.stage, truth.value(QStringLiteral("stage")).toString());
            QCOMPARE(entry.status, number(truth.value(QStringLiteral("status"))));
            QCOMPARE(entry.reason, number(truth.value(QStringLiteral("reason"))));
            if (entry.stage != QLatin1String("wait")) {
                ++moved;
                QVERIFY2(announced.contains(id), qPrintable(id));
            }
        }
    }
    QVERIFY2(moved > allKeys().size() / 2, "thirty sandbox days decided most leads");
}

void TestPollerSandbox::failedRefreshLeavesTheJournalAlone()
{
    QStringList before;
    for (const JournalRow &row : m_stack->journal()->rows(IntegrationStack::profileId()))
        before << outcomeOf(row);
    QCOMPARE(before.size(), SentCount + TrackedCount);

    SandboxFaults everyRequestFails;
    everyRequestFails.html502 = 1.0;
    m_sandbox->setFaults(everyRequestFails);
    m_sandbox->advanceClock(ThirtyDays); // there would be news, if the answers came through
    m_sandbox->clearReceivedRequests();

    QSignalSpy failed(m_stack->poller(), &StatusPoller::refreshFailed);
    QSignalSpy changed(m_stack->poller(), &StatusPoller::leadsChanged);
    QVERIFY(refreshAndWait(allKeys(), false));
    QCOMPARE(failed.size(), 1);
    const auto error = failed.constFirst().at(0).value<ApiError>();
    QVERIFY(error.isTransport());
    QCOMPARE(error.httpStatus, 502);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_sandbox->receivedRequests().size(), 3); // all three batches were tried

    QStringList after;
    for (const JournalRow &row : m_stack->journal()->rows(IntegrationStack::profileId()))
        after << outcomeOf(row);
    QCOMPARE(after, before);

    // The next refresh, with the network back, goes through.
    m_sandbox->setFaults({});
    QVERIFY(refreshAndWait(allKeys(), true));
    QCOMPARE(failed.size(), 1);
}

QTEST_GUILESS_MAIN(TestPollerSandbox)
#include "tst_poller_sandbox.moc"

#include "FakeLeadTransport.h"
#include "ManualClock.h"
#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "sync/StatusPoller.h"

#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

namespace {
const QString profile = QStringLiteral("main");
constexpr int timeoutMs = 10000;
constexpr qint64 t0 = 1767225600000;

StatusRow row(const QString &id, const QString &stage, int status, int reason = 0)
{
    StatusRow r;
    r.ourOrderId = id;
    r.networkOrderId = QStringLiteral("N") + id;
    r.stage = stage;
    r.status = status;
    r.reason = reason;
    return r;
}
} // namespace

class TestStatusPoller : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void asksExactlyForOpenLeads();
    void mergesEachBatchAndReportsChanges();
    void hundredTwentyIdsInThreeBatches();
    void answersAreMergedWhileTheFetchRunsOn();
    void staleAnswersDoNotMoveBack();
    void failureIsReportedOnceAndKeepsTheTable();
    void cancelStopsQuietly();
    void oneRefreshAtATime();
    void nothingToAskAboutEndsAtOnce();
    void cancelWhileChoosingLeads();
    void refreshesChosenIds();
    void autoRefreshOnInterval();

private:
    void addSent(const QString &id, const QString &stage = QString(), int status = 0);

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FakeLeadTransport> m_transport;
    std::unique_ptr<StatusPoller> m_poller;
};

void TestStatusPoller::init()
{
    m_env = std::make_unique<TestEnvironment>();
    m_journal = std::make_unique<Journal>();
    QVERIFY(m_journal->open(m_env->path() + QStringLiteral("/journal.sqlite")));
    m_clock = std::make_unique<ManualClock>();
    m_transport = std::make_unique<FakeLeadTransport>();
    m_poller = std::make_unique<StatusPoller>(m_journal.get(), m_transport.get(), profile, m_clock.get());
}

void TestStatusPoller::cleanup()
{
    m_poller.reset();
    m_transport.reset();
    m_journal.reset();
    m_clock.reset();
    m_env.reset();
}

void TestStatusPoller::addSent(const QString &id, const QString &stage, int status)
{
    Lead lead;
    lead.orderId = id;
    lead.offer = QStringLiteral("217");
    lead.phone = QStringLiteral("79001234567");
    QVERIFY(m_journal->addLead(profile, id, lead, t0));
    QVERIFY(m_journal->markSent(profile, id, QStringLiteral("N") + id, QString(), t0));
    if (!stage.isEmpty())
        QVERIFY(m_journal->mergeStatus(profile, row(id, stage, status), t0).changed);
}

void TestStatusPoller::asksExactlyForOpenLeads()
{
    addSent(QStringLiteral("1"));                               // sent, no status yet
    addSent(QStringLiteral("2"), QStringLiteral("wait"), 2);    // processing
    addSent(QStringLiteral("3"), QStringLiteral("approve"), 8); // in transfer: delivery outcome to come
    addSent(QStringLiteral("4"), QStringLiteral("cancel"), 5);
    addSent(QStringLiteral("5"), QStringLiteral("trash"), 5);
    addSent(QStringLiteral("6"), QStringLiteral("approve"), 10);              // completed
    addSent(QStringLiteral("7"), QStringLiteral("approve"), 11);              // return
    addSent(QStringLiteral("8"), QStringLiteral("cancel"), 12);               // deleted
    QCOMPARE(m_journal->addTracked(profile, {QStringLiteral("900")}, t0), 1); // sent by a landing page
    Lead queued;
    queued.orderId = QStringLiteral("10"); // not on the network yet: the outbox's business
    QVERIFY(m_journal->addLead(profile, QStringLiteral("10"), queued, t0));
    Lead other;
    other.orderId = QStringLiteral("11");
    QVERIFY(m_journal->addLead(QStringLiteral("other profile"), QStringLiteral("11"), other, t0));
    QVERIFY(
        m_journal->markSent(QStringLiteral("other profile"), QStringLiteral("11"), QString(), QString(), t0));

    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    QSignalSpy started(m_poller.get(), &StatusPoller::started);
    QVERIFY(m_poller->refreshAll());
    QVERIFY(m_poller->isRunning()); // while it reads which leads to ask about, off the caller's thread
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, timeoutMs);
    QCOMPARE(started.constFirst().at(0).toInt(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QCOMPARE(m_transport->fetchRequests.size(), 1);
    QStringList asked = m_transport->fetchRequests.constFirst();
    asked.sort();
    QCOMPARE(asked, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                 QStringLiteral("900")}));
    QVERIFY(finished.constFirst().at(0).toBool());
}

void TestStatusPoller::mergesEachBatchAndReportsChanges()
{
    addSent(QStringLiteral("1"));
    addSent(QStringLiteral("2"), QStringLiteral("wait"), 2);
    addSent(QStringLiteral("3"), QStringLiteral("hold"), 4);
    StatusRow cancelled = row(QStringLiteral("2"), QStringLiteral("cancel"), 5, 9);
    cancelled.comment = QStringLiteral("too expensive");
    m_transport->store(row(QStringLiteral("1"), QStringLiteral("wait"), 1));
    m_transport->store(cancelled);
    m_transport->store(row(QStringLiteral("3"), QStringLiteral("hold"), 4)); // unchanged

    QSignalSpy changed(m_poller.get(), &StatusPoller::leadsChanged);
    QSignalSpy stages(m_poller.get(), &StatusPoller::stagesChanged);
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    m_clock->advance(60000);
    QVERIFY(m_poller->refreshAll());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);

    QCOMPARE(changed.size(), 1);
    QStringList keys = changed.constFirst().at(0).toStringList();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(stages.size(), 1);
    const auto stageChanges = stages.constFirst().at(0).value<QList<StageChange>>();
    QCOMPARE(stageChanges.size(), 1); // lead 1 got its first stage: no news; lead 2 was cancelled
    QCOMPARE(stageChanges.constFirst().key, QStringLiteral("2"));
    QCOMPARE(stageChanges.constFirst().previousStage, QStringLiteral("wait"));
    QCOMPARE(stageChanges.constFirst().stage, QStringLiteral("cancel"));

    const auto entry = m_journal->entry(profile, QStringLiteral("2"));
    QCOMPARE(entry->stage, QStringLiteral("cancel"));
    QCOMPARE(entry->reason, 9);
    QCOMPARE(entry->comment, QStringLiteral("too expensive"));
    QCOMPARE(entry->checkedAt.toMSecsSinceEpoch(), t0 + 60000);
    QVERIFY(entry->unseenChange);
    QCOMPARE(m_journal->history(profile, QStringLiteral("2")).size(), 2);
    QCOMPARE(m_journal->entry(profile, QStringLiteral("3"))->checkedAt.toMSecsSinceEpoch(), t0 + 60000);
    QCOMPARE(m_journal->openOrderIds(profile), (QStringList{QStringLiteral("1"), QStringLiteral("3")}));
}

void TestStatusPoller::hundredTwentyIdsInThreeBatches()
{
    QVERIFY(m_journal->beginBatch());
    QStringList ids;
    for (int i = 0; i < 120; ++i) {
        const QString id = QString::number(1000 + i);
        ids.append(id);
        addSent(id);
        m_transport->store(row(id, QStringLiteral("approve"), 6));
    }
    QVERIFY(m_journal->commitBatch());

    QSignalSpy progress(m_poller.get(), &StatusPoller::progress);
    QSignalSpy changed(m_poller.get(), &StatusPoller::leadsChanged);
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    QVERIFY(m_poller->refreshAll());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);

    QCOMPARE(m_transport->fetchRequests.size(), 1); // the poller asks once; the client splits
    QCOMPARE(m_transport->fetchRequests.constFirst(), ids);
    QCOMPARE(progress.size(), 3);
    QCOMPARE(progress.constLast().at(0).toInt(), 3);
    QCOMPARE(progress.constLast().at(1).toInt(), 3);
    QCOMPARE(changed.size(), 1); // answers that land together are merged together
    QCOMPARE(changed.constFirst().at(0).toStringList().size(), 120);
    for (const JournalRow &r : m_journal->rows(profile))
        QCOMPARE(r.stage, QStringLiteral("approve"));
}

void TestStatusPoller::answersAreMergedWhileTheFetchRunsOn()
{
    // Twelve answers, and a fetch that then never ends: the first ten are merged as one without
    // waiting for the end, the last two within the delay.
    const int answers = StatusPoller::AnswersPerMerge + 2;
    QVERIFY(m_journal->beginBatch());
    for (int i = 0; i < answers * 50; ++i) {
        const QString id = QString::number(5000 + i);
        addSent(id);
        m_transport->store(row(id, QStringLiteral("approve"), 6));
    }
    QVERIFY(m_journal->commitBatch());
    m_transport->queueFetch(FakeLeadTransport::FetchOutcome::AnswerThenHang);

    QSignalSpy changed(m_poller.get(), &StatusPoller::leadsChanged);
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    QVERIFY(m_poller->refreshAll());
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, timeoutMs);
    QCOMPARE(changed.at(0).at(0).toStringList().size(), StatusPoller::AnswersPerMerge * 50);
    QCOMPARE(changed.at(1).at(0).toStringList().size(), 100);
    QVERIFY(finished.isEmpty()); // still asking
    for (const JournalRow &r : m_journal->rows(profile))
        QCOMPARE(r.stage, QStringLiteral("approve"));

    m_poller->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QCOMPARE(finished.constFirst().at(0).toBool(), false);
    QCOMPARE(changed.size(), 2); // nothing merged twice
}

void TestStatusPoller::staleAnswersDoNotMoveBack()
{
    addSent(QStringLiteral("1"), QStringLiteral("approve"), 7);
    m_transport->queueFetchRows({row(QStringLiteral("1"), QStringLiteral("wait"), 2)}); // a lagging replica
    QSignalSpy changed(m_poller.get(), &StatusPoller::leadsChanged);
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    QVERIFY(m_poller->refreshAll());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_journal->entry(profile, QStringLiteral("1"))->status, 7);
    QCOMPARE(m_journal->history(profile, QStringLiteral("1")).size(), 1);
}

void TestStatusPoller::failureIsReportedOnceAndKeepsTheTable()
{
    addSent(QStringLiteral("1"), QStringLiteral("wait"), 2);
    addSent(QStringLiteral("2"), QStringLiteral("hold"), 4);
    const QVector<JournalRow> before = m_journal->rows(profile);
    m_transport->queueFetch(FakeLeadTransport::FetchOutcome::Fail, QStringLiteral("html"));

    QSignalSpy failed(m_poller.get(), &StatusPoller::refreshFailed);
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    QVERIFY(m_poller->refreshAll());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.constFirst().at(0).value<ApiError>().code, QStringLiteral("html"));
    QVERIFY(!finished.constFirst().at(0).toBool());

    const QVector<JournalRow> after = m_journal->rows(profile);
    QCOMPARE(after.size(), before.size());
    for (int i = 0; i < after.size(); ++i) {
        QCOMPARE(after.at(i).stage, before.at(i).stage);
        QCOMPARE(after.at(i).status, before.at(i).status);
        QCOMPARE(after.at(i).checkedAtMs, before.at(i).checkedAtMs);
    }
    // Retried next time, and then it works.
    m_transport->store(row(QStringLiteral("1"), QStringLiteral("approve"), 6));
    QVERIFY(m_poller->refreshAll());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, timeoutMs);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(m_journal->entry(profile, QStringLiteral("1"))->stage, QStringLiteral("approve"));
}

void TestStatusPoller::cancelStopsQuietly()
{
    addSent(QStringLiteral("1"));
    m_transport->queueFetch(FakeLeadTransport::FetchOutcome::Hang);
    QSignalSpy failed(m_poller.get(), &StatusPoller::refreshFailed);
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    QVERIFY(m_poller->refreshAll());
    QVERIFY(m_poller->isRunning());
    m_poller->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QVERIFY(!finished.constFirst().at(0).toBool());
    QCOMPARE(failed.size(), 0);
    QVERIFY(!m_poller->isRunning());
}

void TestStatusPoller::oneRefreshAtATime()
{
    addSent(QStringLiteral("1"));
    m_transport->queueFetch(FakeLeadTransport::FetchOutcome::Hang);
    QVERIFY(m_poller->refreshAll());
    QVERIFY(!m_poller->refreshAll());
    QVERIFY(!m_poller->refresh({QStringLiteral("1")}));
    QTRY_COMPARE_WITH_TIMEOUT(m_transport->fetchRequests.size(), 1, timeoutMs);
    QVERIFY(!m_poller->refreshAll());
    QCOMPARE(m_transport->fetchRequests.size(), 1);
}

void TestStatusPoller::nothingToAskAboutEndsAtOnce()
{
    addSent(QStringLiteral("1"), QStringLiteral("approve"), 10); // final
    QSignalSpy nothing(m_poller.get(), &StatusPoller::nothingToRefresh);
    QSignalSpy started(m_poller.get(), &StatusPoller::started);
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    QVERIFY(m_poller->refreshAll());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QCOMPARE(nothing.size(), 1);
    QVERIFY(finished.constFirst().at(0).toBool());
    QCOMPARE(started.size(), 0);
    QVERIFY(m_transport->fetchRequests.isEmpty());
    QVERIFY(!m_poller->isRunning());
}

void TestStatusPoller::cancelWhileChoosingLeads()
{
    addSent(QStringLiteral("1"));
    // The journal's background connection is busy (a long commit): the read of the open leads waits.
    QSemaphore gate;
    const auto openGate = qScopeGuard([&gate] { gate.release(); }); // even if a check below fails
    m_journal->writeInBackground(
        m_poller.get(),
        [&gate](Journal &) {
            gate.acquire();
            return true;
        },
        [](bool, const QString &) {});
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    QVERIFY(m_poller->refreshAll());
    m_poller->cancel();
    QCOMPARE(finished.size(), 1); // at once: the window need not wait for the disk to stop
    QVERIFY(!finished.constFirst().at(0).toBool());
    QVERIFY(!m_poller->isRunning());
    gate.release();
    // The read's late answer starts nothing.
    QSignalSpy read(m_journal.get(), &Journal::openOrderIdsRead);
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, timeoutMs);
    QCoreApplication::processEvents();
    QVERIFY(m_transport->fetchRequests.isEmpty());
    QCOMPARE(finished.size(), 1);
}

void TestStatusPoller::refreshesChosenIds()
{
    addSent(QStringLiteral("1"), QStringLiteral("approve"), 10);
    addSent(QStringLiteral("2"));
    m_transport->store(row(QStringLiteral("1"), QStringLiteral("cancel"), 12)); // deleted after completion
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    QVERIFY(m_poller->refresh({QStringLiteral("1")})); // final leads may be asked about explicitly
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QCOMPARE(m_transport->fetchRequests, QList<QStringList>{QStringList{QStringLiteral("1")}});
    QCOMPARE(m_journal->entry(profile, QStringLiteral("1"))->status, 12);
}

void TestStatusPoller::autoRefreshOnInterval()
{
    QCOMPARE(m_poller->autoRefreshInterval(), StatusPoller::DefaultIntervalMs);
    addSent(QStringLiteral("1"));
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    // ManualClock fires due timers inside advance(), and a refresh is running from the moment it
    // starts: whether one started is known at once, with no background round trip to wait for.
    m_clock->advance(StatusPoller::DefaultIntervalMs - 1);
    QVERIFY(!m_poller->isRunning());
    QVERIFY(m_transport->fetchRequests.isEmpty());
    m_clock->advance(1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QCOMPARE(m_transport->fetchRequests.size(), 1);
    // The next one counts from the end of this one.
    m_clock->advance(StatusPoller::DefaultIntervalMs);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, timeoutMs);

    m_poller->setAutoRefreshInterval(0); // off
    m_clock->advance(10 * StatusPoller::DefaultIntervalMs);
    QVERIFY(!m_poller->isRunning());
    QCOMPARE(m_transport->fetchRequests.size(), 2);
    m_poller->setAutoRefreshInterval(60000);
    m_clock->advance(60000);
    QTRY_COMPARE_WITH_TIMEOUT(m_transport->fetchRequests.size(), 3, timeoutMs);
}

QTEST_GUILESS_MAIN(TestStatusPoller)
#include "tst_statuspoller.moc"

#include "TestEnvironment.h"
#include "journal/JournalConnection.h"
#include "journal/JournalReader.h"
#include "journal/LeadStore.h"
#include "journal/StatusMerger.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
const QString profile = QStringLiteral("main");
constexpr qint64 t0 = 1767225600000; // 2026-01-01T00:00:00Z

StatusRow reply(const QString &orderId, const QString &stage, int status, const QString &comment = QString())
{
    StatusRow row;
    row.ourOrderId = orderId;
    row.networkOrderId = QStringLiteral("N") + orderId;
    row.stage = stage;
    row.status = status;
    row.comment = comment;
    return row;
}
// A row as older engine builds send it, parsed: no stage (derived here as ReplyParser does), the words.
StatusRow olderReply(const QString &orderId, const QString &derivedStage, int status, const QString &words)
{
    StatusRow row;
    row.ourOrderId = orderId;
    row.stage = derivedStage;
    row.stageDerived = !derivedStage.isEmpty();
    row.status = status;
    row.statusText = words;
    return row;
}
} // namespace

// StatusMerger on a connection of its own: leads written by a LeadStore, read back by a JournalReader.
// Every test runs twice: with the merge's statements on SQLite's own interface, and through Qt SQL, the
// path a merge takes where Qt's SQLite plugin runs another SQLite than the one this program links.
class TestStatusMerger : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void mergesForwardOnlyWithHistory();
    void keepsWhatAReplyLeavesOut();
    void aLeadNamedTwiceMergesTwice();
    void answersFromItsCacheAsFromTheFile();
    void anotherWriteOnTheConnectionClearsItsCache();
    void preparedMergesStayExact();
    void aFailedMergeStoresAndAnnouncesNothing();
    void olderRowsKeepTheirWordsAndDerivedMark();
    void aSentStageWinsOverADerivedOne();

private:
    // `count` leads "1".."count", sent; their order ids.
    QStringList addSentLeads(int count);

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<JournalConnection> m_connection;
    std::unique_ptr<LeadStore> m_store;
    std::unique_ptr<JournalReader> m_reader;
    std::unique_ptr<StatusMerger> m_merger;
};

void TestStatusMerger::initTestCase_data()
{
    QTest::addColumn<bool>("sqliteInterface");
    QTest::newRow("SQLite's interface") << true;
    QTest::newRow("Qt SQL") << false;
}

void TestStatusMerger::init()
{
    QFETCH_GLOBAL(bool, sqliteInterface);
    m_env = std::make_unique<TestEnvironment>();
    m_connection = std::make_unique<JournalConnection>();
    m_connection->setSqliteInterfaceAllowed(sqliteInterface);
    QVERIFY2(m_connection->open(m_env->path() + QStringLiteral("/journal.sqlite")),
             qPrintable(m_connection->errorString()));
    // Debian's Qt plugin runs the system's SQLite, as this program does: allowed, it is used.
    QCOMPARE(m_connection->usesSqliteInterface(), sqliteInterface);
    m_store = std::make_unique<LeadStore>(*m_connection);
    m_reader = std::make_unique<JournalReader>(*m_connection);
    m_merger = std::make_unique<StatusMerger>(*m_connection);
}

void TestStatusMerger::cleanup()
{
    m_merger.reset();
    m_reader.reset();
    m_store.reset();
    m_connection.reset();
    m_env.reset();
}

QStringList TestStatusMerger::addSentLeads(int count)
{
    QStringList ids;
    for (int i = 1; i <= count; ++i) {
        const QString id = QString::number(i);
        Lead lead;
        lead.orderId = id;
        if (!m_store->addLead(profile, id, lead, t0 + i) ||
            !m_store->markSent(profile, id, QString(), QString(), t0))
            return {};
        ids << id;
    }
    return ids;
}

void TestStatusMerger::mergesForwardOnlyWithHistory()
{
    QCOMPARE(addSentLeads(1).size(), 1);
    QSignalSpy merged(m_merger.get(), &StatusMerger::statusesMerged);
    MergeResult result =
        m_merger->mergeStatus(profile, reply(QStringLiteral("1"), QStringLiteral("hold"), 2), t0 + 10);
    QVERIFY(result.found && result.changed && !result.stale);
    QCOMPARE(merged.size(), 1);
    QCOMPARE(merged.at(0).at(0).toULongLong(), quint64(0));
    result =
        m_merger->mergeStatus(profile, reply(QStringLiteral("1"), QStringLiteral("approve"), 10), t0 + 20);
    QVERIFY(result.changed && result.stageChanged);
    // An answer that would move the outcome back is ignored.
    result = m_merger->mergeStatus(profile, reply(QStringLiteral("1"), QStringLiteral("wait"), 1), t0 + 30);
    QVERIFY(result.found && result.stale && !result.changed);

    const std::optional<JournalEntry> entry = m_reader->entry(profile, QStringLiteral("1"));
    QCOMPARE(entry->stage, QStringLiteral("approve"));
    QCOMPARE(entry->status, 10);
    QCOMPARE(entry->networkOrderId, QStringLiteral("N1")); // learned from the first answer
    QCOMPARE(entry->checkedAt.toMSecsSinceEpoch(), t0 + 30);
    QVERIFY(entry->unseenChange);
    const QList<StatusChange> history = m_reader->history(profile, QStringLiteral("1"));
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(1).previousStage, QStringLiteral("hold"));
    QCOMPARE(history.at(1).status, 10);
    QVERIFY(m_reader->openOrderIds(profile).isEmpty()); // approved: final
}

void TestStatusMerger::keepsWhatAReplyLeavesOut()
{
    QCOMPARE(addSentLeads(1).size(), 1);
    StatusRow first = reply(QStringLiteral("1"), QStringLiteral("hold"), 2, QStringLiteral("call back"));
    first.count = 3;
    QVERIFY(m_merger->mergeStatus(profile, first, t0 + 10).changed);
    StatusRow second = reply(QStringLiteral("1"), QString(), 0); // stage, status, comment and count absent
    second.reason = 4;
    QVERIFY(m_merger->mergeStatus(profile, second, t0 + 20).changed);
    const std::optional<JournalEntry> entry = m_reader->entry(profile, QStringLiteral("1"));
    QCOMPARE(entry->stage, QStringLiteral("hold"));
    QCOMPARE(entry->status, 2);
    QCOMPARE(entry->reason, 4);
    QCOMPARE(entry->count, 3);
    QCOMPARE(entry->comment, QStringLiteral("call back"));
}

void TestStatusMerger::aLeadNamedTwiceMergesTwice()
{
    QCOMPARE(addSentLeads(2).size(), 2);
    const StatusMergeBatch batch =
        m_merger->mergeStatuses(profile,
                                {reply(QStringLiteral("1"), QStringLiteral("hold"), 2),
                                 reply(QStringLiteral("2"), QStringLiteral("wait"), 1),
                                 reply(QStringLiteral("1"), QStringLiteral("cancel"), 5),
                                 reply(QStringLiteral("404"), QStringLiteral("cancel"), 5)},
                                t0 + 10);
    QVERIFY(batch.ok);
    QCOMPARE(batch.results.size(), 4);
    QVERIFY(!batch.results.at(3).found);
    QCOMPARE(batch.results.at(2).previousStage, QStringLiteral("hold"));
    QCOMPARE(batch.checkedKeys.size(), 2);
    QCOMPARE(batch.changedStatuses.size(), 2);
    QCOMPARE(batch.changedStatuses.at(0).key, QStringLiteral("1")); // first change first
    QCOMPARE(batch.changedStatuses.at(0).stage, QStringLiteral("cancel"));
    QCOMPARE(m_reader->history(profile, QStringLiteral("1")).size(), 2);
}

void TestStatusMerger::answersFromItsCacheAsFromTheFile()
{
    const QStringList ids = addSentLeads(60);
    QList<StatusRow> replies;
    for (const QString &id : ids)
        replies << reply(id, QStringLiteral("hold"), 2);
    QVERIFY(m_merger->mergeStatuses(profile, replies, t0 + 10).ok);
    // The second time, the cache answers: the same result, nothing changed, every lead checked.
    const StatusMergeBatch again = m_merger->mergeStatuses(profile, replies, t0 + 20);
    QVERIFY(again.ok);
    QCOMPARE(again.checkedKeys.size(), 60);
    QVERIFY(again.changedKeys().isEmpty());
    QCOMPARE(again.results.at(7).stage, QStringLiteral("hold"));
    QCOMPARE(m_reader->entry(profile, QStringLiteral("8"))->checkedAt.toMSecsSinceEpoch(), t0 + 20);
    replies[7] = reply(QStringLiteral("8"), QStringLiteral("approve"), 10);
    const StatusMergeBatch third = m_merger->mergeStatuses(profile, replies, t0 + 30);
    QCOMPARE(third.changedKeys(), QStringList{QStringLiteral("8")});
    QCOMPARE(m_reader->history(profile, QStringLiteral("8")).size(), 2);
}

void TestStatusMerger::anotherWriteOnTheConnectionClearsItsCache()
{
    QCOMPARE(addSentLeads(1).size(), 1);
    QVERIFY(m_merger->mergeStatus(profile, reply(QStringLiteral("1"), QStringLiteral("hold"), 2), t0 + 10)
                .changed);
    // Another part of the journal rewrites the lead's status behind the merger's back (as an older
    // version or a repair might): the cache must not answer for it any more.
    QVERIFY(m_connection->beginWrite());
    const PreparedStatement rewrite = m_connection->statement(
        QStringLiteral("UPDATE leads SET stage = 'wait', status = 1 WHERE lead_key = '1'"));
    QVERIFY(rewrite && m_connection->run(*rewrite));
    QVERIFY(m_connection->endWrite(true));
    const MergeResult result =
        m_merger->mergeStatus(profile, reply(QStringLiteral("1"), QStringLiteral("hold"), 2), t0 + 20);
    QVERIFY(result.changed); // from the file's "wait", not the cache's "hold"
    QCOMPARE(result.previousStage, QStringLiteral("wait"));
}

void TestStatusMerger::preparedMergesStayExact()
{
    const QStringList ids = addSentLeads(60);
    QVERIFY(m_merger->mergeStatus(profile, reply(QStringLiteral("5"), QStringLiteral("hold"), 2), t0 + 5)
                .changed);
    m_merger->prepareMerges(profile, m_reader->openOrderIds(profile));
    QList<StatusRow> replies;
    for (const QString &id : ids)
        replies << reply(id, QStringLiteral("hold"), 2);
    const StatusMergeBatch batch = m_merger->mergeStatuses(profile, replies, t0 + 10);
    QVERIFY(batch.ok);
    QCOMPARE(batch.changedKeys().size(), 59); // "5" was already on hold
    QVERIFY(!batch.results.at(4).changed);
    QCOMPARE(m_reader->history(profile, QStringLiteral("5")).size(), 1);
}

void TestStatusMerger::aFailedMergeStoresAndAnnouncesNothing()
{
    QCOMPARE(addSentLeads(1).size(), 1);
    QSignalSpy merged(m_merger.get(), &StatusMerger::statusesMerged);
    m_connection->close();
    const StatusMergeBatch batch =
        m_merger->mergeStatuses(profile, {reply(QStringLiteral("1"), QStringLiteral("hold"), 2)}, t0 + 10);
    QVERIFY(!batch.ok);
    QCOMPARE(batch.error, JournalConnection::notOpenError());
    QCOMPARE(batch.results.size(), 1);
    QVERIFY(!batch.results.at(0).found);
    QVERIFY(merged.isEmpty());
}

void TestStatusMerger::olderRowsKeepTheirWordsAndDerivedMark()
{
    QCOMPARE(addSentLeads(1).size(), 1);
    const StatusRow packing =
        olderReply(QStringLiteral("1"), QStringLiteral("approve"), 6, QStringLiteral("Упаковка"));
    MergeResult result = m_merger->mergeStatus(profile, packing, t0 + 10);
    QVERIFY(result.changed);
    QCOMPARE(result.stage, QStringLiteral("approve"));
    std::optional<JournalEntry> entry = m_reader->entry(profile, QStringLiteral("1"));
    QCOMPARE(entry->stage, QStringLiteral("approve"));
    QVERIFY(entry->stageDerived);
    QCOMPARE(entry->statusText, QStringLiteral("Упаковка"));
    const QList<JournalRow> rows = m_reader->rows(profile);
    QVERIFY(rows.constFirst().stageDerived);
    QCOMPARE(rows.constFirst().statusText, QStringLiteral("Упаковка"));
    QVERIFY(m_reader->history(profile, QStringLiteral("1")).constLast().stageDerived);
    // The same row again changes nothing (answered from the merge cache where it is used).
    QVERIFY(!m_merger->mergeStatus(profile, packing, t0 + 20).changed);
    // The words alone change: they are kept; a new status without words drops the old status's.
    QVERIFY(m_merger
                ->mergeStatus(profile,
                              olderReply(QStringLiteral("1"), QStringLiteral("approve"), 6,
                                         QStringLiteral("Упаковка заказа")),
                              t0 + 30)
                .changed);
    QCOMPARE(m_reader->entry(profile, QStringLiteral("1"))->statusText, QStringLiteral("Упаковка заказа"));
    QVERIFY(m_merger
                ->mergeStatus(profile,
                              olderReply(QStringLiteral("1"), QStringLiteral("approve"), 7, QString()),
                              t0 + 40)
                .changed);
    entry = m_reader->entry(profile, QStringLiteral("1"));
    QCOMPARE(entry->status, 7);
    QVERIFY(entry->statusText.isEmpty());
}

void TestStatusMerger::aSentStageWinsOverADerivedOne()
{
    QCOMPARE(addSentLeads(1).size(), 1);
    // The engine said trash for this cancellation; a row without a stage for the same status would
    // derive "cancel" and must not overrule it.
    QVERIFY(m_merger->mergeStatus(profile, reply(QStringLiteral("1"), QStringLiteral("trash"), 5), t0 + 10)
                .changed);
    const MergeResult result = m_merger->mergeStatus(
        profile, olderReply(QStringLiteral("1"), QStringLiteral("cancel"), 5, QStringLiteral("Отмена")),
        t0 + 20);
    QVERIFY(!result.stageChanged);
    const std::optional<JournalEntry> entry = m_reader->entry(profile, QStringLiteral("1"));
    QCOMPARE(entry->stage, QStringLiteral("trash"));
    QVERIFY(!entry->stageDerived);
    QCOMPARE(entry->statusText, QStringLiteral("Отмена")); // the words are news all the same
    // A sent stage that a later derived one only repeats stays marked as sent.
    Lead second;
    second.orderId = QStringLiteral("2");
    QVERIFY(m_store->addLead(profile, second.orderId, second, t0 + 2));
    QVERIFY(m_store->markSent(profile, second.orderId, QString(), QString(), t0));
    QVERIFY(m_merger->mergeStatus(profile, reply(QStringLiteral("2"), QStringLiteral("approve"), 6), t0 + 30)
                .changed);
    QVERIFY(m_merger
                ->mergeStatus(profile,
                              olderReply(QStringLiteral("2"), QStringLiteral("approve"), 7, QString()),
                              t0 + 40)
                .changed);
    QVERIFY(!m_reader->entry(profile, QStringLiteral("2"))->stageDerived);
}

QTEST_GUILESS_MAIN(TestStatusMerger)
#include "tst_statusmerger.moc"

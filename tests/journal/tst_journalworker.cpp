#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "journal/JournalConnection.h"
#include "journal/JournalWorker.h"
#include "journal/LeadStore.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
const QString profile = QStringLiteral("main");
constexpr qint64 t0 = 1767225600000; // 2026-01-01T00:00:00Z

StatusRow reply(const QString &orderId, const QString &stage, int status)
{
    StatusRow row;
    row.ourOrderId = orderId;
    row.stage = stage;
    row.status = status;
    return row;
}
} // namespace

// JournalWorker beside a connection of its own (the one whose file its background connection opens).
class TestJournalWorker : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void mergesAnswerTheirTicketsInOrder();
    void manyMergesAreAllAnsweredInOrder();
    void rowsComeInPieces();
    void writesAnnounceWhatTheyChanged();
    void stopAnswersEveryJobGiven();
    void aClosedJournalFailsEveryJob();

private:
    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<JournalConnection> m_connection;
    std::unique_ptr<LeadStore> m_store;
    std::unique_ptr<JournalWorker> m_worker;
};

void TestJournalWorker::init()
{
    m_env = std::make_unique<TestEnvironment>();
    m_connection = std::make_unique<JournalConnection>();
    QVERIFY2(m_connection->open(m_env->path() + QStringLiteral("/journal.sqlite")),
             qPrintable(m_connection->errorString()));
    m_store = std::make_unique<LeadStore>(*m_connection);
    for (int i = 1; i <= 3; ++i) {
        const QString id = QString::number(i);
        Lead lead;
        lead.orderId = id;
        QVERIFY(m_store->addLead(profile, id, lead, t0 + i));
        QVERIFY(m_store->markSent(profile, id, QString(), QString(), t0));
    }
    m_worker = std::make_unique<JournalWorker>(*m_connection);
}

void TestJournalWorker::cleanup()
{
    m_worker.reset();
    m_store.reset();
    m_connection.reset();
    m_env.reset();
}

void TestJournalWorker::mergesAnswerTheirTicketsInOrder()
{
    QSignalSpy merged(m_worker.get(), &JournalWorker::statusesMerged);
    const quint64 first =
        m_worker->mergeStatuses(profile, {reply(QStringLiteral("1"), QStringLiteral("hold"), 2)}, t0);
    const quint64 read = m_worker->readOpenOrderIds(profile); // ends the merge group: runs between them
    const quint64 second =
        m_worker->mergeStatuses(profile, {reply(QStringLiteral("2"), QStringLiteral("approve"), 10)}, t0);
    QVERIFY(first != second && first != read);
    QSignalSpy ids(m_worker.get(), &JournalWorker::openOrderIdsRead);
    QTRY_COMPARE(merged.size(), 2);
    QCOMPARE(merged.at(0).at(0).toULongLong(), first);
    QCOMPARE(merged.at(1).at(0).toULongLong(), second);
    QVERIFY(merged.at(1).at(2).value<StatusMergeBatch>().ok);
    QCOMPARE(ids.size(), 1);
    QCOMPARE(ids.at(0).at(0).toULongLong(), read);
    QCOMPARE(ids.at(0).at(2).toStringList().size(), 3); // read before the second merge made "2" final
}

void TestJournalWorker::manyMergesAreAllAnsweredInOrder()
{
    QSignalSpy merged(m_worker.get(), &JournalWorker::statusesMerged);
    // More than one merge group holds: the first begins at once, the others fill groups behind it.
    QList<quint64> tickets;
    for (int i = 0; i < JournalWorker::MaxMergesPerTransaction + 5; ++i)
        tickets << m_worker->mergeStatuses(profile, {reply(QStringLiteral("1"), QStringLiteral("hold"), 2)},
                                           t0 + i);
    QTRY_COMPARE(merged.size(), tickets.size());
    for (qsizetype i = 0; i < tickets.size(); ++i) {
        QCOMPARE(merged.at(i).at(0).toULongLong(), tickets.at(i));
        QVERIFY(merged.at(i).at(2).value<StatusMergeBatch>().ok);
    }
}

void TestJournalWorker::rowsComeInPieces()
{
    QSignalSpy loaded(m_worker.get(), &JournalWorker::rowsLoaded);
    const quint64 ticket = m_worker->loadRows(profile);
    QTRY_VERIFY(!loaded.isEmpty() && loaded.constLast().at(3).toBool());
    qsizetype rows = 0;
    for (const QList<QVariant> &piece : std::as_const(loaded)) {
        QCOMPARE(piece.at(0).toULongLong(), ticket);
        rows += piece.at(2).value<QVector<JournalRow>>().size();
    }
    QCOMPARE(rows, 3);
}

void TestJournalWorker::writesAnnounceWhatTheyChanged()
{
    QSignalSpy changed(m_worker.get(), &JournalWorker::leadsChanged);
    QObject context;
    bool done = false;
    bool succeeded = false;
    m_worker->write(
        &context, [](Journal &journal) { return journal.requeue(profile, QStringLiteral("1"), t0); },
        [&](bool ok, const QString &) {
            done = true;
            succeeded = ok;
        });
    QTRY_VERIFY(done);
    QVERIFY(succeeded);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(1).toStringList(), QStringList{QStringLiteral("1")});
}

void TestJournalWorker::stopAnswersEveryJobGiven()
{
    QSignalSpy merged(m_worker.get(), &JournalWorker::statusesMerged);
    QSignalSpy loaded(m_worker.get(), &JournalWorker::rowsLoaded);
    m_worker->mergeStatuses(profile, {reply(QStringLiteral("1"), QStringLiteral("hold"), 2)}, t0);
    m_worker->loadRows(profile);
    m_worker->stop(); // no event loop turned: answered from inside stop()
    QCOMPARE(merged.size(), 1);
    QVERIFY(!loaded.isEmpty());
}

void TestJournalWorker::aClosedJournalFailsEveryJob()
{
    m_connection->close();
    QSignalSpy merged(m_worker.get(), &JournalWorker::statusesMerged);
    QSignalSpy failed(m_worker.get(), &JournalWorker::rowsLoadFailed);
    m_worker->mergeStatuses(profile, {reply(QStringLiteral("1"), QStringLiteral("hold"), 2)}, t0);
    m_worker->loadRows(profile);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(merged.size(), 1);
    QVERIFY(!merged.at(0).at(2).value<StatusMergeBatch>().ok);
}

QTEST_GUILESS_MAIN(TestJournalWorker)
#include "tst_journalworker.moc"

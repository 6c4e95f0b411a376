#include "TestEnvironment.h"
#include "journal/JournalConnection.h"
#include "journal/JournalReader.h"
#include "journal/LeadStore.h"

#include <QTest>

#include <memory>

namespace {
const QString profile = QStringLiteral("main");
constexpr qint64 t0 = 1767225600000; // 2026-01-01T00:00:00Z

Lead lead(const QString &orderId, const QString &phone = QStringLiteral("79001234567"))
{
    Lead lead;
    lead.orderId = orderId;
    lead.offer = QStringLiteral("217");
    lead.name = QStringLiteral("N") + orderId;
    lead.phone = phone;
    return lead;
}
} // namespace

// JournalReader over leads written by a LeadStore on the same connection.
class TestJournalReader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rowsComeOldestFirst();
    void rowsOfSomeKeysComeOldestFirstToo();
    void rowsComeInPiecesWhenAsked();
    void openOrderIdsAreSentLeadsNotFinal();
    void recentLeadsByPhoneAndOffer();
    void outboxAndDueEntries();
    void closedJournalReadsNothing();

private:
    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<JournalConnection> m_connection;
    std::unique_ptr<LeadStore> m_store;
    std::unique_ptr<JournalReader> m_reader;
};

void TestJournalReader::init()
{
    m_env = std::make_unique<TestEnvironment>();
    m_connection = std::make_unique<JournalConnection>();
    QVERIFY2(m_connection->open(m_env->path() + QStringLiteral("/journal.sqlite")),
             qPrintable(m_connection->errorString()));
    m_store = std::make_unique<LeadStore>(*m_connection);
    m_reader = std::make_unique<JournalReader>(*m_connection);
    // Created in the order 3, 1, 2: key order is not creation order.
    QVERIFY(m_store->addLead(profile, QStringLiteral("3"), lead(QStringLiteral("3")), t0));
    QVERIFY(m_store->addLead(profile, QStringLiteral("1"), lead(QStringLiteral("1")), t0 + 1));
    QVERIFY(m_store->addLead(profile, QStringLiteral("2"), lead(QStringLiteral("2"), QStringLiteral("7900")),
                             t0 + 2));
    QVERIFY(m_store->addLead(QStringLiteral("other"), QStringLiteral("9"), lead(QStringLiteral("9")), t0));
}

void TestJournalReader::cleanup()
{
    m_reader.reset();
    m_store.reset();
    m_connection.reset();
    m_env.reset();
}

void TestJournalReader::rowsComeOldestFirst()
{
    const QVector<JournalRow> rows = m_reader->rows(profile);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).key, QStringLiteral("3"));
    QCOMPARE(rows.at(1).key, QStringLiteral("1"));
    QCOMPARE(rows.at(2).name, QStringLiteral("N2"));
    QCOMPARE(rows.at(2).createdAtMs, t0 + 2);
}

void TestJournalReader::rowsOfSomeKeysComeOldestFirstToo()
{
    const QVector<JournalRow> rows = m_reader->rows(profile, {QStringLiteral("2"), QStringLiteral("3")});
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).key, QStringLiteral("3"));
    QCOMPARE(rows.at(1).key, QStringLiteral("2"));
}

void TestJournalReader::rowsComeInPiecesWhenAsked()
{
    QList<qsizetype> pieces;
    QList<bool> lasts;
    QVERIFY(m_reader->readRows(
        profile,
        [&](QVector<JournalRow> &&rows, bool last) {
            pieces << rows.size();
            lasts << last;
        },
        1, 2));
    QCOMPARE(pieces, (QList<qsizetype>{1, 2, 0}));
    QCOMPARE(lasts, (QList<bool>{false, false, true}));
}

void TestJournalReader::openOrderIdsAreSentLeadsNotFinal()
{
    QVERIFY(m_reader->openOrderIds(profile).isEmpty()); // queued: not on the network yet
    QVERIFY(m_store->markSent(profile, QStringLiteral("1"), QStringLiteral("N1"), QString(), t0));
    QVERIFY(m_store->markSent(profile, QStringLiteral("3"), QStringLiteral("N3"), QString(), t0));
    QCOMPARE(m_store->addTracked(profile, {QStringLiteral("8")}, t0 + 3), 1);
    QCOMPARE(m_reader->openOrderIds(profile),
             (QStringList{QStringLiteral("3"), QStringLiteral("1"), QStringLiteral("8")}));
}

void TestJournalReader::recentLeadsByPhoneAndOffer()
{
    const QList<LeadSummary> recent =
        m_reader->findRecent(profile, QStringLiteral("79001234567"), QStringLiteral("217"),
                             QDateTime::fromMSecsSinceEpoch(t0 + 1, Qt::UTC));
    QCOMPARE(recent.size(), 1); // "3" is older, "2" has another phone
    QCOMPARE(recent.at(0).ourOrderId, QStringLiteral("1"));
    QCOMPARE(recent.at(0).sendState, QStringLiteral("queued"));
}

void TestJournalReader::outboxAndDueEntries()
{
    QCOMPARE(m_reader->waitingCount(profile), 3);
    QCOMPARE(m_reader->dueEntries(profile, t0 + 1, 10).size(), 2);
    QCOMPARE(m_reader->nextDueTime(profile), std::optional<qint64>(t0));
    QVERIFY(m_store->markSent(profile, QStringLiteral("1"), QStringLiteral("N1"), QString(), t0));
    QCOMPARE(m_reader->outboxEntries(profile).size(), 2);
}

void TestJournalReader::closedJournalReadsNothing()
{
    m_connection->close();
    QVERIFY(m_reader->rows(profile).isEmpty());
    QVERIFY(!m_reader->entry(profile, QStringLiteral("1")));
    QVERIFY(m_reader->openOrderIds(profile).isEmpty());
    QVERIFY(!m_reader->readRows(
        profile, [](QVector<JournalRow> &&, bool) {}, -1, -1));
    QCOMPARE(m_connection->errorString(), JournalConnection::notOpenError());
}

QTEST_GUILESS_MAIN(TestJournalReader)
#include "tst_journalreader.moc"

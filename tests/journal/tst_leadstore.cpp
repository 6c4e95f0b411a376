#include "TestEnvironment.h"
#include "journal/JournalConnection.h"
#include "journal/JournalReader.h"
#include "journal/LeadStore.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
const QString profile = QStringLiteral("main");
constexpr qint64 t0 = 1767225600000; // 2026-01-01T00:00:00Z

Lead lead(const QString &orderId)
{
    Lead lead;
    lead.orderId = orderId;
    lead.offer = QStringLiteral("217");
    lead.name = QStringLiteral("Анна");
    lead.phone = QStringLiteral("79001234567");
    lead.country = QStringLiteral("ru");
    return lead;
}
} // namespace

// LeadStore on a connection of its own, read back with a JournalReader.
class TestLeadStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void addsAndAnnouncesLeads();
    void refusesASecondLeadWithTheSameOrderId();
    void sendStatesMoveAndAnnounce();
    void autoLeadLearnsItsOrderIdWhenSent();
    void tracksExternalLeadsOnce();
    void markSeenCountsOnlyUnseenLeads();
    void metaIsComparedAndSet();

private:
    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<JournalConnection> m_connection;
    std::unique_ptr<LeadStore> m_store;
    std::unique_ptr<JournalReader> m_reader;
};

void TestLeadStore::init()
{
    m_env = std::make_unique<TestEnvironment>();
    m_connection = std::make_unique<JournalConnection>();
    QVERIFY2(m_connection->open(m_env->path() + QStringLiteral("/journal.sqlite")),
             qPrintable(m_connection->errorString()));
    m_store = std::make_unique<LeadStore>(*m_connection);
    m_reader = std::make_unique<JournalReader>(*m_connection);
}

void TestLeadStore::cleanup()
{
    m_reader.reset();
    m_store.reset();
    m_connection.reset();
    m_env.reset();
}

void TestLeadStore::addsAndAnnouncesLeads()
{
    QSignalSpy added(m_store.get(), &LeadStore::leadsAdded);
    QVERIFY(m_store->addLead(profile, QStringLiteral("1"), lead(QStringLiteral("1")), t0));
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.at(0).at(0).toString(), profile);
    QCOMPARE(added.at(0).at(1).toStringList(), QStringList{QStringLiteral("1")});
    const std::optional<JournalEntry> entry = m_reader->entry(profile, QStringLiteral("1"));
    QVERIFY(entry);
    QCOMPARE(entry->sendState, SendState::Queued);
    QCOMPARE(entry->lead.name, QStringLiteral("Анна"));
    QCOMPARE(entry->nextTryAt.toMSecsSinceEpoch(), t0);
}

void TestLeadStore::refusesASecondLeadWithTheSameOrderId()
{
    QVERIFY(m_store->addLead(profile, QStringLiteral("1"), lead(QStringLiteral("1")), t0));
    QSignalSpy added(m_store.get(), &LeadStore::leadsAdded);
    QVERIFY(!m_store->addLead(profile, QStringLiteral("1"), lead(QStringLiteral("1")), t0 + 1));
    QVERIFY(m_connection->errorString().contains(QStringLiteral("1")));
    QVERIFY(added.isEmpty());
    QVERIFY(m_store->addLead(QStringLiteral("other"), QStringLiteral("1"), lead(QStringLiteral("1")), t0));
}

void TestLeadStore::sendStatesMoveAndAnnounce()
{
    QVERIFY(m_store->addLead(profile, QStringLiteral("1"), lead(QStringLiteral("1")), t0));
    QSignalSpy changed(m_store.get(), &LeadStore::leadsChanged);
    QVERIFY(m_store->markSending(profile, QStringLiteral("1"), "body", t0));
    QCOMPARE(m_reader->entry(profile, QStringLiteral("1"))->sendState, SendState::Sending);
    QCOMPARE(m_store->recoverInterruptedSends(profile, t0 + 5, QStringLiteral("c"),
                                              QStringLiteral("numbered"), QStringLiteral("auto")),
             1);
    std::optional<JournalEntry> entry = m_reader->entry(profile, QStringLiteral("1"));
    QCOMPARE(entry->sendState, SendState::Unknown);
    QVERIFY(entry->maybeDelivered);
    QCOMPARE(entry->errorText, QStringLiteral("numbered"));
    QVERIFY(
        m_store->markRejected(profile, QStringLiteral("1"), QStringLiteral("dup"), QStringLiteral("text")));
    QCOMPARE(m_reader->entry(profile, QStringLiteral("1"))->sendState, SendState::Rejected);
    QCOMPARE(changed.size(), 3);
    QVERIFY(!m_store->markSent(profile, QStringLiteral("nope"), QString(), QString(), t0));
    QCOMPARE(changed.size(), 3);
}

void TestLeadStore::autoLeadLearnsItsOrderIdWhenSent()
{
    QVERIFY(m_store->addLead(profile, QStringLiteral("auto-1"), lead(QStringLiteral("auto")), t0));
    QVERIFY(m_reader->entry(profile, QStringLiteral("auto-1"))->orderId.isEmpty());
    QVERIFY(m_store->markSent(profile, QStringLiteral("auto-1"), QStringLiteral("N7"), QStringLiteral("777"),
                              t0));
    const std::optional<JournalEntry> entry = m_reader->entryByOrderId(profile, QStringLiteral("777"));
    QVERIFY(entry);
    QCOMPARE(entry->key, QStringLiteral("auto-1"));
    QCOMPARE(entry->networkOrderId, QStringLiteral("N7"));
}

void TestLeadStore::tracksExternalLeadsOnce()
{
    QCOMPARE(
        m_store->addTracked(profile, {QStringLiteral("5"), QStringLiteral(" 5 "), QStringLiteral("6")}, t0),
        2);
    QCOMPARE(m_store->addTracked(profile, {QStringLiteral("6"), QStringLiteral("7")}, t0), 1);
    QCOMPARE(m_reader->openOrderIds(profile).size(), 3);
}

void TestLeadStore::markSeenCountsOnlyUnseenLeads()
{
    QVERIFY(m_store->addLead(profile, QStringLiteral("1"), lead(QStringLiteral("1")), t0));
    QCOMPARE(m_store->markSeen(profile, {QStringLiteral("1")}), 0); // never changed: nothing to see
    QCOMPARE(m_store->markSeen(profile, {}), 0);
}

void TestLeadStore::metaIsComparedAndSet()
{
    QVERIFY(m_store->compareAndSetMeta(QStringLiteral("k"), QString(), QStringLiteral("1")));
    QVERIFY(!m_store->compareAndSetMeta(QStringLiteral("k"), QString(), QStringLiteral("2")));
    QVERIFY(m_connection->errorString().isEmpty()); // lost the race, not failed
    QVERIFY(m_store->compareAndSetMeta(QStringLiteral("k"), QStringLiteral("1"), QStringLiteral("2")));
    QCOMPARE(m_reader->metaValue(QStringLiteral("k")), QStringLiteral("2"));
}

QTEST_GUILESS_MAIN(TestLeadStore)
#include "tst_leadstore.moc"

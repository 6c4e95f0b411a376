#include "journal/MergeCache.h"

#include <QTest>

// The journal connection's cache of what it last read or wrote of each lead's status.
class TestMergeCache : public QObject
{
    Q_OBJECT

private slots:
    void keptOnlyWhenTheTransactionCommits();
    void anotherWriterClearsIt();
    void boundedInSize();
    void holdsAllOpenLeadsOnlyAfterAWholeReadCommits();
};

namespace {
const QString profile = QStringLiteral("main");

MergeCache::Lead lead(const QString &stage, int status)
{
    MergeCache::Lead lead;
    lead.key = QStringLiteral("k");
    lead.stage = stage;
    lead.status = status;
    return lead;
}
} // namespace

void TestMergeCache::keptOnlyWhenTheTransactionCommits()
{
    MergeCache cache;
    cache.validate(1);
    cache.stage(profile, QStringLiteral("1"), lead(QStringLiteral("wait"), 1));
    // Seen by the rest of its own transaction...
    QCOMPARE(cache.find(profile, QStringLiteral("1"))->stage, QStringLiteral("wait"));
    cache.rollback();
    // ...and gone with it.
    QVERIFY(!cache.find(profile, QStringLiteral("1")));

    cache.stage(profile, QStringLiteral("1"), lead(QStringLiteral("wait"), 1));
    cache.commit();
    cache.stage(profile, QStringLiteral("1"), lead(QStringLiteral("hold"), 4));
    QCOMPARE(cache.find(profile, QStringLiteral("1"))->stage, QStringLiteral("hold"));
    cache.rollback();
    QCOMPARE(cache.find(profile, QStringLiteral("1"))->stage, QStringLiteral("wait")); // the committed state
    QVERIFY(!cache.find(QStringLiteral("other"), QStringLiteral("1")));                // profiles apart
    QCOMPARE(cache.size(), 1);
}

void TestMergeCache::anotherWriterClearsIt()
{
    MergeCache cache;
    cache.validate(7);
    cache.stage(profile, QStringLiteral("1"), lead(QStringLiteral("wait"), 1));
    cache.commit();
    cache.validate(7); // nobody else wrote
    QVERIFY(cache.find(profile, QStringLiteral("1")));
    cache.validate(8); // another connection committed
    QVERIFY(!cache.find(profile, QStringLiteral("1")));
    QCOMPARE(cache.size(), 0);
}

void TestMergeCache::boundedInSize()
{
    MergeCache cache;
    cache.validate(1);
    for (int i = 0; i < MergeCache::MaxLeads + 10; ++i)
        cache.stage(profile, QString::number(i), lead(QStringLiteral("wait"), 1));
    cache.commit();
    QCOMPARE(cache.size(), MergeCache::MaxLeads);
    QString aHeldOne;
    int held = 0;
    for (int i = 0; i < MergeCache::MaxLeads + 10; ++i) {
        if (cache.find(profile, QString::number(i))) {
            ++held;
            aHeldOne = QString::number(i);
        }
    }
    QCOMPARE(held, MergeCache::MaxLeads);
    // A lead already held is still brought up to date.
    cache.stage(profile, aHeldOne, lead(QStringLiteral("hold"), 4));
    cache.commit();
    QCOMPARE(cache.find(profile, aHeldOne)->stage, QStringLiteral("hold"));
    QCOMPARE(cache.size(), MergeCache::MaxLeads);
}

void TestMergeCache::holdsAllOpenLeadsOnlyAfterAWholeReadCommits()
{
    MergeCache cache;
    cache.validate(1);
    const QString other = QStringLiteral("other");
    // Leads merged one by one are not all the open leads.
    cache.stage(profile, QStringLiteral("1"), lead(QStringLiteral("wait"), 1));
    cache.commit();
    QVERIFY(!cache.holdsAllOpenLeads(profile));
    // A read of all of them that does not commit counts for nothing.
    cache.stage(profile, QStringLiteral("2"), lead(QStringLiteral("wait"), 1));
    cache.stageAllOpenLeads(profile);
    cache.rollback();
    QVERIFY(!cache.holdsAllOpenLeads(profile));
    cache.stage(profile, QStringLiteral("2"), lead(QStringLiteral("wait"), 1));
    cache.stageAllOpenLeads(profile);
    cache.commit();
    QVERIFY(cache.holdsAllOpenLeads(profile));
    QVERIFY(!cache.holdsAllOpenLeads(other)); // per profile
    // Another writer may have opened a lead: the claim goes with the leads.
    cache.validate(2);
    QVERIFY(!cache.holdsAllOpenLeads(profile));
    QVERIFY(!cache.find(profile, QStringLiteral("2")));
    // Filled again from empty (taken whole): all of them, each as read.
    for (int i = 0; i < 3; ++i)
        cache.stage(profile, QString::number(10 + i), lead(QStringLiteral("hold"), 4));
    cache.stageAllOpenLeads(profile);
    cache.commit();
    QVERIFY(cache.holdsAllOpenLeads(profile));
    QCOMPARE(cache.size(), 3);
    QCOMPARE(cache.find(profile, QStringLiteral("12"))->stage, QStringLiteral("hold"));

    // More open leads than the cache holds: never all of them.
    for (int i = 0; i < MergeCache::MaxLeads + 1; ++i)
        cache.stage(other, QString::number(i), lead(QStringLiteral("wait"), 1));
    cache.stageAllOpenLeads(other);
    cache.commit();
    QVERIFY(!cache.holdsAllOpenLeads(other));
}

QTEST_GUILESS_MAIN(TestMergeCache)
#include "tst_mergecache.moc"

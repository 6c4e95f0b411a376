#include "TeamFixture.h"
#include "team/TeamConnection.h"
#include "team/TeamRefreshLease.h"

#include <QTest>

// The refresh lease on a real PostgreSQL: one holder per account, passed on when the holder's session
// dies.
class TestTeamRefreshLease : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void oneHolderPerAccount();
    void passesOnWhenTheHolderDies();
    void releasedByChoice();

private:
    int leaseHolders();
    TeamFixture m_team;
};

void TestTeamRefreshLease::initTestCase()
{
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
}

int TestTeamRefreshLease::leaseHolders()
{
    return m_team.server()
        .value(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 7336"),
               TeamFixture::databaseName())
        .toInt();
}

void TestTeamRefreshLease::oneHolderPerAccount()
{
    const QString account = QStringLiteral("4242@api.example.net");
    TeamConnection anna(m_team.config(TeamFixture::operatorA()));
    TeamConnection boris(m_team.config(TeamFixture::operatorB()));
    QVERIFY(anna.open());
    QVERIFY(boris.open());
    TeamRefreshLease annasLease(anna.database(), account);
    TeamRefreshLease borissLease(boris.database(), account);
    QVERIFY2(annasLease.tryAcquire(), qPrintable(annasLease.errorString()));
    QVERIFY(annasLease.tryAcquire()); // asking again: still hers, not stacked
    QVERIFY(!borissLease.tryAcquire());
    QVERIFY(borissLease.errorString().isEmpty());
    QCOMPARE(leaseHolders(), 1);
    // Another account's refresh is another lease.
    TeamRefreshLease otherAccount(boris.database(), QStringLiteral("77@other.example"));
    QVERIFY(otherAccount.tryAcquire());
    otherAccount.release();
    annasLease.release();
    QCOMPARE(leaseHolders(), 0);
}

void TestTeamRefreshLease::passesOnWhenTheHolderDies()
{
    const QString account = QStringLiteral("dies@api.example.net");
    TeamConnection anna(m_team.config(TeamFixture::operatorA()));
    TeamConnection boris(m_team.config(TeamFixture::operatorB()));
    QVERIFY(anna.open());
    QVERIFY(boris.open());
    TeamRefreshLease annasLease(anna.database(), account);
    TeamRefreshLease borissLease(boris.database(), account);
    QVERIFY(annasLease.tryAcquire());
    QVERIFY(!borissLease.tryAcquire());
    // Anna's session ends the hard way.
    QCOMPARE(m_team.server()
                 .value(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                       " WHERE usename = 'operator_anna'"))
                 .toInt(),
             1);
    QTRY_VERIFY(borissLease.tryAcquire());
    // Anna, back on a new session, finds her lease gone and Boris holding it.
    anna.close();
    QVERIFY(anna.open());
    TeamRefreshLease annasNewLease(anna.database(), account);
    QVERIFY(!annasNewLease.tryAcquire());
    QVERIFY(!annasLease.tryAcquire()); // the old object must not think it still holds it
    borissLease.release();
}

void TestTeamRefreshLease::releasedByChoice()
{
    const QString account = QStringLiteral("quits@api.example.net");
    TeamConnection anna(m_team.config(TeamFixture::operatorA()));
    TeamConnection boris(m_team.config(TeamFixture::operatorB()));
    QVERIFY(anna.open());
    QVERIFY(boris.open());
    TeamRefreshLease annasLease(anna.database(), account);
    TeamRefreshLease borissLease(boris.database(), account);
    QVERIFY(annasLease.tryAcquire());
    annasLease.release();
    QVERIFY(!annasLease.isHeld());
    QVERIFY(borissLease.tryAcquire());
    borissLease.release();
}

QTEST_GUILESS_MAIN(TestTeamRefreshLease)
#include "tst_teamrefreshlease.moc"

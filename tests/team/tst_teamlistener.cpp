#include "TeamFixture.h"
#include "team/TeamConnection.h"
#include "team/TeamListener.h"
#include "team/TeamSchema.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

// LISTEN/NOTIFY on a real PostgreSQL: a workstation hears of another's change at its commit.
class TestTeamListener : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void hearsAnotherWorkstationsCommitWithinTwoSeconds();

private:
    TeamFixture m_team;
};

void TestTeamListener::initTestCase()
{
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY(owner.open());
    QSqlDatabase db = owner.database();
    QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
}

void TestTeamListener::hearsAnotherWorkstationsCommitWithinTwoSeconds()
{
    TeamConnection maria(m_team.config(TeamFixture::manager()));
    QVERIFY(maria.open());
    TeamListener listener(maria.database());
    QVERIFY2(listener.listen(), qPrintable(listener.errorString()));
    QSignalSpy changed(&listener, &TeamListener::leadChanged);

    TeamConnection anna(m_team.config(TeamFixture::operatorA()));
    QVERIFY(anna.open());
    QSqlDatabase db = anna.database();
    QVERIFY(db.transaction());
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("INSERT INTO workstations (workstation_id) VALUES ('ws-anna')")));
    QVERIFY(query.exec(
        QStringLiteral("INSERT INTO leads (account, order_id, workstation_id, send_state, created_at)"
                       " VALUES ('4242@api.example.net', '1001', 'ws-anna', 'sent', now())")));
    QVERIFY(
        query.exec(QStringLiteral("UPDATE leads SET status = 4, stage = 'hold' WHERE order_id = '1001'")));
    QTest::qWait(0);
    QCOMPARE(changed.size(), 0); // nothing before the commit
    QElapsedTimer clock;
    clock.start();
    QVERIFY(db.commit());
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 2000);
    qInfo() << "heard after" << clock.elapsed() << "ms";
    QCOMPARE(changed.constFirst().at(0).toString(), QStringLiteral("4242@api.example.net"));
    QCOMPARE(changed.constFirst().at(1).toString(), QStringLiteral("1001"));
    QTest::qWait(100);
    QCOMPARE(changed.size(), 1); // the insert and the update of one transaction: one notification
}

QTEST_GUILESS_MAIN(TestTeamListener)
#include "tst_teamlistener.moc"

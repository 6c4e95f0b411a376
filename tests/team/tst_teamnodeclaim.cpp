#include "ManualClock.h"
#include "SandboxHttpClient.h"
#include "TeamFixture.h"
#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "journal/OrderIdGenerator.h"
#include "sandbox/Sandbox.h"
#include "team/TeamConnection.h"
#include "team/TeamNodeClaim.h"
#include "team/TeamPusher.h"
#include "team/TeamSchema.h"
#include "team/TeamSync.h"

#include <QSet>
#include <QSqlQuery>
#include <QTest>

// Issue 24, item 4: two workstations of one account that drew the same order id node. Their claims in the
// team database give them different nodes, and the ids they send stay unique where it matters: at the
// network (the sandbox, which stores a lead only under an id it has not seen).
class TestTeamNodeClaim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sameNodeTwiceStaysUniqueAtThePeer();
    void aClaimIsKeptAcrossRuns();
    void teamSyncClaimsTheJournalsNode();

private:
    QString journalPath(const QString &name) const { return m_env->path() + QLatin1Char('/') + name; }
    // The workstation `id` registered under the operator's login, as TeamSync does before it pushes.
    void registerWorkstation(TeamConnection &connection, const QString &id);
    static int nodeOf(const QString &orderId)
    {
        return int((orderId.toULongLong() >> OrderIdGenerator::SequenceBits) &
                   ((1u << OrderIdGenerator::NodeBits) - 1));
    }

    TeamFixture m_team;
    std::unique_ptr<TestEnvironment> m_env;
};

namespace {
constexpr int SharedNode = 777;
// More ids in one second than the random start of a second's sequence (its lower half, 512) can keep
// apart: two generators on the same node and second are certain to issue a common id.
constexpr int IdsEach = 600;
} // namespace

void TestTeamNodeClaim::initTestCase()
{
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
}

void TestTeamNodeClaim::init()
{
    QVERIFY2(m_team.recreateDatabase(), qPrintable(m_team.errorString()));
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY2(owner.open(), qPrintable(owner.errorString()));
    QSqlDatabase db = owner.database();
    QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
    m_env = std::make_unique<TestEnvironment>();
}

void TestTeamNodeClaim::cleanup()
{
    m_env.reset();
}

void TestTeamNodeClaim::registerWorkstation(TeamConnection &connection, const QString &id)
{
    QVERIFY2(connection.open(), qPrintable(connection.errorString()));
    TeamPusher pusher(QStringLiteral("4242@sandbox"), id, id);
    QSqlDatabase db = connection.database();
    QVERIFY2(pusher.registerWorkstation(db), qPrintable(pusher.errorString()));
}

void TestTeamNodeClaim::sameNodeTwiceStaysUniqueAtThePeer()
{
    ManualClock clock;
    Journal journalA;
    Journal journalB;
    QVERIFY(journalA.open(journalPath(QStringLiteral("a.sqlite"))));
    QVERIFY(journalB.open(journalPath(QStringLiteral("b.sqlite"))));
    OrderIdGenerator idsA(&journalA, &clock);
    OrderIdGenerator idsB(&journalB, &clock);
    QVERIFY(idsA.setNodeId(SharedNode));
    QVERIFY(idsB.setNodeId(SharedNode));
    // B is already issuing ids when its claim is made on another connection (as TeamSync does).
    const QString beforeClaim = idsB.next();
    QCOMPARE(nodeOf(beforeClaim), SharedNode);

    TeamConnection anna(m_team.config(TeamFixture::operatorA()));
    TeamConnection boris(m_team.config(TeamFixture::operatorB()));
    registerWorkstation(anna, QStringLiteral("ws-anna"));
    registerWorkstation(boris, QStringLiteral("ws-boris"));
    QSqlDatabase dbA = anna.database();
    QSqlDatabase dbB = boris.database();
    const QString identity = m_team.config(TeamFixture::operatorA()).identity();
    {
        Journal claimingA; // a connection of its own, as TeamSync's
        QVERIFY(claimingA.open(journalPath(QStringLiteral("a.sqlite"))));
        TeamNodeClaim claim(QStringLiteral("ws-anna"));
        QVERIFY2(claim.claimFor(dbA, claimingA, identity), qPrintable(claim.errorString()));
    }
    {
        Journal claimingB;
        QVERIFY(claimingB.open(journalPath(QStringLiteral("b.sqlite"))));
        TeamNodeClaim claim(QStringLiteral("ws-boris"));
        QVERIFY2(claim.claimFor(dbB, claimingB, identity), qPrintable(claim.errorString()));
    }
    // Read by generators of their own: idsB must take the new node up by itself.
    QCOMPARE(OrderIdGenerator(&journalA, &clock).nodeId(), SharedNode); // the first to claim keeps its node
    const int claimedB = OrderIdGenerator(&journalB, &clock).nodeId();

    // Both issue many ids in the same second, B's generator the one that ran before its claim.
    clock.advance(1000);
    QStringList ids;
    for (int i = 0; i < IdsEach; ++i) {
        ids.append(idsA.next());
        ids.append(idsB.next());
    }
    QVERIFY(!ids.contains(QString()));

    Sandbox sandbox(SandboxOptions{});
    QVERIFY(sandbox.listen() != 0);
    SandboxHttpClient client(sandbox.baseUrl());
    const QString offer = sandbox.demoOffers().constFirst();
    int refused = 0;
    for (int i = 0; i < ids.size(); ++i) {
        const QString phone = QStringLiteral("7900%1").arg(i, 7, 10, QLatin1Char('0'));
        const SandboxHttpReply reply = client.addLead(ids.at(i), offer, phone);
        QCOMPARE(reply.httpStatus, 200);
        if (!reply.errorCode().isEmpty())
            ++refused;
    }
    // Every customer's order went in under an id of its own: none refused as a duplicate id.
    QCOMPARE(refused, 0);
    QCOMPARE(sandbox.storedLeadCount(), ids.size());
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    // Checked after the peer's count, so that a broken claim shows there first.
    QVERIFY(claimedB != SharedNode);
    for (int i = 1; i < ids.size(); i += 2)
        QCOMPARE(nodeOf(ids.at(i)), claimedB);
}

void TestTeamNodeClaim::aClaimIsKeptAcrossRuns()
{
    TeamConnection anna(m_team.config(TeamFixture::operatorA()));
    TeamConnection boris(m_team.config(TeamFixture::operatorB()));
    registerWorkstation(anna, QStringLiteral("ws-anna"));
    registerWorkstation(boris, QStringLiteral("ws-boris"));
    QSqlDatabase dbA = anna.database();
    QSqlDatabase dbB = boris.database();

    TeamNodeClaim annaClaim(QStringLiteral("ws-anna"));
    QCOMPARE(annaClaim.claim(dbA, 5), 5);
    // Another run of the same workstation, whatever its journal holds now: the node it claimed.
    QCOMPARE(annaClaim.claim(dbA, 9), 5);
    TeamNodeClaim borisClaim(QStringLiteral("ws-boris"));
    const int borisNode = borisClaim.claim(dbB, 5);
    QVERIFY2(borisNode >= 0, qPrintable(borisClaim.errorString()));
    QVERIFY(borisNode != 5);
    QCOMPARE(borisClaim.claim(dbB, 5), borisNode);

    // Row-level security: an operator cannot claim for another operator's workstation.
    QSqlQuery forged(dbB);
    QVERIFY(!forged.exec(
        QStringLiteral("INSERT INTO order_id_nodes (node, workstation_id) VALUES (100, 'ws-anna')")));
}

void TestTeamNodeClaim::teamSyncClaimsTheJournalsNode()
{
    // Another workstation already holds the node this journal drew: sharing moves the journal off it.
    TeamConnection boris(m_team.config(TeamFixture::operatorB()));
    registerWorkstation(boris, QStringLiteral("ws-boris"));
    QSqlDatabase dbB = boris.database();
    TeamNodeClaim borisClaim(QStringLiteral("ws-boris"));
    QCOMPARE(borisClaim.claim(dbB, SharedNode), SharedNode);

    Journal journal;
    QVERIFY(journal.open(journalPath(QStringLiteral("anna.sqlite"))));
    OrderIdGenerator ids(&journal, SystemClock::instance());
    QVERIFY(ids.setNodeId(SharedNode));

    TeamSyncSetup setup;
    setup.server = m_team.config(TeamFixture::operatorA());
    setup.journalFilePath = journal.filePath();
    setup.profileId = QStringLiteral("p1");
    setup.account = QStringLiteral("4242@sandbox");
    setup.workstationId = QStringLiteral("ws-anna");
    setup.operatorName = QStringLiteral("Anna");
    setup.pollIntervalMs = 50;
    TeamSync sync(setup);
    sync.start();
    QTRY_COMPARE_WITH_TIMEOUT(int(sync.state().phase), int(TeamSyncState::Phase::Sharing), 20000);

    QSqlQuery claimed(dbB);
    QVERIFY(claimed.exec(QStringLiteral("SELECT count(*) FROM order_id_nodes")));
    QVERIFY(claimed.next());
    QCOMPARE(claimed.value(0).toInt(), 1); // boris sees only his own claim (row-level security)
    const int node = ids.nodeId();
    QVERIFY(node != SharedNode);
    QCOMPARE(journal.metaValue(TeamNodeClaim::ClaimedAtKey), setup.server.identity());
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY(owner.open());
    QSqlQuery all(owner.database());
    QVERIFY(all.exec(QStringLiteral("SELECT node FROM order_id_nodes WHERE workstation_id = 'ws-anna'")));
    QVERIFY(all.next());
    QCOMPARE(all.value(0).toInt(), node);
}

QTEST_GUILESS_MAIN(TestTeamNodeClaim)
#include "tst_teamnodeclaim.moc"

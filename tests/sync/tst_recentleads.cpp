#include "ScriptedLeadGateway.h"
#include "api/ApiTypes.h"
#include "leads/Lead.h"
#include "sync/RecentLeads.h"

#include <QAbstractItemModelTester>
#include <QTest>

// The recent leads strip's source: what the gateway stored, newest first, each with the network's
// answer in words as it arrives.
class TestRecentLeads : public QObject
{
    Q_OBJECT

private slots:
    void storedLead_isListedFirst_asBeingSent();
    void answers_arriveInWords();
    void answerForALeadNotListed_isIgnored();
    void keepsTheLast20();
    void clear_forgetsEverything();

private:
    static Lead lead(const QString &name, const QString &phone = QStringLiteral("79001234567"));
    static QString text(const RecentLeads &recent, int row);
};

Lead TestRecentLeads::lead(const QString &name, const QString &phone)
{
    Lead lead;
    lead.offer = QStringLiteral("217");
    lead.name = name;
    lead.phone = phone;
    return lead;
}

QString TestRecentLeads::text(const RecentLeads &recent, int row)
{
    return recent.data(recent.index(row), Qt::DisplayRole).toString();
}

void TestRecentLeads::storedLead_isListedFirst_asBeingSent()
{
    ScriptedLeadGateway gateway;
    RecentLeads recent(&gateway);
    QAbstractItemModelTester tester(&recent, QAbstractItemModelTester::FailureReportingMode::QtTest);
    recent.add(QStringLiteral("100001"), lead(QStringLiteral("Jane Doe")));
    recent.add(QStringLiteral("100002"), lead(QString(), QStringLiteral("79005550000")));
    QCOMPARE(recent.rowCount(), 2);
    QCOMPARE(recent.orderIdAt(0), QStringLiteral("100002"));
    QCOMPARE(recent.answerAt(0), RecentLeads::Answer::Sending);
    // No name: the phone says whose lead it is.
    QVERIFY2(text(recent, 0).contains(QStringLiteral("79005550000")), qPrintable(text(recent, 0)));
    QVERIFY(text(recent, 0).contains(QStringLiteral("sending")));
    QVERIFY(text(recent, 1).contains(QStringLiteral("Jane Doe")));
    QVERIFY(text(recent, 1).contains(QStringLiteral("100001")));
    QCOMPARE(recent.data(recent.index(1), Qt::AccessibleTextRole).toString(), text(recent, 1));
}

void TestRecentLeads::answers_arriveInWords()
{
    ScriptedLeadGateway gateway;
    RecentLeads recent(&gateway);
    QAbstractItemModelTester tester(&recent, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const char *id : {"1", "2", "3"})
        recent.add(QLatin1String(id), lead(QStringLiteral("Customer %1").arg(QLatin1String(id))));

    ApiError refusal;
    refusal.kind = ApiError::Kind::Service;
    refusal.code = QStringLiteral("ban");
    refusal.message = QStringLiteral("The customer is banned by the network.");
    ApiError outage;
    outage.kind = ApiError::Kind::Transport;
    outage.code = QStringLiteral("timeout");
    outage.message = QStringLiteral("The network did not answer in time.");

    gateway.answer(QStringLiteral("1"), {ScriptedLeadGateway::Outcome::Sent, {}, QStringLiteral("5501")});
    gateway.answer(QStringLiteral("2"), {ScriptedLeadGateway::Outcome::Rejected, refusal, {}});
    gateway.answer(QStringLiteral("3"), {ScriptedLeadGateway::Outcome::Deferred, outage, {}});

    const int accepted = recent.rowOf(QStringLiteral("1"));
    const int refused = recent.rowOf(QStringLiteral("2"));
    const int waiting = recent.rowOf(QStringLiteral("3"));
    QTRY_COMPARE(recent.answerAt(accepted), RecentLeads::Answer::Accepted);
    QTRY_COMPARE(recent.answerAt(refused), RecentLeads::Answer::Refused);
    QTRY_COMPARE(recent.answerAt(waiting), RecentLeads::Answer::Waiting);

    QVERIFY2(text(recent, accepted).contains(QStringLiteral("accepted, network order 5501")),
             qPrintable(text(recent, accepted)));
    QVERIFY(!recent.data(recent.index(accepted), RecentLeads::NeedsAttentionRole).toBool());
    // A refusal says so in words, with the reason and the code, and is marked for attention.
    QVERIFY2(text(recent, refused)
                 .contains(QStringLiteral("REFUSED: The customer is banned by the network. "
                                          "(code: ban)")),
             qPrintable(text(recent, refused)));
    QVERIFY(recent.data(recent.index(refused), RecentLeads::NeedsAttentionRole).toBool());
    QVERIFY2(text(recent, waiting).contains(QStringLiteral("The network did not answer in time.")),
             qPrintable(text(recent, waiting)));
    QVERIFY(!recent.data(recent.index(waiting), RecentLeads::NeedsAttentionRole).toBool());

    // The outbox retries the waiting lead later: its answer replaces the wait.
    gateway.answer(QStringLiteral("3"), {ScriptedLeadGateway::Outcome::Sent, {}, QStringLiteral("5503")});
    QTRY_COMPARE(recent.answerAt(waiting), RecentLeads::Answer::Accepted);
    QVERIFY(text(recent, waiting).contains(QStringLiteral("5503")));
    QVERIFY(!text(recent, waiting).contains(QStringLiteral("in time")));
}

void TestRecentLeads::answerForALeadNotListed_isIgnored()
{
    ScriptedLeadGateway gateway;
    RecentLeads recent(&gateway);
    recent.add(QStringLiteral("1"), lead(QStringLiteral("Jane")));
    gateway.answer(QStringLiteral("999"), {ScriptedLeadGateway::Outcome::Sent, {}, QStringLiteral("5")});
    gateway.answer(QStringLiteral("1"), {ScriptedLeadGateway::Outcome::Sent, {}, QStringLiteral("6")});
    QTRY_COMPARE(recent.answerAt(0), RecentLeads::Answer::Accepted);
    QCOMPARE(recent.rowCount(), 1);
    QCOMPARE(recent.rowOf(QStringLiteral("999")), -1);
}

void TestRecentLeads::keepsTheLast20()
{
    RecentLeads recent(nullptr);
    QAbstractItemModelTester tester(&recent, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 1; i <= RecentLeads::MaxKept + 5; ++i)
        recent.add(QString::number(i), lead(QStringLiteral("Customer")));
    QCOMPARE(recent.rowCount(), RecentLeads::MaxKept);
    QCOMPARE(recent.orderIdAt(0), QString::number(RecentLeads::MaxKept + 5));
    QCOMPARE(recent.orderIdAt(RecentLeads::MaxKept - 1), QStringLiteral("6"));
    // The same lead stored twice (it cannot be, but a resend path might say so) is listed once.
    recent.add(QStringLiteral("10"), lead(QStringLiteral("Customer")));
    QCOMPARE(recent.rowCount(), RecentLeads::MaxKept);
}

void TestRecentLeads::clear_forgetsEverything()
{
    RecentLeads recent(nullptr);
    QAbstractItemModelTester tester(&recent, QAbstractItemModelTester::FailureReportingMode::QtTest);
    recent.add(QStringLiteral("1"), lead(QStringLiteral("Jane")));
    recent.clear();
    QCOMPARE(recent.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestRecentLeads)
#include "tst_recentleads.moc"

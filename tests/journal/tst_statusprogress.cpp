#include "journal/StatusProgress.h"

#include <QTest>

class TestStatusProgress : public QObject
{
    Q_OBJECT

private slots:
    void finalOutcomes_data();
    void finalOutcomes();
    void mayReplace_data();
    void mayReplace();
};

void TestStatusProgress::finalOutcomes_data()
{
    QTest::addColumn<QString>("stage");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("final");

    QTest::newRow("new") << QStringLiteral("wait") << 1 << false;
    QTest::newRow("processing") << QStringLiteral("wait") << 2 << false;
    QTest::newRow("callback") << QStringLiteral("wait") << 3 << false;
    QTest::newRow("hold") << QStringLiteral("hold") << 4 << false;
    QTest::newRow("cancelled") << QStringLiteral("cancel") << 5 << true;
    QTest::newRow("trash") << QStringLiteral("trash") << 5 << true;
    QTest::newRow("packing") << QStringLiteral("approve") << 6 << false;
    QTest::newRow("sending") << QStringLiteral("approve") << 7 << false;
    QTest::newRow("transfer") << QStringLiteral("approve") << 8 << false;
    QTest::newRow("arrived") << QStringLiteral("approve") << 9 << false;
    QTest::newRow("completed") << QStringLiteral("approve") << 10 << true;
    QTest::newRow("return") << QStringLiteral("approve") << 11 << true;
    QTest::newRow("deleted") << QStringLiteral("cancel") << 12 << true;
    QTest::newRow("status 5 without stage") << QString() << 5 << true;
    QTest::newRow("trash stage, unknown status") << QStringLiteral("trash") << 0 << true;
    QTest::newRow("unknown status 17") << QStringLiteral("wait") << 17 << false;
    QTest::newRow("nothing known yet") << QString() << 0 << false;
}

void TestStatusProgress::finalOutcomes()
{
    QFETCH(QString, stage);
    QFETCH(int, status);
    QFETCH(bool, final);
    QCOMPARE(StatusProgress::isFinal(stage, status), final);
    QCOMPARE(StatusProgress::rank(stage, status) == StatusProgress::FinalRank, final);
}

void TestStatusProgress::mayReplace_data()
{
    QTest::addColumn<QString>("currentStage");
    QTest::addColumn<int>("currentStatus");
    QTest::addColumn<QString>("incomingStage");
    QTest::addColumn<int>("incomingStatus");
    QTest::addColumn<bool>("accepted");

    const QString wait = QStringLiteral("wait");
    const QString hold = QStringLiteral("hold");
    const QString approve = QStringLiteral("approve");
    const QString cancel = QStringLiteral("cancel");
    const QString trash = QStringLiteral("trash");

    QTest::newRow("first status") << QString() << 0 << wait << 1 << true;
    QTest::newRow("new -> processing") << wait << 1 << wait << 2 << true;
    QTest::newRow("processing -> new (stale)") << wait << 2 << wait << 1 << false;
    QTest::newRow("processing -> callback") << wait << 2 << wait << 3 << true;
    QTest::newRow("callback -> processing") << wait << 3 << wait << 2 << true;
    QTest::newRow("hold -> processing") << hold << 4 << wait << 2 << true;
    QTest::newRow("processing -> packing") << wait << 2 << approve << 6 << true;
    QTest::newRow("packing -> processing (stale)") << approve << 6 << wait << 2 << false;
    QTest::newRow("sending -> packing (stale)") << approve << 7 << approve << 6 << false;
    QTest::newRow("arrived -> completed") << approve << 9 << approve << 10 << true;
    QTest::newRow("arrived -> return") << approve << 9 << approve << 11 << true;
    QTest::newRow("completed -> processing (stale)") << approve << 10 << wait << 2 << false;
    QTest::newRow("completed -> arrived (stale)") << approve << 10 << approve << 9 << false;
    QTest::newRow("cancelled -> processing (stale)") << cancel << 5 << wait << 2 << false;
    QTest::newRow("trash -> approve (stale)") << trash << 5 << approve << 6 << false;
    QTest::newRow("cancel -> trash (correction)") << cancel << 5 << trash << 5 << true;
    QTest::newRow("completed -> deleted") << approve << 10 << cancel << 12 << true;
    QTest::newRow("processing -> unknown 17") << wait << 2 << wait << 17 << true;
    QTest::newRow("processing -> unknown stage word") << wait << 2 << QStringLiteral("review") << 0 << true;
    QTest::newRow("cancelled -> unknown 17") << cancel << 5 << wait << 17 << false;
    QTest::newRow("packing -> wait, status absent") << approve << 6 << wait << 0 << false;
    QTest::newRow("wait -> approve, status absent") << wait << 1 << approve << 0 << true;
}

void TestStatusProgress::mayReplace()
{
    QFETCH(QString, currentStage);
    QFETCH(int, currentStatus);
    QFETCH(QString, incomingStage);
    QFETCH(int, incomingStatus);
    QFETCH(bool, accepted);
    QCOMPARE(StatusProgress::mayReplace(currentStage, currentStatus, incomingStage, incomingStatus),
             accepted);
}

QTEST_APPLESS_MAIN(TestStatusProgress)
#include "tst_statusprogress.moc"

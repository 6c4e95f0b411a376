#include "TestEnvironment.h"
#include "leads/StatusCatalog.h"

#include <QTest>

class TestStatusCatalog : public QObject
{
    Q_OBJECT

private slots:
    void statusWords_data();
    void statusWords();
    void reasonWords_data();
    void reasonWords();
    void trashReasonsAreExactlyTheDocumentedOnes();
    void stageWords_data();
    void stageWords();
    void stageCodesRoundTrip();
    void derivedStages_data();
    void derivedStages();
    void engineWordsOnlyForUnknownCodes();

private:
    TestEnvironment m_env;
};

void TestStatusCatalog::statusWords_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("word");
    QTest::newRow("none") << 0 << QString();
    QTest::newRow("1") << 1 << QStringLiteral("New");
    QTest::newRow("4") << 4 << QStringLiteral("Hold");
    QTest::newRow("6") << 6 << QStringLiteral("Packing");
    QTest::newRow("10") << 10 << QStringLiteral("Completed");
    QTest::newRow("11") << 11 << QStringLiteral("Return");
    QTest::newRow("12") << 12 << QStringLiteral("Deleted");
    QTest::newRow("unknown 17") << 17 << QStringLiteral("Status 17");
    QTest::newRow("negative") << -3 << QStringLiteral("Status -3");
}

void TestStatusCatalog::statusWords()
{
    QFETCH(int, status);
    QFETCH(QString, word);
    QCOMPARE(StatusCatalog::statusName(status), word);
}

void TestStatusCatalog::reasonWords_data()
{
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << 0 << QString() << QString();
    QTest::newRow("1 trash") << 1 << QStringLiteral("Incorrect phone")
                             << QStringLiteral("Incorrect phone (trash)");
    QTest::newRow("2") << 2 << QStringLiteral("Changed their mind") << QStringLiteral("Changed their mind");
    QTest::newRow("15") << 15 << QStringLiteral("Offer disabled") << QStringLiteral("Offer disabled");
    QTest::newRow("unknown 19") << 19 << QStringLiteral("Reason 19") << QStringLiteral("Reason 19");
}

void TestStatusCatalog::reasonWords()
{
    QFETCH(int, reason);
    QFETCH(QString, name);
    QFETCH(QString, text);
    QCOMPARE(StatusCatalog::reasonName(reason), name);
    QCOMPARE(StatusCatalog::reasonText(reason), text);
}

void TestStatusCatalog::trashReasonsAreExactlyTheDocumentedOnes()
{
    const QList<int> documented = {1, 3, 5, 6, 7, 8, 11, 12, 13, 14};
    for (int reason = -1; reason <= 40; ++reason)
        QCOMPARE(StatusCatalog::isTrashReason(reason), documented.contains(reason));
}

void TestStatusCatalog::stageWords_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("word");
    QTest::addColumn<int>("stage");
    QTest::newRow("wait") << QStringLiteral("wait") << QStringLiteral("Waiting")
                          << int(StatusCatalog::Stage::Wait);
    QTest::newRow("hold") << QStringLiteral("hold") << QStringLiteral("On hold")
                          << int(StatusCatalog::Stage::Hold);
    QTest::newRow("approve") << QStringLiteral("approve") << QStringLiteral("Approved")
                             << int(StatusCatalog::Stage::Approve);
    QTest::newRow("cancel") << QStringLiteral("cancel") << QStringLiteral("Cancelled")
                            << int(StatusCatalog::Stage::Cancel);
    QTest::newRow("trash") << QStringLiteral("trash") << QStringLiteral("Trash")
                           << int(StatusCatalog::Stage::Trash);
    QTest::newRow("any case") << QStringLiteral("Approve") << QStringLiteral("Approved")
                              << int(StatusCatalog::Stage::Approve);
    QTest::newRow("unknown word kept")
        << QStringLiteral("review") << QStringLiteral("review") << int(StatusCatalog::Stage::Other);
    QTest::newRow("none") << QString() << QString() << int(StatusCatalog::Stage::None);
}

void TestStatusCatalog::stageWords()
{
    QFETCH(QString, code);
    QFETCH(QString, word);
    QFETCH(int, stage);
    QCOMPARE(StatusCatalog::stageName(code), word);
    QCOMPARE(int(StatusCatalog::stageOf(code)), stage);
}

void TestStatusCatalog::stageCodesRoundTrip()
{
    const QStringList codes = StatusCatalog::knownStageCodes();
    QCOMPARE(codes, (QStringList{QStringLiteral("wait"), QStringLiteral("hold"), QStringLiteral("approve"),
                                 QStringLiteral("cancel"), QStringLiteral("trash")}));
    for (const QString &code : codes)
        QCOMPARE(StatusCatalog::stageCode(StatusCatalog::stageOf(code)), code);
    QVERIFY(StatusCatalog::stageCode(StatusCatalog::Stage::Other).isEmpty());
}

void TestStatusCatalog::derivedStages_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("stage");
    const QStringList byStatus{
        QStringLiteral("wait"),    QStringLiteral("wait"),    QStringLiteral("wait"),
        QStringLiteral("hold"),    QStringLiteral("cancel"),  QStringLiteral("approve"),
        QStringLiteral("approve"), QStringLiteral("approve"), QStringLiteral("approve"),
        QStringLiteral("approve"), QStringLiteral("approve"), QStringLiteral("trash")};
    for (int status = 1; status <= StatusCatalog::LastKnownStatus; ++status)
        QTest::addRow("status %d", status) << status << 0 << byStatus.at(status - 1);
    QTest::newRow("cancelled, incorrect phone: trash") << 5 << 1 << QStringLiteral("trash");
    QTest::newRow("cancelled, changed their mind") << 5 << 2 << QStringLiteral("cancel");
    QTest::newRow("cancelled, reason unknown") << 5 << 19 << QStringLiteral("cancel");
    QTest::newRow("none") << 0 << 0 << QString();
    QTest::newRow("unknown status: nothing") << 17 << 0 << QString();
}

void TestStatusCatalog::derivedStages()
{
    QFETCH(int, status);
    QFETCH(int, reason);
    QFETCH(QString, stage);
    QCOMPARE(StatusCatalog::derivedStage(status, reason), stage);
}

void TestStatusCatalog::engineWordsOnlyForUnknownCodes()
{
    const QString words = QStringLiteral("Особый статус 17");
    QCOMPARE(StatusCatalog::statusName(17, words), words);
    QCOMPARE(StatusCatalog::statusName(17, QString()), StatusCatalog::statusName(17));
    QCOMPARE(StatusCatalog::statusName(6, QStringLiteral("Упаковка")), StatusCatalog::statusName(6));
    QCOMPARE(StatusCatalog::reasonName(19, QStringLiteral("Нет ответа")), QStringLiteral("Нет ответа"));
    QCOMPARE(StatusCatalog::reasonName(1, QStringLiteral("Неверный телефон")), StatusCatalog::reasonName(1));
    // A table's Reason cell (local and Team alike): the trash mark for a known reason, the engine's words
    // for an unknown one.
    QCOMPARE(StatusCatalog::reasonText(1, QStringLiteral("Неверный телефон")), StatusCatalog::reasonText(1));
    QVERIFY(StatusCatalog::reasonText(1, QString()) != StatusCatalog::reasonName(1));
    QCOMPARE(StatusCatalog::reasonText(2, QStringLiteral("Передумал")), StatusCatalog::reasonName(2));
    QCOMPARE(StatusCatalog::reasonText(19, QStringLiteral("Нет ответа")), QStringLiteral("Нет ответа"));
    QCOMPARE(StatusCatalog::reasonText(19, QString()), StatusCatalog::reasonName(19));
}

QTEST_GUILESS_MAIN(TestStatusCatalog)
#include "tst_statuscatalog.moc"

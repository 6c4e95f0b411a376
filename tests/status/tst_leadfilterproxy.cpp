#include "StatusDataSet.h"
#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "status/LeadFilterProxy.h"
#include "status/LeadTableModel.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString profile = QStringLiteral("profile-a");
}

class TestLeadFilterProxy : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsEverythingUnfiltered();
    void sortsIdsAsNumbers();
    void sortsByDate();
    void sortsStagesInPipelineOrder();
    void filtersByStage();
    void filtersByOfferWmCountry();
    void filtersByCreatedRange();
    void search_data();
    void search();
    void filtersCombine();
    void keepsSortOrderWhileRowsChange();

private:
    QStringList visibleOrderIds() const;

    TestEnvironment m_env;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<LeadTableModel> m_model;
    std::unique_ptr<LeadFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestLeadFilterProxy::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_journal = std::make_unique<Journal>();
    QVERIFY(m_journal->open(m_dir->filePath(QStringLiteral("journal.sqlite"))));
    QVERIFY(StatusDataSet::fill(*m_journal, profile));
    m_model = std::make_unique<LeadTableModel>(m_journal.get());
    m_model->setProfile(profile);
    m_proxy = std::make_unique<LeadFilterProxy>();
    m_proxy->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestLeadFilterProxy::cleanup()
{
    m_tester.reset();
    m_proxy.reset();
    m_model.reset();
    m_journal.reset();
    m_dir.reset();
}

QStringList TestLeadFilterProxy::visibleOrderIds() const
{
    QStringList ids;
    for (const int row : m_proxy->visibleSourceRows())
        ids << m_model->leadAt(row).orderId;
    return ids;
}

void TestLeadFilterProxy::showsEverythingUnfiltered()
{
    QCOMPARE(m_proxy->rowCount(), m_model->rowCount());
}

void TestLeadFilterProxy::sortsIdsAsNumbers()
{
    m_proxy->sort(LeadTableModel::OrderId, Qt::AscendingOrder);
    QCOMPARE(visibleOrderIds(), (QStringList{QStringLiteral("9"), QStringLiteral("10"), QStringLiteral("11"),
                                             QStringLiteral("12"), QStringLiteral("13"), QStringLiteral("14"),
                                             QStringLiteral("15"), QStringLiteral("16"), QStringLiteral("17"),
                                             QStringLiteral("18"), QStringLiteral("100"),
                                             QStringLiteral("12345678901234567890123")}));
    m_proxy->sort(LeadTableModel::OrderId, Qt::DescendingOrder);
    QCOMPARE(visibleOrderIds().first(), QStringLiteral("12345678901234567890123"));
    QCOMPARE(visibleOrderIds().last(), QStringLiteral("9"));
    // And through the view's path: the index data the proxy hands out is in that order too.
    QCOMPARE(m_proxy->index(0, LeadTableModel::OrderId).data().toString(),
             QStringLiteral("12345678901234567890123"));
}

void TestLeadFilterProxy::sortsByDate()
{
    m_proxy->sort(LeadTableModel::Created, Qt::DescendingOrder);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const qint64 created = m_proxy->index(row, LeadTableModel::Created)
                                   .data(LeadTableModel::UnderlyingDataRole)
                                   .toLongLong();
        QVERIFY(created <= previous);
        previous = created;
    }
    QCOMPARE(m_proxy->index(m_proxy->rowCount() - 1, LeadTableModel::Created)
                 .data(LeadTableModel::UnderlyingDataRole)
                 .toLongLong(),
             StatusDataSet::createdMs(0));
}

void TestLeadFilterProxy::sortsStagesInPipelineOrder()
{
    m_proxy->sort(LeadTableModel::Stage, Qt::AscendingOrder);
    QStringList stages;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QString stage = m_proxy->index(row, 0).data(LeadTableModel::StageRole).toString();
        if (stages.isEmpty() || stages.last() != stage)
            stages << stage;
    }
    QCOMPARE(stages, (QStringList{QStringLiteral("wait"), QStringLiteral("hold"), QStringLiteral("approve"),
                                  QStringLiteral("cancel"), QStringLiteral("trash"), QStringLiteral("review"),
                                  QString()}));
}

void TestLeadFilterProxy::filtersByStage()
{
    m_proxy->sort(LeadTableModel::OrderId);
    m_proxy->setStages({QStringLiteral("trash"), QStringLiteral("cancel")});
    QCOMPARE(visibleOrderIds(), (QStringList{QStringLiteral("11"), QStringLiteral("12"), QStringLiteral("13"),
                                             QStringLiteral("17")}));
    m_proxy->setStages({QString()}); // leads the network has not reported on
    QCOMPARE(visibleOrderIds(), QStringList{QStringLiteral("18")});
    m_proxy->setStages({});
    QCOMPARE(m_proxy->rowCount(), m_model->rowCount());
}

void TestLeadFilterProxy::filtersByOfferWmCountry()
{
    m_proxy->sort(LeadTableModel::OrderId);
    m_proxy->setOffer(QStringLiteral("20"));
    QCOMPARE(visibleOrderIds(),
             (QStringList{QStringLiteral("11"), QStringLiteral("17"), QStringLiteral("100")}));
    m_proxy->setOffer(QString());
    m_proxy->setWm(QStringLiteral("3"));
    QCOMPARE(visibleOrderIds(),
             (QStringList{QStringLiteral("13"), QStringLiteral("14"), QStringLiteral("15")}));
    m_proxy->setWm(QString());
    m_proxy->setCountry(QStringLiteral("KZ")); // stored lower case: any case matches
    QCOMPARE(visibleOrderIds(),
             (QStringList{QStringLiteral("11"), QStringLiteral("17"), QStringLiteral("100")}));
}

void TestLeadFilterProxy::filtersByCreatedRange()
{
    m_proxy->sort(LeadTableModel::OrderId);
    const QDate first(2024, 3, 1);
    m_proxy->setCreatedRange(first.addDays(1), first.addDays(2)); // both ends inclusive
    QCOMPARE(visibleOrderIds(), (QStringList{QStringLiteral("11"), QStringLiteral("12"), QStringLiteral("13"),
                                             QStringLiteral("100")}));
    m_proxy->setCreatedRange(first.addDays(4), QDate()); // open end
    QCOMPARE(visibleOrderIds(), (QStringList{QStringLiteral("16"), QStringLiteral("17"), QStringLiteral("18"),
                                             QStringLiteral("12345678901234567890123")}));
    m_proxy->setCreatedRange(QDate(), first); // open start
    QCOMPARE(visibleOrderIds(), (QStringList{QStringLiteral("9"), QStringLiteral("10")}));
}

void TestLeadFilterProxy::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("empty shows all") << QString() << QStringList();
    QTest::newRow("name, any case") << QStringLiteral("PETROV")
                                    << QStringList{QStringLiteral("9"), QStringLiteral("16")};
    QTest::newRow("part of an order id")
        << QStringLiteral("4567890123") << QStringList{QStringLiteral("12345678901234567890123")};
    // Digits also match phones: "100" is in three phone numbers as well as in order id 100.
    QTest::newRow("digits match ids and phones")
        << QStringLiteral("100")
        << QStringList{QStringLiteral("11"), QStringLiteral("17"), QStringLiteral("100")};
    QTest::newRow("network id") << QStringLiteral("5017") << QStringList{QStringLiteral("17")};
    QTest::newRow("phone as typed") << QStringLiteral("+7 (900) 123-45") << QStringList{QStringLiteral("9")};
    QTest::newRow("phone digits") << QStringLiteral("7701000000")
                                  << QStringList{QStringLiteral("11"), QStringLiteral("17"),
                                                 QStringLiteral("100")};
    QTest::newRow("non-latin name") << QStringLiteral("müller") << QStringList{QStringLiteral("15")};
    QTest::newRow("surrounding spaces") << QStringLiteral("  boris ") << QStringList{QStringLiteral("10")};
    QTest::newRow("no match") << QStringLiteral("zzz") << QStringList{QStringLiteral("<none>")};
}

void TestLeadFilterProxy::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ids);
    m_proxy->sort(LeadTableModel::OrderId);
    m_proxy->setSearchText(text);
    if (ids.isEmpty())
        QCOMPARE(m_proxy->rowCount(), m_model->rowCount());
    else if (ids == QStringList{QStringLiteral("<none>")})
        QCOMPARE(m_proxy->rowCount(), 0);
    else
        QCOMPARE(visibleOrderIds(), ids);
}

void TestLeadFilterProxy::filtersCombine()
{
    m_proxy->sort(LeadTableModel::OrderId);
    m_proxy->setCountry(QStringLiteral("ru"));
    m_proxy->setStages({QStringLiteral("approve")});
    QCOMPARE(visibleOrderIds(),
             (QStringList{QStringLiteral("9"), QStringLiteral("10"), QStringLiteral("16")}));
    m_proxy->setSearchText(QStringLiteral("ivan"));
    QCOMPARE(visibleOrderIds(), QStringList{QStringLiteral("16")});
    m_proxy->clearFilters();
    QCOMPARE(m_proxy->rowCount(), m_model->rowCount());
}

void TestLeadFilterProxy::keepsSortOrderWhileRowsChange()
{
    m_proxy->sort(LeadTableModel::Stage, Qt::AscendingOrder);
    m_proxy->setStages({QStringLiteral("wait"), QStringLiteral("approve")});
    QCOMPARE(m_proxy->index(0, 0).data(LeadTableModel::StageRole).toString(), QStringLiteral("wait"));
    StatusRow row;
    row.ourOrderId = QStringLiteral("14");
    row.stage = QStringLiteral("approve");
    row.status = 6;
    QVERIFY(m_journal->mergeStatus(profile, row, StatusDataSet::createdMs(20)).changed);
    // The waiting lead moved on: no waiting lead is left, and the approved ones are all shown.
    QCOMPARE(m_proxy->rowCount(), 5);
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        QCOMPARE(m_proxy->index(r, 0).data(LeadTableModel::StageRole).toString(), QStringLiteral("approve"));
    row.ourOrderId = QStringLiteral("15");
    row.stage = QStringLiteral("cancel");
    row.status = 5;
    QVERIFY(m_journal->mergeStatus(profile, row, StatusDataSet::createdMs(20)).changed);
    QCOMPARE(m_proxy->rowCount(), 5); // a cancelled lead does not pass the stage filter
}

QTEST_GUILESS_MAIN(TestLeadFilterProxy)
#include "tst_leadfilterproxy.moc"

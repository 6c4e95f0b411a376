#include "TestEnvironment.h"
#include "leads/LeadItemsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

QList<LeadItem> threeItems()
{
    return {LeadItem{QStringLiteral("135"), 9900, 1}, LeadItem{QStringLiteral("136"), 450.5, 2},
            LeadItem{QStringLiteral("137"), 0, 3}};
}

QStringList ids(const LeadItemsModel &model)
{
    QStringList result;
    for (const LeadItem &item : model.items())
        result.append(item.id);
    return result;
}

} // namespace

class TestLeadItemsModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void shapeAndHeaders();
    void dataRoles();
    void setDataEditsTheItem();
    void setDataRefusesWhatIsNoNumber();
    void insertAndRemoveRows();
    void moveRows_data();
    void moveRows();
    void moveRowsRefusesNonsense();
    void tooltipNamesTheProblem();
    void priceDecimalsFollowTheCurrency();

private:
    TestEnvironment m_env;
    LeadItemsModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestLeadItemsModel::init()
{
    m_model = new LeadItemsModel(this);
    m_model->setLocale(QLocale::c());
    m_tester =
        new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_model->setItems(threeItems());
}

void TestLeadItemsModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestLeadItemsModel::shapeAndHeaders()
{
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), 3);
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0);
    QCOMPARE(m_model->headerData(LeadItemsModel::IdColumn, Qt::Horizontal).toString(),
             QStringLiteral("Good id"));
    QCOMPARE(m_model->headerData(LeadItemsModel::PriceColumn, Qt::Horizontal).toString(),
             QStringLiteral("Unit price"));
    QCOMPARE(m_model->headerData(LeadItemsModel::CountColumn, Qt::Horizontal).toString(),
             QStringLiteral("Quantity"));
    QVERIFY(m_model->flags(m_model->index(1, LeadItemsModel::PriceColumn)).testFlag(Qt::ItemIsEditable));
}

void TestLeadItemsModel::dataRoles()
{
    const QModelIndex price = m_model->index(1, LeadItemsModel::PriceColumn);
    QCOMPARE(price.data(Qt::DisplayRole).toString(), QStringLiteral("450.50"));
    QCOMPARE(price.data(Qt::EditRole).userType(), QMetaType::Double);
    QCOMPARE(price.data(Qt::EditRole).toDouble(), 450.5);
    const QModelIndex count = m_model->index(2, LeadItemsModel::CountColumn);
    QCOMPARE(count.data(Qt::EditRole).userType(), QMetaType::Int);
    QCOMPARE(count.data(Qt::EditRole).toInt(), 3);
    QCOMPARE(m_model->index(0, LeadItemsModel::IdColumn).data().toString(), QStringLiteral("135"));
}

void TestLeadItemsModel::setDataEditsTheItem()
{
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(m_model->index(0, LeadItemsModel::IdColumn), QStringLiteral(" 200 ")));
    QVERIFY(m_model->setData(m_model->index(0, LeadItemsModel::PriceColumn), 12.25));
    QVERIFY(m_model->setData(m_model->index(0, LeadItemsModel::CountColumn), 4));
    QCOMPARE(changed.size(), 3);
    QCOMPARE(m_model->items().first(), (LeadItem{QStringLiteral("200"), 12.25, 4}));
    QVERIFY(!m_model->setData(m_model->index(0, LeadItemsModel::CountColumn), 4, Qt::DisplayRole));
}

void TestLeadItemsModel::setDataRefusesWhatIsNoNumber()
{
    QVERIFY(!m_model->setData(m_model->index(0, LeadItemsModel::PriceColumn), QStringLiteral("cheap")));
    QVERIFY(!m_model->setData(m_model->index(0, LeadItemsModel::CountColumn), QStringLiteral("many")));
    QCOMPARE(m_model->items(), threeItems());
}

void TestLeadItemsModel::insertAndRemoveRows()
{
    QVERIFY(m_model->insertRows(1, 2));
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->items().at(1), LeadItem{});
    QCOMPARE(m_model->items().at(1).count, 1); // a new good is one of it
    QVERIFY(m_model->insertRows(5, 1));        // append
    QVERIFY(!m_model->insertRows(7, 1));
    QVERIFY(!m_model->insertRows(0, 1, m_model->index(0, 0)));
    QVERIFY(m_model->removeRows(1, 2));
    QVERIFY(m_model->removeRows(3, 1));
    QCOMPARE(m_model->items(), threeItems());
    QVERIFY(!m_model->removeRows(2, 2));
    QVERIFY(m_model->removeRows(0, 3));
    QCOMPARE(m_model->rowCount(), 0);
}

void TestLeadItemsModel::moveRows_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("destination");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("first down one") << 0 << 1 << 2
                                    << QStringList{QStringLiteral("136"), QStringLiteral("135"),
                                                   QStringLiteral("137")};
    QTest::newRow("last up one") << 2 << 1 << 1
                                 << QStringList{QStringLiteral("135"), QStringLiteral("137"),
                                                QStringLiteral("136")};
    QTest::newRow("first to end") << 0 << 1 << 3
                                  << QStringList{QStringLiteral("136"), QStringLiteral("137"),
                                                 QStringLiteral("135")};
    QTest::newRow("two to front") << 1 << 2 << 0
                                  << QStringList{QStringLiteral("136"), QStringLiteral("137"),
                                                 QStringLiteral("135")};
}

void TestLeadItemsModel::moveRows()
{
    QFETCH(int, source);
    QFETCH(int, count);
    QFETCH(int, destination);
    QFETCH(QStringList, expected);
    QVERIFY(m_model->moveRows(QModelIndex(), source, count, QModelIndex(), destination));
    QCOMPARE(ids(*m_model), expected);
}

void TestLeadItemsModel::moveRowsRefusesNonsense()
{
    QVERIFY(!m_model->moveRows(QModelIndex(), 0, 1, QModelIndex(), 0)); // onto itself
    QVERIFY(!m_model->moveRows(QModelIndex(), 0, 1, QModelIndex(), 1)); // to where it already is
    QVERIFY(!m_model->moveRows(QModelIndex(), 2, 2, QModelIndex(), 0)); // past the end
    QVERIFY(!m_model->moveRows(QModelIndex(), 0, 1, QModelIndex(), 4));
    QCOMPARE(m_model->items(), threeItems());
}

void TestLeadItemsModel::tooltipNamesTheProblem()
{
    QVERIFY(!m_model->index(0, 0).data(Qt::ToolTipRole).isValid());
    QVERIFY(m_model->setData(m_model->index(0, LeadItemsModel::CountColumn), 0));
    QVERIFY(!m_model->index(0, LeadItemsModel::IdColumn).data(Qt::ToolTipRole).toString().isEmpty());
}

void TestLeadItemsModel::priceDecimalsFollowTheCurrency()
{
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->setPriceDecimals(0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->index(1, LeadItemsModel::PriceColumn).data().toString(), QStringLiteral("451"));
    m_model->setPriceDecimals(3);
    QCOMPARE(m_model->index(1, LeadItemsModel::PriceColumn).data().toString(), QStringLiteral("450.500"));
    QCOMPARE(m_model->index(1, LeadItemsModel::PriceColumn).data(Qt::EditRole).toDouble(), 450.5);
}

QTEST_GUILESS_MAIN(TestLeadItemsModel)
#include "tst_leaditemsmodel.moc"

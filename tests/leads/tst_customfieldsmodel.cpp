#include "TestEnvironment.h"
#include "leads/CustomFieldsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Field = CustomFieldsModel::Field;

class TestCustomFieldsModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void shapeAndHeaders();
    void editKeysAndValues();
    void insertRemoveMove();
    void duplicateAndEmptyKeysAreExplained();

private:
    TestEnvironment m_env;
    CustomFieldsModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestCustomFieldsModel::init()
{
    m_model = new CustomFieldsModel(this);
    m_tester =
        new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_model->setFields({{QStringLiteral("sirname"), QStringLiteral("Doe")},
                        {QStringLiteral("phonecc"), QStringLiteral("+7")}});
}

void TestCustomFieldsModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestCustomFieldsModel::shapeAndHeaders()
{
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), 2);
    QCOMPARE(m_model->headerData(CustomFieldsModel::KeyColumn, Qt::Horizontal).toString(),
             QStringLiteral("Name"));
    QCOMPARE(m_model->headerData(CustomFieldsModel::ValueColumn, Qt::Horizontal).toString(),
             QStringLiteral("Value"));
    QCOMPARE(m_model->index(1, CustomFieldsModel::ValueColumn).data().toString(), QStringLiteral("+7"));
    QVERIFY(m_model->flags(m_model->index(0, 0)).testFlag(Qt::ItemIsEditable));
}

void TestCustomFieldsModel::editKeysAndValues()
{
    QVERIFY(m_model->setData(m_model->index(0, CustomFieldsModel::KeyColumn), QStringLiteral(" surname ")));
    QVERIFY(m_model->setData(m_model->index(0, CustomFieldsModel::ValueColumn), QStringLiteral(" Doe Jr. ")));
    // Keys are names, trimmed; values are the customer's data, kept exactly.
    QCOMPARE(m_model->fields().first(), (Field{QStringLiteral("surname"), QStringLiteral(" Doe Jr. ")}));
}

void TestCustomFieldsModel::insertRemoveMove()
{
    QVERIFY(m_model->insertRows(2, 1));
    QVERIFY(m_model->setData(m_model->index(2, 0), QStringLiteral("age")));
    QVERIFY(m_model->setData(m_model->index(2, 1), QStringLiteral("42")));
    QVERIFY(m_model->moveRows(QModelIndex(), 2, 1, QModelIndex(), 0));
    QCOMPARE(m_model->fields().first().first, QStringLiteral("age"));
    QVERIFY(m_model->removeRows(0, 1));
    QCOMPARE(m_model->fields(), (QList<Field>{{QStringLiteral("sirname"), QStringLiteral("Doe")},
                                              {QStringLiteral("phonecc"), QStringLiteral("+7")}}));
    QVERIFY(!m_model->removeRows(1, 5));
    QVERIFY(!m_model->insertRows(-1, 1));
}

void TestCustomFieldsModel::duplicateAndEmptyKeysAreExplained()
{
    QVERIFY(!m_model->index(1, 0).data(Qt::ToolTipRole).isValid());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(m_model->index(1, CustomFieldsModel::KeyColumn), QStringLiteral("sirname")));
    // The whole table is announced: a key change can affect any row's tooltip.
    QCOMPARE(changed.last().at(0).toModelIndex(), m_model->index(0, 0));
    QVERIFY(m_model->index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("sirname")));
    QVERIFY(!m_model->index(0, 0).data(Qt::ToolTipRole).isValid()); // the first use is fine
    QVERIFY(m_model->insertRows(0, 1));
    QVERIFY(!m_model->index(0, 1).data(Qt::ToolTipRole).toString().isEmpty()); // empty key
}

QTEST_GUILESS_MAIN(TestCustomFieldsModel)
#include "tst_customfieldsmodel.moc"

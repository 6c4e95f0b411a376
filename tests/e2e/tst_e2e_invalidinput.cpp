#include "E2eApp.h"
#include "LeadForm.h"
#include "TestEnvironment.h"
#include "leads/LeadValidator.h"
#include "leads/PhoneNormalizer.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <memory>

// End to end: every invalid input is named next to its field, and nothing reaches the journal or the
// sandbox until it is corrected. Each case then corrects the input and sends, so that "nothing was sent"
// can never pass merely because sending was broken.
class TestE2eInvalidInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void invalidField_isNamed_andNothingIsSent_data();
    void invalidField_isNamed_andNothingIsSent();
    void goodsRowWithQuantityZero_isRefused();
    void duplicateCustomFieldKeys_areNamed_andNothingIsSent();

private:
    void typeValidLead();
    // Ctrl+Enter and a click on the (disabled) send button: neither may store or send anything.
    void tryToSendAndExpectNothing();
    void sendAndExpectOneLead();
    QString errorText(const QString &labelName) const;

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<E2eApp> m_app;
};

void TestE2eInvalidInput::initTestCase()
{
    m_env = std::make_unique<TestEnvironment>();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestE2eInvalidInput::init()
{
    m_app = std::make_unique<E2eApp>();
    QVERIFY(m_app->start());
}

void TestE2eInvalidInput::cleanup()
{
    m_app.reset();
}

void TestE2eInvalidInput::typeValidLead()
{
    m_app->typeInto(QStringLiteral("offerComboBox"), QStringLiteral("217"));
    QVERIFY(m_app->tabTo(QStringLiteral("phoneEdit")));
    m_app->typeHere(QStringLiteral("+7 900 123 45 67"));
    m_app->openSection(QStringLiteral("tracking"));
    QVERIFY(m_app->tabTo(QStringLiteral("ipEdit")));
    m_app->typeHere(QStringLiteral("12.34.56.78"));
    QVERIFY(m_app->form()->isValid());
}

void TestE2eInvalidInput::tryToSendAndExpectNothing()
{
    auto *submit = m_app->child<QPushButton>(QStringLiteral("submitButton"));
    QVERIFY(submit);
    QVERIFY(!submit->isEnabled());
    m_app->pressCtrlEnter();
    QTest::mouseClick(submit, Qt::LeftButton);
    // submit() journals a lead before anything can go out, synchronously: an empty journal right after
    // the key press means nothing was or will be sent.
    QVERIFY(!m_app->form()->isSubmitting());
    QCOMPARE(m_app->journalEntries().size(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(m_app->addRequests().size(), 0);
    QVERIFY(m_app->banner().isEmpty());
}

void TestE2eInvalidInput::sendAndExpectOneLead()
{
    QTRY_VERIFY(m_app->form()->isValid());
    m_app->pressCtrlEnter();
    QTRY_COMPARE_WITH_TIMEOUT(m_app->addRequests().size(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->bannerKind(), QStringLiteral("success"), 15000);
}

QString TestE2eInvalidInput::errorText(const QString &labelName) const
{
    auto *label = m_app->child<QLabel>(labelName);
    return label && label->isVisible() ? label->text() : QString();
}

void TestE2eInvalidInput::invalidField_isNamed_andNothingIsSent_data()
{
    QTest::addColumn<QString>("editor");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("corrected");

    QTest::newRow("phone with letters")
        << QStringLiteral("phone") << QStringLiteral("+7 900 CALL-ME")
        << PhoneNormalizer::describe(PhoneNormalizer::Problem::Letters) << QStringLiteral("+7 900 765 43 21");
    QTest::newRow("IP 300.1.1.1") << QStringLiteral("ip") << QStringLiteral("300.1.1.1")
                                  << LeadValidator::checkIp(QStringLiteral("300.1.1.1"))
                                  << QStringLiteral("30.1.1.1");
    QTest::newRow("discount 150") << QStringLiteral("discount") << QStringLiteral("150")
                                  << LeadValidator::checkDiscount(QStringLiteral("150"))
                                  << QStringLiteral("15");
}

void TestE2eInvalidInput::invalidField_isNamed_andNothingIsSent()
{
    QFETCH(QString, editor);
    QFETCH(QString, typed);
    QFETCH(QString, reason);
    QFETCH(QString, corrected);
    QVERIFY(!reason.isEmpty());

    typeValidLead();
    if (QTest::currentTestFailed())
        return;
    const QString editorName = editor + QStringLiteral("Edit");
    m_app->clearAndType(editorName, typed);

    const QString errorLabel = editor + QStringLiteral("ErrorLabel");
    QTRY_COMPARE(errorText(errorLabel), reason);
    QWidget *field = m_app->widget(editorName);
    QVERIFY(field);
    // Next to the field: in the same cell, right under it; and said to screen readers too.
    QCOMPARE(m_app->widget(errorLabel)->parentWidget(), field->parentWidget());
    QCOMPARE(field->accessibleDescription(), reason);
    auto *summary = m_app->child<QLabel>(QStringLiteral("problemSummaryLabel"));
    QVERIFY2(summary->text().contains(field->accessibleName()), qPrintable(summary->text()));

    tryToSendAndExpectNothing();
    if (QTest::currentTestFailed())
        return;

    m_app->clearAndType(editorName, corrected);
    QTRY_COMPARE(errorText(errorLabel), QString());
    sendAndExpectOneLead();
    if (QTest::currentTestFailed())
        return;
}

void TestE2eInvalidInput::goodsRowWithQuantityZero_isRefused()
{
    typeValidLead();
    if (QTest::currentTestFailed())
        return;
    auto *table = m_app->child<QTableView>(QStringLiteral("itemsTable"));
    QVERIFY(table);

    // From the keyboard the quantity editor does not take 0: the row keeps a quantity the API accepts.
    m_app->typeRow(QStringLiteral("itemsTable"),
                   {QStringLiteral("135"), QStringLiteral("9900"), QStringLiteral("0")});
    QCOMPARE(m_app->form()->lead().items.size(), 1);
    QVERIFY2(m_app->form()->lead().items.first().count >= 1,
             qPrintable(QString::number(m_app->form()->lead().items.first().count)));

    // A lead that comes back with quantity 0 (from the journal, to be corrected) is named and held back.
    Lead lead = m_app->form()->lead();
    lead.items = {LeadItem{QStringLiteral("135"), 9900, 0}};
    m_app->form()->loadLead(lead);
    const QString reason = LeadValidator::checkItem(lead.items.first());
    QVERIFY(!reason.isEmpty());
    QTRY_COMPARE(errorText(QStringLiteral("itemsErrorLabel")), LeadForm::tr("Row %1: %2").arg(1).arg(reason));
    table->setFocus(Qt::TabFocusReason);
    tryToSendAndExpectNothing();
    if (QTest::currentTestFailed())
        return;

    // Corrected in the table from the keyboard: the row's quantity cell, F2, a new number, Enter.
    table->setCurrentIndex(table->model()->index(0, table->model()->columnCount() - 1));
    QTest::keyClick(table, Qt::Key_F2);
    QWidget *quantityEditor = QApplication::focusWidget();
    QVERIFY(quantityEditor && quantityEditor != table);
    QTest::keyClick(quantityEditor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(quantityEditor, QStringLiteral("2"));
    QTest::keyClick(quantityEditor, Qt::Key_Return);
    QTRY_COMPARE(errorText(QStringLiteral("itemsErrorLabel")), QString());
    sendAndExpectOneLead();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_app->addRequests().first().body.contains("items%5B0%5D%5Bcount%5D=2"));
}

void TestE2eInvalidInput::duplicateCustomFieldKeys_areNamed_andNothingIsSent()
{
    typeValidLead();
    if (QTest::currentTestFailed())
        return;
    m_app->openSection(QStringLiteral("customFields"));
    m_app->typeRow(QStringLiteral("paramsTable"), {QStringLiteral("sirname"), QStringLiteral("Doe")});
    m_app->typeRow(QStringLiteral("paramsTable"), {QStringLiteral("sirname"), QStringLiteral("Roe")});

    // The message the validator has for exactly this lead, shown at its row.
    QString expected;
    for (const LeadProblem &problem :
         LeadValidator::validate(m_app->form()->lead(), LeadValidator::OrderIdRule::AssignedOnSubmit)) {
        if (problem.field == LeadField::Params) {
            expected = LeadForm::tr("Row %1: %2").arg(problem.row + 1).arg(problem.message);
            break;
        }
    }
    QVERIFY2(expected.startsWith(QStringLiteral("Row 2: ")), qPrintable(expected));
    QVERIFY(expected.contains(QStringLiteral("sirname")));
    QTRY_COMPARE(errorText(QStringLiteral("paramsErrorLabel")), expected);
    tryToSendAndExpectNothing();
    if (QTest::currentTestFailed())
        return;

    // Delete removes the second row: the lead goes.
    QTest::keyClick(m_app->widget(QStringLiteral("paramsTable")), Qt::Key_Delete);
    QTRY_COMPARE(errorText(QStringLiteral("paramsErrorLabel")), QString());
    sendAndExpectOneLead();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_app->addRequests().first().body.endsWith("&params%5Bsirname%5D=Doe"));
}

QTEST_MAIN(TestE2eInvalidInput)
#include "tst_e2e_invalidinput.moc"

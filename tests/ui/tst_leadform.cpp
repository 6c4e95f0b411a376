#include "LeadForm.h"
#include "ScriptedLeadGateway.h"
#include "TestEnvironment.h"
#include "leads/LeadFields.h"
#include "leads/LeadValidator.h"
#include "leads/PhoneNormalizer.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <memory>

// Readable failure output for QCOMPARE on leads.
char *toString(const Lead &lead)
{
    QStringList parts;
    auto add = [&parts](const char *name, const QString &value) {
        parts.append(QLatin1String(name) + QStringLiteral("=\"") + value + u'"');
    };
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        if (field.member)
            add(field.apiName, lead.*field.member);
    }
    for (const LeadItem &item : lead.items)
        add("items[]", item.id + u'/' + QString::number(item.price) + u'/' + QString::number(item.count));
    for (const auto &[key, value] : lead.params)
        add("params[]", key + u'=' + value);
    return qstrdup(parts.join(u' ').toUtf8().constData());
}

namespace {

QString plainLabel(const QString &text)
{
    QString plain;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size())
            ++i;
        plain.append(text.at(i));
    }
    return plain;
}

LeadFormDefaults standardDefaults()
{
    LeadFormDefaults defaults;
    defaults.wm = QStringLiteral("42");
    defaults.ip = QStringLiteral("12.34.56.78");
    defaults.ua = QStringLiteral("Mozilla/5.0 (test)");
    defaults.country = QStringLiteral("RU");
    defaults.currency = QStringLiteral("RUB");
    defaults.stickyFields = LeadFormDefaults::standardStickyFields();
    defaults.recentOffers = {QStringLiteral("301"), QStringLiteral("217")};
    return defaults;
}

// A lead the form accepts, with something in every group.
Lead completeLead()
{
    Lead lead;
    lead.offer = QStringLiteral("217");
    lead.wm = QStringLiteral("42");
    lead.name = QStringLiteral("Jane Doe");
    lead.phone = QStringLiteral("79001234567");
    lead.email = QStringLiteral("jane@example.com");
    lead.country = QStringLiteral("ru");
    lead.ip = QStringLiteral("12.34.56.78");
    lead.ua = QStringLiteral("Mozilla/5.0 (test)");
    lead.us = QStringLiteral("google");
    lead.currency = QStringLiteral("RUB");
    lead.base = QStringLiteral("990");
    lead.count = QStringLiteral("1");
    lead.city = QStringLiteral("Moscow");
    lead.comm = QStringLiteral("after six");
    lead.items = {LeadItem{QStringLiteral("135"), 9900, 1}};
    lead.params = {{QStringLiteral("sirname"), QStringLiteral("Doe")}};
    return lead;
}

} // namespace

class TestLeadForm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void typedFullLead_reachesTheGatewayExactly();
    void invalidInput_showsItsReason_andSendsNothing_data();
    void invalidInput_showsItsReason_andSendsNothing();
    void invalidItemsAndParams_showTheirRow();
    void requiredFieldEmptied_saysSo();
    void ctrlEnter_sends_data();
    void ctrlEnter_sends();
    void duplicateWarning_sendAnywaySends();
    void duplicateWarning_dontSendSendsNothing();
    void duplicateWarning_comesFromTheJournal();
    void storing_locksTheForm_thenTheNetworkIsNotWaitedFor();
    void rejection_showsReasonAndCode_andTheFormStaysFree();
    void deferral_clearsTheForm_andSaysItIsSaved();
    void journalFailure_keepsTheForm();
    void totals_followEdits();
    void stickyFields_keptAfterSuccess();
    void stickyFields_areASetting();
    void ctrlN_startsANewLead();
    void autoOrderId_isSentAndExplained();
    void itemsTable_keyboardAddRemoveReorder();
    void everyInput_hasLabelMnemonicAndAccessibleName();
    void tabOrder_followsReadingOrder();
    void foldedSections_openFromTheKeyboard();
    void fitsIn1024x768();

private:
    template <typename T> T *child(const char *name) const
    {
        T *widget = m_form->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void typeInto(const char *name, const QString &text);
    void clearAndType(const char *name, const QString &text);
    void pressCtrlEnter();
    void typeRow(QTableView *table, const QStringList &cells);
    QString banner() const { return child<QLabel>("resultBannerLabel")->text(); }

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<ScriptedLeadGateway> m_gateway;
    std::unique_ptr<LeadForm> m_form;
};

void TestLeadForm::initTestCase()
{
    m_env = std::make_unique<TestEnvironment>();
    // Fixed number formats, whatever the machine's locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestLeadForm::init()
{
    m_gateway = std::make_unique<ScriptedLeadGateway>();
    m_form = std::make_unique<LeadForm>(m_gateway.get(), standardDefaults());
    m_form->resize(1024, 768);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_form.get()));
    m_form->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_form.get()));
}

void TestLeadForm::cleanup()
{
    m_form.reset();
    m_gateway.reset();
}

void TestLeadForm::typeInto(const char *name, const QString &text)
{
    QWidget *widget = m_form->findChild<QWidget *>(QLatin1String(name));
    QVERIFY2(widget, name);
    widget->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), widget); // an editable combo box keeps the focus itself
    QTest::keyClicks(widget, text);
}

void TestLeadForm::clearAndType(const char *name, const QString &text)
{
    QWidget *widget = m_form->findChild<QWidget *>(QLatin1String(name));
    QVERIFY2(widget, name);
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        widget = combo->lineEdit();
    widget->setFocus(Qt::TabFocusReason);
    QTest::keyClick(widget, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(widget, Qt::Key_Backspace);
    if (!text.isEmpty())
        QTest::keyClicks(widget, text);
}

void TestLeadForm::pressCtrlEnter()
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, Qt::Key_Return, Qt::ControlModifier);
}

// Types one row into a table from the keyboard: Insert opens a new row's first cell, Tab walks the cells,
// Enter commits the last one.
void TestLeadForm::typeRow(QTableView *table, const QStringList &cells)
{
    table->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), table);
    QTest::keyClick(table, Qt::Key_Insert);
    for (qsizetype i = 0; i < cells.size(); ++i) {
        QWidget *editor = QApplication::focusWidget();
        QVERIFY(editor && editor != table);
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, cells.at(i));
        QTest::keyClick(editor, i + 1 < cells.size() ? Qt::Key_Tab : Qt::Key_Return);
    }
    QTRY_COMPARE(QApplication::focusWidget(), table);
}

void TestLeadForm::typedFullLead_reachesTheGatewayExactly()
{
    typeInto("offerComboBox", QStringLiteral("217"));
    typeInto("nameEdit", QStringLiteral("Jane Doe"));
    typeInto("phoneEdit", QStringLiteral("+7 (900) 123-45-67"));
    typeInto("emailEdit", QStringLiteral("jane@example.com"));
    clearAndType("countryComboBox", QStringLiteral("kz"));
    typeInto("zipEdit", QStringLiteral("050000"));
    typeInto("addressEdit", QStringLiteral("Abay 10, flat 5"));
    typeInto("regionEdit", QStringLiteral("Almaty Region"));
    typeInto("cityEdit", QStringLiteral("Almaty"));
    typeInto("streetEdit", QStringLiteral("Abay Avenue"));
    clearAndType("currencyComboBox", QStringLiteral("usd"));
    typeInto("unitPriceEdit", QStringLiteral("1990.50"));
    typeInto("quantityEdit", QStringLiteral("2"));
    typeInto("discountEdit", QStringLiteral("10"));
    typeInto("extraCostEdit", QStringLiteral("300"));
    typeRow(child<QTableView>("itemsTable"),
            {QStringLiteral("135"), QStringLiteral("9900"), QStringLiteral("1")});
    typeRow(child<QTableView>("itemsTable"),
            {QStringLiteral("136"), QStringLiteral("450.5"), QStringLiteral("2")});
    typeInto("itemListEdit", QStringLiteral("201, 202"));
    QTest::keyClick(child<QToolButton>("customFieldsToggleButton"), Qt::Key_Space);
    typeRow(child<QTableView>("paramsTable"), {QStringLiteral("sirname"), QStringLiteral("Doe")});
    typeRow(child<QTableView>("paramsTable"), {QStringLiteral("phonecc"), QStringLiteral("+7")});
    QTest::keyClick(child<QToolButton>("trackingToggleButton"), Qt::Key_Space);
    typeInto("utmSourceEdit", QStringLiteral("google"));
    typeInto("utmMediumEdit", QStringLiteral("cpc"));
    typeInto("utmCampaignEdit", QStringLiteral("spring"));
    typeInto("utmContentEdit", QStringLiteral("banner1"));
    typeInto("utmTermEdit", QStringLiteral("shoes"));
    typeInto("commentEdit", QStringLiteral("Call after 18:00"));

    QSignalSpy submitted(m_form.get(), &LeadForm::leadSubmitted);
    QVERIFY(child<QPushButton>("submitButton")->isEnabled());
    pressCtrlEnter();

    Lead expected;
    expected.wm = QStringLiteral("42");
    expected.offer = QStringLiteral("217");
    expected.name = QStringLiteral("Jane Doe");
    expected.phone = QStringLiteral("79001234567");
    expected.email = QStringLiteral("jane@example.com");
    expected.country = QStringLiteral("kz");
    expected.ip = QStringLiteral("12.34.56.78");
    expected.ua = QStringLiteral("Mozilla/5.0 (test)");
    expected.us = QStringLiteral("google");
    expected.um = QStringLiteral("cpc");
    expected.uc = QStringLiteral("spring");
    expected.un = QStringLiteral("banner1");
    expected.ut = QStringLiteral("shoes");
    expected.currency = QStringLiteral("USD");
    expected.base = QStringLiteral("1990.5");
    expected.count = QStringLiteral("2");
    expected.discount = QStringLiteral("10");
    expected.more = QStringLiteral("300");
    expected.index = QStringLiteral("050000");
    expected.addr = QStringLiteral("Abay 10, flat 5");
    expected.area = QStringLiteral("Almaty Region");
    expected.city = QStringLiteral("Almaty");
    expected.street = QStringLiteral("Abay Avenue");
    expected.comm = QStringLiteral("Call after 18:00");
    expected.item = QStringLiteral("201,202");
    expected.items = {LeadItem{QStringLiteral("135"), 9900, 1}, LeadItem{QStringLiteral("136"), 450.5, 2}};
    expected.params = {{QStringLiteral("sirname"), QStringLiteral("Doe")},
                       {QStringLiteral("phonecc"), QStringLiteral("+7")}};

    QCOMPARE(m_gateway->submittedLeads().size(), 1);
    QCOMPARE(m_gateway->submittedLeads().first(), expected);
    QCOMPARE(m_gateway->findRecentCalls(), 1);
    QTRY_COMPARE(submitted.size(), 1); // once the gateway says the lead is stored
    QCOMPARE(submitted.first().first().toString(), QStringLiteral("100001"));

    // The answer names both ids, and the form is ready for the next call.
    QTRY_VERIFY(banner().contains(QStringLiteral("N100001")));
    QVERIFY(banner().contains(QStringLiteral("100001")));
    QCOMPARE(child<QWidget>("resultBannerFrame")->property("kind").toString(), QStringLiteral("success"));
    QCOMPARE(child<QLineEdit>("nameEdit")->text(), QString());
    QCOMPARE(m_form->recentOffers().first(), QStringLiteral("217"));
}

void TestLeadForm::invalidInput_showsItsReason_andSendsNothing_data()
{
    QTest::addColumn<QString>("editor");
    QTest::addColumn<QString>("errorLabel");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("reason");

    auto row = [](const char *tag, const char *editor, const char *errorLabel, const QString &typed,
                  const QString &reason) {
        QTest::newRow(tag) << QString::fromLatin1(editor) << QString::fromLatin1(errorLabel) << typed
                           << reason;
    };
    row("phone too short", "phoneEdit", "phoneErrorLabel", QStringLiteral("123-45"),
        PhoneNormalizer::describe(PhoneNormalizer::Problem::TooShort));
    row("phone with letters", "phoneEdit", "phoneErrorLabel", QStringLiteral("+7 900 CALL"),
        PhoneNormalizer::describe(PhoneNormalizer::Problem::Letters));
    row("phone too long", "phoneEdit", "phoneErrorLabel", QStringLiteral("+7 900 123 45 67 89 012"),
        PhoneNormalizer::describe(PhoneNormalizer::Problem::TooLong));
    row("email", "emailEdit", "emailErrorLabel", QStringLiteral("jane@"),
        LeadValidator::checkEmail(QStringLiteral("jane@")));
    row("ip", "ipEdit", "ipErrorLabel", QStringLiteral("300.1.1.1"),
        LeadValidator::checkIp(QStringLiteral("300.1.1.1")));
    row("ip shorthand", "ipEdit", "ipErrorLabel", QStringLiteral("10.1"),
        LeadValidator::checkIp(QStringLiteral("10.1")));
    row("country", "countryComboBox", "countryErrorLabel", QStringLiteral("Atlantis"),
        LeadValidator::checkCountry(QStringLiteral("Atlantis")));
    row("currency", "currencyComboBox", "currencyErrorLabel", QStringLiteral("ABC"),
        LeadValidator::checkCurrency(QStringLiteral("ABC")));
    row("offer with space", "offerComboBox", "offerErrorLabel", QStringLiteral("21 7"),
        LeadValidator::checkOffer(QStringLiteral("21 7")));
    row("negative price", "unitPriceEdit", "unitPriceErrorLabel", QStringLiteral("-5"),
        LeadValidator::checkAmount(QStringLiteral("-5")));
    row("price no number", "unitPriceEdit", "unitPriceErrorLabel", QStringLiteral("cheap"),
        LeadValidator::checkAmount(QStringLiteral("cheap")));
    row("zero quantity", "quantityEdit", "quantityErrorLabel", QStringLiteral("0"),
        LeadValidator::checkQuantity(QStringLiteral("0")));
    row("discount over 100", "discountEdit", "discountErrorLabel", QStringLiteral("150"),
        LeadValidator::checkDiscount(QStringLiteral("150")));
    row("negative extra", "extraCostEdit", "extraCostErrorLabel", QStringLiteral("-1"),
        LeadValidator::checkAmount(QStringLiteral("-1")));
    row("item list", "itemListEdit", "itemListErrorLabel", QStringLiteral("1,,2"),
        LeadValidator::checkItemList(QStringLiteral("1,,2")));
    row("wm with space", "wmEdit", "wmErrorLabel", QStringLiteral("4 2"),
        LeadValidator::checkWm(QStringLiteral("4 2")));
}

void TestLeadForm::invalidInput_showsItsReason_andSendsNothing()
{
    QFETCH(QString, editor);
    QFETCH(QString, errorLabel);
    QFETCH(QString, typed);
    QFETCH(QString, reason);
    QVERIFY(!reason.isEmpty());

    m_form->loadLead(completeLead());
    QVERIFY(m_form->isValid());
    clearAndType(editor.toLatin1().constData(), typed);

    auto *error = child<QLabel>(errorLabel.toLatin1().constData());
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(error->text(), reason);
    QWidget *field = child<QWidget>(editor.toLatin1().constData());
    QCOMPARE(field->accessibleDescription(), reason);
    QVERIFY(!child<QPushButton>("submitButton")->isEnabled());
    QVERIFY(child<QLabel>("problemSummaryLabel")->text().contains(field->accessibleName()));

    pressCtrlEnter();
    child<QPushButton>("submitButton")->click();
    QTest::qWait(0); // let any queued call run: nothing may reach the gateway
    QCOMPARE(m_gateway->submittedLeads().size(), 0);
    QCOMPARE(m_gateway->findRecentCalls(), 0);
}

void TestLeadForm::invalidItemsAndParams_showTheirRow()
{
    m_form->loadLead(completeLead());
    auto *items = child<QTableView>("itemsTable");
    typeRow(items, {QString(), QStringLiteral("10"), QStringLiteral("1")}); // a good without its id
    auto *itemsError = child<QLabel>("itemsErrorLabel");
    QTRY_VERIFY(itemsError->isVisible());
    QCOMPARE(itemsError->text(),
             tr("Row %1: %2").arg(2).arg(LeadValidator::checkItem(LeadItem{QString(), 10, 1})));
    QVERIFY(!m_form->submitAction()->isEnabled());
    QTest::keyClick(items, Qt::Key_Delete);
    QTRY_VERIFY(!itemsError->isVisible());
    QVERIFY(m_form->submitAction()->isEnabled());

    typeRow(child<QTableView>("paramsTable"), {QStringLiteral("sirname"), QStringLiteral("Roe")});
    auto *paramsError = child<QLabel>("paramsErrorLabel");
    QTRY_VERIFY(paramsError->isVisible());
    QVERIFY(paramsError->text().startsWith(QStringLiteral("Row 2: ")));
    QVERIFY(paramsError->text().contains(QStringLiteral("sirname")));
    pressCtrlEnter();
    QCOMPARE(m_gateway->submittedLeads().size(), 0);
}

void TestLeadForm::requiredFieldEmptied_saysSo()
{
    // Untouched required fields are listed beside the send button, not shouted at.
    QVERIFY(!child<QLabel>("phoneErrorLabel")->isVisible());
    QVERIFY(child<QLabel>("problemSummaryLabel")->text().contains(QStringLiteral("Phone")));
    m_form->loadLead(completeLead());
    clearAndType("phoneEdit", QString());
    QTRY_VERIFY(child<QLabel>("phoneErrorLabel")->isVisible());
    QCOMPARE(child<QLabel>("phoneErrorLabel")->text(),
             PhoneNormalizer::describe(PhoneNormalizer::Problem::Empty));
    clearAndType("ipEdit", QString());
    QTRY_VERIFY(child<QLabel>("ipErrorLabel")->isVisible());
    QVERIFY(!m_form->submitAction()->isEnabled());
}

void TestLeadForm::ctrlEnter_sends_data()
{
    QTest::addColumn<QString>("focus");
    QTest::addColumn<int>("key");
    QTest::newRow("Ctrl+Return in a line edit") << QStringLiteral("nameEdit") << int(Qt::Key_Return);
    QTest::newRow("Ctrl+Enter (keypad) in a combo") << QStringLiteral("offerComboBox") << int(Qt::Key_Enter);
    QTest::newRow("Ctrl+Return in the comment") << QStringLiteral("commentEdit") << int(Qt::Key_Return);
    QTest::newRow("Ctrl+Return in the goods table") << QStringLiteral("itemsTable") << int(Qt::Key_Return);
}

void TestLeadForm::ctrlEnter_sends()
{
    QFETCH(QString, focus);
    QFETCH(int, key);
    m_form->loadLead(completeLead());
    typeInto(focus.toLatin1().constData(), QString());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key(key), Qt::ControlModifier);
    QCOMPARE(m_gateway->submittedLeads().size(), 1);
    QCOMPARE(m_gateway->submittedLeads().first().comm, QStringLiteral("after six")); // no newline typed
}

void TestLeadForm::duplicateWarning_sendAnywaySends()
{
    LeadSummary earlier;
    earlier.ourOrderId = QStringLiteral("555001");
    earlier.networkOrderId = QStringLiteral("88123");
    earlier.createdAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    earlier.sendState = QStringLiteral("sent");
    earlier.stage = QStringLiteral("hold");
    earlier.status = 4;
    earlier.name = QStringLiteral("Jane Doe");
    m_gateway->addEarlierLead(QStringLiteral("79001234567"), QStringLiteral("217"), earlier);

    m_form->loadLead(completeLead());
    typeInto("nameEdit", QString());
    pressCtrlEnter();

    auto *panel = child<QWidget>("duplicateWarningFrame");
    QTRY_VERIFY(panel->isVisible());
    const QString warning = child<QLabel>("duplicateWarningLabel")->text();
    QVERIFY2(warning.contains(QStringLiteral("555001")), qPrintable(warning));
    QVERIFY(warning.contains(QStringLiteral("88123")));
    QVERIFY(warning.contains(QStringLiteral("On hold"))); // the stage, in StatusCatalog's words
    QVERIFY(warning.contains(QStringLiteral("Hold")));
    QCOMPARE(m_gateway->submittedLeads().size(), 0);
    // The safe answer has the focus, and Ctrl+Enter again does not count as "yes".
    QCOMPARE(QApplication::focusWidget(), child<QPushButton>("cancelSendButton"));
    pressCtrlEnter();
    QCOMPARE(m_gateway->submittedLeads().size(), 0);

    QTest::keyClick(child<QPushButton>("sendAnywayButton"), Qt::Key_Space);
    QCOMPARE(m_gateway->submittedLeads().size(), 1);
    QVERIFY(!panel->isVisible());
    QTRY_VERIFY(banner().contains(QStringLiteral("N100001")));
}

void TestLeadForm::duplicateWarning_dontSendSendsNothing()
{
    LeadSummary earlier;
    earlier.ourOrderId = QStringLiteral("555001");
    earlier.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    earlier.sendState = QStringLiteral("queued");
    m_gateway->addEarlierLead(QStringLiteral("79001234567"), QStringLiteral("217"), earlier);
    m_form->loadLead(completeLead());
    typeInto("nameEdit", QString());
    pressCtrlEnter();
    auto *panel = child<QWidget>("duplicateWarningFrame");
    QTRY_VERIFY(panel->isVisible());
    QTest::keyClick(child<QPushButton>("cancelSendButton"), Qt::Key_Space);
    QVERIFY(!panel->isVisible());
    QCOMPARE(m_gateway->submittedLeads().size(), 0);
    QCOMPARE(child<QLineEdit>("nameEdit")->text(), QStringLiteral("Jane Doe")); // nothing lost

    // Another phone is another question: no warning.
    clearAndType("phoneEdit", QStringLiteral("+7 900 765 43 21"));
    pressCtrlEnter();
    QCOMPARE(m_gateway->submittedLeads().size(), 1);
    QVERIFY(!panel->isVisible());
}

void TestLeadForm::duplicateWarning_comesFromTheJournal()
{
    m_form->loadLead(completeLead());
    typeInto("nameEdit", QString());
    pressCtrlEnter();
    QCOMPARE(m_gateway->submittedLeads().size(), 1);
    QTRY_VERIFY(!m_form->isSubmitting());

    // The offer is sticky; the same customer calls again a minute later.
    typeInto("nameEdit", QStringLiteral("Jane Doe"));
    typeInto("phoneEdit", QStringLiteral("8 900 123 45 67"));
    pressCtrlEnter();
    QCOMPARE(m_gateway->submittedLeads().size(), 2); // a different number as typed: 8..., not 7...
    QTRY_VERIFY(!m_form->isSubmitting());
    typeInto("phoneEdit", QStringLiteral("+7 900 123 45 67"));
    pressCtrlEnter();
    QTRY_VERIFY(child<QWidget>("duplicateWarningFrame")->isVisible());
    QVERIFY(child<QLabel>("duplicateWarningLabel")->text().contains(QStringLiteral("100001")));
    QCOMPARE(m_gateway->submittedLeads().size(), 2);
}

void TestLeadForm::storing_locksTheForm_thenTheNetworkIsNotWaitedFor()
{
    // The network stays silent about both leads of this test.
    m_gateway->scriptNextAnswer({ScriptedLeadGateway::Outcome::Silent, {}, {}});
    m_gateway->scriptNextAnswer({ScriptedLeadGateway::Outcome::Silent, {}, {}});
    QSignalSpy submitted(m_form.get(), &LeadForm::leadSubmitted);
    m_form->loadLead(completeLead());
    typeInto("nameEdit", QString());
    const Lead first = m_form->lead();
    pressCtrlEnter();
    QCOMPARE(m_gateway->submittedLeads().size(), 1);
    // Locked while the journal stores it (without the window waiting for the disk): no second send.
    QVERIFY(m_form->isSubmitting());
    QVERIFY(!child<QPushButton>("submitButton")->isEnabled());
    QVERIFY(!child<QPushButton>("newLeadButton")->isEnabled());
    QCOMPARE(child<QLabel>("orderIdValueLabel")->text(), QStringLiteral("being saved\u2026"));
    pressCtrlEnter();
    child<QPushButton>("submitButton")->click();
    m_form->submit();
    QCOMPARE(m_gateway->submittedLeads().size(), 1);

    // Stored: the form is free for the next call although the network has not answered.
    QTRY_VERIFY(!m_form->isSubmitting());
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.first().at(0).toString(), QStringLiteral("100001"));
    QCOMPARE(submitted.first().at(1).value<Lead>(), first);
    QCOMPARE(child<QLineEdit>("nameEdit")->text(), QString());
    QCOMPARE(child<QLineEdit>("phoneEdit")->text(), QString());
    QVERIFY(banner().contains(QStringLiteral("100001")));
    QVERIFY(banner().contains(QStringLiteral("Recent leads")));
    QCOMPARE(child<QLabel>("orderIdValueLabel")->text(), QStringLiteral("new: given when the lead is saved"));

    // The next lead (another customer) goes while the first is still unanswered.
    Lead next = completeLead();
    next.phone = QStringLiteral("79005550011");
    m_form->loadLead(next);
    pressCtrlEnter();
    QTRY_COMPARE(submitted.size(), 2);
    QCOMPARE(m_gateway->submittedLeads().size(), 2);

    // The banner follows the latest lead: an answer about an earlier one (or an outbox retry) does not
    // replace it; the recent leads show those.
    m_gateway->answer(QStringLiteral("100001"),
                      {ScriptedLeadGateway::Outcome::Sent, {}, QStringLiteral("7777")});
    m_gateway->answer(QStringLiteral("999"), {});
    QTest::qWait(0);
    QVERIFY(!banner().contains(QStringLiteral("7777")));
    m_gateway->answer(QStringLiteral("100002"),
                      {ScriptedLeadGateway::Outcome::Sent, {}, QStringLiteral("8888")});
    QTRY_VERIFY(banner().contains(QStringLiteral("8888")));
}

void TestLeadForm::rejection_showsReasonAndCode_andTheFormStaysFree()
{
    ApiError error;
    error.kind = ApiError::Kind::Service;
    error.code = QStringLiteral("ban");
    error.message = QStringLiteral("The customer's IP address or phone is banned by the network.");
    m_gateway->scriptNextAnswer({ScriptedLeadGateway::Outcome::Rejected, error, {}});
    m_form->loadLead(completeLead());
    typeInto("nameEdit", QString());
    pressCtrlEnter();
    QTRY_VERIFY(banner().contains(error.message));
    QVERIFY(banner().contains(QStringLiteral("ban")));
    QVERIFY(banner().contains(QStringLiteral("100001")));
    QCOMPARE(child<QWidget>("resultBannerFrame")->property("kind").toString(), QStringLiteral("error"));
    // The operator may already be typing the next customer: the refusal does not take the form back
    // (the refused lead is corrected from the outbox, under its own id).
    QVERIFY(!m_form->isSubmitting());
    QCOMPARE(child<QLineEdit>("nameEdit")->text(), QString());
    QCOMPARE(child<QLineEdit>("phoneEdit")->text(), QString());
    QCOMPARE(m_form->lead().orderId, QString());
}

void TestLeadForm::deferral_clearsTheForm_andSaysItIsSaved()
{
    ApiError error;
    error.kind = ApiError::Kind::Transport;
    error.code = QStringLiteral("timeout");
    error.message = QStringLiteral("The network did not answer in time.");
    m_gateway->scriptNextAnswer({ScriptedLeadGateway::Outcome::Deferred, error, {}});
    m_form->loadLead(completeLead());
    typeInto("nameEdit", QString());
    pressCtrlEnter();
    QTRY_VERIFY(banner().contains(error.message));
    QVERIFY(banner().contains(QStringLiteral("100001")));
    QVERIFY(banner().contains(QStringLiteral("saved")));
    QCOMPARE(child<QLineEdit>("nameEdit")->text(), QString());
    QCOMPARE(child<QLineEdit>("phoneEdit")->text(), QString());
}

void TestLeadForm::journalFailure_keepsTheForm()
{
    m_gateway->scriptNextAnswer({ScriptedLeadGateway::Outcome::StoreFails, {}, {}});
    m_form->loadLead(completeLead());
    const Lead before = m_form->lead();
    typeInto("nameEdit", QString());
    pressCtrlEnter();
    QTRY_VERIFY(banner().contains(QStringLiteral("disk full")));
    QVERIFY(!m_form->isSubmitting());
    QCOMPARE(m_form->lead(), before);
    QVERIFY(m_form->submitAction()->isEnabled());
    pressCtrlEnter();
    QCOMPARE(m_gateway->submittedLeads().size(), 2);
}

void TestLeadForm::totals_followEdits()
{
    auto *goods = child<QLabel>("goodsSumValueLabel");
    auto *discount = child<QLabel>("discountValueLabel");
    auto *extra = child<QLabel>("extraCostValueLabel");
    auto *total = child<QLabel>("totalValueLabel");
    clearAndType("currencyComboBox", QStringLiteral("EUR"));
    QCOMPARE(total->text(), QStringLiteral("EUR\u00a00.00"));

    // Without goods rows: unit price x quantity.
    typeInto("unitPriceEdit", QStringLiteral("1,990.50"));
    QCOMPARE(goods->text(), QStringLiteral("EUR\u00a01,990.50"));
    typeInto("quantityEdit", QStringLiteral("3"));
    QCOMPARE(goods->text(), QStringLiteral("EUR\u00a05,971.50"));

    // With goods rows, they count instead.
    typeRow(child<QTableView>("itemsTable"),
            {QStringLiteral("135"), QStringLiteral("9900"), QStringLiteral("2")});
    QCOMPARE(goods->text(), QStringLiteral("EUR\u00a019,800.00"));
    typeInto("discountEdit", QStringLiteral("10"));
    QCOMPARE(discount->text(), QStringLiteral("\u2212EUR\u00a01,980.00 (10 %)"));
    typeInto("extraCostEdit", QStringLiteral("300"));
    QCOMPARE(extra->text(), QStringLiteral("EUR\u00a0300.00"));
    QCOMPARE(total->text(), QStringLiteral("EUR\u00a018,120.00"));

    // The currency's own minor units: yen have none.
    clearAndType("currencyComboBox", QStringLiteral("JPY"));
    QCOMPARE(total->text(), QStringLiteral("JPY\u00a018,120"));
    // The locale's own currency gets its symbol.
    clearAndType("currencyComboBox", QStringLiteral("USD"));
    QCOMPARE(total->text(), QStringLiteral("$18,120.00"));
}

void TestLeadForm::stickyFields_keptAfterSuccess()
{
    Lead lead = completeLead();
    lead.wm = QStringLiteral("77");
    lead.ua = QStringLiteral("Other agent");
    lead.um = QStringLiteral("cpc");
    lead.country = QStringLiteral("kz");
    lead.currency = QStringLiteral("KZT");
    m_form->loadLead(lead);
    typeInto("nameEdit", QString());
    pressCtrlEnter();
    QTRY_VERIFY(banner().contains(QStringLiteral("N100001")));

    const Lead after = m_form->lead();
    // Kept: what the operator repeats from call to call.
    QCOMPARE(after.offer, QStringLiteral("217"));
    QCOMPARE(after.wm, QStringLiteral("77"));
    QCOMPARE(after.country, QStringLiteral("kz"));
    QCOMPARE(after.currency, QStringLiteral("KZT"));
    QCOMPARE(after.ip, lead.ip);
    QCOMPARE(after.ua, QStringLiteral("Other agent"));
    QCOMPARE(after.us, QStringLiteral("google"));
    QCOMPARE(after.um, QStringLiteral("cpc"));
    // Cleared: the customer and the order.
    QCOMPARE(after.name, QString());
    QCOMPARE(after.phone, QString());
    QCOMPARE(after.email, QString());
    QCOMPARE(after.city, QString());
    QCOMPARE(after.base, QString());
    QCOMPARE(after.comm, QString());
    QVERIFY(after.items.isEmpty());
    QVERIFY(after.params.isEmpty());
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>("nameEdit"));
    QCOMPARE(child<QLabel>("orderIdValueLabel")->text(), QStringLiteral("new: given when the lead is saved"));
}

void TestLeadForm::stickyFields_areASetting()
{
    LeadFormDefaults defaults = standardDefaults();
    defaults.stickyFields = {QStringLiteral("city"), QStringLiteral("items")};
    m_form->setDefaults(defaults);
    m_form->loadLead(completeLead());
    typeInto("nameEdit", QString());
    pressCtrlEnter();
    QTRY_VERIFY(!m_form->isSubmitting());
    const Lead after = m_form->lead();
    QCOMPARE(after.city, QStringLiteral("Moscow"));
    QCOMPARE(after.items, completeLead().items);
    QCOMPARE(after.offer, QString());              // not sticky this time
    QCOMPARE(after.wm, QStringLiteral("42"));      // back to the default
    QCOMPARE(after.country, QStringLiteral("ru")); // the default
}

void TestLeadForm::ctrlN_startsANewLead()
{
    m_gateway->scriptNextAnswer({ScriptedLeadGateway::Outcome::StoreFails, {}, {}});
    m_form->loadLead(completeLead());
    typeInto("nameEdit", QString());
    pressCtrlEnter(); // leaves an error banner
    QTRY_VERIFY(banner().contains(QStringLiteral("disk full")));
    QVERIFY(child<QWidget>("resultBannerFrame")->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(m_form->lead().name, QString());
    QCOMPARE(m_form->lead().offer, QStringLiteral("217")); // sticky
    QVERIFY(!child<QWidget>("resultBannerFrame")->isVisible());
}

void TestLeadForm::autoOrderId_isSentAndExplained()
{
    m_form->loadLead(completeLead());
    auto *autoId = child<QCheckBox>("autoOrderIdCheckBox");
    auto *note = child<QLabel>("autoOrderIdNoteLabel");
    QVERIFY(!note->isVisible());
    autoId->setFocus(Qt::TabFocusReason);
    QTest::keyClick(autoId, Qt::Key_Space);
    QVERIFY(autoId->isChecked());
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("second order")));
    pressCtrlEnter();
    QCOMPARE(m_gateway->submittedLeads().size(), 1);
    QCOMPARE(m_gateway->submittedLeads().first().orderId, QStringLiteral("auto"));
}

void TestLeadForm::itemsTable_keyboardAddRemoveReorder()
{
    auto *table = child<QTableView>("itemsTable");
    for (const char *id : {"1", "2", "3"})
        typeRow(table, {QString::fromLatin1(id)});
    auto ids = [this] {
        QStringList result;
        for (const LeadItem &item : m_form->lead().items)
            result.append(item.id);
        return result.join(u',');
    };
    QCOMPARE(ids(), QStringLiteral("1,2,3"));
    QCOMPARE(table->currentIndex().row(), 2);
    QTest::keyClick(table, Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(ids(), QStringLiteral("1,3,2"));
    QTest::keyClick(table, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(ids(), QStringLiteral("3,1,2"));
    QTest::keyClick(table, Qt::Key_Up, Qt::ControlModifier); // already first: nothing happens
    QCOMPARE(ids(), QStringLiteral("3,1,2"));
    QTest::keyClick(table, Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(ids(), QStringLiteral("1,3,2"));
    QCOMPARE(table->currentIndex().row(), 1);
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(ids(), QStringLiteral("1,2"));
    // A new row after the current one starts as one piece at no price.
    QTest::keyClick(table, Qt::Key_Insert);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(m_form->lead().items.size(), 3);
    QCOMPARE(m_form->lead().items.at(2).count, 1);
}

void TestLeadForm::everyInput_hasLabelMnemonicAndAccessibleName()
{
    // Every input...
    QList<QWidget *> inputs;
    for (QWidget *w : m_form->findChildren<QWidget *>()) {
        if (qobject_cast<QLineEdit *>(w) && qobject_cast<QComboBox *>(w->parentWidget()))
            continue; // a combo box's own editor: the combo box is the input
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
            qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QTableView *>(w))
            inputs.append(w);
    }
    QCOMPARE(inputs.size(), 27); // 21 line edits, 3 combo boxes, the comment, 2 tables
    // ...has a label with a mnemonic pointing at it, and is named as the label says.
    QHash<QWidget *, QLabel *> buddies;
    for (QLabel *label : m_form->findChildren<QLabel *>()) {
        if (label->buddy())
            buddies.insert(label->buddy(), label);
    }
    for (QWidget *input : std::as_const(inputs)) {
        QLabel *label = buddies.value(input);
        QVERIFY2(label, qPrintable(input->objectName()));
        QVERIFY2(label->text().contains(u'&'), qPrintable(label->text()));
        QCOMPARE(input->accessibleName(), plainLabel(label->text()));
        QVERIFY(!input->accessibleName().isEmpty());
    }
    // Buttons and check boxes carry their own names.
    for (QAbstractButton *button : m_form->findChildren<QAbstractButton *>()) {
        if (qobject_cast<QLineEdit *>(button->parentWidget()) ||
            qobject_cast<QAbstractItemView *>(button->parentWidget()))
            continue; // a line edit's clear button, a table's corner: parts of their widget
        QVERIFY2(!button->text().isEmpty() || !button->accessibleName().isEmpty(),
                 qPrintable(QString::fromLatin1(button->metaObject()->className()) + QStringLiteral(" in ") +
                            QString::fromLatin1(button->parentWidget()->metaObject()->className())));
    }
    // Object names end with the widget's class, for tests and the end-to-end suite.
    for (QWidget *input : std::as_const(inputs)) {
        const QString name = input->objectName();
        QVERIFY2(name.endsWith(QLatin1String("Edit")) || name.endsWith(QLatin1String("ComboBox")) ||
                     name.endsWith(QLatin1String("Table")),
                 qPrintable(name));
    }
}

void TestLeadForm::tabOrder_followsReadingOrder()
{
    m_form->loadLead(completeLead()); // folded sections with content open, so every field is reachable
    QVERIFY(child<QWidget>("ipEdit")->isVisible());
    QVERIFY(child<QWidget>("paramsTable")->isVisible());
    const QStringList expected = {
        QStringLiteral("autoOrderIdCheckBox"),
        QStringLiteral("offerComboBox"),
        QStringLiteral("wmEdit"),
        QStringLiteral("nameEdit"),
        QStringLiteral("phoneEdit"),
        QStringLiteral("emailEdit"),
        QStringLiteral("countryComboBox"),
        QStringLiteral("deliveryToggleButton"),
        QStringLiteral("zipEdit"),
        QStringLiteral("addressEdit"),
        QStringLiteral("regionEdit"),
        QStringLiteral("cityEdit"),
        QStringLiteral("streetEdit"),
        QStringLiteral("currencyComboBox"),
        QStringLiteral("unitPriceEdit"),
        QStringLiteral("quantityEdit"),
        QStringLiteral("discountEdit"),
        QStringLiteral("extraCostEdit"),
        QStringLiteral("itemsTable"),
        QStringLiteral("addItemButton"),
        QStringLiteral("removeItemButton"), // the table has rows, so one of them is current
        QStringLiteral("itemListEdit"),
        QStringLiteral("customFieldsToggleButton"),
        QStringLiteral("paramsTable"),
        QStringLiteral("addParamButton"),
        QStringLiteral("removeParamButton"),
        QStringLiteral("trackingToggleButton"),
        QStringLiteral("ipEdit"),
        QStringLiteral("userAgentEdit"),
        QStringLiteral("utmSourceEdit"),
        QStringLiteral("utmMediumEdit"),
        QStringLiteral("utmCampaignEdit"),
        QStringLiteral("utmContentEdit"),
        QStringLiteral("utmTermEdit"),
        QStringLiteral("commentEdit"),
        QStringLiteral("newLeadButton"),
        QStringLiteral("submitButton"),
    };
    auto focusName = [] {
        QWidget *focus = QApplication::focusWidget();
        if (focus && qobject_cast<QComboBox *>(focus->parentWidget()))
            focus = focus->parentWidget();
        return focus ? focus->objectName() : QString();
    };
    child<QCheckBox>("autoOrderIdCheckBox")->setFocus(Qt::TabFocusReason);
    QStringList visited = {focusName()};
    for (qsizetype i = 1; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited.append(focusName());
    }
    QCOMPARE(visited, expected);
}

void TestLeadForm::foldedSections_openFromTheKeyboard()
{
    auto *toggle = child<QToolButton>("customFieldsToggleButton");
    auto *table = child<QTableView>("paramsTable");
    QVERIFY(!table->isVisible());
    toggle->setFocus(Qt::TabFocusReason);
    QTest::keyClick(toggle, Qt::Key_Space);
    QVERIFY(table->isVisible());
    QTest::keyClick(toggle, Qt::Key_Space);
    QVERIFY(!table->isVisible());
    // A problem never hides in a folded section: clearing the IP opens Tracking.
    QVERIFY(!child<QWidget>("ipEdit")->isVisible());
    LeadFormDefaults noIp = standardDefaults();
    noIp.ip.clear();
    m_form->setDefaults(noIp);
    m_form->newLead();
    QVERIFY(child<QWidget>("ipEdit")->isVisible());
    // A loaded lead opens the folded sections it fills.
    QVERIFY(!table->isVisible());
    m_form->loadLead(completeLead());
    QVERIFY(table->isVisible());
}

void TestLeadForm::fitsIn1024x768()
{
    m_form->loadLead(completeLead());
    m_form->resize(1024, 768);
    QTRY_COMPARE(m_form->size(), QSize(1024, 768));
    auto *scroll = child<QScrollArea>("leadFormScrollArea");
    // Everything fits the width (no sideways scrolling); the height scrolls.
    QTRY_VERIFY(!scroll->horizontalScrollBar()->isVisible());
    QVERIFY(scroll->widget()->minimumSizeHint().width() <= scroll->viewport()->width());
    QVERIFY(m_form->minimumSizeHint().width() <= 1024);
    QVERIFY(m_form->minimumSizeHint().height() <= 768);
    QVERIFY(child<QPushButton>("submitButton")->isVisible());
}

QTEST_MAIN(TestLeadForm)
#include "tst_leadform.moc"

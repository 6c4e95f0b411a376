#include "TestEnvironment.h"
#include "leads/LeadValidator.h"

#include <QTest>

#include <functional>

namespace {

using Check = std::function<QString(const QString &)>;

Lead validLead()
{
    Lead lead;
    lead.orderId = QStringLiteral("112358");
    lead.offer = QStringLiteral("217");
    lead.phone = QStringLiteral("79000000000");
    lead.ip = QStringLiteral("12.34.56.78");
    return lead;
}

} // namespace

class TestLeadValidator : public QObject
{
    Q_OBJECT

private slots:
    void simpleField_data();
    void simpleField();
    void orderIdRules();
    void items_data();
    void items();
    void params();
    void validate_minimalLeadIsValid();
    void validate_reportsEveryProblemWithItsField();

private:
    TestEnvironment m_env;
};

void TestLeadValidator::simpleField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    auto row = [](const char *field, const QString &value, bool valid) {
        QTest::addRow("%s '%s'", field, qPrintable(value)) << QString::fromLatin1(field) << value << valid;
    };
    // Required fields
    row("offer", QStringLiteral("217"), true);
    row("offer", QString(), false);
    row("offer", QStringLiteral("  "), false);
    row("offer", QStringLiteral("21 7"), false);
    row("phone", QStringLiteral("+7 (900) 123-45-67"), true);
    row("phone", QStringLiteral("79001234567"), true);
    row("phone", QString(), false);
    row("phone", QStringLiteral("call me"), false);
    row("phone", QStringLiteral("12345"), false);
    row("ip", QStringLiteral("12.34.56.78"), true);
    row("ip", QStringLiteral("2001:db8::1"), true);
    row("ip", QStringLiteral("::ffff:10.0.0.1"), true);
    row("ip", QString(), false);
    row("ip", QStringLiteral("256.1.1.1"), false);
    row("ip", QStringLiteral("10.1"), false);
    row("ip", QStringLiteral("1"), false);
    row("ip", QStringLiteral("fe80::1%eth0"), false);
    row("ip", QStringLiteral("example.com"), false);
    // Optional fields
    row("wm", QString(), true);
    row("wm", QStringLiteral("42"), true);
    row("wm", QStringLiteral("4 2"), false);
    row("email", QString(), true);
    row("email", QStringLiteral("jane.doe+shop@mail.example.com"), true);
    row("email", QStringLiteral("jane@example"), false);
    row("email", QStringLiteral("jane example.com"), false);
    row("email", QStringLiteral("@example.com"), false);
    row("email", QStringLiteral("jane@@example.com"), false);
    row("email", QStringLiteral("jane@example..com"), false);
    row("country", QString(), true);
    row("country", QStringLiteral("kz"), true);
    row("country", QStringLiteral("RU"), true);
    row("country", QStringLiteral("XK"), false); // Kosovo: user-assigned, not ISO 3166-1
    row("country", QStringLiteral("ZZ"), false);
    row("country", QStringLiteral("RUS"), false);
    row("currency", QString(), true);
    row("currency", QStringLiteral("USD"), true);
    row("currency", QStringLiteral("rub"), true);
    row("currency", QStringLiteral("US"), false);
    row("currency", QStringLiteral("XYZ"), false);
    row("currency", QStringLiteral("XAU"), false); // gold: not a currency an order is priced in
    row("base", QString(), true);
    row("base", QStringLiteral("9900"), true);
    row("base", QStringLiteral("9900.50"), true);
    row("base", QStringLiteral("0"), true);
    row("base", QStringLiteral("-1"), false);
    row("base", QStringLiteral("12abc"), false);
    row("base", QStringLiteral("inf"), false);
    row("more", QStringLiteral("300"), true);
    row("more", QStringLiteral("-0.01"), false);
    row("count", QString(), true);
    row("count", QStringLiteral("1"), true);
    row("count", QStringLiteral("0"), false);
    row("count", QStringLiteral("1.5"), false);
    row("count", QStringLiteral("-2"), false);
    row("discount", QStringLiteral("0"), true);
    row("discount", QStringLiteral("12.5"), true);
    row("discount", QStringLiteral("100"), true);
    row("discount", QStringLiteral("100.01"), false);
    row("discount", QStringLiteral("-5"), false);
    row("discount", QStringLiteral("ten"), false);
    row("item", QString(), true);
    row("item", QStringLiteral("135"), true);
    row("item", QStringLiteral("135,136"), true);
    row("item", QStringLiteral("135, 136"), true);
    row("item", QStringLiteral("135,,136"), false);
    row("item", QStringLiteral("135 136"), false);
}

void TestLeadValidator::simpleField()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(bool, valid);

    const QHash<QString, Check> checks = {
        {QStringLiteral("offer"), &LeadValidator::checkOffer},
        {QStringLiteral("phone"), &LeadValidator::checkPhone},
        {QStringLiteral("ip"), &LeadValidator::checkIp},
        {QStringLiteral("wm"), &LeadValidator::checkWm},
        {QStringLiteral("email"), &LeadValidator::checkEmail},
        {QStringLiteral("country"), &LeadValidator::checkCountry},
        {QStringLiteral("currency"), &LeadValidator::checkCurrency},
        {QStringLiteral("base"), &LeadValidator::checkAmount},
        {QStringLiteral("more"), &LeadValidator::checkAmount},
        {QStringLiteral("count"), &LeadValidator::checkQuantity},
        {QStringLiteral("discount"), &LeadValidator::checkDiscount},
        {QStringLiteral("item"), &LeadValidator::checkItemList},
    };
    QVERIFY(checks.contains(field));
    const QString message = checks.value(field)(value);
    QVERIFY2(message.isEmpty() == valid, qPrintable(message));
    if (!valid)
        QVERIFY2(message.endsWith(u'.'), qPrintable(message)); // a sentence, not a code
}

void TestLeadValidator::orderIdRules()
{
    using Rule = LeadValidator::OrderIdRule;
    QVERIFY(!LeadValidator::checkOrderId(QString(), Rule::Required).isEmpty());
    QVERIFY(LeadValidator::checkOrderId(QString(), Rule::AssignedOnSubmit).isEmpty());
    QVERIFY(LeadValidator::checkOrderId(QStringLiteral("auto"), Rule::Required).isEmpty());
    QVERIFY(LeadValidator::checkOrderId(QStringLiteral("112358"), Rule::Required).isEmpty());
    QVERIFY(LeadValidator::checkOrderId(QStringLiteral("123456789012345678901234567890"), Rule::Required)
                .isEmpty());
    QVERIFY(!LeadValidator::checkOrderId(QStringLiteral("AUTO"), Rule::Required).isEmpty());
    QVERIFY(!LeadValidator::checkOrderId(QStringLiteral("12-34"), Rule::AssignedOnSubmit).isEmpty());
}

void TestLeadValidator::items_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("price");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("valid");

    QTest::newRow("ok") << QStringLiteral("135") << 9900.0 << 1 << true;
    QTest::newRow("free good") << QStringLiteral("135") << 0.0 << 3 << true;
    QTest::newRow("no id") << QString() << 10.0 << 1 << false;
    QTest::newRow("blank id") << QStringLiteral("  ") << 10.0 << 1 << false;
    QTest::newRow("id with space") << QStringLiteral("13 5") << 10.0 << 1 << false;
    QTest::newRow("negative price") << QStringLiteral("135") << -0.5 << 1 << false;
    QTest::newRow("NaN price") << QStringLiteral("135") << qQNaN() << 1 << false;
    QTest::newRow("zero quantity") << QStringLiteral("135") << 10.0 << 0 << false;
    QTest::newRow("negative quantity") << QStringLiteral("135") << 10.0 << -1 << false;
}

void TestLeadValidator::items()
{
    QFETCH(QString, id);
    QFETCH(double, price);
    QFETCH(int, count);
    QFETCH(bool, valid);
    const QString message = LeadValidator::checkItem(LeadItem{id, price, count});
    QVERIFY2(message.isEmpty() == valid, qPrintable(message));
}

void TestLeadValidator::params()
{
    const QList<std::pair<QString, QString>> params = {
        {QStringLiteral("sirname"), QStringLiteral("Doe")},
        {QString(), QStringLiteral("orphan value")},
        {QStringLiteral("phonecc"), QStringLiteral("+7")},
        {QStringLiteral("sirname"), QStringLiteral("Roe")},
        {QStringLiteral("a[b]"), QStringLiteral("x")},
        {QStringLiteral("empty value is fine"), QString()},
    };
    const QList<LeadProblem> problems = LeadValidator::checkParams(params);
    QCOMPARE(problems.size(), 3);
    QCOMPARE(problems.at(0).row, 1);
    QCOMPARE(problems.at(1).row, 3);
    QVERIFY(problems.at(1).message.contains(QStringLiteral("sirname")));
    QCOMPARE(problems.at(2).row, 4);
    for (const LeadProblem &p : problems)
        QCOMPARE(p.field, LeadField::Params);
    QVERIFY(LeadValidator::checkParams({}).isEmpty());
}

void TestLeadValidator::validate_minimalLeadIsValid()
{
    QVERIFY(LeadValidator::validate(validLead()).isEmpty());
    Lead autoLead = validLead();
    autoLead.orderId = QStringLiteral("auto");
    QVERIFY(LeadValidator::validate(autoLead).isEmpty());
    Lead noId = validLead();
    noId.orderId.clear();
    QCOMPARE(LeadValidator::validate(noId).size(), 1);
    QVERIFY(LeadValidator::validate(noId, LeadValidator::OrderIdRule::AssignedOnSubmit).isEmpty());
}

void TestLeadValidator::validate_reportsEveryProblemWithItsField()
{
    Lead lead = validLead();
    lead.offer.clear();
    lead.phone = QStringLiteral("abc");
    lead.ip = QStringLiteral("1.2.3");
    lead.email = QStringLiteral("nope");
    lead.country = QStringLiteral("QQ");
    lead.currency = QStringLiteral("QQQ");
    lead.base = QStringLiteral("-1");
    lead.count = QStringLiteral("0");
    lead.discount = QStringLiteral("150");
    lead.more = QStringLiteral("x");
    lead.item = QStringLiteral(",");
    lead.items = {LeadItem{QStringLiteral("1"), 1, 1}, LeadItem{QString(), 1, 1}};
    lead.params = {{QStringLiteral("k"), QStringLiteral("v")}, {QStringLiteral("k"), QStringLiteral("w")}};

    QList<LeadField> fields;
    for (const LeadProblem &p : LeadValidator::validate(lead)) {
        QVERIFY(!p.message.isEmpty());
        fields.append(p.field);
    }
    const QList<LeadField> expected = {
        LeadField::Offer,    LeadField::Phone, LeadField::Email, LeadField::Country,  LeadField::Ip,
        LeadField::Currency, LeadField::Base,  LeadField::Count, LeadField::Discount, LeadField::More,
        LeadField::Item,     LeadField::Items, LeadField::Params};
    QCOMPARE(fields, expected);
    const QList<LeadProblem> problems = LeadValidator::validate(lead);
    QCOMPARE(problems.at(11).row, 1); // the second item has no id
    QCOMPARE(problems.at(12).row, 1); // the second "k"
}

QTEST_GUILESS_MAIN(TestLeadValidator)
#include "tst_leadvalidator.moc"

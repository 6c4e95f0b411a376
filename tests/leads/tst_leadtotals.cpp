#include "TestEnvironment.h"
#include "leads/LeadTotals.h"

#include <QTest>

class TestLeadTotals : public QObject
{
    Q_OBJECT

private slots:
    void goodsFromItems();
    void goodsFromBaseAndCount();
    void discountAndExtra();
    void unreadableValuesCountAsNothing();
    void formatMoney_data();
    void formatMoney();

private:
    TestEnvironment m_env;
};

void TestLeadTotals::goodsFromItems()
{
    Lead lead;
    lead.base = QStringLiteral("100000"); // ignored when there are items
    lead.count = QStringLiteral("7");
    lead.items = {LeadItem{QStringLiteral("135"), 9900, 2}, LeadItem{QStringLiteral("136"), 450.5, 3}};
    const LeadTotals t = LeadTotals::of(lead);
    QVERIFY(t.fromItems);
    QCOMPARE(t.goods, 9900.0 * 2 + 450.5 * 3);
    QCOMPARE(t.total, t.goods);
}

void TestLeadTotals::goodsFromBaseAndCount()
{
    Lead lead;
    lead.base = QStringLiteral("1990.50");
    lead.count = QStringLiteral("3");
    LeadTotals t = LeadTotals::of(lead);
    QVERIFY(!t.fromItems);
    QCOMPARE(t.goods, 5971.5);
    lead.count.clear(); // no quantity means one
    QCOMPARE(LeadTotals::of(lead).goods, 1990.5);
    QCOMPARE(LeadTotals::of(Lead{}).total, 0.0);
}

void TestLeadTotals::discountAndExtra()
{
    Lead lead;
    lead.items = {LeadItem{QStringLiteral("1"), 1000, 2}};
    lead.discount = QStringLiteral("15");
    lead.more = QStringLiteral("350");
    const LeadTotals t = LeadTotals::of(lead);
    QCOMPARE(t.goods, 2000.0);
    QCOMPARE(t.discountPercent, 15.0);
    QCOMPARE(t.discount, 300.0);
    QCOMPARE(t.extra, 350.0);
    QCOMPARE(t.total, 2050.0); // the discount is on the goods, not on the extra cost
}

void TestLeadTotals::unreadableValuesCountAsNothing()
{
    Lead lead;
    lead.base = QStringLiteral("abc");
    lead.count = QStringLiteral("x");
    lead.discount = QStringLiteral("250"); // out of range: at most everything is discounted
    lead.more = QStringLiteral("?");
    LeadTotals t = LeadTotals::of(lead);
    QCOMPARE(t.goods, 0.0);
    QCOMPARE(t.total, 0.0);
    lead.base = QStringLiteral("100");
    t = LeadTotals::of(lead);
    QCOMPARE(t.discountPercent, 100.0);
    QCOMPARE(t.total, 0.0);
}

void TestLeadTotals::formatMoney_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<double>("amount");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("expected");

    const QLocale us(QLocale::English, QLocale::UnitedStates);
    const QLocale ru(QLocale::Russian, QLocale::Russia);
    const QLocale de(QLocale::German, QLocale::Germany);
    QTest::newRow("en_US, own currency")
        << us << 19800.5 << QStringLiteral("USD") << QStringLiteral("$19,800.50");
    QTest::newRow("en_US, other currency")
        << us << 19800.5 << QStringLiteral("RUB") << QStringLiteral("RUB\u00a019,800.50");
    QTest::newRow("ru_RU, own currency")
        << ru << 19800.5 << QStringLiteral("RUB") << ru.toCurrencyString(19800.5, ru.currencySymbol(), 2);
    QTest::newRow("de_DE, other currency")
        << de << 1234.5 << QStringLiteral("USD") << QStringLiteral("1.234,50\u00a0USD");
    QTest::newRow("no decimals for yen")
        << us << 1500.0 << QStringLiteral("JPY") << QStringLiteral("JPY\u00a01,500");
    QTest::newRow("three for dinar") << us << 2.5 << QStringLiteral("KWD")
                                     << QStringLiteral("KWD\u00a02.500");
    QTest::newRow("C locale glues nothing")
        << QLocale::c() << 1234.5 << QStringLiteral("USD") << QStringLiteral("1234.50\u00a0USD");
    QTest::newRow("no currency") << us << 1234.5 << QString() << QStringLiteral("1,234.50");
    QTest::newRow("lower-case code") << us << 1.0 << QStringLiteral("eur") << QStringLiteral("EUR\u00a01.00");
}

void TestLeadTotals::formatMoney()
{
    QFETCH(QLocale, locale);
    QFETCH(double, amount);
    QFETCH(QString, currency);
    QFETCH(QString, expected);
    QCOMPARE(LeadTotals::formatMoney(amount, currency, locale), expected);
}

QTEST_GUILESS_MAIN(TestLeadTotals)
#include "tst_leadtotals.moc"

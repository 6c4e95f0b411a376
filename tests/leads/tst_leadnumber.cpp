#include "TestEnvironment.h"
#include "leads/LeadNumber.h"

#include <QTest>

class TestLeadNumber : public QObject
{
    Q_OBJECT

private slots:
    void fromTyped_data();
    void fromTyped();
    void toTyped();
    void parse();

private:
    TestEnvironment m_env;
};

void TestLeadNumber::fromTyped_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("leadText");

    const QLocale c = QLocale::c();
    const QLocale ru(QLocale::Russian, QLocale::Russia);
    const QLocale us(QLocale::English, QLocale::UnitedStates);
    QTest::newRow("integer") << c << QStringLiteral("9900") << QStringLiteral("9900");
    QTest::newRow("decimals") << c << QStringLiteral("9900.50") << QStringLiteral("9900.5");
    QTest::newRow("spaces around") << c << QStringLiteral(" 12 ") << QStringLiteral("12");
    QTest::newRow("ru comma") << ru << QStringLiteral("9900,5") << QStringLiteral("9900.5");
    QTest::newRow("ru group separator") << ru << QStringLiteral("9\u00a0900,50") << QStringLiteral("9900.5");
    QTest::newRow("ru pasted C form") << ru << QStringLiteral("9900.5") << QStringLiteral("9900.5");
    QTest::newRow("us groups") << us << QStringLiteral("19,800.25") << QStringLiteral("19800.25");
    QTest::newRow("large, no exponent")
        << c << QStringLiteral("12345678901") << QStringLiteral("12345678901");
    QTest::newRow("negative kept for validation") << c << QStringLiteral("-5") << QStringLiteral("-5");
    QTest::newRow("no number: unchanged") << c << QStringLiteral(" 12abc ") << QStringLiteral("12abc");
    QTest::newRow("empty") << c << QString() << QString();
}

void TestLeadNumber::fromTyped()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, typed);
    QFETCH(QString, leadText);
    QCOMPARE(LeadNumber::fromTyped(typed, locale), leadText);
}

void TestLeadNumber::toTyped()
{
    const QLocale ru(QLocale::Russian, QLocale::Russia);
    QCOMPARE(LeadNumber::toTyped(QStringLiteral("19800.5"), ru), QStringLiteral("19800,5"));
    QCOMPARE(LeadNumber::toTyped(QStringLiteral("19800.5"), QLocale::c()), QStringLiteral("19800.5"));
    QCOMPARE(LeadNumber::toTyped(QStringLiteral("junk"), ru), QStringLiteral("junk"));
}

void TestLeadNumber::parse()
{
    QCOMPARE(LeadNumber::parse(QStringLiteral("1.5")).value_or(-1), 1.5);
    QVERIFY(!LeadNumber::parse(QStringLiteral("1,5")));
    QVERIFY(!LeadNumber::parse(QString()));
    QVERIFY(!LeadNumber::parse(QStringLiteral("nan")));
    QCOMPARE(LeadNumber::format(-0.0), QStringLiteral("0"));
    QCOMPARE(LeadNumber::format(0.1 + 0.2), QStringLiteral("0.30000000000000004"));
}

QTEST_GUILESS_MAIN(TestLeadNumber)
#include "tst_leadnumber.moc"

#include "TestEnvironment.h"
#include "leads/CurrencyCatalog.h"

#include <QSet>
#include <QTest>

class TestCurrencyCatalog : public QObject
{
    Q_OBJECT

private slots:
    void wellFormedAndSorted();
    void knowsTheCurrenciesOperatorsUse();
    void leavesOutFundsMetalsAndTestCodes();
    void minorUnits();
    void codeFor();

private:
    TestEnvironment m_env;
};

void TestCurrencyCatalog::wellFormedAndSorted()
{
    const QList<CurrencyEntry> all = CurrencyCatalog::currencies();
    QVERIFY(all.size() > 150);
    QSet<QString> codes;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const CurrencyEntry &c = all.at(i);
        QCOMPARE(c.code.size(), 3);
        QCOMPARE(c.code, c.code.toUpper());
        QVERIFY(!c.name.isEmpty());
        QVERIFY(c.decimals >= 0 && c.decimals <= 3);
        if (i > 0)
            QVERIFY2(all.at(i - 1).code < c.code, qPrintable(c.code));
        codes.insert(c.code);
    }
    QCOMPARE(codes.size(), all.size());
}

void TestCurrencyCatalog::knowsTheCurrenciesOperatorsUse()
{
    for (const char *code : {"USD", "EUR", "RUB", "KZT", "UAH", "BYN", "GBP", "JPY", "CNY", "INR", "TRY"})
        QVERIFY2(CurrencyCatalog::contains(QString::fromLatin1(code)), code);
    QVERIFY(CurrencyCatalog::contains(QStringLiteral("usd")));
}

void TestCurrencyCatalog::leavesOutFundsMetalsAndTestCodes()
{
    for (const char *code : {"XAU", "XAG", "XTS", "XXX", "USN", "BOV", "CLF", "XDR", "HRK", "US", "USDD"})
        QVERIFY2(!CurrencyCatalog::contains(QString::fromLatin1(code)), code);
}

void TestCurrencyCatalog::minorUnits()
{
    QCOMPARE(CurrencyCatalog::decimalsOf(QStringLiteral("USD")), 2);
    QCOMPARE(CurrencyCatalog::decimalsOf(QStringLiteral("jpy")), 0);
    QCOMPARE(CurrencyCatalog::decimalsOf(QStringLiteral("KWD")), 3);
    QCOMPARE(CurrencyCatalog::decimalsOf(QStringLiteral("???")), 2);
}

void TestCurrencyCatalog::codeFor()
{
    QCOMPARE(CurrencyCatalog::codeFor(QStringLiteral(" eur ")), QStringLiteral("EUR"));
    const CurrencyEntry usd{QStringLiteral("USD"), 2, CurrencyCatalog::tr("US Dollar")};
    QCOMPARE(CurrencyCatalog::codeFor(CurrencyCatalog::displayText(usd)), QStringLiteral("USD"));
    QCOMPARE(CurrencyCatalog::codeFor(QStringLiteral("USD \u2014 Something else")), QString());
    QCOMPARE(CurrencyCatalog::codeFor(QStringLiteral("dollar")), QString());
    QCOMPARE(CurrencyCatalog::codeFor(QString()), QString());
}

QTEST_GUILESS_MAIN(TestCurrencyCatalog)
#include "tst_currencycatalog.moc"

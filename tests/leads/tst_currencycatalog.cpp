#include "AppTranslations.h"
#include "TestEnvironment.h"
#include "leads/CurrencyCatalog.h"

#include <QSet>
#include <QTest>

#include <algorithm>

class TestCurrencyCatalog : public QObject
{
    Q_OBJECT

private slots:
    void wellFormedAndSorted();
    void knowsTheCurrenciesOperatorsUse();
    void leavesOutFundsMetalsAndTestCodes();
    void minorUnits();
    void codeFor();
    void namesInRussianWithTheRussianInterface();

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
    const QList<CurrencyEntry> all = CurrencyCatalog::currencies();
    const auto usd = *std::find_if(all.cbegin(), all.cend(),
                                   [](const CurrencyEntry &c) { return c.code == QLatin1String("USD"); });
    QCOMPARE(usd.name, QStringLiteral("US Dollar"));
    QCOMPARE(CurrencyCatalog::codeFor(CurrencyCatalog::displayText(usd)), QStringLiteral("USD"));
    QCOMPARE(CurrencyCatalog::codeFor(QStringLiteral("USD \u2014 Something else")), QString());
    QCOMPARE(CurrencyCatalog::codeFor(QStringLiteral("dollar")), QString());
    QCOMPARE(CurrencyCatalog::codeFor(QString()), QString());
}

void TestCurrencyCatalog::namesInRussianWithTheRussianInterface()
{
    const auto nameOf = [](const QString &code) {
        for (const CurrencyEntry &currency : CurrencyCatalog::currencies())
            if (currency.code == code)
                return currency.name;
        return QString();
    };
    QCOMPARE(nameOf(QStringLiteral("RUB")), QStringLiteral("Russian Ruble"));
    {
        AppTranslations translations;
        QVERIFY(translations.install(QStringLiteral("ru")));
        QCOMPARE(nameOf(QStringLiteral("RUB")), QStringLiteral("российский рубль"));
        QCOMPARE(nameOf(QStringLiteral("USD")), QStringLiteral("доллар США"));
        QCOMPARE(nameOf(QStringLiteral("KZT")), QStringLiteral("казахский тенге"));
        // The same currencies, the same minor units, in any language.
        QCOMPARE(CurrencyCatalog::decimalsOf(QStringLiteral("JPY")), 0);
        QVERIFY(CurrencyCatalog::contains(QStringLiteral("EUR")));
        const CurrencyEntry rub{QStringLiteral("RUB"), 2, nameOf(QStringLiteral("RUB"))};
        QCOMPARE(CurrencyCatalog::displayText(rub), QStringLiteral("RUB \u2014 российский рубль"));
        QCOMPARE(CurrencyCatalog::codeFor(CurrencyCatalog::displayText(rub)), QStringLiteral("RUB"));
    }
    QCOMPARE(nameOf(QStringLiteral("RUB")), QStringLiteral("Russian Ruble"));
}

QTEST_GUILESS_MAIN(TestCurrencyCatalog)
#include "tst_currencycatalog.moc"

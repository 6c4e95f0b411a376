#include "AppTranslations.h"
#include "TestEnvironment.h"
#include "leads/CountryCatalog.h"
#include "leads/NameLanguage.h"

#include <QCollator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestCountryCatalog : public QObject
{
    Q_OBJECT

private slots:
    void holdsExactlyTheIsoAssignedCodes();
    void sortedByName();
    void lookups_data();
    void lookups();
    void namesInRussianWithTheRussianInterface();
    void russianNamesSortedAsRussianSorts();

private:
    TestEnvironment m_env;
};

void TestCountryCatalog::holdsExactlyTheIsoAssignedCodes()
{
    const QList<CountryEntry> &all = CountryCatalog::countries();
    // ISO 3166-1 assigns 249 alpha-2 codes.
    QCOMPARE(all.size(), 249);
    QSet<QString> codes;
    for (const CountryEntry &c : all) {
        QCOMPARE(c.code.size(), 2);
        QCOMPARE(c.code, c.code.toUpper());
        QVERIFY2(!c.name.isEmpty(), qPrintable(c.code));
        codes.insert(c.code);
    }
    QCOMPARE(codes.size(), 249);
    for (const char *code : {"RU", "KZ", "US", "DE", "AQ", "BV", "SS", "PS", "TW", "XX"}) {
        if (qstrcmp(code, "XX") == 0)
            QVERIFY(!codes.contains(QLatin1String(code)));
        else
            QVERIFY2(codes.contains(QLatin1String(code)), code);
    }
    for (const char *notIso : {"AC", "CP", "DG", "EA", "EU", "IC", "QO", "TA", "XK"})
        QVERIFY2(!codes.contains(QLatin1String(notIso)), notIso);
}

void TestCountryCatalog::sortedByName()
{
    // As the names' language sorts them ("Åland Islands" among the A's), whatever the system's locale.
    const QList<CountryEntry> &all = CountryCatalog::countries();
    QCollator english{QLocale(QLocale::English)};
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY2(english.compare(all.at(i - 1).name, all.at(i).name) <= 0, qPrintable(all.at(i).name));
    QCOMPARE(all.first().name, QStringLiteral("Afghanistan"));
}

void TestCountryCatalog::lookups_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("code");

    QTest::newRow("code") << QStringLiteral("RU") << QStringLiteral("RU");
    QTest::newRow("lower-case code") << QStringLiteral("kz") << QStringLiteral("KZ");
    QTest::newRow("spaces") << QStringLiteral(" de ") << QStringLiteral("DE");
    QTest::newRow("name") << QStringLiteral("Germany") << QStringLiteral("DE");
    QTest::newRow("name, any case") << QStringLiteral("kazakhstan") << QStringLiteral("KZ");
    QTest::newRow("display text") << QStringLiteral("Russia (RU)") << QStringLiteral("RU");
    QTest::newRow("unknown code") << QStringLiteral("ZZ") << QString();
    QTest::newRow("not ISO") << QStringLiteral("XK") << QString();
    QTest::newRow("partial name") << QStringLiteral("Germ") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestCountryCatalog::lookups()
{
    QFETCH(QString, typed);
    QFETCH(QString, code);
    QCOMPARE(CountryCatalog::codeFor(typed), code);
    QCOMPARE(CountryCatalog::contains(typed.trimmed()), !code.isEmpty() && typed.trimmed().size() == 2);
    if (!code.isEmpty()) {
        QVERIFY(!CountryCatalog::nameOf(code).isEmpty());
        QCOMPARE(CountryCatalog::nameOf(code.toLower()), CountryCatalog::nameOf(code));
    }
}

void TestCountryCatalog::namesInRussianWithTheRussianInterface()
{
    QCOMPARE(NameLanguage::current(), QStringLiteral("en"));
    QCOMPARE(CountryCatalog::nameOf(u"RU"), QStringLiteral("Russia"));
    {
        // The application's own Russian catalogue, as the app installs it for --lang ru.
        AppTranslations translations;
        QVERIFY(translations.install(QStringLiteral("ru")));
        QCOMPARE(NameLanguage::current(), QStringLiteral("ru"));
        QCOMPARE(CountryCatalog::nameOf(u"RU"), QStringLiteral("Россия"));
        QCOMPARE(CountryCatalog::nameOf(u"de"), QStringLiteral("Германия"));
        QCOMPARE(CountryCatalog::nameOf(u"KZ"), QStringLiteral("Казахстан"));
        QCOMPARE(CountryCatalog::nameOf(u"US"), QStringLiteral("Соединенные Штаты"));
        const QList<CountryEntry> &all = CountryCatalog::countries();
        QCOMPARE(all.size(), 249);
        static const QRegularExpression cyrillic(QStringLiteral("\\p{Cyrillic}"));
        for (const CountryEntry &country : all)
            QVERIFY2(country.name.contains(cyrillic), qPrintable(country.code + u' ' + country.name));
        // Typed in Russian, or in English in a Russian window.
        QCOMPARE(CountryCatalog::codeFor(u"россия"), QStringLiteral("RU"));
        QCOMPARE(CountryCatalog::codeFor(u"Германия (DE)"), QStringLiteral("DE"));
        QCOMPARE(CountryCatalog::codeFor(u"Kazakhstan"), QStringLiteral("KZ"));
        QCOMPARE(CountryCatalog::displayText({QStringLiteral("RU"), CountryCatalog::nameOf(u"RU")}),
                 QStringLiteral("Россия (RU)"));
    }
    // Back to English once the catalogue is gone.
    QCOMPARE(CountryCatalog::nameOf(u"RU"), QStringLiteral("Russia"));
}

void TestCountryCatalog::russianNamesSortedAsRussianSorts()
{
    AppTranslations translations;
    QVERIFY(translations.install(QStringLiteral("ru")));
    const QList<CountryEntry> &all = CountryCatalog::countries();
    QCollator russian{QLocale(QLocale::Russian)};
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY2(russian.compare(all.at(i - 1).name, all.at(i).name) <= 0, qPrintable(all.at(i).name));
    QCOMPARE(all.first().name, QStringLiteral("Австралия"));
}

QTEST_GUILESS_MAIN(TestCountryCatalog)
#include "tst_countrycatalog.moc"

#include "AppTranslations.h"
#include "TestEnvironment.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

// AppTranslations: which language a setting means, and that the catalogues it installs really
// translate — ours from the resources, Qt's from the system, an installed one before the built-in.
class TestAppTranslations : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void supportedLanguages();
    void resolveLanguage_data();
    void resolveLanguage();
    void isValidSetting_data();
    void isValidSetting();
    void nativeNames();
    void russianTranslatesOurStrings();
    void russianTranslatesQtStrings();
    void englishRemovesTheRussianTranslators();
    void systemSettingFollowsTheLocale();
    void chosenLanguageAlsoSetsTheLocale();
    void missingCatalogueFallsBackToEnglishAsAWhole();
    void installedCatalogueWinsOverBuiltIn();
    void destructionUninstalls();

private:
    static QString translate(const char *context, const char *source)
    {
        return QCoreApplication::translate(context, source);
    }

    TestEnvironment m_environment;
};

void TestAppTranslations::init()
{
    // Each test starts from an untranslated application.
    QCOMPARE(translate("MainWindow", "&File"), QStringLiteral("&File"));
}

void TestAppTranslations::supportedLanguages()
{
    QCOMPARE(AppTranslations::supportedLanguages(),
             (QStringList{QStringLiteral("en"), QStringLiteral("ru")}));
}

void TestAppTranslations::resolveLanguage_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");

    const QLocale russian(QLocale::Russian, QLocale::Russia);
    const QLocale german(QLocale::German, QLocale::Germany);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QLocale ukrainian(QLocale::Ukrainian, QLocale::Ukraine);
    QTest::newRow("system, Russian locale") << QStringLiteral("system") << russian << QStringLiteral("ru");
    QTest::newRow("system, German locale falls back to English")
        << QStringLiteral("system") << german << QStringLiteral("en");
    QTest::newRow("system, Ukrainian locale: no catalogue, English")
        << QStringLiteral("system") << ukrainian << QStringLiteral("en");
    QTest::newRow("empty means system") << QString() << russian << QStringLiteral("ru");
    QTest::newRow("System in capitals") << QStringLiteral(" System ") << russian << QStringLiteral("ru");
    QTest::newRow("en forced on a Russian system") << QStringLiteral("en") << russian << QStringLiteral("en");
    QTest::newRow("ru forced on an English system")
        << QStringLiteral("ru") << english << QStringLiteral("ru");
    QTest::newRow("locale spelling ru_RU") << QStringLiteral("ru_RU") << english << QStringLiteral("ru");
    QTest::newRow("BCP 47 spelling ru-RU") << QStringLiteral("ru-RU") << english << QStringLiteral("ru");
    QTest::newRow("unsupported fr") << QStringLiteral("fr") << russian << QStringLiteral("en");
}

void TestAppTranslations::resolveLanguage()
{
    QFETCH(QString, setting);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);
    QCOMPARE(AppTranslations::resolveLanguage(setting, locale), expected);
}

void TestAppTranslations::isValidSetting_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<bool>("valid");
    QTest::newRow("system") << QStringLiteral("system") << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("en") << QStringLiteral("en") << true;
    QTest::newRow("ru") << QStringLiteral("ru") << true;
    QTest::newRow("RU_ru") << QStringLiteral("RU_ru") << true;
    QTest::newRow("ru.UTF-8") << QStringLiteral("ru_RU.UTF-8") << true;
    QTest::newRow("fr") << QStringLiteral("fr") << false;
    QTest::newRow("path") << QStringLiteral("../../etc/passwd") << false;
    QTest::newRow("word") << QStringLiteral("russian") << false;
}

void TestAppTranslations::isValidSetting()
{
    QFETCH(QString, setting);
    QFETCH(bool, valid);
    QCOMPARE(AppTranslations::isValidSetting(setting), valid);
}

void TestAppTranslations::nativeNames()
{
    QCOMPARE(AppTranslations::nativeName(QStringLiteral("en")), QStringLiteral("English"));
    QCOMPARE(AppTranslations::nativeName(QStringLiteral("ru")), QStringLiteral("Русский"));
    QCOMPARE(AppTranslations::nativeName(QStringLiteral("ru_RU")), QStringLiteral("Русский"));
}

void TestAppTranslations::russianTranslatesOurStrings()
{
    AppTranslations translations;
    QVERIFY(translations.install(QStringLiteral("ru")));
    QCOMPARE(translations.language(), QStringLiteral("ru"));
    QCOMPARE(translate("MainWindow", "&File"), QStringLiteral("&Файл"));
    QCOMPARE(translate("MainWindow", "&Help"), QStringLiteral("&Справка"));
    QCOMPARE(translate("AppCommandLine", "folder"), QStringLiteral("папка"));
}

void TestAppTranslations::russianTranslatesQtStrings()
{
    AppTranslations translations;
    QVERIFY(translations.install(QStringLiteral("ru")));
    // qtbase_ru comes from qt6-translations-l10n (scripts/deps-debian.txt).
    QVERIFY(translations.qtTranslationLoaded());
    QCOMPARE(translate("QPlatformTheme", "Cancel"), QStringLiteral("Отмена"));
    QCOMPARE(translate("QCommandLineParser", "Displays version information."),
             QStringLiteral("Показать сведения о версии."));
}

void TestAppTranslations::englishRemovesTheRussianTranslators()
{
    AppTranslations translations;
    QVERIFY(translations.install(QStringLiteral("ru")));
    QCOMPARE(translate("MainWindow", "&Quit"), QStringLiteral("В&ыход"));
    QVERIFY(translations.install(QStringLiteral("en")));
    QCOMPARE(translations.language(), QStringLiteral("en"));
    QVERIFY(!translations.qtTranslationLoaded());
    QCOMPARE(translate("MainWindow", "&Quit"), QStringLiteral("&Quit"));
    QCOMPARE(translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

void TestAppTranslations::systemSettingFollowsTheLocale()
{
    AppTranslations translations;
    QVERIFY(translations.install(QStringLiteral("system"), QLocale(QLocale::Russian, QLocale::Russia)));
    QCOMPARE(translations.language(), QStringLiteral("ru"));
    QCOMPARE(translate("MainWindow", "Ready"), QStringLiteral("Готово"));
    QVERIFY(translations.install(QStringLiteral("system"), QLocale(QLocale::German, QLocale::Germany)));
    QCOMPARE(translations.language(), QStringLiteral("en"));
    QCOMPARE(translate("MainWindow", "Ready"), QStringLiteral("Ready"));
}

void TestAppTranslations::chosenLanguageAlsoSetsTheLocale()
{
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    AppTranslations translations;
    // Russian chosen on an English system: month names and numbers in Russian too, not a mix.
    QVERIFY(translations.install(QStringLiteral("ru"), english));
    QCOMPARE(QLocale().language(), QLocale::Russian);
    QCOMPARE(QLocale().monthName(3), QLocale(QLocale::Russian).monthName(3));
    QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1\u00a0234,5"));
    // Following the system keeps the system's own locale, its territory included.
    QVERIFY(translations.install(QStringLiteral("system"), english));
    QCOMPARE(QLocale(), english);
    QVERIFY(translations.install(QStringLiteral("en"), english));
    QCOMPARE(QLocale(), english);
    QLocale::setDefault(QLocale::system());
}

void TestAppTranslations::missingCatalogueFallsBackToEnglishAsAWhole()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    AppTranslations translations;
    translations.setSearchPaths({empty.path()});
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("No CPA Desk translation found")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("No English plural forms")));
    QVERIFY(!translations.install(QStringLiteral("ru")));
    QCOMPARE(translations.language(), QStringLiteral("en"));
    QVERIFY(!translations.qtTranslationLoaded());
    QCOMPARE(translate("MainWindow", "&File"), QStringLiteral("&File"));
    // Not even Qt's half: standard buttons must not be Russian in an English interface.
    QCOMPARE(translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

void TestAppTranslations::installedCatalogueWinsOverBuiltIn()
{
    // The directory holds cpadesk_ru.qm built from tests/i18n/fixtures/override/cpadesk_ru.ts.
    AppTranslations translations;
    translations.setSearchPaths({QStringLiteral(CPADESK_OVERRIDE_QM_DIR), QStringLiteral(":/i18n")});
    QVERIFY(translations.install(QStringLiteral("ru")));
    QCOMPARE(translate("MainWindow", "&File"), QStringLiteral("&Файл (обновлённый)"));

    translations.setSearchPaths({QStringLiteral(":/i18n")});
    QVERIFY(translations.install(QStringLiteral("ru")));
    QCOMPARE(translate("MainWindow", "&File"), QStringLiteral("&Файл"));
}

void TestAppTranslations::destructionUninstalls()
{
    {
        AppTranslations translations;
        QVERIFY(translations.install(QStringLiteral("ru")));
        QCOMPARE(translate("MainWindow", "&File"), QStringLiteral("&Файл"));
    }
    QCOMPARE(translate("MainWindow", "&File"), QStringLiteral("&File"));
}

QTEST_GUILESS_MAIN(TestAppTranslations)
#include "tst_apptranslations.moc"

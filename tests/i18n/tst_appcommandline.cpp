#include "AppCommandLine.h"
#include "AppTranslations.h"
#include "TestEnvironment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// AppCommandLine: every option's parsed value, every refusal in words, and no secret in a message.
class TestAppCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noArgumentsMeansNothingSet();
    void helpAndVersion_data();
    void helpAndVersion();
    void allOptionsTogether();
    void lastValueWins();
    void sandboxLatency();
    void sandboxOlderEngine();
    void apiUrlAccepted_data();
    void apiUrlAccepted();
    void apiUrlRefused_data();
    void apiUrlRefused();
    void apiUrlWithKeyIsRefusedWithoutEchoingIt();
    void sandboxAndApiUrlConflict();
    void emptyProfileRefused();
    void language_data();
    void language();
    void unknownLanguageRefused();
    void dataDirMadeAbsolute();
    void dataDirThatIsAFileRefused();
    void unknownOptionRefused();
    void positionalArgumentRefused();
    void processResetsEarlierResults();
    void helpTextListsEveryOption();
    void helpTextFollowsTheInstalledLanguage();
    void versionText();

private:
    static QStringList args(std::initializer_list<const char *> list);

    TestEnvironment m_environment;
};

QStringList TestAppCommandLine::args(std::initializer_list<const char *> list)
{
    QStringList result{QStringLiteral("cpadesk")};
    for (const char *argument : list)
        result << QString::fromUtf8(argument);
    return result;
}

void TestAppCommandLine::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("cpadesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral("1.2.3"));
}

void TestAppCommandLine::noArgumentsMeansNothingSet()
{
    AppCommandLine commandLine;
    QVERIFY(commandLine.process(args({})).isEmpty());
    const AppOptions &options = commandLine.options();
    QVERIFY(!options.helpRequested);
    QVERIFY(!options.versionRequested);
    QVERIFY(options.apiUrl.isEmpty());
    QVERIFY(!options.sandbox);
    QVERIFY(options.profile.isEmpty());
    QVERIFY(options.language.isEmpty());
    QVERIFY(options.dataDir.isEmpty());
}

void TestAppCommandLine::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("help");
    QTest::addColumn<bool>("version");
    QTest::newRow("--help") << args({"--help"}) << true << false;
    QTest::newRow("-h") << args({"-h"}) << true << false;
    QTest::newRow("--version") << args({"--version"}) << false << true;
    QTest::newRow("-v") << args({"-v"}) << false << true;
}

void TestAppCommandLine::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, help);
    QFETCH(bool, version);
    AppCommandLine commandLine;
    QCOMPARE(commandLine.process(arguments), QStringList());
    QCOMPARE(commandLine.options().helpRequested, help);
    QCOMPARE(commandLine.options().versionRequested, version);
}

void TestAppCommandLine::allOptionsTogether()
{
    QTemporaryDir dir;
    AppCommandLine commandLine;
    const QStringList arguments{QStringLiteral("cpadesk"),
                                QStringLiteral("--api-url"),
                                QStringLiteral("https://api.example.com/api/"),
                                QStringLiteral("--profile"),
                                QStringLiteral("Call centre 2"),
                                QStringLiteral("--lang"),
                                QStringLiteral("ru"),
                                QStringLiteral("--data-dir=") + dir.path()};
    QCOMPARE(commandLine.process(arguments), QStringList());
    const AppOptions &options = commandLine.options();
    QCOMPARE(options.apiUrl, QUrl(QStringLiteral("https://api.example.com/api/")));
    QCOMPARE(options.profile, QStringLiteral("Call centre 2"));
    QCOMPARE(options.language, QStringLiteral("ru"));
    QCOMPARE(options.dataDir, QDir::cleanPath(dir.path()));
    QVERIFY(!options.sandbox);
}

void TestAppCommandLine::lastValueWins()
{
    AppCommandLine commandLine;
    QCOMPARE(commandLine.process(args({"--profile", "first", "--profile", "second"})), QStringList());
    QCOMPARE(commandLine.options().profile, QStringLiteral("second"));
}

void TestAppCommandLine::sandboxLatency()
{
    AppCommandLine commandLine;
    QCOMPARE(commandLine.process(args({"--sandbox", "--sandbox-latency", "150,30"})), QStringList());
    QCOMPARE(commandLine.options().sandboxLatencyMs, 150);
    QCOMPARE(commandLine.options().sandboxJitterMs, 30);
    QCOMPARE(commandLine.process(args({"--sandbox-latency=80"})), QStringList());
    QCOMPARE(commandLine.options().sandboxLatencyMs, 80);
    QCOMPARE(commandLine.options().sandboxJitterMs, 0);
    for (const char *bad : {"30,80", "-1", "slow", "1,2,3"}) {
        const QStringList errors = commandLine.process(args({"--sandbox-latency", bad}));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.constFirst().contains(QStringLiteral("--sandbox-latency")),
                 qPrintable(errors.constFirst()));
    }
}

void TestAppCommandLine::sandboxOlderEngine()
{
    AppCommandLine commandLine;
    QCOMPARE(commandLine.process(args({"--sandbox"})), QStringList());
    QVERIFY(!commandLine.options().sandboxOlderEngine);
    QCOMPARE(commandLine.process(args({"--sandbox", "--sandbox-older-engine"})), QStringList());
    QVERIFY(commandLine.options().sandboxOlderEngine);
    QVERIFY(commandLine.helpText().contains(QStringLiteral("--sandbox-older-engine")));
}

void TestAppCommandLine::apiUrlAccepted_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QUrl>("expected");
    QTest::newRow("https") << QStringLiteral("https://cpa.example.net/api/")
                           << QUrl(QStringLiteral("https://cpa.example.net/api/"));
    QTest::newRow("http with port") << QStringLiteral("http://127.0.0.1:8080/api/")
                                    << QUrl(QStringLiteral("http://127.0.0.1:8080/api/"));
    QTest::newRow("upper-case scheme")
        << QStringLiteral("HTTPS://cpa.example.net") << QUrl(QStringLiteral("https://cpa.example.net"));
    QTest::newRow("surrounding spaces") << QStringLiteral("  https://cpa.example.net/api/ ")
                                        << QUrl(QStringLiteral("https://cpa.example.net/api/"));
    QTest::newRow("fragment dropped") << QStringLiteral("https://cpa.example.net/api/#top")
                                      << QUrl(QStringLiteral("https://cpa.example.net/api/"));
}

void TestAppCommandLine::apiUrlAccepted()
{
    QFETCH(QString, given);
    QFETCH(QUrl, expected);
    AppCommandLine commandLine;
    QCOMPARE(commandLine.process({QStringLiteral("cpadesk"), QStringLiteral("--api-url"), given}),
             QStringList());
    QCOMPARE(commandLine.options().apiUrl, expected);
}

void TestAppCommandLine::apiUrlRefused_data()
{
    QTest::addColumn<QString>("given");
    QTest::newRow("no scheme") << QStringLiteral("cpa.example.net/api/");
    QTest::newRow("ftp") << QStringLiteral("ftp://cpa.example.net/");
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
    QTest::newRow("no host") << QStringLiteral("https:///api/");
    QTest::newRow("junk") << QStringLiteral("http://exa mple.com/");
    QTest::newRow("empty") << QString();
}

void TestAppCommandLine::apiUrlRefused()
{
    QFETCH(QString, given);
    AppCommandLine commandLine;
    const QStringList errors =
        commandLine.process({QStringLiteral("cpadesk"), QStringLiteral("--api-url"), given});
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(QStringLiteral("--api-url")), qPrintable(errors.constFirst()));
    QVERIFY(commandLine.options().apiUrl.isEmpty());
}

void TestAppCommandLine::apiUrlWithKeyIsRefusedWithoutEchoingIt()
{
    const QString key = QStringLiteral("5f4dcc3b5aa765d61d8327deb882cf99");
    const QStringList urls{QStringLiteral("https://cpa.example.net/api/add.json?id=17-") + key,
                           QStringLiteral("https://17:") + key + QStringLiteral("@cpa.example.net/api/")};
    for (const QString &url : urls) {
        AppCommandLine commandLine;
        const QStringList errors =
            commandLine.process({QStringLiteral("cpadesk"), QStringLiteral("--api-url"), url});
        QCOMPARE(errors.size(), 1);
        QVERIFY2(!errors.constFirst().contains(key), "the key must never appear in an error");
        QVERIFY(commandLine.options().apiUrl.isEmpty());
    }
}

void TestAppCommandLine::sandboxAndApiUrlConflict()
{
    AppCommandLine commandLine;
    QCOMPARE(commandLine.process(args({"--sandbox"})), QStringList());
    QVERIFY(commandLine.options().sandbox);

    const QStringList errors =
        commandLine.process(args({"--sandbox", "--api-url", "https://cpa.example.net/"}));
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.constFirst().contains(QStringLiteral("--sandbox")));
}

void TestAppCommandLine::emptyProfileRefused()
{
    AppCommandLine commandLine;
    const QStringList errors = commandLine.process(args({"--profile", "  "}));
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.constFirst().contains(QStringLiteral("--profile")));
}

void TestAppCommandLine::language_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("expected");
    QTest::newRow("system") << QStringLiteral("system") << QStringLiteral("system");
    QTest::newRow("SYSTEM") << QStringLiteral("SYSTEM") << QStringLiteral("system");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("en");
    QTest::newRow("ru") << QStringLiteral("ru") << QStringLiteral("ru");
    QTest::newRow("ru_RU") << QStringLiteral("ru_RU") << QStringLiteral("ru");
    QTest::newRow("en-GB") << QStringLiteral("en-GB") << QStringLiteral("en");
}

void TestAppCommandLine::language()
{
    QFETCH(QString, given);
    QFETCH(QString, expected);
    AppCommandLine commandLine;
    QCOMPARE(commandLine.process({QStringLiteral("cpadesk"), QStringLiteral("--lang"), given}),
             QStringList());
    QCOMPARE(commandLine.options().language, expected);
}

void TestAppCommandLine::unknownLanguageRefused()
{
    for (const char *code : {"fr", "", "klingon"}) {
        AppCommandLine commandLine;
        const QStringList errors = commandLine.process(args({"--lang", code}));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.constFirst().contains(QStringLiteral("en, ru")), qPrintable(errors.constFirst()));
        QVERIFY(commandLine.options().language.isEmpty());
    }
}

void TestAppCommandLine::dataDirMadeAbsolute()
{
    AppCommandLine commandLine;
    QCOMPARE(commandLine.process(args({"--data-dir", "some/where/../data"})), QStringList());
    QCOMPARE(commandLine.options().dataDir, QDir::current().absoluteFilePath(QStringLiteral("some/data")));
    QVERIFY(QDir::isAbsolutePath(commandLine.options().dataDir));
    // It is not created here: the journal creates it with the right permissions.
    QVERIFY(!QFileInfo::exists(commandLine.options().dataDir));
}

void TestAppCommandLine::dataDirThatIsAFileRefused()
{
    QTemporaryDir dir;
    const QString filePath = dir.filePath(QStringLiteral("journal.sqlite"));
    QFile file(filePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();

    AppCommandLine commandLine;
    const QStringList errors =
        commandLine.process({QStringLiteral("cpadesk"), QStringLiteral("--data-dir"), filePath});
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.constFirst().contains(QStringLiteral("not a folder")));
    QVERIFY(commandLine.options().dataDir.isEmpty());

    QCOMPARE(commandLine.process(args({"--data-dir", ""})).size(), 1);
}

void TestAppCommandLine::unknownOptionRefused()
{
    AppCommandLine commandLine;
    const QStringList errors = commandLine.process(args({"--frobnicate"}));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(QStringLiteral("frobnicate")), qPrintable(errors.constFirst()));

    const QStringList missingValue = commandLine.process(args({"--profile"}));
    QCOMPARE(missingValue.size(), 1);
}

void TestAppCommandLine::positionalArgumentRefused()
{
    AppCommandLine commandLine;
    const QStringList errors = commandLine.process(args({"leads.csv"}));
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.constFirst().contains(QStringLiteral("leads.csv")));
}

void TestAppCommandLine::processResetsEarlierResults()
{
    AppCommandLine commandLine;
    QCOMPARE(commandLine.process(args({"--sandbox", "--profile", "A"})), QStringList());
    QCOMPARE(commandLine.process(args({})), QStringList());
    QVERIFY(!commandLine.options().sandbox);
    QVERIFY(commandLine.options().profile.isEmpty());
}

void TestAppCommandLine::helpTextListsEveryOption()
{
    const QString help = AppCommandLine().helpText();
    for (const char *option : {"--help", "--version", "--api-url <url>", "--sandbox", "--profile <name>",
                               "--lang <code>", "--data-dir <folder>"})
        QVERIFY2(help.contains(QLatin1String(option)), option);
    QVERIFY(help.contains(QStringLiteral("affiliate network")));
}

void TestAppCommandLine::helpTextFollowsTheInstalledLanguage()
{
    AppTranslations translations;
    QVERIFY(translations.install(QStringLiteral("ru")));
    const QString help = AppCommandLine().helpText();
    QVERIFY2(help.contains(QStringLiteral("--lang <код>")), qPrintable(help));
    QVERIFY(help.contains(QStringLiteral("Язык интерфейса")));
    QVERIFY(help.contains(QStringLiteral("Отправка заказов клиентов")));
    // QCommandLineParser's own lines come from Qt's catalogue.
    QVERIFY(help.contains(QStringLiteral("Показать сведения о версии.")));
    QCOMPARE(AppCommandLine::helpHint(), QStringLiteral("Список параметров: cpadesk --help"));
}

void TestAppCommandLine::versionText()
{
    QCOMPARE(AppCommandLine::versionText(), QStringLiteral("cpadesk 1.2.3"));
}

QTEST_GUILESS_MAIN(TestAppCommandLine)
#include "tst_appcommandline.moc"

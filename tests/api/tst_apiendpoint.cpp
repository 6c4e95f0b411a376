#include "TestEnvironment.h"
#include "api/ApiEndpoint.h"

#include <QTest>

using Source = ApiEndpoint::Source;

class TestApiEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void precedence_data();
    void precedence();
    void explicitOverride();
    void invalidChoiceIsAnErrorNotAFallback_data();
    void invalidChoiceIsAnErrorNotAFallback();
    void basePathIsKeptAndQueryDropped();
    void environmentVariable();

private:
    TestEnvironment m_env;
};

void TestApiEndpoint::precedence_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<Source>("source");
    const QString s = QStringLiteral("https://setting.example");
    const QString c = QStringLiteral("http://127.0.0.1:8080");
    const QString e = QStringLiteral("https://env.example/api");
    QTest::newRow("nothing") << QString() << QString() << QString()
                             << QUrl(QStringLiteral("https://api.cpa.moe")) << Source::Default;
    QTest::newRow("blank everything") << QStringLiteral(" ") << QStringLiteral("\t") << QString()
                                      << QUrl(QStringLiteral("https://api.cpa.moe")) << Source::Default;
    QTest::newRow("setting") << s << QString() << QString() << QUrl(s) << Source::Setting;
    QTest::newRow("env over setting") << s << QString() << e << QUrl(e) << Source::Environment;
    QTest::newRow("command line over all") << s << c << e << QUrl(c) << Source::CommandLine;
    QTest::newRow("command line over setting") << s << c << QString() << QUrl(c) << Source::CommandLine;
    QTest::newRow("trimmed") << QStringLiteral("  https://setting.example  ") << QString() << QString()
                             << QUrl(s) << Source::Setting;
}

void TestApiEndpoint::precedence()
{
    QFETCH(QString, setting);
    QFETCH(QString, commandLine);
    QFETCH(QString, environment);
    QFETCH(QUrl, url);
    QFETCH(Source, source);
    const ApiEndpoint::Resolution resolution = ApiEndpoint::resolve(setting, commandLine, environment);
    QVERIFY(resolution.isValid());
    QCOMPARE(resolution.url, url);
    QCOMPARE(resolution.source, source);
    QCOMPARE(ApiEndpoint::resolveBaseUrl(setting, commandLine, environment), url);
}

void TestApiEndpoint::explicitOverride()
{
    QVERIFY(!ApiEndpoint::isExplicitOverride(QString(), QString()));
    QVERIFY(!ApiEndpoint::isExplicitOverride(QStringLiteral(" "), QString()));
    QVERIFY(ApiEndpoint::isExplicitOverride(QStringLiteral("http://127.0.0.1:1"), QString()));
    QVERIFY(ApiEndpoint::isExplicitOverride(QString(), QStringLiteral("http://127.0.0.1:1")));
}

void TestApiEndpoint::invalidChoiceIsAnErrorNotAFallback_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::newRow("no scheme") << QStringLiteral("api.example.com");
    QTest::newRow("ftp") << QStringLiteral("ftp://api.example.com");
    QTest::newRow("no host") << QStringLiteral("https://");
    QTest::newRow("garbage") << QStringLiteral("http://exa mple.com");
}

void TestApiEndpoint::invalidChoiceIsAnErrorNotAFallback()
{
    QFETCH(QString, commandLine);
    const auto resolution =
        ApiEndpoint::resolve(QStringLiteral("https://setting.example"), commandLine, QString());
    QVERIFY(!resolution.isValid());
    QVERIFY(!resolution.url.isValid());
    QCOMPARE(resolution.source, Source::CommandLine);
    QVERIFY(!resolution.problem.isEmpty());
}

void TestApiEndpoint::basePathIsKeptAndQueryDropped()
{
    const auto resolution = ApiEndpoint::resolve(
        QStringLiteral("https://user:pw@host.example/prefix/v1?id=1-SECRET#frag"), QString(), QString());
    QVERIFY(resolution.isValid());
    QCOMPARE(resolution.url, QUrl(QStringLiteral("https://host.example/prefix/v1")));

    const auto broken = ApiEndpoint::resolve(QStringLiteral("ftp://host/?id=1-SECRET"), QString(), QString());
    QVERIFY(!broken.problem.contains(QStringLiteral("SECRET")));
}

void TestApiEndpoint::environmentVariable()
{
    qputenv("CPADESK_API_URL", "http://127.0.0.1:9999");
    QCOMPARE(ApiEndpoint::environmentUrl(), QStringLiteral("http://127.0.0.1:9999"));
    QCOMPARE(ApiEndpoint::resolve(QString(), QString(), ApiEndpoint::environmentUrl()).source,
             Source::Environment);
    qunsetenv("CPADESK_API_URL");
    QVERIFY(ApiEndpoint::environmentUrl().isEmpty());
}

QTEST_APPLESS_MAIN(TestApiEndpoint)
#include "tst_apiendpoint.moc"

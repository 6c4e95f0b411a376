#include "TestEnvironment.h"
#include "api/ApiRequestBuilder.h"
#include "api/FormCodec.h"
#include "api/LeadEncoder.h"

#include <QTest>

namespace {

ApiConfig baseConfig()
{
    ApiConfig config;
    config.baseUrl = QUrl(QStringLiteral("https://api.example.com"));
    config.user = QStringLiteral("42");
    config.key = QStringLiteral("abc123");
    return config;
}

Lead smallLead()
{
    Lead lead;
    lead.orderId = QStringLiteral("7");
    lead.offer = QStringLiteral("217");
    lead.phone = QStringLiteral("79000000000");
    return lead;
}

} // namespace

class TestApiRequestBuilder : public QObject
{
    Q_OBJECT

private slots:
    void addUrlCarriesOnlyTheCredentials();
    void listUrlCarriesTheIds();
    void basePathIsKept_data();
    void basePathIsKept();
    void keyIsEncodedAsPhpDecodesIt();
    void contentTypes();
    void signedRequestsCarryTheSignatureInsteadOfTheKey();
    void configProblems_data();
    void configProblems();

private:
    TestEnvironment m_env;
};

void TestApiRequestBuilder::addUrlCarriesOnlyTheCredentials()
{
    const auto prepared = ApiRequestBuilder(baseConfig()).addRequest(smallLead());
    QVERIFY(prepared.post);
    QCOMPARE(prepared.request.url().toEncoded(),
             QByteArray("https://api.example.com/ext/add.json?id=42-abc123"));
    QCOMPARE(prepared.body, LeadEncoder::formBody(smallLead()));
}

void TestApiRequestBuilder::listUrlCarriesTheIds()
{
    const auto prepared = ApiRequestBuilder(baseConfig())
                              .listRequest({QStringLiteral("1"), QStringLiteral("2"),
                                            QStringLiteral("1234567890123456789012345")});
    QVERIFY(!prepared.post);
    QVERIFY(prepared.body.isEmpty());
    QCOMPARE(
        prepared.request.url().toEncoded(),
        QByteArray("https://api.example.com/ext/list.json?id=42-abc123&ids=1,2,1234567890123456789012345"));
}

void TestApiRequestBuilder::basePathIsKept_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("path");
    QTest::newRow("bare") << QStringLiteral("https://h") << QStringLiteral("/ext/add.json");
    QTest::newRow("slash") << QStringLiteral("https://h/") << QStringLiteral("/ext/add.json");
    QTest::newRow("prefix") << QStringLiteral("https://h/cpa") << QStringLiteral("/cpa/ext/add.json");
    QTest::newRow("prefix slash") << QStringLiteral("https://h/cpa/v2//")
                                  << QStringLiteral("/cpa/v2/ext/add.json");
    QTest::newRow("query dropped") << QStringLiteral("https://h/cpa?x=1#f")
                                   << QStringLiteral("/cpa/ext/add.json");
}

void TestApiRequestBuilder::basePathIsKept()
{
    QFETCH(QString, base);
    QFETCH(QString, path);
    ApiConfig config = baseConfig();
    config.baseUrl = QUrl(base);
    const QUrl url = ApiRequestBuilder(config).addRequest(smallLead()).request.url();
    QCOMPARE(url.path(), path);
    QCOMPARE(url.query(), QStringLiteral("id=42-abc123"));
    QVERIFY(url.fragment().isEmpty());
}

void TestApiRequestBuilder::keyIsEncodedAsPhpDecodesIt()
{
    ApiConfig config = baseConfig();
    config.key = QStringLiteral("a+b&c=d e");
    const QUrl url = ApiRequestBuilder(config).addRequest(smallLead()).request.url();
    const QVariantMap query = FormCodec::decode(url.query(QUrl::FullyEncoded).toLatin1());
    QCOMPARE(query.size(), 1);
    QCOMPARE(query.value(QStringLiteral("id")).toString(), QStringLiteral("42-a+b&c=d e"));
}

void TestApiRequestBuilder::contentTypes()
{
    ApiConfig config = baseConfig();
    QCOMPARE(ApiRequestBuilder(config)
                 .addRequest(smallLead())
                 .request.header(QNetworkRequest::ContentTypeHeader)
                 .toByteArray(),
             QByteArray("application/x-www-form-urlencoded"));
    config.encoding = BodyEncoding::Json;
    const auto json = ApiRequestBuilder(config).addRequest(smallLead());
    QCOMPARE(json.request.header(QNetworkRequest::ContentTypeHeader).toByteArray(),
             QByteArray("application/json"));
    QCOMPARE(json.body, LeadEncoder::jsonBody(smallLead()));
}

void TestApiRequestBuilder::signedRequestsCarryTheSignatureInsteadOfTheKey()
{
    ApiConfig config = baseConfig();
    config.signRequests = true;
    const ApiRequestBuilder builder(config);
    const auto add = builder.addRequest(smallLead());
    QVERIFY(!add.request.url().toEncoded().contains("abc123"));
    QVERIFY(!add.body.contains("abc123"));
    QVERIFY(add.body.startsWith(QByteArray(LeadEncoder::formBody(smallLead()) + "&_nonce=")));
    const QString id = FormCodec::decode(add.request.url().query(QUrl::FullyEncoded).toLatin1())
                           .value(QStringLiteral("id"))
                           .toString();
    QVERIFY(id.startsWith(QStringLiteral("42-")));
    QCOMPARE(id.size(), 3 + 40);

    const auto list = builder.listRequest({QStringLiteral("1"), QStringLiteral("2")});
    QVERIFY(list.post);
    QVERIFY(list.body.startsWith("ids=1%2C2&_nonce="));
    QVERIFY(list.request.url().toEncoded().contains("&ids=1,2"));
    QVERIFY(!list.request.url().toEncoded().contains("abc123"));
}

void TestApiRequestBuilder::configProblems_data()
{
    QTest::addColumn<ApiConfig>("config");
    ApiConfig good = baseConfig();
    ApiConfig noUrl = good;
    noUrl.baseUrl = QUrl();
    ApiConfig ftp = good;
    ftp.baseUrl = QUrl(QStringLiteral("ftp://h"));
    ApiConfig noUser = good;
    noUser.user = QStringLiteral(" ");
    ApiConfig noKey = good;
    noKey.key.clear();
    ApiConfig signedJson = good;
    signedJson.signRequests = true;
    signedJson.encoding = BodyEncoding::Json;
    QTest::newRow("no url") << noUrl;
    QTest::newRow("ftp") << ftp;
    QTest::newRow("no user") << noUser;
    QTest::newRow("no key") << noKey;
    QTest::newRow("signed json") << signedJson;
}

void TestApiRequestBuilder::configProblems()
{
    QFETCH(ApiConfig, config);
    QVERIFY(!ApiRequestBuilder(baseConfig()).configProblem());
    const auto problem = ApiRequestBuilder(config).configProblem();
    QVERIFY(problem.has_value());
    QCOMPARE(problem->kind, ApiError::Kind::Transport);
    QCOMPARE(problem->code, QStringLiteral("config"));
    QVERIFY(!problem->message.isEmpty());
}

QTEST_APPLESS_MAIN(TestApiRequestBuilder)
#include "tst_apirequestbuilder.moc"

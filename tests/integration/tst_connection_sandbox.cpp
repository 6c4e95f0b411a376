// Issue 7: the settings dialog's connection check through the real client (apiClientFetchStarter) against
// the sandbox and against addresses where nothing answers; and signed requests (the key never travels)
// accepted by the sandbox, which verifies the signature as the engine does.

#include "IntegrationStack.h"
#include "TestEnvironment.h"
#include "settings/ConnectionTester.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace {

constexpr int TimeoutMs = 30000;
const QString User = QStringLiteral("4242");
const QString Key = QStringLiteral("sandbox-key-5b1c");

} // namespace

class TestConnectionSandbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void verdicts_data();
    void verdicts();
    void signedRequestsAreAccepted();
    void signedRequestWithWrongKeyIsAKeyError();

private:
    ApiConfig config(const QString &key = Key) const;
    ConnectionVerdict check(const ApiConfig &config);
    static QUrl closedPortUrl();

    TestEnvironment m_environment;
    std::unique_ptr<Sandbox> m_sandbox;
};

void TestConnectionSandbox::initTestCase()
{
    SandboxOptions options;
    options.user = User;
    options.key = Key;
    m_sandbox = std::make_unique<Sandbox>(options);
    QVERIFY(m_sandbox->listen() != 0);
}

ApiConfig TestConnectionSandbox::config(const QString &key) const
{
    ApiConfig result;
    result.baseUrl = m_sandbox->baseUrl();
    result.user = User;
    result.key = key;
    return result;
}

QUrl TestConnectionSandbox::closedPortUrl()
{
    // A port that was free a moment ago and that nobody listens on now: connections are refused.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return {};
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

ConnectionVerdict TestConnectionSandbox::check(const ApiConfig &config)
{
    QObject owner;
    ConnectionTester tester(apiClientFetchStarter(&owner));
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.test(config);
    if (!QTest::qWaitFor([&finished] { return !finished.isEmpty(); }, TimeoutMs))
        return {};
    return finished.constFirst().at(0).value<ConnectionVerdict>();
}

void TestConnectionSandbox::verdicts_data()
{
    QTest::addColumn<QString>("url"); // empty: the sandbox
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("sign");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("sentenceStart");

    using Outcome = ConnectionVerdict::Outcome;
    QTest::newRow("right key") << QString() << Key << false << int(Outcome::Works)
                               << QStringLiteral("The connection works");
    QTest::newRow("right key, signed")
        << QString() << Key << true << int(Outcome::Works) << QStringLiteral("The connection works");
    QTest::newRow("wrong key") << QString() << QStringLiteral("not-the-key") << false
                               << int(Outcome::WrongCredentials) << QStringLiteral("Wrong user id or key");
    QTest::newRow("wrong key, signed")
        << QString() << QStringLiteral("not-the-key") << true << int(Outcome::WrongCredentials)
        << QStringLiteral("Wrong user id or key");
    QTest::newRow("closed port") << QStringLiteral("closed") << Key << false << int(Outcome::Unreachable)
                                 << QStringLiteral("Could not connect to 127.0.0.1");
    QTest::newRow("unresolvable host")
        << QStringLiteral("http://nonexistent.invalid") << Key << false << int(Outcome::HostNotFound)
        << QStringLiteral("Host not found: nonexistent.invalid");
}

void TestConnectionSandbox::verdicts()
{
    QFETCH(QString, url);
    QFETCH(QString, key);
    QFETCH(bool, sign);
    QFETCH(int, outcome);
    QFETCH(QString, sentenceStart);

    ApiConfig settings = config(key);
    settings.signRequests = sign;
    if (url == QLatin1String("closed"))
        settings.baseUrl = closedPortUrl();
    else if (!url.isEmpty())
        settings.baseUrl = QUrl(url);
    QVERIFY(settings.baseUrl.isValid());

    const ConnectionVerdict verdict = check(settings);
    QVERIFY2(verdict.sentence.startsWith(sentenceStart), qPrintable(verdict.sentence));
    QCOMPARE(int(verdict.outcome), outcome);
    QVERIFY(!verdict.sentence.contains(key));
    QVERIFY(!verdict.error.message.contains(key));
    QVERIFY(!verdict.error.snippet.contains(key));
}

void TestConnectionSandbox::signedRequestsAreAccepted()
{
    ApiClient client;
    ApiConfig signedConfig = config();
    signedConfig.signRequests = true;
    client.setConfig(signedConfig);
    m_sandbox->clearReceivedRequests();

    AddCall *add =
        client.addLead(IntegrationLeads::lead(QStringLiteral("900001"), IntegrationLeads::phone(1)));
    QSignalSpy added(add, &AddCall::finished);
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, TimeoutMs);
    const auto addResult = added.constFirst().at(0).value<AddResult>();
    QVERIFY2(addResult.ok(), qPrintable(addResult.error.code));
    QVERIFY(!addResult.networkOrderId.isEmpty());
    QCOMPARE(m_sandbox->timesStored(QStringLiteral("900001")), 1);

    StatusFetch *fetch = client.fetchStatuses({QStringLiteral("900001")});
    QSignalSpy fetched(fetch, &StatusFetch::finished);
    QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, TimeoutMs);
    const auto listResult = fetched.constFirst().at(0).value<ListResult>();
    QVERIFY2(listResult.error.isOk(), qPrintable(listResult.error.code));
    QCOMPARE(listResult.rows.size(), 1);
    QCOMPARE(listResult.rows.constFirst().ourOrderId, QStringLiteral("900001"));
    QCOMPARE(listResult.rows.constFirst().networkOrderId, addResult.networkOrderId);

    // Both went signed: the form body carries the signature's _nonce and _timer, and never the key.
    const QList<SandboxRequest> requests = m_sandbox->receivedRequests();
    QCOMPARE(requests.size(), 2);
    for (const SandboxRequest &request : requests) {
        QVERIFY(request.contentType.startsWith("application/x-www-form-urlencoded"));
        QVERIFY(request.body.contains("_nonce="));
        QVERIFY(request.body.contains("_timer="));
        QVERIFY(!request.body.contains(Key.toLatin1()));
    }
}

void TestConnectionSandbox::signedRequestWithWrongKeyIsAKeyError()
{
    ApiClient client;
    ApiConfig signedConfig = config(QStringLiteral("not-the-key"));
    signedConfig.signRequests = true;
    client.setConfig(signedConfig);

    AddCall *add =
        client.addLead(IntegrationLeads::lead(QStringLiteral("900002"), IntegrationLeads::phone(2)));
    QSignalSpy added(add, &AddCall::finished);
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, TimeoutMs);
    const auto result = added.constFirst().at(0).value<AddResult>();
    QCOMPARE(result.error.kind, ApiError::Kind::Service);
    QCOMPARE(result.error.code, QStringLiteral("key"));
    QCOMPARE(m_sandbox->timesStored(QStringLiteral("900002")), 0);
}

QTEST_GUILESS_MAIN(TestConnectionSandbox)
#include "tst_connection_sandbox.moc"

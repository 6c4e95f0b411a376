// "Test connection": what is sent, and the sentence for each way it can go.
#include "ScriptedStatusFetch.h"
#include "TestEnvironment.h"
#include "settings/ConnectionTester.h"

#include <QSignalSpy>
#include <QTest>

namespace {

const QString Canary = QStringLiteral("CANARY-KEY-93f1");

ApiConfig goodConfig()
{
    ApiConfig config;
    config.baseUrl = QUrl(QStringLiteral("https://api.example.net"));
    config.user = QStringLiteral("1234");
    config.key = Canary;
    return config;
}

ApiError transport(const QString &code, int httpStatus = 0)
{
    ApiError error;
    error.kind = ApiError::Kind::Transport;
    error.code = code;
    error.httpStatus = httpStatus;
    error.message = QStringLiteral("client's own sentence");
    return error;
}

ApiError service(const QString &code, const QString &message = {})
{
    ApiError error;
    error.kind = ApiError::Kind::Service;
    error.code = code;
    error.message = message;
    error.httpStatus = 200;
    return error;
}

} // namespace

class TestConnectionTester : public QObject
{
    Q_OBJECT

private slots:
    void asksForOneHarmlessIdWithTheGivenAccount();
    void verdicts_data();
    void verdicts();
    void missingSettingsSendNothing_data();
    void missingSettingsSendNothing();
    void cancelStopsTheFetch();
    void aNewCheckReplacesTheOneInFlight();
    void noFetchIsAFailureNotAHang();

private:
    TestEnvironment m_environment;
};

void TestConnectionTester::asksForOneHarmlessIdWithTheGivenAccount()
{
    ScriptedFetchStarter starter;
    starter.answer = ListResult{}; // `[]`: the id is unknown, and the account works
    ConnectionTester tester(
        [&starter](const ApiConfig &c, const QStringList &ids) { return starter.start(c, ids); });
    QSignalSpy started(&tester, &ConnectionTester::started);
    QSignalSpy finished(&tester, &ConnectionTester::finished);

    ApiConfig config = goodConfig();
    config.signRequests = true;
    config.transferTimeoutMs = 60000;
    config.deadlineMs = 120000;
    tester.test(config);
    QCOMPARE(started.count(), 1);
    QVERIFY(tester.isRunning());
    QCOMPARE(finished.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY(!tester.isRunning());

    QCOMPARE(starter.calls.size(), 1);
    const auto &call = starter.calls.first();
    QCOMPARE(call.ids, QStringList{ConnectionTester::harmlessOrderId()});
    QCOMPARE(call.config.baseUrl, config.baseUrl);
    QCOMPARE(call.config.user, config.user);
    QVERIFY(call.config.key == Canary);
    QVERIFY(call.config.signRequests);
    QVERIFY(call.config.transferTimeoutMs <= ConnectionTester::TransferTimeoutMs);
    QVERIFY(call.config.deadlineMs <= ConnectionTester::DeadlineMs);

    const auto verdict = finished.at(0).at(0).value<ConnectionVerdict>();
    QVERIFY(verdict.works());
    QVERIFY(!verdict.sentence.isEmpty());
}

void TestConnectionTester::verdicts_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("expected"); // a part of the sentence
    using Outcome = ConnectionVerdict::Outcome;
    QTest::newRow("ok") << ApiError() << int(Outcome::Works) << QStringLiteral("works");
    QTest::newRow("key") << service(QStringLiteral("key")) << int(Outcome::WrongCredentials)
                         << QStringLiteral("Wrong user id or key");
    QTest::newRow("other service error")
        << service(QStringLiteral("security"), QStringLiteral("You are banned."))
        << int(Outcome::ServiceError) << QStringLiteral("“security”: You are banned.");
    QTest::newRow("unknown service error")
        << service(QStringLiteral("zzz")) << int(Outcome::ServiceError) << QStringLiteral("“zzz”");
    QTest::newRow("dns") << transport(QStringLiteral("dns")) << int(Outcome::HostNotFound)
                         << QStringLiteral("Host not found: api.example.net");
    QTest::newRow("tls") << transport(QStringLiteral("tls")) << int(Outcome::SecureConnectionFailed)
                         << QStringLiteral("secure connection to api.example.net failed");
    QTest::newRow("timeout") << transport(QStringLiteral("timeout")) << int(Outcome::TimedOut)
                             << QStringLiteral("did not answer in time");
    QTest::newRow("refused") << transport(QStringLiteral("network")) << int(Outcome::Unreachable)
                             << QStringLiteral("Could not connect to api.example.net");
    QTest::newRow("html 502") << transport(QStringLiteral("html"), 502) << int(Outcome::ErrorPage)
                              << QStringLiteral("the server answered with an error page (HTTP 502)");
    QTest::newRow("plain 500") << transport(QStringLiteral("http"), 500) << int(Outcome::ErrorPage)
                               << QStringLiteral("error page (HTTP 500)");
    QTest::newRow("html 200") << transport(QStringLiteral("html"), 200) << int(Outcome::NotAnApi)
                              << QStringLiteral("web page, not the API");
    QTest::newRow("404") << transport(QStringLiteral("http"), 404) << int(Outcome::NotAnApi)
                         << QStringLiteral("no API at this address (HTTP 404)");
    QTest::newRow("redirect") << transport(QStringLiteral("http"), 301) << int(Outcome::NotAnApi)
                              << QStringLiteral("(HTTP 301)");
    QTest::newRow("403") << transport(QStringLiteral("http"), 403) << int(Outcome::ErrorPage)
                         << QStringLiteral("refused access (HTTP 403)");
    QTest::newRow("empty") << transport(QStringLiteral("empty"), 200) << int(Outcome::UnreadableAnswer)
                           << QStringLiteral("empty, cut short");
    QTest::newRow("truncated") << transport(QStringLiteral("truncated"), 200)
                               << int(Outcome::UnreadableAnswer) << QStringLiteral("empty, cut short");
    QTest::newRow("not json") << transport(QStringLiteral("json"), 200) << int(Outcome::UnreadableAnswer)
                              << QStringLiteral("not the API's JSON");
    QTest::newRow("new transport code")
        << transport(QStringLiteral("quantum")) << int(Outcome::Unreachable) << QStringLiteral("(quantum)");
}

void TestConnectionTester::verdicts()
{
    QFETCH(ApiError, error);
    QFETCH(int, outcome);
    QFETCH(QString, expected);
    ScriptedFetchStarter starter;
    starter.answer.error = error;
    ConnectionTester tester(
        [&starter](const ApiConfig &c, const QStringList &ids) { return starter.start(c, ids); });
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.test(goodConfig());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const auto verdict = finished.at(0).at(0).value<ConnectionVerdict>();
    QCOMPARE(int(verdict.outcome), outcome);
    QVERIFY2(verdict.sentence.contains(expected, Qt::CaseInsensitive), qPrintable(verdict.sentence));
    QVERIFY(!verdict.sentence.contains(Canary));
    QCOMPARE(verdict.error.code, error.code);
}

void TestConnectionTester::missingSettingsSendNothing_data()
{
    QTest::addColumn<ApiConfig>("config");
    QTest::addColumn<QString>("expected");
    ApiConfig noUrl = goodConfig();
    noUrl.baseUrl = QUrl();
    QTest::newRow("url") << noUrl << QStringLiteral("base URL");
    ApiConfig noUser = goodConfig();
    noUser.user = QStringLiteral("  ");
    QTest::newRow("user") << noUser << QStringLiteral("user id");
    ApiConfig noKey = goodConfig();
    noKey.key.clear();
    QTest::newRow("key") << noKey << QStringLiteral("key");
    ApiConfig signedJson = goodConfig();
    signedJson.encoding = BodyEncoding::Json;
    signedJson.signRequests = true;
    QTest::newRow("signed json") << signedJson << QStringLiteral("form encoding");
}

void TestConnectionTester::missingSettingsSendNothing()
{
    QFETCH(ApiConfig, config);
    QFETCH(QString, expected);
    ScriptedFetchStarter starter;
    ConnectionTester tester(
        [&starter](const ApiConfig &c, const QStringList &ids) { return starter.start(c, ids); });
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.test(config);
    QCOMPARE(finished.count(), 0); // from the event loop, like every other answer
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const auto verdict = finished.at(0).at(0).value<ConnectionVerdict>();
    QCOMPARE(verdict.outcome, ConnectionVerdict::Outcome::IncompleteSettings);
    QVERIFY2(verdict.sentence.contains(expected), qPrintable(verdict.sentence));
    QVERIFY(starter.calls.isEmpty());
}

void TestConnectionTester::cancelStopsTheFetch()
{
    ScriptedFetchStarter starter;
    starter.hang = true;
    ConnectionTester tester(
        [&starter](const ApiConfig &c, const QStringList &ids) { return starter.start(c, ids); });
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.test(goodConfig());
    QTRY_COMPARE_WITH_TIMEOUT(starter.calls.size(), 1, 10000);
    QCoreApplication::processEvents();
    QCOMPARE(finished.count(), 0);
    QPointer<ScriptedStatusFetch> fetch = starter.calls.first().fetch;
    tester.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<ConnectionVerdict>().outcome, ConnectionVerdict::Outcome::Cancelled);
    QVERIFY(fetch && fetch->wasCancelled());
    QTRY_VERIFY_WITH_TIMEOUT(fetch.isNull(), 10000);
    QCOMPARE(finished.count(), 1); // the fetch's own "cancelled" answer is not a second verdict
    QVERIFY(!tester.isRunning());
}

void TestConnectionTester::aNewCheckReplacesTheOneInFlight()
{
    ScriptedFetchStarter starter;
    starter.hang = true;
    ConnectionTester tester(
        [&starter](const ApiConfig &c, const QStringList &ids) { return starter.start(c, ids); });
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.test(goodConfig());
    starter.hang = false;
    starter.answer.error = service(QStringLiteral("key"));
    tester.test(goodConfig());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    QCOMPARE(finished.at(0).at(0).value<ConnectionVerdict>().outcome, ConnectionVerdict::Outcome::Cancelled);
    QCOMPARE(finished.at(1).at(0).value<ConnectionVerdict>().outcome,
             ConnectionVerdict::Outcome::WrongCredentials);
    // Both fetches have ended (and deleted themselves): nothing more can arrive.
    QTRY_VERIFY_WITH_TIMEOUT(starter.calls.at(0).fetch.isNull() && starter.calls.at(1).fetch.isNull(), 10000);
    QCOMPARE(finished.count(), 2);
}

void TestConnectionTester::noFetchIsAFailureNotAHang()
{
    ConnectionTester tester([](const ApiConfig &, const QStringList &) -> StatusFetch * { return nullptr; });
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.test(goodConfig());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.at(0).at(0).value<ConnectionVerdict>().outcome,
             ConnectionVerdict::Outcome::Unreachable);
}

QTEST_GUILESS_MAIN(TestConnectionTester)
#include "tst_connectiontester.moc"

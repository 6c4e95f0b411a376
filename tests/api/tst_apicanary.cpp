#include "FakeHttpServer.h"
#include "TestEnvironment.h"
#include "api/ApiClient.h"
#include "api/ErrorCatalog.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

// The key must never show up in a log line or an error text, whatever happens on the way (issue 7).
// Every logging category is switched on, every message is captured, and the whole network path runs
// with a canary key, through successes and every kind of failure, including servers that echo the
// request (query with the key, body) back in their error pages and redirects.

namespace {

constexpr int waitMs = 15000;
const QString canary = QStringLiteral("CANARY-KEY-93f1");

QMutex capturedMutex;
QStringList captured;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&capturedMutex);
    captured << QString::fromLatin1(context.category ? context.category : "default") + QStringLiteral(": ") +
                    message;
}

Lead lead()
{
    Lead lead;
    lead.orderId = QStringLiteral("5551");
    lead.offer = QStringLiteral("217");
    lead.ip = QStringLiteral("12.34.56.78");
    lead.phone = QStringLiteral("79000000000");
    lead.name = QStringLiteral("Canary Test");
    return lead;
}

QByteArray echoOf(const RecordedRequest &request)
{
    return request.method + ' ' + request.target + "\n" + request.body;
}

} // namespace

class TestApiCanary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void theKeyAppearsNowhere();

private:
    ApiConfig config(const QUrl &base) const;
    ApiError add(const ApiConfig &config, const Lead &lead = ::lead());
    ApiError fetch(const ApiConfig &config, const QStringList &ids);
    ApiError abortedAdd(const ApiConfig &config, const FakeHttpServer &server);

    TestEnvironment m_env;
    QtMessageHandler m_previousHandler = nullptr;
    QList<ApiError> m_errors;
};

void TestApiCanary::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    m_previousHandler = qInstallMessageHandler(captureMessage);
}

void TestApiCanary::cleanupTestCase()
{
    qInstallMessageHandler(m_previousHandler);
    QLoggingCategory::setFilterRules(QString());
}

ApiConfig TestApiCanary::config(const QUrl &base) const
{
    ApiConfig config;
    config.baseUrl = base;
    config.user = QStringLiteral("42");
    config.key = canary;
    config.transferTimeoutMs = 2000;
    config.deadlineMs = 5000;
    return config;
}

ApiError TestApiCanary::add(const ApiConfig &config, const Lead &lead)
{
    ApiClient client;
    client.setConfig(config);
    AddCall *call = client.addLead(lead);
    QSignalSpy spy(call, &AddCall::finished);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, waitMs);
    }();
    const ApiError error = spy.isEmpty() ? ApiError() : spy.at(0).at(0).value<AddResult>().error;
    m_errors << error;
    return error;
}

ApiError TestApiCanary::fetch(const ApiConfig &config, const QStringList &ids)
{
    ApiClient client;
    client.setConfig(config);
    StatusFetch *fetch = client.fetchStatuses(ids, 2);
    QSignalSpy spy(fetch, &StatusFetch::finished);
    QSignalSpy batches(fetch, &StatusFetch::batchFinished);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, waitMs);
    }();
    for (const QList<QVariant> &batch : batches)
        m_errors << batch.at(0).value<ListResult>().error;
    const ApiError error = spy.isEmpty() ? ApiError() : spy.at(0).at(0).value<ListResult>().error;
    m_errors << error;
    return error;
}

ApiError TestApiCanary::abortedAdd(const ApiConfig &config, const FakeHttpServer &server)
{
    ApiClient client;
    client.setConfig(config);
    const qsizetype before = server.requests().size();
    QPointer<AddCall> call = client.addLead(lead());
    QSignalSpy spy(call.data(), &AddCall::finished);
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(server.requests().size() > before, waitMs);
    }(); // the request is out
    if (call)
        call->abort();
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, waitMs);
    }();
    const ApiError error = spy.isEmpty() ? ApiError() : spy.at(0).at(0).value<AddResult>().error;
    m_errors << error;
    return error;
}

void TestApiCanary::theKeyAppearsNowhere()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    const ApiConfig plain = config(server.baseUrl());

    // Successes, in each encoding and signed.
    server.enqueue(ScriptedReply::json(R"({"status":"ok","id":1,"uid":5551})"));
    QVERIFY(add(plain).isOk());
    ApiConfig json = plain;
    json.encoding = BodyEncoding::Json;
    server.enqueue(ScriptedReply::json(R"({"status":"ok","id":2,"uid":5551})"));
    QVERIFY(add(json).isOk());
    ApiConfig signing = plain;
    signing.signRequests = true;
    server.enqueue(ScriptedReply::json(R"({"status":"ok","id":3,"uid":5551})"));
    QVERIFY(add(signing).isOk());
    ApiConfig refused = json;
    refused.signRequests = true;
    QCOMPARE(add(refused).code, QStringLiteral("config"));

    // Failures whose answers echo the request, key included.
    server.setHandler([](const RecordedRequest &request) {
        return ScriptedReply::html(502, "<html><title>502 Bad Gateway</title><body>" + echoOf(request) +
                                            "</body></html>");
    });
    QCOMPARE(add(plain).code, QStringLiteral("http"));
    QCOMPARE(add(json).code, QStringLiteral("http"));
    server.setHandler(
        [](const RecordedRequest &request) { return ScriptedReply::plain(500, echoOf(request)); });
    QCOMPARE(add(plain).code, QStringLiteral("http"));
    server.setHandler([](const RecordedRequest &request) {
        return ScriptedReply::html(200, "<p>Proxy says: " + echoOf(request) + "</p>");
    });
    QCOMPARE(add(plain).code, QStringLiteral("html"));
    server.setHandler(
        [](const RecordedRequest &request) { return ScriptedReply::plain(200, echoOf(request)); });
    QCOMPARE(add(plain).code, QStringLiteral("json"));
    server.setHandler([](const RecordedRequest &request) {
        return ScriptedReply::truncated("{\"echo\":\"" + request.target + "\",", 4000);
    });
    QCOMPARE(add(plain).code, QStringLiteral("truncated"));
    server.setHandler([](const RecordedRequest &request) {
        return ScriptedReply::json(R"({"status":"error","error":")" + request.rawQuery.mid(3) + "\"}");
    });
    QCOMPARE(add(plain).kind, ApiError::Kind::Service);
    server.setHandler([](const RecordedRequest &request) {
        return ScriptedReply::json(
            R"({"status":"error","error":"key","error_text":")" + request.target + "\"}", 403);
    });
    QCOMPARE(add(plain).code, QStringLiteral("key"));
    const QByteArray base = server.baseUrl().toEncoded();
    server.setHandler([base](const RecordedRequest &request) {
        return ScriptedReply::redirect(base + "/elsewhere" + request.target, 307);
    });
    QCOMPARE(add(plain).code, QStringLiteral("http"));
    QCOMPARE(fetch(plain, {QStringLiteral("1")}).code, QStringLiteral("http"));
    server.setHandler([](const RecordedRequest &) { return ScriptedReply::reset(); });
    QCOMPARE(add(plain).code, QStringLiteral("network"));
    server.setHandler([](const RecordedRequest &) { return ScriptedReply::hang(); });
    ApiConfig quick = plain;
    quick.transferTimeoutMs = 300;
    QCOMPARE(add(quick).code, QStringLiteral("timeout"));
    ApiConfig deadline = plain;
    deadline.deadlineMs = 300;
    QCOMPARE(fetch(deadline, {QStringLiteral("1"), QStringLiteral("2")}).code, QStringLiteral("timeout"));
    QCOMPARE(abortedAdd(plain, server).kind, ApiError::Kind::Cancelled);

    // A status fetch over several batches, one of which fails with an echo.
    server.setHandler([](const RecordedRequest &request) {
        if (request.queryValue(QStringLiteral("ids")).startsWith(u'5'))
            return ScriptedReply::html(503, "<h1>Down</h1>" + echoOf(request));
        return ScriptedReply::json("[]");
    });
    QStringList ids;
    for (int i = 0; i < 120; ++i)
        ids << QString::number(i < 50 ? 1000 + i : (i < 100 ? 5000 + i : 7000 + i));
    QCOMPARE(fetch(plain, ids).code, QStringLiteral("http"));
    QCOMPARE(fetch(signing, ids).code, QStringLiteral("http"));

    // Failures before any HTTP answer: Qt's error strings quote the URL with its query.
    ApiConfig nowhere = plain;
    nowhere.baseUrl = QUrl(QStringLiteral("http://no-such-host.invalid"));
    QCOMPARE(add(nowhere).code, QStringLiteral("dns"));
    QCOMPARE(fetch(nowhere, {QStringLiteral("1")}).code, QStringLiteral("dns"));
    ApiConfig tls = plain;
    tls.baseUrl.setScheme(QStringLiteral("https"));
    QCOMPARE(add(tls).code, QStringLiteral("tls"));
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost, 0));
    ApiConfig closed = plain;
    closed.baseUrl.setPort(reserve.serverPort());
    reserve.close();
    QCOMPARE(add(closed).code, QStringLiteral("network"));

    // Make sure the key really went out where it belongs, so that its absence below means something.
    bool keyTravelledInQuery = false;
    for (const RecordedRequest &request : server.requests())
        keyTravelledInQuery = keyTravelledInQuery || request.target.contains(canary.toLatin1());
    QVERIFY(keyTravelledInQuery);

    const QMutexLocker lock(&capturedMutex);
    bool apiLogged = false;
    for (const QString &line : std::as_const(captured)) {
        QVERIFY2(!line.contains(canary, Qt::CaseInsensitive), "the key leaked into a log line");
        apiLogged = apiLogged ||
                    (line.startsWith(QStringLiteral("cpadesk.api: ")) && line.contains(u"/ext/add.json"));
    }
    QVERIFY2(apiLogged, "cpadesk.api logged nothing: the test would prove nothing");
    QVERIFY(m_errors.size() > 20);
    for (const ApiError &error : std::as_const(m_errors)) {
        QVERIFY2(!error.message.contains(canary, Qt::CaseInsensitive),
                 "the key leaked into an error message");
        QVERIFY2(!error.snippet.contains(canary, Qt::CaseInsensitive),
                 "the key leaked into an error snippet");
        QVERIFY2(!error.code.contains(canary, Qt::CaseInsensitive), "the key leaked into an error code");
        QVERIFY2(!ErrorCatalog::displayText(error).contains(canary, Qt::CaseInsensitive), "the key leaked");
    }
}

QTEST_GUILESS_MAIN(TestApiCanary)
#include "tst_apicanary.moc"

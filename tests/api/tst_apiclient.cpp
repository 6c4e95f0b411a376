#include "FakeHttpServer.h"
#include "TestEnvironment.h"
#include "api/ApiClient.h"
#include "api/FormCodec.h"
#include "api/LeadEncoder.h"

#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using Kind = ApiError::Kind;

namespace {

constexpr int waitMs = 15000;
const QString key = QStringLiteral("k3y+with&odd=chars");
const QString user = QStringLiteral("42");

Lead sampleLead()
{
    Lead lead;
    lead.orderId = QStringLiteral("112358");
    lead.wm = QStringLiteral("42");
    lead.offer = QStringLiteral("217");
    lead.ip = QStringLiteral("12.34.56.78");
    lead.name = QStringLiteral("Jane Doe");
    lead.phone = QStringLiteral("79000000000");
    lead.country = QStringLiteral("ru");
    lead.items.append(LeadItem{QStringLiteral("135"), 9900, 1});
    lead.params = {{QStringLiteral("sirname"), QStringLiteral("Doe")}};
    return lead;
}

QStringList numberedIds(int count)
{
    QStringList ids;
    for (int i = 1; i <= count; ++i)
        ids << QString::number(1000 + i);
    return ids;
}

// list.json answered as the service does: an object keyed by our id, for every id asked.
ScriptedReply listAnswer(const RecordedRequest &request)
{
    QByteArray body = "{";
    const QStringList ids = request.queryValue(QStringLiteral("ids")).split(u',', Qt::SkipEmptyParts);
    for (const QString &id : ids) {
        if (body.size() > 1)
            body += ',';
        body += '"' + id.toLatin1() + "\":{\"id\":\"" + id.toLatin1() + "\",\"uid\":" + id.toLatin1() + "0" +
                ",\"stage\":\"wait\",\"status\":1}";
    }
    return ScriptedReply::json(body + "}");
}

bool requestContainsKey(const RecordedRequest &request, const QString &secret)
{
    const QByteArray forms[] = {secret.toUtf8(), FormCodec::urlencode(secret),
                                QUrl::toPercentEncoding(secret)};
    for (const QByteArray &form : forms) {
        if (request.target.contains(form) || request.body.contains(form))
            return true;
        for (const auto &header : request.headers) {
            if (header.second.contains(form))
                return true;
        }
    }
    return false;
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void addFormEncoding();
    void addJsonEncoding();
    void basePathIsKept();
    void addServiceErrorIsAVerdict();
    void signedAddKeepsTheKeyAtHome();
    void signingWithJsonIsRefused();
    void configProblemsSendNothing();
    void signedStatusFetch();
    void batching_data();
    void batching();
    void batchesInFlightRespectMaxParallel();
    void failedBatchKeepsTheOthersRows();
    void serviceErrorStopsFurtherBatches();
    void emptyIdListFinishesWithoutARequest();
    void faultsAreTransportErrors_data();
    void faultsAreTransportErrors();
    void transferTimeout();
    void overallDeadline();
    void redirectOfPostIsNotFollowed();
    void dnsFailure();
    void connectionRefused();
    void tlsFailureIsNeverIgnored();
    void abortEndsTheCallOnce();
    void cancelEndsTheFetchOnce();
    void fetchForBatchesOnlyKeepsNoRowsForTheEnd();
    void clientGoingAwayEndsItsCalls();

private:
    ApiConfig config() const;
    AddResult runAdd(ApiClient &client, const Lead &lead);
    ListResult runFetch(ApiClient &client, const QStringList &ids, int maxParallel = 4);

    TestEnvironment m_env;
    FakeHttpServer *m_server = nullptr;
};

void TestApiClient::init()
{
    m_server = new FakeHttpServer(this);
    QVERIFY(m_server->listen());
}

void TestApiClient::cleanup()
{
    delete m_server;
    m_server = nullptr;
}

ApiConfig TestApiClient::config() const
{
    ApiConfig config;
    config.baseUrl = m_server->baseUrl();
    config.user = user;
    config.key = key;
    config.transferTimeoutMs = 10000;
    config.deadlineMs = 20000;
    return config;
}

AddResult TestApiClient::runAdd(ApiClient &client, const Lead &lead)
{
    AddCall *call = client.addLead(lead);
    QPointer<AddCall> guard(call);
    QSignalSpy spy(call, &AddCall::finished);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, waitMs);
    }();
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), waitMs);
    }(); // it deletes itself
    if (spy.size() != 1)
        return {};
    return spy.at(0).at(0).value<AddResult>();
}

ListResult TestApiClient::runFetch(ApiClient &client, const QStringList &ids, int maxParallel)
{
    StatusFetch *fetch = client.fetchStatuses(ids, maxParallel);
    QPointer<StatusFetch> guard(fetch);
    QSignalSpy spy(fetch, &StatusFetch::finished);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, waitMs);
    }();
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), waitMs);
    }();
    if (spy.size() != 1)
        return {};
    return spy.at(0).at(0).value<ListResult>();
}

void TestApiClient::addFormEncoding()
{
    m_server->enqueue(ScriptedReply::json(R"({"status":"ok","id":98765,"uid":112358})"));
    ApiClient client;
    client.setConfig(config());
    const AddResult result = runAdd(client, sampleLead());
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.networkOrderId, QStringLiteral("98765"));
    QCOMPARE(result.ourOrderId, QStringLiteral("112358"));

    QCOMPARE(m_server->requests().size(), 1);
    const RecordedRequest &request = m_server->requests().at(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QStringLiteral("/ext/add.json"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(request.body, LeadEncoder::formBody(sampleLead()));
    // Auth only in the query, and nothing else there.
    QCOMPARE(request.queryValue(QStringLiteral("id")), user + u'-' + key);
    QCOMPARE(FormCodec::decode(request.rawQuery).size(), 1);
    QVERIFY(!request.body.contains(FormCodec::urlencode(key)));
    QVERIFY(!request.body.contains(key.toUtf8()));
    for (const auto &header : request.headers)
        QVERIFY(!header.second.contains(FormCodec::urlencode(key)) && !header.second.contains(key.toUtf8()));
}

void TestApiClient::addJsonEncoding()
{
    m_server->enqueue(ScriptedReply::json(R"({"status":"ok","id":"1","uid":"112358"})"));
    ApiClient client;
    ApiConfig json = config();
    json.encoding = BodyEncoding::Json;
    client.setConfig(json);
    const AddResult result = runAdd(client, sampleLead());
    QVERIFY(result.ok());
    const RecordedRequest &request = m_server->requests().at(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(request.body, LeadEncoder::jsonBody(sampleLead()));
    QCOMPARE(request.queryValue(QStringLiteral("id")), user + u'-' + key);
    QVERIFY(!request.body.contains(key.toUtf8()));
}

void TestApiClient::basePathIsKept()
{
    ApiClient client;
    ApiConfig prefixed = config();
    prefixed.baseUrl.setPath(QStringLiteral("/partner/api/"));
    client.setConfig(prefixed);
    m_server->enqueue(ScriptedReply::json(R"({"status":"ok","id":1,"uid":2})"));
    QVERIFY(runAdd(client, sampleLead()).ok());
    QVERIFY(runFetch(client, {QStringLiteral("1")}).error.isOk());
    QCOMPARE(m_server->requests().at(0).path, QStringLiteral("/partner/api/ext/add.json"));
    QCOMPARE(m_server->requests().at(1).path, QStringLiteral("/partner/api/ext/list.json"));
}

void TestApiClient::addServiceErrorIsAVerdict()
{
    m_server->enqueue(ScriptedReply::json(R"({"status":"error","error":"duplicate"})"));
    ApiClient client;
    client.setConfig(config());
    const AddResult result = runAdd(client, sampleLead());
    QCOMPARE(result.error.kind, Kind::Service);
    QCOMPARE(result.error.code, QStringLiteral("duplicate"));
    QCOMPARE(result.error.httpStatus, 200);
}

void TestApiClient::signedAddKeepsTheKeyAtHome()
{
    m_server->enqueue(ScriptedReply::json(R"({"status":"ok","id":1,"uid":112358})"));
    ApiClient client;
    ApiConfig signing = config();
    signing.signRequests = true;
    client.setConfig(signing);
    QVERIFY(runAdd(client, sampleLead()).ok());

    const RecordedRequest &request = m_server->requests().at(0);
    QVERIFY(!requestContainsKey(request, key));
    const QByteArray plainBody = LeadEncoder::formBody(sampleLead());
    QVERIFY(request.body.startsWith(QByteArray(plainBody + "&_nonce=")));
    const QVariantMap fields = FormCodec::decode(request.body);
    QVERIFY(!fields.value(QStringLiteral("_nonce")).toString().isEmpty());
    QVERIFY(fields.value(QStringLiteral("_timer")).toLongLong() > 1600000000);
    const QByteArray expectedSign =
        QMessageAuthenticationCode::hash(request.body, key.toUtf8(), QCryptographicHash::Sha1).toHex();
    QCOMPARE(request.queryValue(QStringLiteral("id")), user + u'-' + QString::fromLatin1(expectedSign));
}

void TestApiClient::signingWithJsonIsRefused()
{
    ApiClient client;
    ApiConfig both = config();
    both.signRequests = true;
    both.encoding = BodyEncoding::Json;
    client.setConfig(both);
    const AddResult result = runAdd(client, sampleLead());
    QCOMPARE(result.error.kind, Kind::Transport);
    QCOMPARE(result.error.code, QStringLiteral("config"));
    QVERIFY(result.error.message.contains(QStringLiteral("form encoding")));
    QVERIFY(m_server->requests().isEmpty());
}

void TestApiClient::configProblemsSendNothing()
{
    ApiClient client;
    ApiConfig noKey = config();
    noKey.key.clear();
    client.setConfig(noKey);
    QCOMPARE(runAdd(client, sampleLead()).error.code, QStringLiteral("config"));
    QCOMPARE(runFetch(client, {QStringLiteral("1")}).error.code, QStringLiteral("config"));
    ApiConfig badUrl = config();
    badUrl.baseUrl = QUrl(QStringLiteral("ftp://127.0.0.1/"));
    client.setConfig(badUrl);
    QCOMPARE(runAdd(client, sampleLead()).error.code, QStringLiteral("config"));
    QVERIFY(m_server->requests().isEmpty());
}

void TestApiClient::signedStatusFetch()
{
    m_server->setHandler(listAnswer);
    ApiClient client;
    ApiConfig signing = config();
    signing.signRequests = true;
    client.setConfig(signing);
    const ListResult result = runFetch(client, {QStringLiteral("7"), QStringLiteral("8")});
    QVERIFY(result.error.isOk());
    QCOMPARE(result.rows.size(), 2);
    const RecordedRequest &request = m_server->requests().at(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QStringLiteral("/ext/list.json"));
    QVERIFY(!requestContainsKey(request, key));
    QCOMPARE(request.queryValue(QStringLiteral("ids")), QStringLiteral("7,8"));
    QVERIFY(request.body.startsWith("ids=7%2C8&_nonce="));
    const QByteArray expectedSign =
        QMessageAuthenticationCode::hash(request.body, key.toUtf8(), QCryptographicHash::Sha1).toHex();
    QCOMPARE(request.queryValue(QStringLiteral("id")), user + u'-' + QString::fromLatin1(expectedSign));
}

void TestApiClient::batching_data()
{
    QTest::addColumn<int>("idCount");
    QTest::addColumn<QList<int>>("batchSizes");
    QTest::newRow("1") << 1 << QList<int>{1};
    QTest::newRow("50") << 50 << QList<int>{50};
    QTest::newRow("51") << 51 << QList<int>{50, 1};
    QTest::newRow("120") << 120 << QList<int>{50, 50, 20};
}

void TestApiClient::batching()
{
    QFETCH(int, idCount);
    QFETCH(QList<int>, batchSizes);
    m_server->setHandler(listAnswer);
    ApiClient client;
    client.setConfig(config());
    QStringList ids = numberedIds(idCount);
    ids << ids.first() << QString(); // duplicates and blanks are not asked twice

    StatusFetch *fetch = client.fetchStatuses(ids, 2);
    QSignalSpy finished(fetch, &StatusFetch::finished);
    QSignalSpy batches(fetch, &StatusFetch::batchFinished);
    QSignalSpy progress(fetch, &StatusFetch::progress);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, waitMs);

    QCOMPARE(m_server->requests().size(), batchSizes.size());
    QStringList asked;
    QList<int> sizes;
    for (const RecordedRequest &request : m_server->requests()) {
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.path, QStringLiteral("/ext/list.json"));
        QCOMPARE(request.queryValue(QStringLiteral("id")), user + u'-' + key);
        const QStringList part = request.queryValue(QStringLiteral("ids")).split(u',');
        sizes << int(part.size());
        asked << part;
    }
    std::sort(sizes.begin(), sizes.end(), std::greater<int>());
    QCOMPARE(sizes, batchSizes);
    asked.sort();
    QCOMPARE(asked, numberedIds(idCount));

    const ListResult merged = finished.at(0).at(0).value<ListResult>();
    QVERIFY(merged.error.isOk());
    QCOMPARE(merged.rows.size(), idCount);
    QStringList returned;
    for (const StatusRow &row : merged.rows) {
        returned << row.ourOrderId;
        QCOMPARE(row.networkOrderId, row.ourOrderId + u'0');
    }
    returned.sort();
    QCOMPARE(returned, numberedIds(idCount));
    QCOMPARE(batches.size(), batchSizes.size());
    QCOMPARE(progress.size(), batchSizes.size());
    QCOMPARE(progress.last().at(0).toInt(), int(batchSizes.size()));
    QCOMPARE(progress.last().at(1).toInt(), int(batchSizes.size()));
}

void TestApiClient::batchesInFlightRespectMaxParallel()
{
    m_server->setHandler([](const RecordedRequest &request) {
        ScriptedReply reply = listAnswer(request);
        reply.delayMs = 100;
        return reply;
    });
    ApiClient client;
    client.setConfig(config());
    const ListResult result = runFetch(client, numberedIds(250), 2);
    QVERIFY(result.error.isOk());
    QCOMPARE(result.rows.size(), 250);
    QCOMPARE(m_server->requests().size(), 5);
    QVERIFY(m_server->maxPendingAnswers() <= 2);
    QVERIFY(m_server->maxPendingAnswers() >= 1);
}

void TestApiClient::failedBatchKeepsTheOthersRows()
{
    m_server->setHandler([](const RecordedRequest &request) {
        if (request.queryValue(QStringLiteral("ids")).startsWith(QStringLiteral("1051,")))
            return ScriptedReply::html(502, "<html><title>502 Bad Gateway</title></html>");
        return listAnswer(request);
    });
    ApiClient client;
    client.setConfig(config());
    const ListResult result = runFetch(client, numberedIds(120), 1);
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(result.error.kind, Kind::Transport);
    QCOMPARE(result.error.code, QStringLiteral("http"));
    QCOMPARE(result.error.httpStatus, 502);
    QCOMPARE(result.rows.size(), 70);
}

void TestApiClient::serviceErrorStopsFurtherBatches()
{
    m_server->setHandler(
        [](const RecordedRequest &) { return ScriptedReply::json(R"({"status":"error","error":"key"})"); });
    ApiClient client;
    client.setConfig(config());
    const ListResult result = runFetch(client, numberedIds(200), 1);
    QCOMPARE(result.error.kind, Kind::Service);
    QCOMPARE(result.error.code, QStringLiteral("key"));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestApiClient::emptyIdListFinishesWithoutARequest()
{
    ApiClient client;
    client.setConfig(config());
    const ListResult result = runFetch(client, {QString(), QStringLiteral("  ")});
    QVERIFY(result.error.isOk());
    QVERIFY(result.rows.isEmpty());
    QVERIFY(m_server->requests().isEmpty());
}

void TestApiClient::faultsAreTransportErrors_data()
{
    QTest::addColumn<ScriptedReply>("reply");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status");
    QTest::newRow("html 502") << ScriptedReply::html(
                                     502, "<html><head><title>502 Bad Gateway</title></head></html>")
                              << QStringLiteral("http") << 502;
    QTest::newRow("500") << ScriptedReply::plain(500, "oops") << QStringLiteral("http") << 500;
    QTest::newRow("html 200") << ScriptedReply::html(200, "<html><body>Maintenance</body></html>")
                              << QStringLiteral("html") << 200;
    QTest::newRow("empty 200") << ScriptedReply::json("") << QStringLiteral("empty") << 200;
    QTest::newRow("non-json 200") << ScriptedReply::plain(200, "OK") << QStringLiteral("json") << 200;
    QTest::newRow("truncated") << ScriptedReply::truncated(R"({"status":"ok","id":12)", 200)
                               << QStringLiteral("truncated") << 200;
    QTest::newRow("reset") << ScriptedReply::reset() << QStringLiteral("network") << 0;
}

void TestApiClient::faultsAreTransportErrors()
{
    QFETCH(ScriptedReply, reply);
    QFETCH(QString, code);
    QFETCH(int, status);
    ApiClient client;
    client.setConfig(config());

    // Every request gets the fault: Qt itself resends a request once when the connection dies before any
    // answer.
    m_server->setHandler([reply](const RecordedRequest &) { return reply; });
    const AddResult added = runAdd(client, sampleLead());
    QCOMPARE(added.error.kind, Kind::Transport);
    QCOMPARE(added.error.code, code);
    QCOMPARE(added.error.httpStatus, status);
    QVERIFY(!added.error.message.isEmpty());
    QVERIFY(added.networkOrderId.isEmpty());

    const ListResult listed = runFetch(client, {QStringLiteral("1")});
    QCOMPARE(listed.error.kind, Kind::Transport);
    QCOMPARE(listed.error.code, code);
}

void TestApiClient::transferTimeout()
{
    m_server->enqueue(ScriptedReply::hang());
    ApiClient client;
    ApiConfig quick = config();
    quick.transferTimeoutMs = 300;
    client.setConfig(quick);
    const AddResult result = runAdd(client, sampleLead());
    QCOMPARE(result.error.kind, Kind::Transport);
    QCOMPARE(result.error.code, QStringLiteral("timeout"));
}

void TestApiClient::overallDeadline()
{
    m_server->enqueue(ScriptedReply::hang());
    ApiClient client;
    ApiConfig quick = config();
    quick.deadlineMs = 300;
    client.setConfig(quick);
    const ListResult result = runFetch(client, {QStringLiteral("1")});
    QCOMPARE(result.error.kind, Kind::Transport);
    QCOMPARE(result.error.code, QStringLiteral("timeout"));
}

void TestApiClient::redirectOfPostIsNotFollowed()
{
    const QByteArray target = m_server->baseUrl().toEncoded() + "/moved/add.json?next=1";
    m_server->enqueue(ScriptedReply::redirect(target, 307));
    m_server->setHandler(
        [](const RecordedRequest &) { return ScriptedReply::json(R"({"status":"ok","id":1})"); });
    ApiClient client;
    client.setConfig(config());
    const AddResult result = runAdd(client, sampleLead());
    QCOMPARE(result.error.kind, Kind::Transport);
    QCOMPARE(result.error.code, QStringLiteral("http"));
    QCOMPARE(result.error.httpStatus, 307);
    QVERIFY(result.error.snippet.contains(QStringLiteral("/moved/add.json")));
    QVERIFY(!result.error.snippet.contains(QStringLiteral("next=1")));
    QCOMPARE(m_server->requests().size(), 1);

    m_server->enqueue(ScriptedReply::redirect(target, 302));
    QCOMPARE(runFetch(client, {QStringLiteral("1")}).error.httpStatus, 302);
    QCOMPARE(m_server->requests().size(), 2);
}

void TestApiClient::dnsFailure()
{
    ApiClient client;
    ApiConfig nowhere = config();
    nowhere.baseUrl = QUrl(QStringLiteral("http://no-such-host.invalid"));
    client.setConfig(nowhere);
    const AddResult result = runAdd(client, sampleLead());
    QCOMPARE(result.error.kind, Kind::Transport);
    QCOMPARE(result.error.code, QStringLiteral("dns"));
}

void TestApiClient::connectionRefused()
{
    QTcpServer reserve; // a port that was free a moment ago and now has no listener
    QVERIFY(reserve.listen(QHostAddress::LocalHost, 0));
    const quint16 port = reserve.serverPort();
    reserve.close();
    ApiClient client;
    ApiConfig closed = config();
    closed.baseUrl.setPort(port);
    client.setConfig(closed);
    const AddResult result = runAdd(client, sampleLead());
    QCOMPARE(result.error.kind, Kind::Transport);
    QCOMPARE(result.error.code, QStringLiteral("network"));
    QCOMPARE(result.error.httpStatus, 0);
}

void TestApiClient::tlsFailureIsNeverIgnored()
{
    ApiClient client;
    ApiConfig tls = config();
    tls.baseUrl.setScheme(QStringLiteral("https"));
    client.setConfig(tls);
    const AddResult result = runAdd(client, sampleLead());
    QCOMPARE(result.error.kind, Kind::Transport);
    QCOMPARE(result.error.code, QStringLiteral("tls"));
    QVERIFY(m_server->requests().isEmpty()); // nothing was sent in the clear
}

void TestApiClient::abortEndsTheCallOnce()
{
    m_server->enqueue(ScriptedReply::hang());
    ApiClient client;
    client.setConfig(config());
    AddCall *call = client.addLead(sampleLead());
    QPointer<AddCall> guard(call);
    QSignalSpy spy(call, &AddCall::finished);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, waitMs);
    call->abort();
    call->abort(); // twice is harmless
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), waitMs);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<AddResult>().error.kind, Kind::Cancelled);
}

void TestApiClient::cancelEndsTheFetchOnce()
{
    m_server->setHandler([](const RecordedRequest &) { return ScriptedReply::hang(); });
    ApiClient client;
    client.setConfig(config());
    StatusFetch *fetch = client.fetchStatuses(numberedIds(120), 2);
    QPointer<StatusFetch> guard(fetch);
    QSignalSpy spy(fetch, &StatusFetch::finished);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 2, waitMs);
    fetch->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), waitMs);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<ListResult>().error.kind, Kind::Cancelled);
    QCOMPARE(m_server->requests().size(), 2); // the third batch never left
}

void TestApiClient::fetchForBatchesOnlyKeepsNoRowsForTheEnd()
{
    m_server->setHandler(listAnswer);
    ApiClient client;
    client.setConfig(config());
    for (const FetchedRows mode : {FetchedRows::InBatchesAndAtTheEnd, FetchedRows::InBatchesOnly}) {
        StatusFetch *fetch = client.fetchStatuses(numberedIds(120), 2, mode);
        QStringList inBatches;
        connect(fetch, &StatusFetch::batchFinished, this, [&](const ListResult &batch) {
            for (const StatusRow &row : batch.rows)
                inBatches << row.ourOrderId;
        });
        QSignalSpy spy(fetch, &StatusFetch::finished);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, waitMs);
        const ListResult end = spy.at(0).at(0).value<ListResult>();
        QVERIFY(end.error.isOk());
        inBatches.sort();
        QCOMPARE(inBatches, numberedIds(120)); // every row, batch by batch, either way
        QCOMPARE(end.rows.size(), mode == FetchedRows::InBatchesOnly ? 0 : 120);
    }
}

void TestApiClient::clientGoingAwayEndsItsCalls()
{
    m_server->setHandler([](const RecordedRequest &) { return ScriptedReply::hang(); });
    auto *client = new ApiClient;
    client->setConfig(config());
    AddCall *call = client->addLead(sampleLead());
    StatusFetch *fetch = client->fetchStatuses({QStringLiteral("1")});
    QSignalSpy callSpy(call, &AddCall::finished);
    QSignalSpy fetchSpy(fetch, &StatusFetch::finished);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 2, waitMs);
    delete client;
    QCOMPARE(callSpy.size(), 1);
    QCOMPARE(fetchSpy.size(), 1);
    QCOMPARE(callSpy.at(0).at(0).value<AddResult>().error.kind, Kind::Cancelled);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"

// Issue 22: the client uses HTTP/2 when the server offers it. nginx (an HTTPS front speaking h2, started
// by the test in its own folder) stands before a sandbox with latency; a refresh through the app's own
// objects must reach nginx as HTTP/2 streams of one connection, every id asked about once, every answer
// merged. nginx's access log is the server's word on the protocol and the connection of each request.
// Without nginx the test is skipped on a developer's machine and fails in CI (scripts/deps-debian.txt
// installs it there).

#include "IntegrationStack.h"
#include "SandboxHttpClient.h"
#include "TestEnvironment.h"
#include "api/CertificatePin.h"
#include "api/FormCodec.h"
#include "journal/Journal.h"
#include "sandbox/SandboxHttp2Front.h"
#include "sandbox/SandboxTls.h"
#include "sync/ApiLeadTransport.h"
#include "sync/StatusPoller.h"

#include <QDateTime>
#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QSslError>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

namespace {

constexpr int TimeoutMs = 60000;
constexpr int LeadCount = 1000; // 20 requests: more than HTTP/1.1's 6 connections could carry at once

QStringList idsOf(const SandboxRequest &request)
{
    QString ids = QUrlQuery(QString::fromLatin1(request.query)).queryItemValue(QStringLiteral("ids"));
    if (ids.isEmpty())
        ids = FormCodec::decode(request.body).value(QStringLiteral("ids")).toString();
    return ids.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace

class TestHttp2Front : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void qnamNegotiatesHttp2();
    void refreshRunsAsStreamsOfOneConnection();
    void httpsDefaultsToHttp2Streams();

private:
    TestEnvironment m_environment;
    SandboxTls m_tls;
    std::unique_ptr<Sandbox> m_sandbox;
    SandboxHttp2Front m_front;
    ApiConfig m_config;
    QStringList m_ids;
};

void TestHttp2Front::initTestCase()
{
    const bool inCi = qEnvironmentVariableIsSet("CI");
    for (const QString &tool : {QStringLiteral("openssl"), QStringLiteral("nginx")}) {
        const bool present = tool == QLatin1String("nginx") ? !SandboxHttp2Front::nginxExecutable().isEmpty()
                                                            : !QStandardPaths::findExecutable(tool).isEmpty();
        if (present)
            continue;
        const QByteArray why = tool.toUtf8() + " is not installed (scripts/deps-debian.txt lists it)";
        if (inCi)
            QFAIL(why.constData());
        QSKIP(why.constData());
    }
    const QString tlsFolder = m_environment.path() + QStringLiteral("/tls");
    const QString frontFolder = m_environment.path() + QStringLiteral("/nginx");
    QVERIFY(QDir().mkpath(tlsFolder));
    QVERIFY(QDir().mkpath(frontFolder));
    QString error;
    m_tls = SandboxTls::generateSelfSigned(tlsFolder, &error);
    QVERIFY2(m_tls.isValid(), qPrintable(error));

    SandboxOptions options;
    options.speed = 0;
    options.seed = 29;
    m_sandbox = std::make_unique<Sandbox>(options);
    QVERIFY(m_sandbox->listen() != 0);
    QVERIFY2(m_front.start(m_sandbox->baseUrl(), tlsFolder + QStringLiteral("/cert.pem"),
                           tlsFolder + QStringLiteral("/key.pem"), frontFolder, &error),
             qPrintable(error));

    // Leads another system sent, stored straight at the sandbox while it still answers at once.
    SandboxHttpClient landingPage(m_sandbox->baseUrl());
    for (int i = 0; i < LeadCount; ++i) {
        const QString id = QStringLiteral("77%1").arg(i, 8, 10, QLatin1Char('0'));
        QCOMPARE(
            landingPage.addLead(id, QStringLiteral("311"), IntegrationLeads::phone(4000 + i)).errorCode(),
            QString());
        m_ids << id;
    }
    SandboxLatency latency;
    latency.ms = 30;
    latency.jitterMs = 20;
    m_sandbox->setLatency(latency);

    m_config.baseUrl = m_front.baseUrl();
    m_config.user = options.user;
    m_config.key = options.key;
    m_config.pinnedCertificate = CertificatePin::fingerprint(m_tls.certificate);
}

void TestHttp2Front::qnamNegotiatesHttp2()
{
    // What the client library says it used, beside what nginx says it received.
    QNetworkAccessManager manager;
    QUrl url = m_front.baseUrl();
    url.setPath(QStringLiteral("/ext/list.json"));
    QNetworkReply *reply = manager.get(QNetworkRequest(url)); // no key: the answer is an error, any will do
    connect(reply, &QNetworkReply::sslErrors, reply, [this, reply](const QList<QSslError> &errors) {
        if (CertificatePin::coversAll(m_config.pinnedCertificate, errors))
            reply->ignoreSslErrors(errors);
    });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(TimeoutMs));
    QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0,
             qPrintable(reply->errorString()));
    QVERIFY(reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool());
    reply->deleteLater();
}

void TestHttp2Front::refreshRunsAsStreamsOfOneConnection()
{
    IntegrationStack stack;
    QVERIFY(stack.open(m_environment.path() + QStringLiteral("/journal.sqlite"), m_config));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(stack.journal()->addTracked(IntegrationStack::profileId(), m_ids, now), LeadCount);
    m_front.clearReceivedRequests();
    m_sandbox->clearReceivedRequests();

    QSignalSpy finished(stack.poller(), &StatusPoller::finished);
    QVERIFY(stack.poller()->refreshAll());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, TimeoutMs);
    QCOMPARE(finished.constFirst().at(0).toBool(), true);

    // nginx: every request HTTP/2, all of them streams of one TLS connection.
    const int requestCount = LeadCount / ApiClient::MaxIdsPerRequest;
    QList<SandboxHttp2Front::Request> received;
    for (const SandboxHttp2Front::Request &request : m_front.receivedRequests()) {
        if (request.path == "/ext/list.json")
            received << request;
    }
    QCOMPARE(received.size(), requestCount);
    QSet<QByteArray> connections;
    for (const SandboxHttp2Front::Request &request : received) {
        QCOMPARE(request.protocol, QByteArray("HTTP/2.0"));
        connections.insert(request.connection);
    }
    QCOMPARE(connections.size(), 1);

    // The sandbox behind it: each id asked about exactly once, and every answer merged.
    QStringList asked;
    for (const SandboxRequest &request : m_sandbox->receivedRequests()) {
        if (request.path == "/ext/list.json")
            asked << idsOf(request);
    }
    asked.sort();
    QCOMPARE(asked, m_ids);
    for (const QString &id : std::as_const(m_ids)) {
        const JournalEntry entry =
            stack.journal()->entryByOrderId(IntegrationStack::profileId(), id).value_or(JournalEntry());
        QVERIFY2(entry.checkedAt.isValid() && !entry.stage.isEmpty(), qPrintable(id));
    }
}

void TestHttp2Front::httpsDefaultsToHttp2Streams()
{
    // Over https:// the app keeps more requests in flight than HTTP/1.1's 6 connections could carry, so
    // that an HTTP/2 server gets them as streams at once; never more than the ceiling.
    QCOMPARE(ApiLeadTransport::parallelFetchesFor(m_front.baseUrl(), 0),
             ApiLeadTransport::Http2ParallelFetches);
    QVERIFY(ApiLeadTransport::Http2ParallelFetches > ApiLeadTransport::Http1ParallelFetches);
    QVERIFY(ApiLeadTransport::Http2ParallelFetches <= ApiLeadTransport::MaxParallelFetches);
}

QTEST_GUILESS_MAIN(TestHttp2Front)
#include "tst_http2_front.moc"

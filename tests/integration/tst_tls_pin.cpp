// Issue 22: HTTPS to a sandbox with a self-signed certificate. The client trusts it only when the profile
// pins its SHA-256 fingerprint, and then only that certificate; otherwise the call fails with a sentence
// that names the fingerprint and says what to check, and the sandbox receives nothing at all.

#include "IntegrationStack.h"
#include "TestEnvironment.h"
#include "api/ApiClient.h"
#include "api/CertificatePin.h"
#include "sandbox/SandboxTls.h"
#include "settings/Profile.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {

constexpr int TimeoutMs = 30000;

} // namespace

class TestTlsPin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void pinParsing();
    void pinnedCertificateWorks();
    void unpinnedCertificateSendsNothing();
    void anotherPinSendsNothing();

private:
    ApiConfig configWithPin(const QByteArray &pin) const;
    AddResult send(ApiClient &client, const QString &orderId);

    TestEnvironment m_environment;
    SandboxTls m_served;
    SandboxTls m_other;
    std::unique_ptr<Sandbox> m_sandbox;
};

void TestTlsPin::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("the openssl command makes the test's certificates; it is not installed");
    QString error;
    QVERIFY(QDir(m_environment.path()).mkpath(QStringLiteral("served")));
    QVERIFY(QDir(m_environment.path()).mkpath(QStringLiteral("other")));
    m_served = SandboxTls::generateSelfSigned(m_environment.path() + QStringLiteral("/served"), &error);
    QVERIFY2(m_served.isValid(), qPrintable(error));
    m_other = SandboxTls::generateSelfSigned(m_environment.path() + QStringLiteral("/other"), &error);
    QVERIFY2(m_other.isValid(), qPrintable(error));

    m_sandbox = std::make_unique<Sandbox>(SandboxOptions());
    m_sandbox->useTls(m_served.certificate, m_served.key);
    QVERIFY(m_sandbox->listen() != 0);
    QCOMPARE(m_sandbox->baseUrl().scheme(), QStringLiteral("https"));
}

void TestTlsPin::init()
{
    m_sandbox->clearReceivedRequests();
}

ApiConfig TestTlsPin::configWithPin(const QByteArray &pin) const
{
    ApiConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.user = QStringLiteral("demo");
    config.key = QStringLiteral("demo");
    config.pinnedCertificate = pin;
    return config;
}

AddResult TestTlsPin::send(ApiClient &client, const QString &orderId)
{
    AddCall *call = client.addLead(IntegrationLeads::lead(orderId, IntegrationLeads::phone(orderId.toInt())));
    QSignalSpy finished(call, &AddCall::finished);
    if (!finished.wait(TimeoutMs))
        return {};
    return finished.constFirst().at(0).value<AddResult>();
}

void TestTlsPin::pinParsing()
{
    const QByteArray digest = CertificatePin::fingerprint(m_served.certificate);
    QCOMPARE(digest.size(), 32);
    const QString shown = CertificatePin::display(digest);
    QCOMPARE(shown.size(), 95);
    QCOMPARE(CertificatePin::parse(shown), digest);
    QCOMPARE(CertificatePin::parse(QString::fromLatin1(digest.toHex())), digest); // no colons, lower case
    QCOMPARE(CertificatePin::parse(shown.left(90)), QByteArray());                // cut short
    QCOMPARE(CertificatePin::parse(shown.left(94) + QLatin1Char('g')), QByteArray());

    // A profile with a pin that is not one says so; a good one reaches the client's configuration.
    Profile profile;
    profile.baseUrl = QUrl(QStringLiteral("https://api.example.com"));
    profile.name = QStringLiteral("Own server");
    profile.userId = QStringLiteral("42");
    profile.certificatePin = QStringLiteral("AB:CD");
    QCOMPARE(profile.problems().size(), 1);
    profile.certificatePin = shown;
    QVERIFY(profile.problems().isEmpty());
    QCOMPARE(configFor(profile, QStringLiteral("k")).pinnedCertificate, digest);
}

void TestTlsPin::pinnedCertificateWorks()
{
    ApiClient client;
    client.setConfig(configWithPin(CertificatePin::fingerprint(m_served.certificate)));
    const AddResult result = send(client, QStringLiteral("7100001"));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(m_sandbox->timesStored(QStringLiteral("7100001")), 1);
    QCOMPARE(IntegrationLeads::requestCount(m_sandbox->receivedRequests(), "/ext/add.json"), 1);
}

void TestTlsPin::unpinnedCertificateSendsNothing()
{
    ApiClient client;
    client.setConfig(configWithPin({}));
    const AddResult result = send(client, QStringLiteral("7100002"));
    QCOMPARE(result.error.kind, ApiError::Kind::Transport);
    QCOMPARE(result.error.code, QStringLiteral("tls"));
    const QString shown = CertificatePin::display(CertificatePin::fingerprint(m_served.certificate));
    QVERIFY2(result.error.message.contains(shown), qPrintable(result.error.message));
    QVERIFY2(result.error.message.contains(QStringLiteral("Check the API address")),
             qPrintable(result.error.message));
    QVERIFY2(result.error.message.contains(QStringLiteral("pin it")), qPrintable(result.error.message));
    QCOMPARE(m_sandbox->receivedRequests().size(), 0);
    QCOMPARE(m_sandbox->storedLeadCount(), 1); // only the previous test's lead
}

void TestTlsPin::anotherPinSendsNothing()
{
    ApiClient client;
    client.setConfig(configWithPin(CertificatePin::fingerprint(m_other.certificate)));
    const AddResult result = send(client, QStringLiteral("7100003"));
    QCOMPARE(result.error.code, QStringLiteral("tls"));
    QVERIFY2(result.error.message.contains(QStringLiteral("not the one this profile pins")),
             qPrintable(result.error.message));
    QVERIFY2(result.error.message.contains(
                 CertificatePin::display(CertificatePin::fingerprint(m_served.certificate))),
             qPrintable(result.error.message));
    QCOMPARE(m_sandbox->receivedRequests().size(), 0);

    // The status call goes the same way: nothing reaches the server.
    StatusFetch *fetch = client.fetchStatuses({QStringLiteral("7100001")}, 1);
    QSignalSpy finished(fetch, &StatusFetch::finished);
    QVERIFY(finished.wait(TimeoutMs));
    QCOMPARE(finished.constFirst().at(0).value<ListResult>().error.code, QStringLiteral("tls"));
    QCOMPARE(m_sandbox->receivedRequests().size(), 0);
}

QTEST_GUILESS_MAIN(TestTlsPin)
#include "tst_tls_pin.moc"

// Fault injection of the sandbox, as a client sees it over real HTTP, and the --faults spec.

#include "SandboxHttpClient.h"
#include "TestEnvironment.h"
#include "sandbox/Sandbox.h"

#include <QJsonObject>
#include <QTest>

#include <memory>

class tst_SandboxFaults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void parsesSpecs();
    void rejectsBadSpecs_data();
    void rejectsBadSpecs();

    void html502();
    void http500();
    void truncatedBody();
    void reset();
    void longDelay();
    void storedThenDropped();
    void storedThenDroppedOnlyHitsAdd();
    void sharesAreRoughlyKept();

private:
    SandboxFaults only(double SandboxFaults::*kind) const;
    SandboxHttpReply addOne(const QString &id);

    TestEnvironment m_environment;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<SandboxHttpClient> m_client;
};

void tst_SandboxFaults::init()
{
    SandboxOptions options;
    options.speed = 0;
    m_sandbox = std::make_unique<Sandbox>(options);
    QVERIFY(m_sandbox->listen() != 0);
    m_client = std::make_unique<SandboxHttpClient>(m_sandbox->baseUrl());
}

void tst_SandboxFaults::cleanup()
{
    m_client.reset();
    m_sandbox.reset();
}

SandboxFaults tst_SandboxFaults::only(double SandboxFaults::*kind) const
{
    SandboxFaults faults;
    faults.*kind = 1.0;
    return faults;
}

SandboxHttpReply tst_SandboxFaults::addOne(const QString &id)
{
    return m_client->addLead(id, QStringLiteral("217"),
                             QStringLiteral("7900") + id.rightJustified(7, QLatin1Char('0')));
}

void tst_SandboxFaults::parsesSpecs()
{
    const auto all = SandboxFaults::parse(QStringLiteral(
        "502=0.05,500=0.04,truncate=0.03,reset=0.02,delay=0.01,drop-after-store=0.06,delay-ms=1500"));
    QVERIFY(all);
    QCOMPARE(all->html502, 0.05);
    QCOMPARE(all->http500, 0.04);
    QCOMPARE(all->truncated, 0.03);
    QCOMPARE(all->reset, 0.02);
    QCOMPARE(all->delay, 0.01);
    QCOMPARE(all->storedThenDropped, 0.06);
    QCOMPARE(all->delayMs, 1500);

    const auto none = SandboxFaults::parse(QString());
    QVERIFY(none);
    QCOMPARE(none->total(), 0.0);
    QCOMPARE(none->delayMs, 30000);

    const auto some = SandboxFaults::parse(QStringLiteral(" reset = 1 "));
    QVERIFY(some);
    QCOMPARE(some->reset, 1.0);
}

void tst_SandboxFaults::rejectsBadSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("unknown name") << "503=0.1";
    QTest::newRow("no value") << "502";
    QTest::newRow("not a number") << "502=lots";
    QTest::newRow("share above 1") << "reset=1.5";
    QTest::newRow("negative share") << "delay=-0.1";
    QTest::newRow("shares above 1 together") << "502=0.6,500=0.6";
    QTest::newRow("negative delay") << "delay-ms=-5";
}

void tst_SandboxFaults::rejectsBadSpecs()
{
    QFETCH(QString, spec);
    QVERIFY(!SandboxFaults::parse(spec));
}

void tst_SandboxFaults::html502()
{
    m_sandbox->setFaults(only(&SandboxFaults::html502));
    for (const SandboxHttpReply &reply :
         {addOne(QStringLiteral("1")), m_client->list({QStringLiteral("1")})}) {
        QCOMPARE(reply.httpStatus, 502);
        QVERIFY(reply.error != QNetworkReply::NoError);
        QVERIFY(reply.body.contains("<html>"));
        QVERIFY(reply.json().isNull());
    }
    // The proxy answered: the service never saw the lead.
    QCOMPARE(m_sandbox->storedLeadCount(), 0);
}

void tst_SandboxFaults::http500()
{
    m_sandbox->setFaults(only(&SandboxFaults::http500));
    const SandboxHttpReply reply = addOne(QStringLiteral("1"));
    QCOMPARE(reply.httpStatus, 500);
    QVERIFY(reply.error != QNetworkReply::NoError);
    QVERIFY(reply.json().isNull());
    QCOMPARE(m_sandbox->storedLeadCount(), 0);
}

void tst_SandboxFaults::truncatedBody()
{
    QCOMPARE(addOne(QStringLiteral("1")).errorCode(), QString());
    m_sandbox->setFaults(only(&SandboxFaults::truncated));
    const SandboxHttpReply reply = m_client->list({QStringLiteral("1")});
    QVERIFY2(reply.error != QNetworkReply::NoError, qPrintable(QString::number(reply.error)));
    QVERIFY(reply.json().isNull()); // half a JSON document
    // The lead of a truncated add.json answer did arrive: the client cannot know.
    const SandboxHttpReply add = addOne(QStringLiteral("2"));
    QVERIFY(add.error != QNetworkReply::NoError);
    QCOMPARE(m_sandbox->timesStored(QStringLiteral("2")), 1);
}

void tst_SandboxFaults::reset()
{
    m_sandbox->setFaults(only(&SandboxFaults::reset));
    const SandboxHttpReply reply = addOne(QStringLiteral("1"));
    QVERIFY2(reply.error == QNetworkReply::RemoteHostClosedError ||
                 reply.error == QNetworkReply::UnknownNetworkError,
             qPrintable(QString::number(reply.error)));
    QCOMPARE(reply.httpStatus, 0);
    QVERIFY(reply.body.isEmpty());
    QCOMPARE(m_sandbox->storedLeadCount(), 0);

    // The sandbox keeps serving new connections afterwards.
    m_sandbox->setFaults({});
    QCOMPARE(addOne(QStringLiteral("2")).errorCode(), QString());
}

void tst_SandboxFaults::longDelay()
{
    SandboxFaults faults = only(&SandboxFaults::delay);
    faults.delayMs = 120000;
    m_sandbox->setFaults(faults);
    m_client->setTransferTimeout(300);
    const SandboxHttpReply reply = addOne(QStringLiteral("1"));
    QCOMPARE(reply.error, QNetworkReply::OperationCanceledError); // the client's timeout, not an answer
    QCOMPARE(reply.httpStatus, 0);
    // The request itself was handled at once.
    QCOMPARE(m_sandbox->timesStored(QStringLiteral("1")), 1);

    // A shorter delay is answered in full once it is over.
    faults.delayMs = 200;
    m_sandbox->setFaults(faults);
    m_client->setTransferTimeout(60000);
    const SandboxHttpReply late = m_client->list({QStringLiteral("1")});
    QCOMPARE(late.error, QNetworkReply::NoError);
    QVERIFY(late.json().object().contains(QStringLiteral("1")));
}

void tst_SandboxFaults::storedThenDropped()
{
    m_sandbox->setFaults(only(&SandboxFaults::storedThenDropped));
    const SandboxHttpReply reply = addOne(QStringLiteral("31"));
    QVERIFY(reply.error != QNetworkReply::NoError);
    QCOMPARE(reply.httpStatus, 0);
    QVERIFY(reply.body.isEmpty());
    // Stored nonetheless: the fault that makes duplicates.
    QCOMPARE(m_sandbox->timesStored(QStringLiteral("31")), 1);

    m_sandbox->setFaults({});
    // The retry with the same id is refused as a duplicate, and list.json confirms the lead is there.
    QCOMPARE(addOne(QStringLiteral("31")).errorCode(), QStringLiteral("duplicate"));
    QVERIFY(m_client->list({QStringLiteral("31")}).json().object().contains(QStringLiteral("31")));
    QCOMPARE(m_sandbox->timesStored(QStringLiteral("31")), 1);
}

void tst_SandboxFaults::storedThenDroppedOnlyHitsAdd()
{
    QCOMPARE(addOne(QStringLiteral("5")).errorCode(), QString());
    m_sandbox->setFaults(only(&SandboxFaults::storedThenDropped));
    const SandboxHttpReply reply = m_client->list({QStringLiteral("5")});
    QCOMPARE(reply.error, QNetworkReply::NoError);
    QVERIFY(reply.json().object().contains(QStringLiteral("5")));
}

void tst_SandboxFaults::sharesAreRoughlyKept()
{
    QCOMPARE(addOne(QStringLiteral("1")).errorCode(), QString());
    m_sandbox->setFaults(*SandboxFaults::parse(QStringLiteral("502=0.25,500=0.25")));
    int bad502 = 0;
    int bad500 = 0;
    int good = 0;
    for (int i = 0; i < 400; ++i) {
        const SandboxHttpReply reply = m_client->list({QStringLiteral("1")});
        bad502 += reply.httpStatus == 502;
        bad500 += reply.httpStatus == 500;
        good += reply.httpStatus == 200 && reply.json().object().contains(QStringLiteral("1"));
    }
    QCOMPARE(bad502 + bad500 + good, 400);
    QVERIFY2(bad502 > 50 && bad502 < 150, qPrintable(QString::number(bad502)));
    QVERIFY2(bad500 > 50 && bad500 < 150, qPrintable(QString::number(bad500)));
}

QTEST_GUILESS_MAIN(tst_SandboxFaults)
#include "tst_sandboxfaults.moc"

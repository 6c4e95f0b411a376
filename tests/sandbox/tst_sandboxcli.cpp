// cpadesk-sandbox, the command-line server: started as a process, spoken to over HTTP.

#include "SandboxHttpClient.h"
#include "TestEnvironment.h"
#include "api/ApiClient.h"
#include "api/CertificatePin.h"

#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString Executable = QStringLiteral(CPADESK_SANDBOX_EXE);

struct RunningSandbox
{
    std::unique_ptr<QProcess> process;
    QUrl url;
};

// Starts the server and reads the URL it prints as its first line.
RunningSandbox start(const QStringList &arguments)
{
    RunningSandbox running;
    running.process = std::make_unique<QProcess>();
    running.process->start(Executable, arguments);
    if (!running.process->waitForStarted(30000))
        return running;
    while (!running.process->canReadLine() && running.process->state() == QProcess::Running)
        running.process->waitForReadyRead(30000);
    const QString firstLine = QString::fromUtf8(running.process->readLine()).trimmed();
    if (QRegularExpression(QStringLiteral("^https?://127\\.0\\.0\\.1:\\d+$")).match(firstLine).hasMatch())
        running.url = QUrl(firstLine);
    return running;
}

void stop(RunningSandbox &running)
{
    running.process->terminate();
    if (!running.process->waitForFinished(30000))
        running.process->kill();
}

} // namespace

class tst_SandboxCli : public QObject
{
    Q_OBJECT

private slots:
    void printsItsUrlAndServes();
    void keepsStateAcrossRestarts();
    void answersAsAnOlderEngine();
    void rejectsBadArguments_data();
    void rejectsBadArguments();
    void failsWhenThePortIsTaken();
    void servesHttpsWithThePrintedFingerprint();

private:
    TestEnvironment m_environment;
};

void tst_SandboxCli::printsItsUrlAndServes()
{
    RunningSandbox sandbox =
        start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--user"), QStringLiteral("77"),
               QStringLiteral("--key"), QStringLiteral("cli-key"), QStringLiteral("--seed"),
               QStringLiteral("5"), QStringLiteral("--speed"), QStringLiteral("1440")});
    QVERIFY2(sandbox.url.isValid(), qPrintable(QString::fromUtf8(sandbox.process->readAllStandardError())));
    QVERIFY(sandbox.url.port() > 0);

    SandboxHttpClient client(sandbox.url, QStringLiteral("77"), QStringLiteral("cli-key"));
    const SandboxHttpReply added =
        client.addLead(QStringLiteral("5005"), QStringLiteral("217"), QStringLiteral("79001234567"));
    QCOMPARE(added.errorCode(), QString());
    QVERIFY(client.list({QStringLiteral("5005")}).json().object().contains(QStringLiteral("5005")));
    SandboxHttpClient wrongKey(sandbox.url, QStringLiteral("77"), QStringLiteral("demo"));
    QCOMPARE(wrongKey.list({QStringLiteral("5005")}).errorCode(), QStringLiteral("key"));

    // The rest of what it prints never shows the key.
    stop(sandbox);
    QVERIFY(!sandbox.process->readAllStandardOutput().contains("cli-key"));
}

void tst_SandboxCli::answersAsAnOlderEngine()
{
    RunningSandbox sandbox = start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--speed"),
                                    QStringLiteral("0"), QStringLiteral("--older-engine")});
    QVERIFY2(sandbox.url.isValid(), qPrintable(QString::fromUtf8(sandbox.process->readAllStandardError())));
    SandboxHttpClient client(sandbox.url);
    const SandboxHttpReply added =
        client.addLead(QStringLiteral("5006"), QStringLiteral("217"), QStringLiteral("79001234567"));
    QCOMPARE(added.errorCode(), QString());
    QVERIFY(!added.json().object().contains(QStringLiteral("uid")));
    QCOMPARE(client.list({QStringLiteral("5006")}).body,
             QByteArray(R"({"5006":{"id":5006,"status":1,"status_text":"Новый"}})"));
    stop(sandbox);
}

void tst_SandboxCli::keepsStateAcrossRestarts()
{
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("sandbox.json"));
    const QStringList arguments{QStringLiteral("--state"), state, QStringLiteral("--speed"),
                                QStringLiteral("0")};

    RunningSandbox first = start(arguments);
    QVERIFY(first.url.isValid());
    QCOMPARE(SandboxHttpClient(first.url)
                 .addLead(QStringLiteral("6006"), QStringLiteral("311"), QStringLiteral("79001234567"))
                 .errorCode(),
             QString());
    stop(first);
    QCOMPARE(first.process->exitStatus(), QProcess::NormalExit); // stopped properly, state saved

    RunningSandbox second = start(arguments);
    QVERIFY(second.url.isValid());
    SandboxHttpClient client(second.url);
    QVERIFY(client.list({QStringLiteral("6006")}).json().object().contains(QStringLiteral("6006")));
    QCOMPARE(client.addLead(QStringLiteral("6006"), QStringLiteral("311"), QStringLiteral("79001234567"))
                 .errorCode(),
             QStringLiteral("duplicate"));
    stop(second);
}

void tst_SandboxCli::rejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("bad faults") << QStringList{QStringLiteral("--faults"), QStringLiteral("502=2")};
    QTest::newRow("bad port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
    QTest::newRow("bad speed") << QStringList{QStringLiteral("--speed"), QStringLiteral("fast")};
    QTest::newRow("empty key") << QStringList{QStringLiteral("--key"), QString()};
    QTest::newRow("jitter above latency") << QStringList{QStringLiteral("--latency"), QStringLiteral("5,10")};
    QTest::newRow("latency in words") << QStringList{QStringLiteral("--latency"), QStringLiteral("slow")};
    QTest::newRow("certificate without key")
        << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("c.pem")};
    QTest::newRow("missing certificate files")
        << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent/c.pem"),
                       QStringLiteral("--tls-key"), QStringLiteral("/nonexistent/k.pem")};
}

void tst_SandboxCli::rejectsBadArguments()
{
    QFETCH(QStringList, arguments);
    QProcess process;
    process.start(Executable, arguments);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty()); // no URL: it does not listen
    QVERIFY(!process.readAllStandardError().isEmpty());
}

void tst_SandboxCli::failsWhenThePortIsTaken()
{
    RunningSandbox first = start({});
    QVERIFY(first.url.isValid());
    QProcess second;
    second.start(Executable, {QStringLiteral("--port"), QString::number(first.url.port())});
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitCode(), 1);
    QVERIFY(second.readAllStandardOutput().isEmpty());
    stop(first);
}

void tst_SandboxCli::servesHttpsWithThePrintedFingerprint()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("--tls needs the openssl command, which is not installed");
    RunningSandbox sandbox =
        start({QStringLiteral("--tls"), QStringLiteral("--latency"), QStringLiteral("20,10")});
    QVERIFY2(sandbox.url.isValid(), qPrintable(QString::fromUtf8(sandbox.process->readAllStandardError())));
    QCOMPARE(sandbox.url.scheme(), QStringLiteral("https"));
    QString fingerprint;
    const QRegularExpression fingerprintLine(QStringLiteral("SHA-256 fingerprint: ([0-9A-F:]{95})"));
    while (fingerprint.isEmpty() && sandbox.process->state() == QProcess::Running) {
        if (!sandbox.process->canReadLine() && !sandbox.process->waitForReadyRead(30000))
            break;
        const QRegularExpressionMatch match =
            fingerprintLine.match(QString::fromUtf8(sandbox.process->readLine()));
        if (match.hasMatch())
            fingerprint = match.captured(1);
    }
    QVERIFY(!fingerprint.isEmpty());

    // The printed fingerprint is what a profile pins: with it the client gets its answer.
    ApiClient client;
    ApiConfig config;
    config.baseUrl = sandbox.url;
    config.user = QStringLiteral("demo");
    config.key = QStringLiteral("demo");
    config.pinnedCertificate = CertificatePin::parse(fingerprint);
    QCOMPARE(config.pinnedCertificate.size(), 32);
    client.setConfig(config);
    StatusFetch *fetch = client.fetchStatuses({QStringLiteral("1")}, 1);
    QSignalSpy finished(fetch, &StatusFetch::finished);
    QVERIFY(finished.wait(30000));
    const ListResult result = finished.constFirst().at(0).value<ListResult>();
    QVERIFY2(result.error.isOk(), qPrintable(result.error.message));
    stop(sandbox);
}

QTEST_GUILESS_MAIN(tst_SandboxCli)
#include "tst_sandboxcli.moc"

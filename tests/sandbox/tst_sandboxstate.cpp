// The sandbox's state file: saved after changes, written whole or not at all, loaded at start.

#include "SandboxHttpClient.h"
#include "TestEnvironment.h"
#include "sandbox/Sandbox.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

std::unique_ptr<Sandbox> startSandbox(const QString &stateFile)
{
    SandboxOptions options;
    options.speed = 0;
    options.seed = 11;
    options.stateFile = stateFile;
    auto sandbox = std::make_unique<Sandbox>(options);
    if (sandbox->listen() == 0)
        return nullptr;
    return sandbox;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_SandboxState : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void savesWhileRunning();
    void foreignFileIsLeftAlone();

private:
    TestEnvironment m_environment;
};

void tst_SandboxState::roundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/state.json")); // the folder is made on the way
    QStringList ids;
    QByteArray listed;
    QString autoId;
    qint64 clock = 0;
    {
        const auto sandbox = startSandbox(path);
        QVERIFY(sandbox);
        SandboxHttpClient client(sandbox->baseUrl());
        QCOMPARE(client.addLead(QStringLiteral("101"), QStringLiteral("217"), QStringLiteral("79001230001"))
                     .errorCode(),
                 QString());
        QCOMPARE(client.addLead(QStringLiteral("102"), QStringLiteral("311"), QStringLiteral("79001230002"))
                     .errorCode(),
                 QString());
        const SandboxHttpReply automatic =
            client.addLead(QStringLiteral("auto"), QStringLiteral("412"), QStringLiteral("79001230003"));
        autoId = automatic.json().object().value(QStringLiteral("uid")).toVariant().toString();
        QVERIFY(!autoId.isEmpty());
        QVERIFY(sandbox->setLeadState(QStringLiteral("102"), QStringLiteral("trash"), 5, 11));
        sandbox->advanceClock(3 * 24 * 3600);
        ids = sandbox->storedOrderIds();
        listed = client.list(ids).body;
        clock = sandbox->clockSeconds();
    }
    QVERIFY(QFile::exists(path));
    // Written through a temporary file and renamed: nothing else is left in the folder.
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files),
             QStringList{QStringLiteral("state.json")});

    const auto restarted = startSandbox(path);
    QVERIFY(restarted);
    SandboxHttpClient client(restarted->baseUrl());
    QCOMPARE(restarted->storedOrderIds(), ids);
    QCOMPARE(restarted->clockSeconds(), clock);
    QCOMPARE(client.list(ids).body, listed); // same states, same network ids, same forced trash
    QCOMPARE(client.addLead(QStringLiteral("101"), QStringLiteral("217"), QStringLiteral("79005550000"))
                 .errorCode(),
             QStringLiteral("duplicate"));
    // The saved clock came back too: three sandbox days on, the same customer may order the same offer again.
    QCOMPARE(client.addLead(QStringLiteral("103"), QStringLiteral("217"), QStringLiteral("79001230001"))
                 .errorCode(),
             QString());
    const SandboxHttpReply nextAuto =
        client.addLead(QStringLiteral("auto"), QStringLiteral("412"), QStringLiteral("79001230004"));
    const QString nextAutoId = nextAuto.json().object().value(QStringLiteral("uid")).toVariant().toString();
    QVERIFY(!nextAutoId.isEmpty());
    QVERIFY(nextAutoId != autoId);
    QCOMPARE(restarted->timesStored(autoId), 1);
}

void tst_SandboxState::savesWhileRunning()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.json"));
    const auto sandbox = startSandbox(path);
    QVERIFY(sandbox);
    SandboxHttpClient client(sandbox->baseUrl());
    QCOMPARE(client.addLead(QStringLiteral("424242"), QStringLiteral("217"), QStringLiteral("79001230001"))
                 .errorCode(),
             QString());
    // Saved shortly after the change, without waiting for the sandbox to stop.
    QTRY_VERIFY_WITH_TIMEOUT(readFile(path).contains("424242"), 10000);
    QVERIFY(QJsonDocument::fromJson(readFile(path)).isObject());

    QVERIFY(sandbox->setLeadState(QStringLiteral("424242"), QStringLiteral("approve"), 6));
    QTRY_VERIFY_WITH_TIMEOUT(readFile(path).contains("approve"), 10000);
}

void tst_SandboxState::foreignFileIsLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("my shopping list, not a sandbox state");
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Not a sandbox state file")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("in memory only")));
    {
        const auto sandbox = startSandbox(path);
        QVERIFY(sandbox);
        SandboxHttpClient client(sandbox->baseUrl());
        QCOMPARE(client.addLead(QStringLiteral("1"), QStringLiteral("217"), QStringLiteral("79001230001"))
                     .errorCode(),
                 QString());
        QCOMPARE(sandbox->storedLeadCount(), 1);
    }
    QCOMPARE(readFile(path), QByteArray("my shopping list, not a sandbox state"));
}

QTEST_GUILESS_MAIN(tst_SandboxState)
#include "tst_sandboxstate.moc"

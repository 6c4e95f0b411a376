// Where API keys are kept: the OS keychain when one answers, else an owner-only file; never elsewhere.
#include "LogCanary.h"
#include "TestEnvironment.h"
#include "settings/CredentialStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "settings/SettingsPaths.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/stat.h>

namespace {

const char *InsideSessionVariable = "CPADESK_TEST_INSIDE_KEYRING_SESSION";
// Canaries: if one of these shows up in a file or in output where it must not, the test fails.
const QString CanaryA = QStringLiteral("CANARY-KEY-93f1-alpha");
const QString CanaryB = QStringLiteral("CANARY-KEY-93f1-bravo");

struct Outcome
{
    bool done = false;
    int finishedSignals = 0;
    CredentialJob::Result result = CredentialJob::Result::Pending;
    QString key;
    QString error;
};

std::shared_ptr<Outcome> watch(CredentialJob *job)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(job, &CredentialJob::finished, job, [outcome](CredentialJob *finished) {
        ++outcome->finishedSignals;
        outcome->done = true;
        outcome->result = finished->result();
        outcome->key = finished->key();
        outcome->error = finished->errorMessage();
    });
    return outcome;
}

#define WAIT_FOR(outcome) QTRY_VERIFY_WITH_TIMEOUT((outcome)->done, 60000)

unsigned posixMode(const QString &path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return 0xffff;
    return status.st_mode & 07777;
}

// Every file under folder whose bytes contain the text.
QStringList filesContaining(const QString &folder, const QString &text)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8()))
            found << file.fileName();
    }
    return found;
}

bool insideKeyringSession()
{
    return qEnvironmentVariableIsSet(InsideSessionVariable);
}

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void withoutKeychainKeysGoToTheOwnerOnlyFile();
    void keysOfProfilesStayApart();
    void keysAreNotInTheOtherFiles();
    void jobsFinishOnceFromTheEventLoop();
    void noProfileNoKey();
    void withKeychain();
    void keychainInsideSession();

private:
    TestEnvironment m_environment;
};

void TestCredentialStore::initTestCase()
{
    LogCanary::start();
    QCoreApplication::setOrganizationName(QStringLiteral("CPA Desk"));
    QCoreApplication::setApplicationName(QStringLiteral("cpadesk"));
    if (!insideKeyringSession()) {
        // The "no keychain" case of a headless Linux box, also on a developer's desktop: no session bus,
        // and no X display through which D-Bus could autolaunch one.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
    }
}

void TestCredentialStore::cleanupTestCase()
{
    // Every logging category was on for the whole run: no key may be in any message, at any level.
    const QStringList leaks = LogCanary::messagesContaining(QStringLiteral("CANARY-KEY-93f1"));
    QVERIFY2(leaks.isEmpty(), "a key reached the log");
    QVERIFY2(!LogCanary::messagesContaining(QStringLiteral("cpadesk.settings")).isEmpty(),
             "the capture saw the subsystem's own messages, so it was really listening");
}

void TestCredentialStore::init()
{
    QFile::remove(SettingsPaths::credentialsFile());
}

void TestCredentialStore::withoutKeychainKeysGoToTheOwnerOnlyFile()
{
    if (insideKeyringSession())
        QSKIP("this case runs outside the keyring session");
    CredentialStore store;
    QCOMPARE(store.storage(), CredentialStore::Storage::Unknown);
    QSignalSpy storageChanged(&store, &CredentialStore::storageChanged);

    auto written = watch(store.writeKey(QStringLiteral("p1"), CanaryA));
    WAIT_FOR(written);
    QVERIFY2(written->result == CredentialJob::Result::Ok, qPrintable(written->error));
    QCOMPARE(store.storage(), CredentialStore::Storage::SettingsFile);
    QCOMPARE(storageChanged.count(), 1);
    QVERIFY(store.storageDescription().contains(QDir::toNativeSeparators(store.fallbackFilePath())));

    QCOMPARE(store.fallbackFilePath(), QFileInfo(SettingsPaths::credentialsFile()).absoluteFilePath());
    QCOMPARE(posixMode(store.fallbackFilePath()), 0600u);
    QCOMPARE(filesContaining(m_environment.path(), CanaryA), QStringList{store.fallbackFilePath()});

    // A second store (the next run of the app) finds it.
    CredentialStore later;
    auto read = watch(later.readKey(QStringLiteral("p1")));
    WAIT_FOR(read);
    QCOMPARE(read->result, CredentialJob::Result::Ok);
    QVERIFY2(read->key == CanaryA, "the key read back is the key written");
}

void TestCredentialStore::keysOfProfilesStayApart()
{
    CredentialStore store;
    auto first = watch(store.writeKey(QStringLiteral("p1"), CanaryA));
    auto second = watch(store.writeKey(QStringLiteral("p2"), CanaryB));
    WAIT_FOR(first);
    WAIT_FOR(second);
    QCOMPARE(first->result, CredentialJob::Result::Ok);
    QCOMPARE(second->result, CredentialJob::Result::Ok);

    auto readFirst = watch(store.readKey(QStringLiteral("p1")));
    auto readSecond = watch(store.readKey(QStringLiteral("p2")));
    auto readNone = watch(store.readKey(QStringLiteral("p3")));
    WAIT_FOR(readFirst);
    WAIT_FOR(readSecond);
    WAIT_FOR(readNone);
    QVERIFY(readFirst->key == CanaryA);
    QVERIFY(readSecond->key == CanaryB);
    QCOMPARE(readNone->result, CredentialJob::Result::NotFound);
    QVERIFY(readNone->key.isEmpty());

    // Overwrite one, delete the other: neither touches its neighbour.
    auto replaced = watch(store.writeKey(QStringLiteral("p1"), CanaryB));
    auto deleted = watch(store.deleteKey(QStringLiteral("p2")));
    WAIT_FOR(replaced);
    WAIT_FOR(deleted);
    QCOMPARE(deleted->result, CredentialJob::Result::Ok);
    auto afterFirst = watch(store.readKey(QStringLiteral("p1")));
    auto afterSecond = watch(store.readKey(QStringLiteral("p2")));
    WAIT_FOR(afterFirst);
    WAIT_FOR(afterSecond);
    QVERIFY(afterFirst->key == CanaryB);
    QCOMPARE(afterSecond->result, CredentialJob::Result::NotFound);
    auto deletedAgain = watch(store.deleteKey(QStringLiteral("p2")));
    WAIT_FOR(deletedAgain);
    QCOMPARE(deletedAgain->result, CredentialJob::Result::Ok); // nothing to delete is not an error

    auto cleanUp = watch(store.deleteKey(QStringLiteral("p1")));
    WAIT_FOR(cleanUp);
    QVERIFY(filesContaining(m_environment.path(), CanaryA).isEmpty());
    QVERIFY(filesContaining(m_environment.path(), CanaryB).isEmpty());
}

void TestCredentialStore::keysAreNotInTheOtherFiles()
{
    Settings settings;
    ProfileStore profiles(&settings);
    Profile profile;
    profile.name = QStringLiteral("Net");
    profile.baseUrl = QUrl(QStringLiteral("https://api.example.net"));
    profile.userId = QStringLiteral("55");
    const QString id = profiles.add(profile);
    QVERIFY(!id.isEmpty());
    QVERIFY(profiles.setActiveProfile(id));
    CredentialStore store;
    auto written = watch(store.writeKey(id, CanaryA));
    WAIT_FOR(written);
    QCOMPARE(written->result, CredentialJob::Result::Ok);
    QVERIFY(settings.save());

    const QString needle = CanaryA;
    QFile settingsFile(settings.filePath());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    QVERIFY(!settingsFile.readAll().contains(needle.toUtf8()));
    QFile profilesFile(profiles.filePath());
    QVERIFY(profilesFile.open(QIODevice::ReadOnly));
    QVERIFY(!profilesFile.readAll().contains(needle.toUtf8()));
    QVERIFY(!store.storageDescription().contains(needle));

    auto cleanUp = watch(store.deleteKey(id));
    WAIT_FOR(cleanUp);
}

void TestCredentialStore::jobsFinishOnceFromTheEventLoop()
{
    CredentialStore store;
    CredentialJob *job = store.readKey(QStringLiteral("nobody"));
    auto outcome = watch(job);
    QVERIFY2(!outcome->done, "never finished inside the call that made it");
    QPointer<CredentialJob> guard(job);
    WAIT_FOR(outcome);
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 10000); // deletes itself
    QCOMPARE(outcome->finishedSignals, 1);
}

void TestCredentialStore::noProfileNoKey()
{
    CredentialStore store;
    auto outcome = watch(store.writeKey(QString(), CanaryA));
    WAIT_FOR(outcome);
    QCOMPARE(outcome->result, CredentialJob::Result::Failed);
    QVERIFY(!outcome->error.isEmpty());
    QVERIFY(!outcome->error.contains(CanaryA));
}

void TestCredentialStore::withKeychain()
{
    if (insideKeyringSession())
        QSKIP("this is the launcher; the keychain case itself is keychainInsideSession()");
    const QString dbusRunSession = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
    const QString keyringDaemon = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    if (dbusRunSession.isEmpty() || keyringDaemon.isEmpty())
        QSKIP("needs dbus-run-session (package dbus) and gnome-keyring-daemon (package gnome-keyring)");

    // A private session bus and keyring with its own folders: the user's real keyring is never touched.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString runtime = home.filePath(QStringLiteral("runtime"));
    QVERIFY(QDir().mkpath(runtime));
    QVERIFY(QFile::setPermissions(runtime,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    environment.insert(QString::fromLatin1(InsideSessionVariable), QStringLiteral("1"));
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);

    QProcess session;
    session.setProcessEnvironment(environment);
    session.setProcessChannelMode(QProcess::MergedChannels);
    session.start(dbusRunSession,
                  {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                   QStringLiteral("echo pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
                                  "exec \"$0\" keychainInsideSession"),
                   QCoreApplication::applicationFilePath()});
    QVERIFY(session.waitForStarted());
    QVERIFY(session.waitForFinished(180000));
    const QByteArray output = session.readAll();
    QVERIFY2(!output.contains(CanaryA.toUtf8()) && !output.contains(CanaryB.toUtf8()),
             "a key appeared in the test's output");
    QVERIFY2(session.exitStatus() == QProcess::NormalExit && session.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("PASS   : TestCredentialStore::keychainInsideSession()"), output.constData());
}

void TestCredentialStore::keychainInsideSession()
{
    if (!insideKeyringSession())
        QSKIP("runs only inside the private D-Bus session that withKeychain() starts");
    CredentialStore store;
    auto written = watch(store.writeKey(QStringLiteral("p1"), CanaryA));
    WAIT_FOR(written);
    QVERIFY2(written->result == CredentialJob::Result::Ok, qPrintable(written->error));
    QCOMPARE(store.storage(), CredentialStore::Storage::Keychain);
    QVERIFY(!store.storageDescription().isEmpty());

    auto other = watch(store.writeKey(QStringLiteral("p2"), CanaryB));
    WAIT_FOR(other);
    auto readFirst = watch(store.readKey(QStringLiteral("p1")));
    auto readSecond = watch(store.readKey(QStringLiteral("p2")));
    WAIT_FOR(readFirst);
    WAIT_FOR(readSecond);
    QVERIFY2(readFirst->key == CanaryA, "the keychain gives back the key written");
    QVERIFY(readSecond->key == CanaryB);

    // The key is in no settings file at all.
    Settings settings;
    QVERIFY(settings.setValue(Settings::Key::ActiveProfile, QStringLiteral("p1")));
    QVERIFY(settings.save());
    QVERIFY2(filesContaining(m_environment.path(), CanaryA).isEmpty(),
             "a key was written to a settings file");
    QVERIFY(!QFileInfo::exists(store.fallbackFilePath()));

    // A key saved in the file while no keychain answered is used, then moved into the keychain.
    const QString legacyKey = QStringLiteral("CANARY-KEY-93f1-legacy");
    QVERIFY(SettingsFile(store.fallbackFilePath()).save({{QStringLiteral("keys/p3"), legacyKey}}));
    auto legacy = watch(store.readKey(QStringLiteral("p3")));
    WAIT_FOR(legacy);
    QVERIFY(legacy->result == CredentialJob::Result::Ok && legacy->key == legacyKey);
    QTRY_VERIFY_WITH_TIMEOUT(filesContaining(m_environment.path(), legacyKey).isEmpty(), 30000);
    CredentialStore fresh;
    auto fromKeychain = watch(fresh.readKey(QStringLiteral("p3")));
    WAIT_FOR(fromKeychain);
    QVERIFY(fromKeychain->result == CredentialJob::Result::Ok && fromKeychain->key == legacyKey);

    auto deleted = watch(store.deleteKey(QStringLiteral("p1")));
    WAIT_FOR(deleted);
    QCOMPARE(deleted->result, CredentialJob::Result::Ok);
    auto gone = watch(store.readKey(QStringLiteral("p1")));
    auto kept = watch(store.readKey(QStringLiteral("p2")));
    WAIT_FOR(gone);
    WAIT_FOR(kept);
    QCOMPARE(gone->result, CredentialJob::Result::NotFound);
    QVERIFY(kept->key == CanaryB);
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"

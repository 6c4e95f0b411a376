// The crash-safe write: what is on disk is always a complete old or new version.
#include "TestEnvironment.h"
#include "settings/SettingsFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <sys/stat.h>

namespace {

const char *SaveLoopVariable = "CPADESK_TEST_SAVE_LOOP_FILE";

QVariantMap versionA()
{
    QVariantMap values;
    values.insert(QStringLiteral("app/version"), QStringLiteral("A"));
    values.insert(QStringLiteral("app/number"), 1);
    // Large enough that a write takes a while, so that a kill lands in the middle of some of them.
    values.insert(QStringLiteral("app/blob"), QByteArray(256 * 1024, 'a'));
    return values;
}

QVariantMap versionB()
{
    QVariantMap values;
    values.insert(QStringLiteral("app/version"), QStringLiteral("B"));
    values.insert(QStringLiteral("app/number"), 2);
    values.insert(QStringLiteral("app/blob"), QByteArray(300 * 1024, 'b'));
    values.insert(QStringLiteral("other/list"), QStringList{QStringLiteral("x"), QStringLiteral("y")});
    return values;
}

// The child process of crashMidWriteLeavesACompleteFile(): saves A and B alternately until killed.
int runSaveLoop(const QString &path)
{
    SettingsFile file(path);
    if (!file.save(versionA()))
        return 1;
    std::fputs("ready\n", stdout);
    std::fflush(stdout);
    for (int i = 0;; ++i) {
        if (!file.save(i % 2 ? versionA() : versionB()))
            return 2;
    }
}

unsigned posixMode(const QString &path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return 0xffff;
    return status.st_mode & 07777;
}

QVariantMap asText(const QVariantMap &values)
{
    QVariantMap text;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.insert(it.key(), it.value().metaType() == QMetaType::fromType<QStringList>()
                                  ? it.value()
                                  : it.value().toString());
    return text;
}

} // namespace

class TestSettingsFile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void missingFileIsEmpty();
    void roundTripOfTypes();
    void fileIsOwnerOnly();
    void looseModeIsTightenedOnLoad();
    void staleTemporaryFileDoesNotBreakReading();
    void staleTemporaryFilesAreCleanedUp();
    void failedVerificationKeepsTheOldFile();
    void unwritableFolderKeepsTheOldFile();
    void crashMidWriteLeavesACompleteFile();

private:
    TestEnvironment m_environment;
    QString m_path;
    int m_round = 0;
};

void TestSettingsFile::init()
{
    m_path = QDir(m_environment.path()).filePath(QStringLiteral("round%1/test.ini").arg(++m_round));
}

void TestSettingsFile::missingFileIsEmpty()
{
    SettingsFile file(m_path);
    bool ok = false;
    QVERIFY(file.load(&ok).isEmpty());
    QVERIFY(ok);
    QVERIFY(!QFileInfo::exists(m_path));
}

void TestSettingsFile::roundTripOfTypes()
{
    QVariantMap values;
    values.insert(QStringLiteral("a/text"), QStringLiteral("Привет, мир = ; # \"quoted\""));
    values.insert(QStringLiteral("a/number"), 42);
    values.insert(QStringLiteral("a/flag"), false);
    values.insert(QStringLiteral("b/list"), QStringList{QStringLiteral("one"), QStringLiteral("two, three")});
    values.insert(QStringLiteral("b/emptyList"), QStringList());
    values.insert(QStringLiteral("b/bytes"), QByteArray("\x00\x01\xff binary", 11));
    values.insert(QStringLiteral("top"), QStringLiteral("level"));

    SettingsFile writer(m_path);
    QVERIFY2(writer.save(values), qPrintable(writer.lastError()));
    bool ok = false;
    const QVariantMap loaded = SettingsFile(m_path).load(&ok);
    QVERIFY(ok);
    QCOMPARE(loaded.value(QStringLiteral("a/text")).toString(),
             values.value(QStringLiteral("a/text")).toString());
    QCOMPARE(loaded.value(QStringLiteral("a/number")).toInt(), 42);
    QCOMPARE(loaded.value(QStringLiteral("a/flag")).toBool(), false);
    QCOMPARE(loaded.value(QStringLiteral("b/list")).toStringList(),
             values.value(QStringLiteral("b/list")).toStringList());
    QVERIFY(loaded.value(QStringLiteral("b/emptyList")).toStringList().isEmpty());
    QCOMPARE(loaded.value(QStringLiteral("b/bytes")).toByteArray(),
             values.value(QStringLiteral("b/bytes")).toByteArray());
    QCOMPARE(loaded.value(QStringLiteral("top")).toString(), QStringLiteral("level"));

    // A second save replaces, it does not merge.
    QVariantMap fewer;
    fewer.insert(QStringLiteral("a/number"), 7);
    QVERIFY(writer.save(fewer));
    const QVariantMap reloaded = SettingsFile(m_path).load();
    QCOMPARE(reloaded.keys(), QStringList{QStringLiteral("a/number")});
    QCOMPARE(reloaded.value(QStringLiteral("a/number")).toInt(), 7);
}

void TestSettingsFile::fileIsOwnerOnly()
{
    SettingsFile file(m_path);
    QVERIFY(file.save({{QStringLiteral("k"), 1}}));
    QCOMPARE(posixMode(m_path), 0600u);
    QVERIFY(file.save({{QStringLiteral("k"), 2}}));
    QCOMPARE(posixMode(m_path), 0600u);
}

void TestSettingsFile::looseModeIsTightenedOnLoad()
{
    SettingsFile file(m_path);
    QVERIFY(file.save({{QStringLiteral("k"), 1}}));
    QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QCOMPARE(posixMode(m_path), 0644u);
    file.load();
    QCOMPARE(posixMode(m_path), 0600u);
}

void TestSettingsFile::staleTemporaryFileDoesNotBreakReading()
{
    SettingsFile file(m_path);
    QVERIFY(file.save({{QStringLiteral("kept"), QStringLiteral("yes")}}));
    // What a crash between writing and renaming leaves: a half-written file beside the real one.
    QFile stale(SettingsFile::temporaryFilePrefix(m_path) + QStringLiteral("deadbeef"));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write("[kept]\nyes=no\nhalf-writ");
    stale.close();

    bool ok = false;
    const QVariantMap loaded = SettingsFile(m_path).load(&ok);
    QVERIFY(ok);
    QCOMPARE(loaded.value(QStringLiteral("kept")).toString(), QStringLiteral("yes"));
    QCOMPARE(loaded.size(), 1);
    // And the next save still works beside it.
    QVERIFY(file.save({{QStringLiteral("kept"), QStringLiteral("again")}}));
    QCOMPARE(SettingsFile(m_path).load().value(QStringLiteral("kept")).toString(), QStringLiteral("again"));
}

void TestSettingsFile::staleTemporaryFilesAreCleanedUp()
{
    SettingsFile file(m_path);
    QVERIFY(file.save({{QStringLiteral("k"), 1}}));
    const QString oldLeftover = SettingsFile::temporaryFilePrefix(m_path) + QStringLiteral("0ld");
    const QString freshLeftover = SettingsFile::temporaryFilePrefix(m_path) + QStringLiteral("fresh");
    for (const QString &path : {oldLeftover, freshLeftover}) {
        QFile leftover(path);
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.write("x");
    }
    {
        QFile leftover(oldLeftover);
        QVERIFY(leftover.open(QIODevice::ReadWrite));
        QVERIFY(leftover.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600),
                                     QFileDevice::FileModificationTime));
    }
    QVERIFY(file.save({{QStringLiteral("k"), 2}}));
    QVERIFY(!QFileInfo::exists(oldLeftover));
    // A fresh one may belong to another instance that is writing right now.
    QVERIFY(QFileInfo::exists(freshLeftover));
}

void TestSettingsFile::failedVerificationKeepsTheOldFile()
{
    SettingsFile file(m_path);
    QVERIFY(file.save({{QStringLiteral("version"), QStringLiteral("old")}, {QStringLiteral("n"), 1}}));
    QFile original(m_path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray before = original.readAll();
    original.close();

    QString temporary;
    // A device that loses the tail of what it was given.
    file.setBeforeVerifyHook([&temporary](const QString &path) {
        temporary = path;
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadWrite));
        QVERIFY(written.resize(written.size() / 2));
    });
    QVERIFY(!file.save({{QStringLiteral("version"), QStringLiteral("new")}, {QStringLiteral("n"), 2}}));
    QVERIFY(!file.lastError().isEmpty());
    QVERIFY(file.lastError().contains(QDir::toNativeSeparators(m_path)));
    QVERIFY(!temporary.isEmpty());
    QVERIFY2(!QFileInfo::exists(temporary), "the failed copy is removed");

    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), before);
    QCOMPARE(SettingsFile(m_path).load().value(QStringLiteral("version")).toString(), QStringLiteral("old"));

    // Once the device behaves, saving works again.
    file.setBeforeVerifyHook({});
    QVERIFY(file.save({{QStringLiteral("version"), QStringLiteral("new")}}));
    QCOMPARE(SettingsFile(m_path).load().value(QStringLiteral("version")).toString(), QStringLiteral("new"));
}

void TestSettingsFile::unwritableFolderKeepsTheOldFile()
{
    SettingsFile file(m_path);
    QVERIFY(file.save({{QStringLiteral("version"), QStringLiteral("old")}}));
    // A path whose "folder" is a regular file: nothing can be created there, whoever runs the test.
    const QString blocker = QFileInfo(m_path).absolutePath() + QStringLiteral("/blocker");
    QFile blockerFile(blocker);
    QVERIFY(blockerFile.open(QIODevice::WriteOnly));
    blockerFile.close();
    SettingsFile impossible(blocker + QStringLiteral("/test.ini"));
    QVERIFY(!impossible.save({{QStringLiteral("version"), QStringLiteral("new")}}));
    QVERIFY(!impossible.lastError().isEmpty());
    QCOMPARE(SettingsFile(m_path).load().value(QStringLiteral("version")).toString(), QStringLiteral("old"));
}

void TestSettingsFile::crashMidWriteLeavesACompleteFile()
{
    const QVariantMap a = asText(versionA());
    const QVariantMap b = asText(versionB());
    int killedMidSave = 0;
    qsizetype leftoversBefore = 0;
    // At least 12 kills, and on until one of them landed mid-save (a temporary file left behind): kills
    // that all fell between saves would prove nothing.
    constexpr int MinRounds = 12;
    constexpr int MaxRounds = 60;
    int round = 0;
    for (; round < MaxRounds && (round < MinRounds || killedMidSave == 0); ++round) {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(SaveLoopVariable), m_path);
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray output; // QTRY evaluates its condition again after success: read into a buffer
        QTRY_VERIFY_WITH_TIMEOUT((output += child.readAllStandardOutput()).contains("ready") ||
                                     child.state() == QProcess::NotRunning,
                                 30000);
        QCOMPARE(child.state(), QProcess::Running);
        // Let it get into a variety of phases of a save, then kill it without warning.
        QTest::qWait(5 + 7 * (round % MinRounds));
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(30000));

        const QStringList leftovers = QFileInfo(m_path).absoluteDir().entryList(
            {QFileInfo(m_path).fileName() + QStringLiteral(".new-*")}, QDir::Files);
        if (leftovers.size() > leftoversBefore)
            ++killedMidSave;
        leftoversBefore = leftovers.size();
        bool ok = false;
        const QVariantMap loaded = asText(SettingsFile(m_path).load(&ok));
        QVERIFY(ok);
        QVERIFY2(loaded == a || loaded == b, "the file is one complete version, never a mix or a part");
    }
    qInfo("%d of %d kills left a temporary file behind (killed mid-save)", killedMidSave, round);
    QVERIFY2(killedMidSave > 0, "no kill landed in the middle of a save: the check above was never tested");
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(SaveLoopVariable)) {
        QCoreApplication app(argc, argv);
        return runSaveLoop(qEnvironmentVariable(SaveLoopVariable));
    }
    QCoreApplication app(argc, argv);
    TestSettingsFile test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settingsfile.moc"

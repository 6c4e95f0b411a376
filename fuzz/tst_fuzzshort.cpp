#include "TestEnvironment.h"
#include "TestSeed.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

// The CI fuzzing step (issue 9): scripts/fuzz.sh builds the libFuzzer targets with clang beside the
// test build (only the sources they exercise) and fuzzes each one for a few seconds. Anything a target
// finds fails the test, with the crashing input saved and the command that replays it in the log.
// `./dev.sh fuzz [seconds]` runs them longer.
class TestFuzzShort : public QObject
{
    Q_OBJECT

private slots:
    void everyTargetRunsCleanForAFewSeconds();

private:
    TestEnvironment m_env;
};

void TestFuzzShort::everyTargetRunsCleanForAFewSeconds()
{
    if (QStandardPaths::findExecutable(QStringLiteral("clang++")).isEmpty())
        QSKIP("clang++ is not installed (scripts/deps-debian.txt lists clang and libclang-rt-14-dev)");
    QProcess fuzz;
    fuzz.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CPADESK_FUZZ_BUILD_DIR"), QStringLiteral(CPADESK_FUZZ_BUILD_DIR));
    environment.insert(QStringLiteral("CPADESK_FUZZ_JOBS"), QStringLiteral("1"));
    // libFuzzer's mutations follow its seed: the same seed on the same corpus replays a run.
    environment.insert(QStringLiteral("CPADESK_FUZZ_SEED"), QString::number(TestSeed::take()));
    fuzz.setProcessEnvironment(environment);
    fuzz.start(QStringLiteral(CPADESK_SOURCE_DIR "/scripts/fuzz.sh"),
               {QStringLiteral(CPADESK_BUILD_DIR), QStringLiteral("4")});
    QVERIFY(fuzz.waitForStarted());
    // The clang build of the fuzzed sources takes about a minute of CPU; the runs 4 s per target.
    QVERIFY(fuzz.waitForFinished(14 * 60 * 1000));
    const QByteArray output = fuzz.readAll();
    qInfo().noquote() << QString::fromUtf8(output);
    QCOMPARE(fuzz.exitStatus(), QProcess::NormalExit);
    QCOMPARE(fuzz.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestFuzzShort)
#include "tst_fuzzshort.moc"

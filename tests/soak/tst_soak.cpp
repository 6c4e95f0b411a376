#include "SoakSupervisor.h"
#include "TestEnvironment.h"
#include "TestSeed.h"

#include <QTemporaryDir>
#include <QTest>

// The short fault soak that CI runs (issue 9), which is also issue 5's crash-recovery test: the app's
// core (Outbox + StatusPoller on a journal, in cpadesk-soak-driver) submits and refreshes leads against
// a cpadesk-sandbox failing ~20 % of requests in every way it can, and is killed with SIGKILL at random
// moments, then restarted on the same journal. Afterwards every lead the user saw confirmed is in the
// journal and reached the sandbox exactly once. `./dev.sh soak [minutes]` runs the long version.
class TestSoak : public QObject
{
    Q_OBJECT

private slots:
    void killedAtRandomNoLeadLostOrDuplicated();

private:
    TestEnvironment m_env;
};

void TestSoak::killedAtRandomNoLeadLostOrDuplicated()
{
    QTemporaryDir work;
    QVERIFY(work.isValid());
    SoakSupervisor::Options options;
    options.sandboxPath = QStringLiteral(CPADESK_SANDBOX_PATH);
    options.driverPath = QStringLiteral(CPADESK_SOAK_DRIVER_PATH);
    options.workDir = work.path();
    options.durationSeconds = 35;
    options.minRunMs = 300;
    options.maxRunMs = 3000;
    options.rate = 30;
    options.drainTimeoutSeconds = 120;
    options.seed = TestSeed::take(20261129);

    const SoakSupervisor::Result result = SoakSupervisor(options).run();
    qInfo().noquote() << '\n' << result.summary();
    const bool keptPromises = result.ranToEnd && result.lost == 0 && result.duplicates == 0 &&
                              result.missingFromJournal == 0 && result.stillWaiting == 0;
    if (!keptPromises) {
        work.setAutoRemove(false);
        qInfo().noquote() << "kept for inspection:" << work.path();
    }
    QVERIFY2(result.ranToEnd, qPrintable(result.failure));
    QVERIFY2(result.restarts >= 5, "too few kills to mean anything");
    QVERIFY(result.confirmedByUser > 100);
    QCOMPARE(result.missingFromJournal, 0);
    QCOMPARE(result.lost, 0);
    QCOMPARE(result.duplicates, 0);
    QCOMPARE(result.stillWaiting, 0);
    QCOMPARE(result.confirmedBySandbox, result.submitted);
    // Unique phones and valid offers: the network has no reason to refuse any of them...
    QCOMPARE(result.rejected - result.misreported, 0);
    // ...and a lead the network holds must not be shown as refused.
    // Qt used to re-send a POST by itself when a keep-alive connection closed before the answer, so a
    // first attempt could come back "duplicate"; HttpExchange now sends bodies Qt cannot rewind.
    QCOMPARE(result.misreported, 0);
}

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"

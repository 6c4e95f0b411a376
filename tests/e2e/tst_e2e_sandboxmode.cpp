#include "MainWindow.h"
#include "TestEnvironment.h"
#include "sandbox/Sandbox.h"
#include "session/AppSession.h"
#include "settings/ProfileStore.h"
#include "sync/Outbox.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// End to end: sandbox mode as a newcomer meets it, and the explicit --api-url that overrides it.
class TestE2eSandboxMode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void freshSessionWithoutAccount_startsInSandboxMode_andSaysSo();
    void apiUrlOverride_winsOverSandboxMode();
};

void TestE2eSandboxMode::initTestCase()
{
    static TestEnvironment env;
}

void TestE2eSandboxMode::freshSessionWithoutAccount_startsInSandboxMode_andSaysSo()
{
    // Not forced: an empty data folder, no profile, no key — what a first run sees.
    AppSession::Options options;
    QTemporaryDir dataDir;
    options.dataDir = dataDir.path();
    AppSession session(options);
    QVERIFY(session.start());
    QTRY_VERIFY(session.outbox());
    QVERIFY(session.isSandboxMode());
    QVERIFY(session.sandbox());
    QCOMPARE(session.activeProfile().id, ProfileStore::sandboxProfileId());
    // The emulator listens on loopback, and the profile points at it.
    QCOMPARE(session.activeProfile().baseUrl.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(session.activeProfile().baseUrl, session.sandbox()->baseUrl());

    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *banner = window.findChild<QWidget *>(QStringLiteral("sandboxBannerFrame"));
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    auto *bannerText = window.findChild<QLabel *>(QStringLiteral("sandboxBannerLabel"));
    QVERIFY(bannerText);
    QVERIFY2(bannerText->text().contains(QStringLiteral("nothing is sent to a real")),
             qPrintable(bannerText->text()));
    QVERIFY(window.findChild<QWidget *>(QStringLiteral("leaveSandboxButton"))->isVisible());
    QVERIFY2(window.windowTitle().contains(QStringLiteral("sandbox"), Qt::CaseInsensitive),
             qPrintable(window.windowTitle()));
    auto *profileLabel = window.findChild<QLabel *>(QStringLiteral("profileStatusLabel"));
    QVERIFY(profileLabel);
    QVERIFY(profileLabel->text().contains(QStringLiteral("sandbox"), Qt::CaseInsensitive));
}

void TestE2eSandboxMode::apiUrlOverride_winsOverSandboxMode()
{
    AppSession::Options options;
    QTemporaryDir dataDir;
    options.dataDir = dataDir.path();
    // Port 9 (discard): nothing is sent in this test, the URL only has to be explicit.
    options.apiUrlOverride = QUrl(QStringLiteral("http://127.0.0.1:9"));
    AppSession session(options);
    QVERIFY(session.start());
    QTRY_VERIFY(session.outbox());
    QVERIFY(!session.isSandboxMode());
    QVERIFY(!session.activeProfile().isSandbox);
    QCOMPARE(session.activeProfile().baseUrl, options.apiUrlOverride);
    QVERIFY2(!session.sandbox(), "the emulator must not even start when the user named a service");

    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *banner = window.findChild<QWidget *>(QStringLiteral("sandboxBannerFrame"));
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());
    QVERIFY2(!window.windowTitle().contains(QStringLiteral("sandbox"), Qt::CaseInsensitive),
             qPrintable(window.windowTitle()));
}

QTEST_MAIN(TestE2eSandboxMode)
#include "tst_e2e_sandboxmode.moc"

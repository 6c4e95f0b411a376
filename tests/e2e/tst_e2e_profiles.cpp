// End to end: profiles as a new user meets them (issue 17, items 1, 3 and 7). A second emulator on
// 127.0.0.1 with a known user id and key plays the "real" network; the settings dialog is driven from the
// keyboard while it runs its own event loop.
#include "E2eApp.h"
#include "LeadForm.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "sandbox/Sandbox.h"
#include "session/AppSession.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "sync/Outbox.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace {

const QString NetworkUser = QStringLiteral("77");
const QString NetworkKey = QStringLiteral("e2e-net-key-5150");

// Runs `act` on the settings dialog once the window has opened it (exec() runs its own event loop, so
// the test acts from inside it). Whatever `act` leaves undone, the dialog is closed afterwards, so a
// failing check cannot leave the test waiting on a modal dialog.
void whenSettingsOpen(MainWindow *window, std::function<void(SettingsDialog *)> act)
{
    auto *timer = new QTimer(window);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, window, [timer, window, act] {
        auto *dialog = window->findChild<SettingsDialog *>();
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        act(dialog);
        if (dialog->isVisible() && !QTest::qWaitFor([dialog] { return !dialog->isVisible(); }, 10000))
            dialog->reject();
    });
    timer->start();
}

template <typename T> T *dialogChild(SettingsDialog *dialog, const char *name)
{
    return dialog->findChild<T *>(QLatin1String(name));
}

// Types where the focus is, as the keyboard would.
void type(const QString &text)
{
    QTest::keyClicks(QApplication::focusWidget(), text);
}

void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key(key), modifiers);
}

QList<SandboxRequest> requestsTo(const Sandbox &network, const QByteArray &path)
{
    QList<SandboxRequest> found;
    for (const SandboxRequest &request : network.receivedRequests()) {
        if (request.path == path)
            found << request;
    }
    return found;
}

} // namespace

class TestE2eProfiles : public QObject
{
    Q_OBJECT

public:
    static void initMain() { QCoreApplication::setAttribute(Qt::AA_Use96Dpi); }

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void switcherTitleAndStatusBarNameTheSandboxAlike();
    void commandLineProfile_sendAsksForTheAccount_andNothingIsQueued();
    void waitingLeadsGoOutOnceTheKeyIsSet();
    void useARealAccount_leadsToANewProfileThatBecomesActive();
    void firstSettings_opensOnANewProfile_leftUntouchedNothingIsAdded();

private:
    // What the switcher, the status bar and the title each name as the profile.
    QStringList profileNames() const;
    void typeLeadAndSend();

    std::unique_ptr<Sandbox> m_network;
    std::unique_ptr<E2eApp> m_app;
};

void TestE2eProfiles::initTestCase()
{
    static TestEnvironment environment;
}

void TestE2eProfiles::init()
{
    SandboxOptions options;
    options.user = NetworkUser;
    options.key = NetworkKey;
    m_network = std::make_unique<Sandbox>(options);
    QVERIFY(m_network->listen() != 0);
}

void TestE2eProfiles::cleanup()
{
    m_app.reset();
    m_network.reset();
}

QStringList TestE2eProfiles::profileNames() const
{
    MainWindow *window = m_app->window();
    auto *switcher = window->findChild<QComboBox *>(QStringLiteral("profileCombo"));
    auto *status = window->findChild<QLabel *>(QStringLiteral("profileStatusLabel"));
    const QString statusPrefix = QStringLiteral("Profile: ");
    const QString titlePrefix = QStringLiteral("CPA Desk — ");
    QString statusName = status ? status->text() : QString();
    QString titleName = window->windowTitle();
    if (statusName.startsWith(statusPrefix))
        statusName.remove(0, statusPrefix.size());
    if (titleName.startsWith(titlePrefix))
        titleName.remove(0, titlePrefix.size());
    return {switcher ? switcher->currentText() : QString(), statusName, titleName};
}

void TestE2eProfiles::typeLeadAndSend()
{
    m_app->clearAndType(QStringLiteral("offerComboBox"), m_network->demoOffers().first());
    QVERIFY(m_app->tabTo(QStringLiteral("phoneEdit")));
    m_app->typeHere(QStringLiteral("+7 900 123-45-67"));
    m_app->openSection(QStringLiteral("tracking"));
    QVERIFY(m_app->tabTo(QStringLiteral("ipEdit")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    m_app->typeHere(QStringLiteral("12.34.56.78"));
    m_app->pressCtrlEnter();
}

void TestE2eProfiles::switcherTitleAndStatusBarNameTheSandboxAlike()
{
    m_app = std::make_unique<E2eApp>();
    QVERIFY(m_app->start());
    const QStringList names = profileNames();
    QCOMPARE(names.at(0), QStringLiteral("Sandbox (built-in emulator)"));
    QCOMPARE(names.at(1), names.at(0));
    QCOMPARE(names.at(2), names.at(0));
}

void TestE2eProfiles::commandLineProfile_sendAsksForTheAccount_andNothingIsQueued()
{
    // cpadesk --api-url URL, with no account set up.
    AppSession::Options options;
    options.apiUrlOverride = m_network->baseUrl();
    m_app = std::make_unique<E2eApp>(options);
    QVERIFY(m_app->start());
    QCOMPARE(m_app->session()->activeProfile().name, QStringLiteral("Command line"));
    QCOMPARE(profileNames(), QStringList(3, QStringLiteral("Command line")));

    bool askedForTheUser = false;
    const QString url = m_network->baseUrl().toString();
    whenSettingsOpen(m_app->window(), [&askedForTheUser, url](SettingsDialog *dialog) {
        // A new profile on the command line's address, the focus where the user id goes.
        auto *userId = dialogChild<QLineEdit>(dialog, "userIdEdit");
        QTRY_VERIFY(userId->hasFocus());
        askedForTheUser = true;
        QCOMPARE(dialogChild<QLineEdit>(dialog, "baseUrlEdit")->text(), url);
        type(NetworkUser);
        press(Qt::Key_Tab);
        QVERIFY(dialogChild<QLineEdit>(dialog, "keyEdit")->hasFocus());
        type(NetworkKey);
        press(Qt::Key_Return);
    });
    typeLeadAndSend();
    // The lead is refused before it is stored, saying what is missing; the settings open.
    QTRY_VERIFY2(m_app->banner().contains(QStringLiteral("has no user id and no key")),
                 qPrintable(m_app->banner()));
    QTRY_VERIFY_WITH_TIMEOUT(askedForTheUser, 10000);
    QTRY_VERIFY(!m_app->window()->findChild<SettingsDialog *>());
    QVERIFY2(m_app->session()->journal()->rows(QStringLiteral("command-line")).isEmpty(),
             "nothing may be stranded on the profile without an account");

    // OK made the new profile the active one, named alike everywhere.
    QTRY_COMPARE(m_app->session()->activeProfile().userId, NetworkUser);
    const QString name = m_app->session()->activeProfile().name;
    QCOMPARE(name, m_network->baseUrl().host());
    QTRY_COMPARE(profileNames(), QStringList(3, name));
    QCOMPARE(requestsTo(*m_network, "/ext/add.json").size(), 0);

    // The lead is still in the form: sending it again reaches the network with the new account.
    m_app->window()->activateWindow();
    m_app->widget(QStringLiteral("phoneEdit"))->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(QApplication::focusWidget());
    m_app->pressCtrlEnter();
    QTRY_COMPARE_WITH_TIMEOUT(requestsTo(*m_network, "/ext/add.json").size(), 1, 10000);
    QVERIFY(requestsTo(*m_network, "/ext/add.json")
                .first()
                .query.startsWith(QByteArray("id=" + NetworkUser.toLatin1() + "-")));
}

void TestE2eProfiles::waitingLeadsGoOutOnceTheKeyIsSet()
{
    m_app = std::make_unique<E2eApp>(AppSession::Options());
    // A profile with its user id but no key, and a lead waiting on it (queued by an earlier version, or
    // before its key was removed).
    const QDir data(m_app->dataDir());
    QString profileId;
    {
        Settings settings(data.filePath(QStringLiteral("settings.ini")));
        ProfileStore store(&settings, data.filePath(QStringLiteral("profiles.ini")));
        Profile work;
        work.name = QStringLiteral("Work");
        work.baseUrl = m_network->baseUrl();
        work.userId = NetworkUser;
        profileId = store.add(work);
        QVERIFY(!profileId.isEmpty());
        QVERIFY(store.setActiveProfile(profileId));
        QVERIFY(settings.save());
        Journal journal;
        QVERIFY(journal.open(data.filePath(QStringLiteral("journal.sqlite"))));
        Lead lead;
        lead.orderId = QStringLiteral("880001");
        lead.offer = m_network->demoOffers().first();
        lead.phone = QStringLiteral("79001234567");
        lead.ip = QStringLiteral("12.34.56.78");
        QVERIFY(journal.addLead(profileId, lead.orderId, lead, QDateTime::currentMSecsSinceEpoch()));
        journal.close();
    }
    QVERIFY(m_app->start());
    QCOMPARE(m_app->session()->activeProfile().id, profileId);
    QCOMPARE(profileNames(), QStringList(3, QStringLiteral("Work")));

    // It says what it waits for: the account, not the network.
    auto *waiting = m_app->child<QLabel>(QStringLiteral("waitingStatusLabel"));
    QTRY_VERIFY2(waiting->text().contains(QStringLiteral("waiting for the account's user id and key")),
                 qPrintable(waiting->text()));
    auto *note = m_app->child<QLabel>(QStringLiteral("credentialsLabel"));
    QVERIFY(note && !note->isHidden());
    QCOMPARE(requestsTo(*m_network, "/ext/add.json").size(), 0);

    // The key, typed into the settings (Ctrl+, then Alt+K for the key field), goes with OK...
    whenSettingsOpen(m_app->window(), [](SettingsDialog *dialog) {
        QCOMPARE(dialogChild<QLineEdit>(dialog, "nameEdit")->text(), QStringLiteral("Work"));
        auto *key = dialogChild<QLineEdit>(dialog, "keyEdit");
        QTRY_VERIFY(key->isEnabled()); // once the store said there is none
        press(Qt::Key_K, Qt::AltModifier);
        QTRY_VERIFY(key->hasFocus());
        type(NetworkKey);
        press(Qt::Key_Return);
    });
    press(Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(!m_app->window()->findChild<SettingsDialog *>());
    // ...and the waiting lead goes out at once, with it.
    QTRY_COMPARE_WITH_TIMEOUT(requestsTo(*m_network, "/ext/add.json").size(), 1, 10000);
    QTRY_COMPARE(m_network->storedOrderIds(), QStringList{QStringLiteral("880001")});
    QTRY_COMPARE(waiting->text(), QStringLiteral("Outbox empty"));
    QVERIFY(note->isHidden());
}

void TestE2eProfiles::useARealAccount_leadsToANewProfileThatBecomesActive()
{
    m_app = std::make_unique<E2eApp>();
    QVERIFY(m_app->start());
    auto *leave = m_app->widget(QStringLiteral("leaveSandboxButton"));
    QVERIFY(leave && leave->isVisible());

    QString connectionVerdict;
    int listCallsWithTheAccount = 0;
    whenSettingsOpen(m_app->window(), [&](SettingsDialog *dialog) {
        // Straight to a new profile: its name is selected, ready to be typed over.
        auto *name = dialogChild<QLineEdit>(dialog, "nameEdit");
        QTRY_VERIFY(name->hasFocus());
        QCOMPARE(name->selectedText(), name->text());
        QVERIFY(!name->isReadOnly());
        type(QStringLiteral("My network"));
        press(Qt::Key_Tab);
        QVERIFY(dialogChild<QLineEdit>(dialog, "baseUrlEdit")->hasFocus());
        press(Qt::Key_A, Qt::ControlModifier);
        type(m_network->baseUrl().toString());
        press(Qt::Key_Tab);
        QVERIFY(dialogChild<QLineEdit>(dialog, "userIdEdit")->hasFocus());
        type(NetworkUser);
        press(Qt::Key_Tab);
        QVERIFY(dialogChild<QLineEdit>(dialog, "keyEdit")->hasFocus());
        type(NetworkKey);
        press(Qt::Key_T, Qt::AltModifier); // Test connection
        auto *result = dialogChild<QLabel>(dialog, "connectionResultLabel");
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("The connection works")), 10000);
        connectionVerdict = result->text();
        for (const SandboxRequest &request : requestsTo(*m_network, "/ext/list.json"))
            listCallsWithTheAccount +=
                request.query.startsWith(QByteArray("id=" + NetworkUser.toLatin1() + "-"));
        press(Qt::Key_K, Qt::AltModifier);
        press(Qt::Key_Return);
    });
    leave->setFocus(Qt::TabFocusReason);
    QTest::keyClick(leave, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!connectionVerdict.isEmpty(), 15000);
    QVERIFY(listCallsWithTheAccount >= 1);
    QTRY_VERIFY(!m_app->window()->findChild<SettingsDialog *>());

    // OK made it the active profile: no hunting for it in the toolbar.
    QTRY_COMPARE(m_app->session()->activeProfile().name, QStringLiteral("My network"));
    QVERIFY(!m_app->session()->isSandboxMode());
    QTRY_COMPARE(profileNames(), QStringList(3, QStringLiteral("My network")));
    QVERIFY(!m_app->widget(QStringLiteral("sandboxBannerFrame"))->isVisible());
    QVERIFY(m_app->session()->missingCredentials().isEmpty());
}

void TestE2eProfiles::firstSettings_opensOnANewProfile_leftUntouchedNothingIsAdded()
{
    m_app = std::make_unique<E2eApp>();
    QVERIFY(m_app->start());
    bool onNewProfile = false;
    whenSettingsOpen(m_app->window(), [&onNewProfile](SettingsDialog *dialog) {
        auto *name = dialogChild<QLineEdit>(dialog, "nameEdit");
        QTRY_VERIFY(name->hasFocus());
        onNewProfile = name->text() == QStringLiteral("New profile") && dialog->currentProfileId().isEmpty();
        // Opened for something else (the language, say): OK without touching the new profile.
        press(Qt::Key_Return);
    });
    press(Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(onNewProfile);
    QTRY_VERIFY(!m_app->window()->findChild<SettingsDialog *>());
    QCOMPARE(m_app->session()->profiles()->profiles().size(), 1);
    QVERIFY(m_app->session()->isSandboxMode());
}

QTEST_MAIN(TestE2eProfiles)
#include "tst_e2e_profiles.moc"

// The settings dialog's "Team server" part (issue 19), driven through its real widgets offscreen, with
// "Test team server" run against the test's own PostgreSQL.
#include "../settings/LogCanary.h"
#include "../settings/ScriptedStatusFetch.h"
#include "SettingsDialog.h"
#include "TeamFixture.h"
#include "TestEnvironment.h"
#include "settings/CredentialStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "settings/SettingsPaths.h"
#include "team/TeamSettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

#include <memory>

namespace {

const QString Canary = QStringLiteral("CANARY-TEAM-PW-5e21");

QString readSecret(CredentialStore *store, const QString &entry)
{
    bool done = false;
    QString secret = QStringLiteral("<none>");
    CredentialJob *job = store->readKey(entry);
    QObject::connect(job, &CredentialJob::finished, job, [&](CredentialJob *finished) {
        done = true;
        if (finished->ok())
            secret = finished->key();
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        return QStringLiteral("<timed out>");
    return secret;
}

} // namespace

class TestTeamServerSettings : public QObject
{
    Q_OBJECT

public:
    static void initMain()
    {
        QCoreApplication::setAttribute(Qt::AA_Use96Dpi);
        // Headless, no keychain: secrets go to the owner-only file, deterministically.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
    }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void everyFieldIsLabelled();
    void savedWithOkKeptLikeTheKey();
    void wrongTeamSettingsKeepTheDialogOpen();
    void cancelSavesNothing();
    void testButtonAgainstTheRealServer();
    void testButtonSaysAWrongPasswordInWords();
    void removingAProfileForgetsItsTeamServer();

private:
    template <typename T> T *child(const char *name) const
    {
        T *found = m_dialog->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }
    void openDialog();
    void selectWorkProfile();
    void fill(const TeamServerConfig &config);
    static void replaceText(QLineEdit *edit, const QString &text);
    void pressOk();

    TestEnvironment m_environment;
    TeamFixture m_team;
    QString m_workProfileId;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<TeamSettings> m_teamSettings;
    ScriptedFetchStarter m_starter;
    std::unique_ptr<ConnectionTester> m_tester;
    std::unique_ptr<SettingsDialog> m_dialog;
};

void TestTeamServerSettings::initTestCase()
{
    LogCanary::start();
    QCoreApplication::setOrganizationName(QStringLiteral("CPA Desk"));
    QCoreApplication::setApplicationName(QStringLiteral("cpadesk"));
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
}

void TestTeamServerSettings::cleanupTestCase()
{
    QVERIFY2(LogCanary::messagesContaining(Canary).isEmpty(), "the team password reached the log");
}

void TestTeamServerSettings::init()
{
    for (const QString &path : {SettingsPaths::settingsFile(), SettingsPaths::profilesFile(),
                                SettingsPaths::credentialsFile(), TeamSettings::defaultFilePath()})
        QFile::remove(path);
    m_settings = std::make_unique<Settings>();
    m_profiles = std::make_unique<ProfileStore>(m_settings.get());
    Profile work;
    work.name = QStringLiteral("Work");
    work.baseUrl = QUrl(QStringLiteral("https://api.example.net"));
    work.userId = QStringLiteral("4242");
    QList<Profile> edited = m_profiles->profiles();
    edited << work;
    QVERIFY(m_profiles->applyEdit(edited, {}));
    m_workProfileId = edited.last().id;
    m_credentials = std::make_unique<CredentialStore>();
    m_teamSettings = std::make_unique<TeamSettings>();
    QVERIFY(m_teamSettings->load());
    m_tester = std::make_unique<ConnectionTester>(
        [this](const ApiConfig &config, const QStringList &ids) { return m_starter.start(config, ids); });
}

void TestTeamServerSettings::cleanup()
{
    m_dialog.reset();
    m_tester.reset();
    m_teamSettings.reset();
    m_credentials.reset();
    m_profiles.reset();
    m_settings.reset();
}

void TestTeamServerSettings::openDialog()
{
    m_dialog = std::make_unique<SettingsDialog>(m_settings.get(), m_profiles.get(), m_credentials.get(),
                                                m_tester.get());
    m_dialog->setTeamSettings(m_teamSettings.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    m_dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
}

void TestTeamServerSettings::selectWorkProfile()
{
    auto *tabs = child<QTabWidget>("settingsTabWidget");
    tabs->setCurrentIndex(0);
    auto *list = child<QListWidget>("profilesList");
    const QList<QListWidgetItem *> items = list->findItems(QStringLiteral("Work"), Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    list->setCurrentItem(items.first());
    // Alt+Y: the team page, for the profile chosen.
    QTest::keyClick(m_dialog.get(), Qt::Key_Y, Qt::AltModifier);
    QTRY_COMPARE(tabs->currentWidget()->objectName(), QStringLiteral("teamServerPage"));
    QVERIFY(child<QLabel>("teamProfileLabel")->text().contains(QStringLiteral("“Work”")));
}

void TestTeamServerSettings::replaceText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void TestTeamServerSettings::fill(const TeamServerConfig &config)
{
    QTest::keyClick(m_dialog.get(), Qt::Key_Y, Qt::AltModifier);
    QTRY_VERIFY(child<QWidget>("teamServerPage")->isVisible());
    auto *share = child<QCheckBox>("teamEnabledCheckBox");
    if (!share->isChecked())
        QTest::mouseClick(share, Qt::LeftButton, {}, QPoint(4, share->height() / 2));
    QVERIFY(share->isChecked());
    replaceText(child<QLineEdit>("teamHostEdit"), config.host);
    auto *port = child<QSpinBox>("teamPortSpinBox");
    port->setFocus();
    port->selectAll();
    QTest::keyClicks(port, QString::number(config.port));
    QCOMPARE(port->value(), config.port);
    replaceText(child<QLineEdit>("teamDatabaseEdit"), config.database);
    replaceText(child<QLineEdit>("teamUserEdit"), config.user);
    // The stored password is read first (the field waits, disabled, meanwhile).
    QTRY_VERIFY(child<QLineEdit>("teamPasswordEdit")->isEnabled());
    replaceText(child<QLineEdit>("teamPasswordEdit"), config.password);
    auto *tls = child<QComboBox>("teamTlsCombo");
    tls->setCurrentIndex(tls->findData(int(config.tls)));
}

void TestTeamServerSettings::pressOk()
{
    QTest::mouseClick(child<QDialogButtonBox>("dialogButtonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}

void TestTeamServerSettings::everyFieldIsLabelled()
{
    openDialog();
    selectWorkProfile();
    auto *box = child<QGroupBox>("teamServerGroupBox");
    QVERIFY(box && box->isVisible());
    const QList<QWidget *> inputs = {child<QWidget>("teamHostEdit"),       child<QWidget>("teamPortSpinBox"),
                                     child<QWidget>("teamDatabaseEdit"),   child<QWidget>("teamUserEdit"),
                                     child<QWidget>("teamPasswordEdit"),   child<QWidget>("teamTlsCombo"),
                                     child<QWidget>("teamCaFileEdit"),     child<QWidget>("teamOperatorEdit"),
                                     child<QWidget>("teamWorkstationEdit")};
    const QList<QLabel *> labels = box->findChildren<QLabel *>();
    for (QWidget *input : inputs) {
        QVERIFY(input);
        QLabel *label = nullptr;
        for (QLabel *candidate : labels) {
            if (candidate->buddy() == input)
                label = candidate;
        }
        QVERIFY2(label, qPrintable(input->objectName()));
        QString text = label->text();
        QVERIFY2(text.contains(QLatin1Char('&')), qPrintable(text)); // an access key
        text.remove(QLatin1Char('&'));
        text.chop(1); // the colon
        QCOMPARE(input->accessibleName(), text);
        QVERIFY(input->focusPolicy() & Qt::TabFocus);
    }
    QVERIFY(!child<QCheckBox>("teamEnabledCheckBox")->accessibleName().isEmpty());
    QVERIFY(child<QPushButton>("testTeamServerButton")->focusPolicy() & Qt::TabFocus);
    // The workstation id is made once, shown, and not editable.
    auto *workstation = child<QLineEdit>("teamWorkstationEdit");
    QVERIFY(workstation->isReadOnly());
    QVERIFY(!workstation->text().isEmpty());
    QCOMPARE(workstation->text(), m_teamSettings->workstationId());
    QCOMPARE(child<QLineEdit>("teamOperatorEdit")->placeholderText(), TeamSettings::defaultOperatorName());
    QCOMPARE(child<QLineEdit>("teamPasswordEdit")->echoMode(), QLineEdit::Password);
}

void TestTeamServerSettings::savedWithOkKeptLikeTheKey()
{
    openDialog();
    selectWorkProfile();
    TeamServerConfig config = m_team.config(TeamFixture::operatorA());
    config.password = Canary;
    config.tls = TeamTlsMode::Disable;
    fill(config);
    replaceText(child<QLineEdit>("teamOperatorEdit"), QStringLiteral("Anna Petrova"));
    pressOk();
    QTRY_VERIFY(!m_dialog->isVisible());

    TeamSettings stored;
    QVERIFY(stored.load());
    const TeamProfileSettings team = stored.profile(m_workProfileId);
    QVERIFY(team.enabled);
    QCOMPARE(team.host, config.host);
    QCOMPARE(team.port, config.port);
    QCOMPARE(team.database, config.database);
    QCOMPARE(team.user, config.user);
    QCOMPARE(team.tls, TeamTlsMode::Disable);
    QCOMPARE(team.operatorName, QStringLiteral("Anna Petrova"));
    // The password is where the key is kept, never in the team settings' file.
    QCOMPARE(readSecret(m_credentials.get(), TeamSettings::passwordEntry(m_workProfileId)), Canary);
    QFile file(TeamSettings::defaultFilePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(Canary.toUtf8()));
    // The sandbox profile was left alone.
    QVERIFY(!stored.profile(ProfileStore::sandboxProfileId()).enabled);

    // Opened again: shown as saved, the password masked in its own field.
    openDialog();
    selectWorkProfile();
    QVERIFY(child<QCheckBox>("teamEnabledCheckBox")->isChecked());
    QCOMPARE(child<QLineEdit>("teamHostEdit")->text(), config.host);
    QTRY_COMPARE(child<QLineEdit>("teamPasswordEdit")->text(), Canary);
    QCOMPARE(child<QLineEdit>("teamPasswordEdit")->echoMode(), QLineEdit::Password);

    // Turning sharing off and OK keeps the details but stops sharing.
    QTest::mouseClick(child<QCheckBox>("teamEnabledCheckBox"), Qt::LeftButton, {},
                      QPoint(4, child<QCheckBox>("teamEnabledCheckBox")->height() / 2));
    pressOk();
    QTRY_VERIFY(!m_dialog->isVisible());
    QVERIFY(stored.load());
    QVERIFY(!stored.profile(m_workProfileId).enabled);
    QCOMPARE(stored.profile(m_workProfileId).host, config.host);
}

void TestTeamServerSettings::wrongTeamSettingsKeepTheDialogOpen()
{
    openDialog();
    selectWorkProfile();
    auto *share = child<QCheckBox>("teamEnabledCheckBox");
    QTest::mouseClick(share, Qt::LeftButton, {}, QPoint(4, share->height() / 2));
    replaceText(child<QLineEdit>("teamDatabaseEdit"), QStringLiteral("cpadesk"));
    // No host, no user: nothing is saved, and the dialog says why.
    child<QTabWidget>("settingsTabWidget")->setCurrentIndex(0);
    auto *nameEdit = child<QLineEdit>("nameEdit");
    replaceText(nameEdit, QStringLiteral("Work renamed"));
    pressOk();
    auto *problem = child<QLabel>("problemLabel");
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QLatin1String("host")), qPrintable(problem->text()));
    QVERIFY(m_dialog->isVisible());
    // All or nothing: the profile's rename was not saved either.
    QCOMPARE(m_profiles->profile(m_workProfileId)->name, QStringLiteral("Work"));
    TeamSettings stored;
    QVERIFY(stored.load());
    QVERIFY(!stored.profile(m_workProfileId).enabled);

    // verify-full without a CA file is refused in words too.
    TeamServerConfig config = m_team.config(TeamFixture::operatorA());
    config.tls = TeamTlsMode::VerifyFull;
    fill(config);
    pressOk();
    QTRY_VERIFY2(problem->text().contains(QLatin1String("CA file")), qPrintable(problem->text()));
    QVERIFY(m_dialog->isVisible());
}

void TestTeamServerSettings::cancelSavesNothing()
{
    openDialog();
    selectWorkProfile();
    TeamServerConfig config = m_team.config(TeamFixture::operatorA());
    config.password = Canary;
    fill(config);
    QTest::mouseClick(child<QDialogButtonBox>("dialogButtonBox")->button(QDialogButtonBox::Cancel),
                      Qt::LeftButton);
    QTRY_VERIFY(!m_dialog->isVisible());
    TeamSettings stored;
    QVERIFY(stored.load());
    QVERIFY(!stored.profile(m_workProfileId).enabled);
    QCOMPARE(readSecret(m_credentials.get(), TeamSettings::passwordEntry(m_workProfileId)),
             QStringLiteral("<none>"));
}

void TestTeamServerSettings::testButtonAgainstTheRealServer()
{
    QVERIFY2(m_team.recreateDatabase(), qPrintable(m_team.errorString()));
    openDialog();
    selectWorkProfile();
    TeamServerConfig config = m_team.config(TeamFixture::ownerUser());
    config.tls = TeamTlsMode::Disable;
    fill(config);
    auto *result = child<QLabel>("teamTestResultLabel");
    auto *button = child<QPushButton>("testTeamServerButton");
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space);
    QTRY_VERIFY2_WITH_TIMEOUT(result->text().startsWith(QLatin1String("Connected")),
                              qPrintable(result->text()), 20000);
    QVERIFY2(result->text().contains(QLatin1String("empty")), qPrintable(result->text()));
    QCOMPARE(result->accessibleDescription(), result->text());
    QVERIFY(button->isEnabled());
    // Testing saves nothing.
    TeamSettings stored;
    QVERIFY(stored.load());
    QVERIFY(!stored.profile(m_workProfileId).enabled);
}

void TestTeamServerSettings::testButtonSaysAWrongPasswordInWords()
{
    openDialog();
    selectWorkProfile();
    TeamServerConfig config = m_team.config(TeamFixture::operatorA());
    config.password = Canary;
    config.tls = TeamTlsMode::Disable;
    fill(config);
    auto *result = child<QLabel>("teamTestResultLabel");
    QTest::mouseClick(child<QPushButton>("testTeamServerButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QLatin1String("password")), 20000);
    QVERIFY2(result->text().contains(TeamFixture::operatorA()), qPrintable(result->text()));
    QVERIFY(!result->text().contains(Canary));

    // The server stopped: "cannot be reached", in words, and the dialog does not wait on it.
    QVERIFY(m_team.server().stop());
    QTest::mouseClick(child<QPushButton>("testTeamServerButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QLatin1String("cannot be reached")), 20000);
    QVERIFY2(m_team.server().start(), qPrintable(m_team.errorString()));
}

void TestTeamServerSettings::removingAProfileForgetsItsTeamServer()
{
    TeamProfileSettings team;
    team.enabled = true;
    team.host = QStringLiteral("db.callcentre.lan");
    team.database = QStringLiteral("cpadesk");
    team.user = QStringLiteral("anna");
    QVERIFY(m_teamSettings->setProfile(m_workProfileId, team));
    bool written = false;
    connect(m_credentials->writeKey(TeamSettings::passwordEntry(m_workProfileId), Canary),
            &CredentialJob::finished, this, [&written](CredentialJob *job) { written = job->ok(); });
    QTRY_VERIFY(written);

    openDialog();
    selectWorkProfile();
    QTRY_COMPARE(child<QLineEdit>("teamPasswordEdit")->text(), Canary);
    child<QTabWidget>("settingsTabWidget")->setCurrentIndex(0);
    QTest::mouseClick(child<QPushButton>("removeProfileButton"), Qt::LeftButton);
    pressOk();
    QTRY_VERIFY(!m_dialog->isVisible());
    QVERIFY(!m_profiles->contains(m_workProfileId));
    TeamSettings stored;
    QVERIFY(stored.load());
    QCOMPARE(stored.profile(m_workProfileId).host, QString());
    QCOMPARE(readSecret(m_credentials.get(), TeamSettings::passwordEntry(m_workProfileId)),
             QStringLiteral("<none>"));
}

QTEST_MAIN(TestTeamServerSettings)
#include "tst_teamserversettings.moc"

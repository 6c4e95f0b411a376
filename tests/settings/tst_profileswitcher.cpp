// The main window's profile switcher.
#include "ProfileSwitcher.h"
#include "TestEnvironment.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "settings/SettingsPaths.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

class TestProfileSwitcher : public QObject
{
    Q_OBJECT

public:
    static void initMain() { QCoreApplication::setAttribute(Qt::AA_Use96Dpi); }

private slots:
    void initTestCase();
    void listsProfilesAndFollowsTheStore();
    void choosingEmitsTheId();
    void showsTheSessionsProfileEvenUnsaved();

private:
    TestEnvironment m_environment;
};

void TestProfileSwitcher::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CPA Desk"));
    QCoreApplication::setApplicationName(QStringLiteral("cpadesk"));
    QFile::remove(SettingsPaths::settingsFile());
    QFile::remove(SettingsPaths::profilesFile());
}

void TestProfileSwitcher::listsProfilesAndFollowsTheStore()
{
    Settings settings;
    ProfileStore store(&settings);
    ProfileSwitcher switcher(&store);
    auto *combo = switcher.findChild<QComboBox *>(QStringLiteral("profileCombo"));
    QVERIFY(combo);
    auto *label = switcher.findChild<QLabel *>();
    QCOMPARE(label->buddy(), combo);
    // No Alt key on purpose (the New lead form needs those letters): Ctrl+Shift+P, tested end to end.
    QVERIFY(!label->text().contains(QLatin1Char('&')));
    QCOMPARE(combo->accessibleName(),
             QString(label->text()).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    QCOMPARE(combo->count(), 1);
    QCOMPARE(switcher.selectedProfileId(), ProfileStore::sandboxProfileId());

    QSignalSpy chosen(&switcher, &ProfileSwitcher::profileChosen);
    Profile work;
    work.name = QStringLiteral("Work");
    work.baseUrl = QUrl(QStringLiteral("https://api.example.net"));
    work.userId = QStringLiteral("5");
    const QString id = store.add(work);
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->itemText(1), QStringLiteral("Work"));
    QVERIFY(store.setActiveProfile(id));
    QCOMPARE(switcher.selectedProfileId(), id);

    work = *store.profile(id);
    work.name = QStringLiteral("Work (renamed)");
    QVERIFY(store.update(work));
    QCOMPARE(combo->itemText(1), QStringLiteral("Work (renamed)"));
    QCOMPARE(switcher.selectedProfileId(), id);

    QVERIFY(store.remove(id));
    QCOMPARE(combo->count(), 1);
    QCOMPARE(switcher.selectedProfileId(), ProfileStore::sandboxProfileId());
    QCOMPARE(chosen.count(), 0); // changes made elsewhere are not the user's choice
}

void TestProfileSwitcher::choosingEmitsTheId()
{
    Settings settings;
    ProfileStore store(&settings);
    Profile other;
    other.name = QStringLiteral("Other");
    other.baseUrl = QUrl(QStringLiteral("https://other.example"));
    other.userId = QStringLiteral("8");
    const QString id = store.add(other);
    ProfileSwitcher switcher(&store);
    switcher.show();
    QVERIFY(QTest::qWaitForWindowExposed(&switcher));
    QSignalSpy chosen(&switcher, &ProfileSwitcher::profileChosen);
    auto *combo = switcher.findChild<QComboBox *>(QStringLiteral("profileCombo"));
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), id);
    QVERIFY2(store.activeProfileId() != id, "the switcher only reports; the main window switches");
}

void TestProfileSwitcher::showsTheSessionsProfileEvenUnsaved()
{
    QFile::remove(SettingsPaths::settingsFile());
    QFile::remove(SettingsPaths::profilesFile());
    Settings settings;
    ProfileStore store(&settings);
    ProfileSwitcher switcher(&store);
    auto *combo = switcher.findChild<QComboBox *>(QStringLiteral("profileCombo"));
    // This run's "Command line" profile: not in the store, active all the same.
    Profile commandLine;
    commandLine.id = QStringLiteral("command-line");
    commandLine.name = QStringLiteral("Command line");
    switcher.showActiveProfile(commandLine);
    QCOMPARE(switcher.selectedProfileId(), commandLine.id);
    QCOMPARE(switcher.selectedProfileText(), QStringLiteral("Command line"));
    QCOMPARE(combo->count(), 2);
    // The store's idea of the active profile (still the sandbox) does not override the session's.
    Profile other;
    other.name = QStringLiteral("Other");
    other.baseUrl = QUrl(QStringLiteral("https://other.example"));
    other.userId = QStringLiteral("8");
    const QString id = store.add(other);
    QCOMPARE(switcher.selectedProfileId(), commandLine.id);
    // Once another is active, the unsaved one stays choosable: its leads must stay within reach.
    switcher.showActiveProfile(*store.profile(id));
    QCOMPARE(switcher.selectedProfileId(), id);
    QCOMPARE(combo->count(), 3);
    QVERIFY(combo->findData(commandLine.id) >= 0);
    QCOMPARE(combo->itemText(0), store.profile(ProfileStore::sandboxProfileId())->displayName());
}

QTEST_MAIN(TestProfileSwitcher)
#include "tst_profileswitcher.moc"

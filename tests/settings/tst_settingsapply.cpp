// SettingsApply: the settings dialog's OK without the dialog — all of it is saved, or nothing.
#include "TestEnvironment.h"
#include "settings/CredentialStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "settings/SettingsApply.h"
#include "settings/SettingsPaths.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(SettingsApplyResult)

namespace {

const QString Key = QStringLiteral("apply-test-key-4711");

// A device that keeps none of what it was given.
void emptyTheFile(const QString &path)
{
    QFile written(path);
    if (written.open(QIODevice::WriteOnly | QIODevice::Truncate))
        written.write("\n");
}

} // namespace

class TestSettingsApply : public QObject
{
    Q_OBJECT

public:
    static void initMain()
    {
        // Headless, no keychain: keys go to the owner-only file, deterministically.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
    }

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void appliesEverythingThenActivates();
    void aFailedOptionsSaveChangesNoProfile();
    void aFailedProfilesSaveUndoesTheOptionsAndRemovesNothing();
    void anUnusableProfileChangesNothing();
    void aProfileHoldingWaitingLeadsIsNotRemoved();

private:
    SettingsApplyResult run(const SettingsChanges &changes);
    QString addProfile(const QString &name);
    QString readKey(const QString &profileId);

    TestEnvironment m_environment;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialStore> m_credentials;
};

void TestSettingsApply::initTestCase()
{
    qRegisterMetaType<SettingsApplyResult>();
}

void TestSettingsApply::init()
{
    for (const QString &path :
         {SettingsPaths::settingsFile(), SettingsPaths::profilesFile(), SettingsPaths::credentialsFile()})
        QFile::remove(path);
    m_settings = std::make_unique<Settings>();
    m_profiles = std::make_unique<ProfileStore>(m_settings.get());
    m_credentials = std::make_unique<CredentialStore>();
}

void TestSettingsApply::cleanup()
{
    m_credentials.reset();
    m_profiles.reset();
    m_settings.reset();
}

SettingsApplyResult TestSettingsApply::run(const SettingsChanges &changes)
{
    SettingsApply apply(m_settings.get(), m_profiles.get(), m_credentials.get());
    QSignalSpy finished(&apply, &SettingsApply::finished);
    apply.apply(changes);
    if (!finished.isEmpty()) {
        QTest::qFail("finished() came from inside apply()", __FILE__, __LINE__);
        return {};
    }
    if (!finished.wait(30000))
        return {};
    return finished.first().first().value<SettingsApplyResult>();
}

QString TestSettingsApply::addProfile(const QString &name)
{
    Profile profile;
    profile.name = name;
    profile.baseUrl = QUrl(QStringLiteral("https://%1.example").arg(name.toLower()));
    profile.userId = QStringLiteral("5");
    return m_profiles->add(profile);
}

QString TestSettingsApply::readKey(const QString &profileId)
{
    CredentialJob *job = m_credentials->readKey(profileId);
    QSignalSpy finished(job, &CredentialJob::finished);
    if (!finished.wait(30000))
        return QStringLiteral("<timed out>");
    return job->result() == CredentialJob::Result::Ok ? job->key() : QStringLiteral("<none>");
}

void TestSettingsApply::appliesEverythingThenActivates()
{
    const QString old = addProfile(QStringLiteral("Old"));
    SettingsChanges changes;
    changes.options = {{Settings::Key::AutoRefreshMinutes, 9}};
    changes.profiles.append({*m_profiles->profile(ProfileStore::sandboxProfileId()), false, {}});
    Profile fresh;
    fresh.name = QStringLiteral("Fresh");
    fresh.baseUrl = QUrl(QStringLiteral("https://fresh.example"));
    fresh.userId = QStringLiteral("8");
    changes.profiles.append({fresh, true, Key});
    changes.removedIds = {old};
    changes.activateIndex = 1;
    QSignalSpy keyChanged(m_credentials.get(), &CredentialStore::keyChanged);

    const SettingsApplyResult result = run(changes);
    QVERIFY2(result.ok, qPrintable(result.problem));
    QCOMPARE(result.profileIds.size(), 2);
    const QString freshId = result.profileIds.at(1);
    QVERIFY(!freshId.isEmpty());
    QCOMPARE(result.keysStored, QList<int>{1});
    QVERIFY(!m_profiles->contains(old));
    QCOMPARE(m_profiles->profile(freshId)->name, QStringLiteral("Fresh"));
    QCOMPARE(m_profiles->activeProfileId(), freshId);
    QCOMPARE(Settings().integer(Settings::Key::AutoRefreshMinutes), 9);
    QCOMPARE(readKey(freshId), Key);
    QVERIFY(keyChanged.contains(QVariantList{freshId}));
}

void TestSettingsApply::aFailedOptionsSaveChangesNoProfile()
{
    const QString old = addProfile(QStringLiteral("Old"));
    m_settings->file().setBeforeVerifyHook(emptyTheFile);
    SettingsChanges changes;
    changes.options = {{Settings::Key::AutoRefreshMinutes, 9}};
    changes.profiles.append({*m_profiles->profile(ProfileStore::sandboxProfileId()), false, {}});
    changes.removedIds = {old};

    const SettingsApplyResult result = run(changes);
    QVERIFY(!result.ok);
    QVERIFY2(result.problem.contains(QStringLiteral("application settings could not be saved")),
             qPrintable(result.problem));
    QVERIFY(!result.profilesSaved);
    QVERIFY2(m_profiles->contains(old), "no removal after a failed options save");
    QCOMPARE(m_settings->integer(Settings::Key::AutoRefreshMinutes), 5); // the old value, in memory too
    m_settings->file().setBeforeVerifyHook({});
}

void TestSettingsApply::aFailedProfilesSaveUndoesTheOptionsAndRemovesNothing()
{
    const QString old = addProfile(QStringLiteral("Old"));
    m_profiles->file().setBeforeVerifyHook(emptyTheFile);
    SettingsChanges changes;
    changes.options = {{Settings::Key::AutoRefreshMinutes, 9}};
    Profile added;
    added.name = QStringLiteral("Added");
    added.baseUrl = QUrl(QStringLiteral("https://added.example"));
    added.userId = QStringLiteral("6");
    changes.profiles.append({*m_profiles->profile(ProfileStore::sandboxProfileId()), false, {}});
    changes.profiles.append({added, true, Key});
    changes.removedIds = {old};

    const SettingsApplyResult result = run(changes);
    QVERIFY(!result.ok);
    QVERIFY(!result.problem.isEmpty());
    QVERIFY(!result.problem.contains(Key));
    QVERIFY2(m_profiles->contains(old), "the removal is not committed when the add fails");
    QCOMPARE(m_profiles->profiles().size(), 2);
    QCOMPARE(ProfileStore(m_settings.get()).profiles().size(), 2); // on disk too
    QCOMPARE(m_settings->integer(Settings::Key::AutoRefreshMinutes), 5);
    QCOMPARE(Settings().integer(Settings::Key::AutoRefreshMinutes), 5);
    m_profiles->file().setBeforeVerifyHook({});
}

void TestSettingsApply::anUnusableProfileChangesNothing()
{
    const QString old = addProfile(QStringLiteral("Old"));
    SettingsChanges changes;
    changes.options = {{Settings::Key::AutoRefreshMinutes, 9}};
    Profile noUser;
    noUser.name = QStringLiteral("No user");
    noUser.baseUrl = QUrl(QStringLiteral("https://nouser.example"));
    changes.profiles.append({*m_profiles->profile(ProfileStore::sandboxProfileId()), false, {}});
    changes.profiles.append({noUser, false, {}});
    changes.removedIds = {old};

    const SettingsApplyResult result = run(changes);
    QVERIFY(!result.ok);
    QCOMPARE(result.badIndex, 1);
    QVERIFY2(result.problem.contains(QStringLiteral("user id")), qPrintable(result.problem));
    QVERIFY(m_profiles->contains(old));
    QCOMPARE(m_settings->integer(Settings::Key::AutoRefreshMinutes), 5);
}

void TestSettingsApply::aProfileHoldingWaitingLeadsIsNotRemoved()
{
    const QString busy = addProfile(QStringLiteral("Busy"));
    SettingsApply apply(m_settings.get(), m_profiles.get(), m_credentials.get());
    apply.setWaitingLeadsCounter([busy](const QString &id) { return id == busy ? 2 : 0; });
    QSignalSpy finished(&apply, &SettingsApply::finished);
    SettingsChanges changes;
    changes.options = {{Settings::Key::AutoRefreshMinutes, 9}};
    changes.profiles.append({*m_profiles->profile(ProfileStore::sandboxProfileId()), false, {}});
    changes.removedIds = {busy};
    apply.apply(changes);
    QVERIFY(finished.wait(30000));
    const auto result = finished.first().first().value<SettingsApplyResult>();
    QVERIFY(!result.ok);
    QVERIFY2(result.problem.contains(QStringLiteral("2 lead(s) waiting")) ||
                 result.problem.contains(QStringLiteral("2 leads waiting")),
             qPrintable(result.problem));
    QVERIFY(m_profiles->contains(busy));
    QCOMPARE(m_settings->integer(Settings::Key::AutoRefreshMinutes), 5);
}

QTEST_MAIN(TestSettingsApply)
#include "tst_settingsapply.moc"

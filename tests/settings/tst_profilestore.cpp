// Profiles: the sandbox, CRUD, persistence, the active profile, ApiConfig.
#include "TestEnvironment.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "settings/SettingsPaths.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <sys/stat.h>

namespace {

Profile networkProfile(const QString &name, const QString &user = QStringLiteral("1234"))
{
    Profile profile;
    profile.name = name;
    profile.baseUrl = QUrl(QStringLiteral("https://api.example.net/base"));
    profile.userId = user;
    profile.encoding = BodyEncoding::Form;
    profile.signRequests = true;
    profile.defaultWm = QStringLiteral("42");
    profile.defaultIp = QStringLiteral("12.34.56.78");
    profile.defaultUserAgent = QStringLiteral("Mozilla/5.0 (X11; Linux x86_64)");
    profile.defaultCountry = QStringLiteral("kz");
    profile.defaultCurrency = QStringLiteral("KZT");
    // Kept across a restart like every other field (issue 22).
    profile.certificatePin =
        QStringLiteral("F3:02:55:9E:D1:50:06:DA:8E:30:4A:0D:3E:D3:6A:FF:68:F0:CE:9A:F9:C9:"
                       "A8:43:D5:72:68:DF:0C:38:C1:F1");
    profile.parallelRefreshRequests = 12;
    return profile;
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void sandboxIsAlwaysThere();
    void addUpdateRemove();
    void survivesRestart();
    void rejectsBrokenProfiles_data();
    void rejectsBrokenProfiles();
    void namesAreUnique();
    void activeProfile();
    void removingTheActiveProfileFallsBackToTheSandbox();
    void sandboxUrlIsSetAtRunTime();
    void configFor();
    void fileIsOwnerOnly();
    void applyEditIsOneWrite();

private:
    TestEnvironment m_environment;
};

void TestProfileStore::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CPA Desk"));
    QCoreApplication::setApplicationName(QStringLiteral("cpadesk"));
}

void TestProfileStore::init()
{
    QFile::remove(SettingsPaths::settingsFile());
    QFile::remove(SettingsPaths::profilesFile());
}

void TestProfileStore::sandboxIsAlwaysThere()
{
    Settings settings;
    ProfileStore store(&settings);
    QCOMPARE(store.profiles().size(), 1);
    const Profile sandbox = store.profiles().first();
    QCOMPARE(sandbox.id, ProfileStore::sandboxProfileId());
    QVERIFY(sandbox.isSandbox);
    QVERIFY(!sandbox.name.isEmpty());
    QVERIFY(sandbox.problems().isEmpty());
    QCOMPARE(store.activeProfileId(), ProfileStore::sandboxProfileId());
    QVERIFY(!store.remove(ProfileStore::sandboxProfileId()));
    QVERIFY(!store.lastError().isEmpty());
    QVERIFY(store.contains(ProfileStore::sandboxProfileId()));
}

void TestProfileStore::addUpdateRemove()
{
    Settings settings;
    ProfileStore store(&settings);
    QSignalSpy changed(&store, &ProfileStore::profilesChanged);
    QSignalSpy removed(&store, &ProfileStore::profileRemoved);

    Profile first = networkProfile(QStringLiteral("Network A"));
    first.id = QStringLiteral("ignored");
    first.isSandbox = true; // cannot be smuggled in
    const QString firstId = store.add(first);
    QVERIFY2(!firstId.isEmpty(), qPrintable(store.lastError()));
    QVERIFY(firstId != QLatin1String("ignored"));
    const QString secondId = store.add(networkProfile(QStringLiteral("Network B"), QStringLiteral("77")));
    QVERIFY(!secondId.isEmpty());
    QVERIFY(firstId != secondId);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(store.profiles().size(), 3);

    Profile stored = *store.profile(firstId);
    QVERIFY(!stored.isSandbox);
    QCOMPARE(stored.name, QStringLiteral("Network A"));
    QCOMPARE(stored.defaultCurrency, QStringLiteral("KZT"));

    stored.name = QStringLiteral("Network A (renamed)");
    stored.encoding = BodyEncoding::Json;
    stored.signRequests = false;
    QVERIFY2(store.update(stored), qPrintable(store.lastError()));
    QCOMPARE(store.profile(firstId)->name, QStringLiteral("Network A (renamed)"));
    QCOMPARE(store.profile(firstId)->encoding, BodyEncoding::Json);
    QCOMPARE(store.profile(secondId)->name, QStringLiteral("Network B")); // untouched

    Profile unknown = stored;
    unknown.id = QStringLiteral("no-such-id");
    QVERIFY(!store.update(unknown));

    QVERIFY(store.move(secondId, 0));
    QCOMPARE(store.profiles().first().id, secondId);

    QVERIFY(store.remove(firstId));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), firstId);
    QVERIFY(!store.contains(firstId));
    QVERIFY(!store.profile(firstId).has_value());
    QVERIFY(!store.remove(firstId));
}

void TestProfileStore::survivesRestart()
{
    QString id;
    QUrl sandboxUrl(QStringLiteral("http://127.0.0.1:4567"));
    {
        Settings settings;
        ProfileStore store(&settings);
        store.setSandboxBaseUrl(sandboxUrl);
        id = store.add(networkProfile(QStringLiteral("Кириллица & co")));
        QVERIFY(!id.isEmpty());
        Profile sandbox = *store.profile(ProfileStore::sandboxProfileId());
        sandbox.defaultCountry = QStringLiteral("ru");
        QVERIFY(store.update(sandbox));
    }
    Settings settings;
    ProfileStore store(&settings);
    QCOMPARE(store.profiles().size(), 2);
    Profile expected = networkProfile(QStringLiteral("Кириллица & co"));
    expected.id = id;
    QCOMPARE(*store.profile(id), expected);
    const Profile sandbox = *store.profile(ProfileStore::sandboxProfileId());
    QCOMPARE(sandbox.defaultCountry, QStringLiteral("ru"));
    QVERIFY2(sandbox.baseUrl.isEmpty(), "the emulator's port is not saved");
    QVERIFY(sandbox.isSandbox);
}

void TestProfileStore::rejectsBrokenProfiles_data()
{
    QTest::addColumn<Profile>("profile");
    Profile noName = networkProfile(QString());
    QTest::newRow("no name") << noName;
    Profile noUrl = networkProfile(QStringLiteral("x"));
    noUrl.baseUrl = QUrl();
    QTest::newRow("no url") << noUrl;
    Profile ftp = networkProfile(QStringLiteral("x"));
    ftp.baseUrl = QUrl(QStringLiteral("ftp://example.net"));
    QTest::newRow("not http") << ftp;
    Profile query = networkProfile(QStringLiteral("x"));
    query.baseUrl = QUrl(QStringLiteral("https://example.net/?id=1-secret"));
    QTest::newRow("query in url") << query;
    Profile noUser = networkProfile(QStringLiteral("x"), QString());
    QTest::newRow("no user") << noUser;
    Profile dashUser = networkProfile(QStringLiteral("x"), QStringLiteral("12-34"));
    QTest::newRow("dash in user") << dashUser;
    Profile signedJson = networkProfile(QStringLiteral("x"));
    signedJson.encoding = BodyEncoding::Json;
    signedJson.signRequests = true;
    QTest::newRow("signed json") << signedJson;
}

void TestProfileStore::rejectsBrokenProfiles()
{
    QFETCH(Profile, profile);
    QVERIFY(!profile.problems().isEmpty());
    Settings settings;
    ProfileStore store(&settings);
    QVERIFY(store.add(profile).isEmpty());
    QVERIFY(!store.lastError().isEmpty());
    QCOMPARE(store.profiles().size(), 1);
}

void TestProfileStore::namesAreUnique()
{
    Settings settings;
    ProfileStore store(&settings);
    const QString id = store.add(networkProfile(QStringLiteral("Main")));
    QVERIFY(!id.isEmpty());
    QVERIFY(store.add(networkProfile(QStringLiteral(" main "))).isEmpty());
    QVERIFY(store.lastError().contains(QStringLiteral("main")));
    const QString otherId = store.add(networkProfile(QStringLiteral("Other")));
    Profile other = *store.profile(otherId);
    other.name = QStringLiteral("MAIN");
    QVERIFY(!store.update(other));
    // Renaming a profile to its own name in another case is fine.
    Profile same = *store.profile(id);
    same.name = QStringLiteral("MAIN");
    QVERIFY(store.update(same));
}

void TestProfileStore::activeProfile()
{
    QString id;
    {
        Settings settings;
        ProfileStore store(&settings);
        QSignalSpy active(&store, &ProfileStore::activeProfileChanged);
        id = store.add(networkProfile(QStringLiteral("Work")));
        QVERIFY(store.setActiveProfile(id));
        QCOMPARE(active.count(), 1);
        QCOMPARE(active.at(0).at(0).toString(), id);
        QVERIFY(store.setActiveProfile(id));
        QCOMPARE(active.count(), 1);
        QVERIFY(!store.setActiveProfile(QStringLiteral("nonexistent")));
        QCOMPARE(store.activeProfile().name, QStringLiteral("Work"));
    }
    Settings settings;
    QCOMPARE(settings.string(Settings::Key::ActiveProfile), id);
    ProfileStore store(&settings);
    QCOMPARE(store.activeProfileId(), id);
}

void TestProfileStore::removingTheActiveProfileFallsBackToTheSandbox()
{
    Settings settings;
    ProfileStore store(&settings);
    const QString id = store.add(networkProfile(QStringLiteral("Gone soon")));
    QVERIFY(store.setActiveProfile(id));
    QSignalSpy active(&store, &ProfileStore::activeProfileChanged);
    QVERIFY(store.remove(id));
    QCOMPARE(active.count(), 1);
    QCOMPARE(active.at(0).at(0).toString(), ProfileStore::sandboxProfileId());
    QCOMPARE(store.activeProfileId(), ProfileStore::sandboxProfileId());
    QCOMPARE(Settings().string(Settings::Key::ActiveProfile), ProfileStore::sandboxProfileId());
}

void TestProfileStore::sandboxUrlIsSetAtRunTime()
{
    Settings settings;
    ProfileStore store(&settings);
    const QUrl url(QStringLiteral("http://127.0.0.1:39001"));
    store.setSandboxBaseUrl(url);
    QCOMPARE(store.profile(ProfileStore::sandboxProfileId())->baseUrl, url);
    Profile sandbox = *store.profile(ProfileStore::sandboxProfileId());
    sandbox.baseUrl = QUrl(QStringLiteral("https://elsewhere.example"));
    sandbox.isSandbox = false;
    QVERIFY(store.update(sandbox));
    QCOMPARE(store.profile(ProfileStore::sandboxProfileId())->baseUrl, url);
    QVERIFY(store.profile(ProfileStore::sandboxProfileId())->isSandbox);
}

void TestProfileStore::configFor()
{
    Profile profile = networkProfile(QStringLiteral("A"));
    const ApiConfig config = ::configFor(profile, QStringLiteral("k3y"));
    QCOMPARE(config.baseUrl, profile.baseUrl);
    QCOMPARE(config.user, QStringLiteral("1234"));
    QCOMPARE(config.key, QStringLiteral("k3y"));
    QCOMPARE(config.encoding, BodyEncoding::Form);
    QVERIFY(config.signRequests);
    profile.encoding = BodyEncoding::Json;
    QVERIFY2(!::configFor(profile, QStringLiteral("k3y")).signRequests, "signing is for form bodies only");
}

void TestProfileStore::fileIsOwnerOnly()
{
    Settings settings;
    ProfileStore store(&settings);
    QVERIFY(!store.add(networkProfile(QStringLiteral("A"))).isEmpty());
    struct stat status = {};
    QCOMPARE(::stat(QFile::encodeName(store.filePath()).constData(), &status), 0);
    QCOMPARE(status.st_mode & 07777, 0600u);
}

void TestProfileStore::applyEditIsOneWrite()
{
    Settings settings;
    ProfileStore store(&settings);
    const auto make = [](const QString &name) {
        Profile profile;
        profile.name = name;
        profile.baseUrl = QUrl(QStringLiteral("https://%1.example").arg(name.toLower()));
        profile.userId = QStringLiteral("3");
        return profile;
    };
    const QString a = store.add(make(QStringLiteral("A")));
    const QString b = store.add(make(QStringLiteral("B")));
    const QString gone = store.add(make(QStringLiteral("Gone")));
    QVERIFY(store.setActiveProfile(gone));
    QSignalSpy changed(&store, &ProfileStore::profilesChanged);
    QSignalSpy removed(&store, &ProfileStore::profileRemoved);
    QSignalSpy activeChanged(&store, &ProfileStore::activeProfileChanged);

    // A and B swap names (one at a time, either would clash with the other); C is new; Gone goes.
    Profile newA = *store.profile(a);
    newA.name = QStringLiteral("B");
    Profile newB = *store.profile(b);
    newB.name = QStringLiteral("A");
    QList<Profile> edited = {*store.profile(ProfileStore::sandboxProfileId()), newB, newA,
                             make(QStringLiteral("C"))};
    int bad = -2;
    QVERIFY2(store.applyEdit(edited, {gone}, &bad), qPrintable(store.lastError()));
    QCOMPARE(bad, -1);
    QVERIFY(!edited.at(3).id.isEmpty()); // the new profile's id, written back
    QCOMPARE(changed.size(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(activeChanged.size(), 1); // the active profile went: back to the sandbox
    QCOMPARE(store.activeProfileId(), ProfileStore::sandboxProfileId());
    QStringList names;
    for (const Profile &profile : store.profiles())
        names << profile.name;
    QCOMPARE(names.mid(1), (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    QCOMPARE(store.profile(a)->name, QStringLiteral("B"));
    ProfileStore reread(&settings);
    QCOMPARE(reread.profiles(), store.profiles());

    // One broken profile: nothing changes, and it is named.
    QList<Profile> broken = store.profiles().mid(0, 3);
    const QString c = store.profiles().at(3).id;
    broken[1].userId.clear();
    broken.append(make(QStringLiteral("D")));
    QVERIFY(!store.applyEdit(broken, {c}, &bad));
    QCOMPARE(bad, 1);
    QVERIFY(store.contains(c));
    QCOMPARE(store.profiles().size(), 4);
    QCOMPARE(ProfileStore(&settings).profiles(), store.profiles());
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"

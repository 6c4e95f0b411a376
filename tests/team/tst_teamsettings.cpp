#include "TestEnvironment.h"
#include "settings/Profile.h"
#include "team/TeamSettings.h"

#include <QFile>
#include <QTest>

// Team settings per profile, in their own file, and the workstation id made once.
class TestTeamSettings : public QObject
{
    Q_OBJECT
private slots:
    void roundTripsPerProfile();
    void workstationIdIsMadeOnce();
    void operatorNameDefaultsToTheOsUser();
    void accountNamesTheUserNotTheKey();
    void configOptionsCarryTheTlsMode();
};

void TestTeamSettings::roundTripsPerProfile()
{
    TestEnvironment env;
    const QString path = env.path() + QStringLiteral("/team.ini");
    TeamProfileSettings main;
    main.enabled = true;
    main.host = QStringLiteral("db.callcentre.lan");
    main.port = 6432;
    main.database = QStringLiteral("cpadesk");
    main.user = QStringLiteral("anna");
    main.tls = TeamTlsMode::VerifyFull;
    main.caFile = QStringLiteral("/etc/ssl/team-ca.pem");
    main.operatorName = QStringLiteral("Анна Иванова");
    {
        TeamSettings settings(path);
        QVERIFY(settings.load());
        QVERIFY2(settings.setProfile(QStringLiteral("main"), main), qPrintable(settings.lastError()));
    }
    TeamSettings reread(path);
    QVERIFY(reread.load());
    QVERIFY(reread.profile(QStringLiteral("main")) == main);
    QVERIFY(reread.profile(QStringLiteral("other")) == TeamProfileSettings());
    QVERIFY(QFile::permissions(path) ==
            (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
    QVERIFY(reread.removeProfile(QStringLiteral("main")));
    QVERIFY(reread.profile(QStringLiteral("main")) == TeamProfileSettings());
    // The password has its own place (the CredentialStore), apart from the API key's.
    QVERIFY(TeamSettings::passwordEntry(QStringLiteral("main")) != QStringLiteral("main"));
}

void TestTeamSettings::workstationIdIsMadeOnce()
{
    TestEnvironment env;
    const QString path = env.path() + QStringLiteral("/team.ini");
    QString first;
    {
        TeamSettings settings(path);
        QVERIFY(settings.load());
        first = settings.workstationId();
        QVERIFY(!first.isEmpty());
        QCOMPARE(settings.workstationId(), first);
    }
    TeamSettings reread(path);
    QVERIFY(reread.load());
    QCOMPARE(reread.workstationId(), first);
    TestEnvironment otherEnv;
    TeamSettings elsewhere(otherEnv.path() + QStringLiteral("/team.ini"));
    QVERIFY(elsewhere.load());
    QVERIFY(elsewhere.workstationId() != first);
}

void TestTeamSettings::operatorNameDefaultsToTheOsUser()
{
    TestEnvironment env;
    TeamSettings settings(env.path() + QStringLiteral("/team.ini"));
    QVERIFY(settings.load());
    QVERIFY(!TeamSettings::defaultOperatorName().isEmpty());
    QCOMPARE(settings.operatorName(QStringLiteral("main")), TeamSettings::defaultOperatorName());
    TeamProfileSettings named;
    named.operatorName = QStringLiteral("  Boris  ");
    QVERIFY(settings.setProfile(QStringLiteral("main"), named));
    QCOMPARE(settings.operatorName(QStringLiteral("main")), QStringLiteral("Boris"));
}

void TestTeamSettings::accountNamesTheUserNotTheKey()
{
    Profile profile;
    profile.userId = QStringLiteral("4242");
    profile.baseUrl = QUrl(QStringLiteral("https://api.example.net/api/"));
    QCOMPARE(TeamSettings::accountOf(profile), QStringLiteral("4242@api.example.net"));
}

void TestTeamSettings::configOptionsCarryTheTlsMode()
{
    TeamProfileSettings settings;
    settings.host = QStringLiteral("db");
    settings.database = QStringLiteral("team");
    settings.user = QStringLiteral("anna");
    settings.tls = TeamTlsMode::VerifyFull;
    settings.caFile = QStringLiteral("/etc/team ca.pem");
    const TeamServerConfig config = TeamSettings::serverConfig(settings, QStringLiteral("secret-pw"));
    QVERIFY(config.connectOptions().contains(QLatin1String("sslmode=verify-full")));
    QVERIFY(config.connectOptions().contains(QLatin1String("sslrootcert='/etc/team ca.pem'")));
    QVERIFY(!config.connectOptions().contains(QLatin1String("secret-pw")));
    QVERIFY(!config.identity().contains(QLatin1String("secret-pw")));
    settings.tls = TeamTlsMode::Disable;
    QVERIFY(
        TeamSettings::serverConfig(settings, {}).connectOptions().contains(QLatin1String("sslmode=disable")));
}

QTEST_GUILESS_MAIN(TestTeamSettings)
#include "tst_teamsettings.moc"

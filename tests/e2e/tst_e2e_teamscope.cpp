#include "E2eApp.h"
#include "MainWindow.h"
#include "StatusView.h"
#include "TeamFixture.h"
#include "session/AppSession.h"
#include "session/TeamSession.h"
#include "settings/CredentialStore.h"
#include "team/TeamConnection.h"
#include "team/TeamSchema.h"
#include "team/TeamSettings.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

// The whole application with a team server set for its profile: the Leads screen offers the Team view
// and shows the server's leads (issue 19, the manager's view).
class TestE2eTeamScope : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString())); }
    void profileWithATeamServerGetsTheTeamView();
    void managersTeamViewFollowsTheServerByItself();

private:
    // The active profile's team server, as the settings page sets it: `user`'s login, then a reload.
    void useTeamServer(E2eApp &app, const QString &user);
    TeamFixture m_team;
};

void TestE2eTeamScope::profileWithATeamServerGetsTheTeamView()
{
    {
        TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
        QVERIFY2(owner.open(), qPrintable(owner.errorString()));
        QSqlDatabase db = owner.database();
        QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
    }
    QVERIFY(m_team.server().exec(
        {QStringLiteral("INSERT INTO workstations (workstation_id, db_user, operator_name) VALUES"
                        " ('ws-a', 'operator_anna', 'Anna'), ('ws-b', 'operator_boris', 'Boris')"),
         QStringLiteral("INSERT INTO leads (account, order_id, workstation_id, operator_name, send_state,"
                        " created_at) VALUES ('acc', 'A1', 'ws-a', 'Anna', 'sent', now()),"
                        " ('acc', 'B1', 'ws-b', 'Boris', 'sent', now() - interval '1 hour')")},
        TeamFixture::databaseName()));

    E2eApp app;
    QVERIFY(app.start());
    auto *tabs = app.child<QTabWidget>(QStringLiteral("mainTabWidget"));
    tabs->setCurrentWidget(app.window()->statusView());
    auto *scope = app.child<QComboBox>(QStringLiteral("scopeCombo"));
    QVERIFY(scope);
    QVERIFY(app.window()->statusView()->table()->isVisible());
    QVERIFY(!scope->isVisible()); // no team server yet

    // IT sets the team server, as the settings page does: the session's team settings, then a reload.
    const Profile profile = app.session()->activeProfile();
    const TeamServerConfig server = m_team.config(TeamFixture::manager());
    QVERIFY(
        app.session()->teamSettings()->setProfile(profile.id, TeamSettings::sharingWith(server, QString())));
    CredentialJob *job =
        app.session()->credentials()->writeKey(TeamSettings::passwordEntry(profile.id), server.password);
    QSignalSpy written(job, &CredentialJob::finished);
    QVERIFY(written.wait(20000));
    app.session()->team()->reload(); // as OK in the settings dialog does

    QTRY_VERIFY_WITH_TIMEOUT(scope->isVisible(), 20000);
    scope->setCurrentIndex(1);
    QTableView *table = app.window()->statusView()->teamTable();
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 20000);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("A1"));
    QCOMPARE(table->model()->index(1, 0).data().toString(), QStringLiteral("B1"));
}

void TestE2eTeamScope::useTeamServer(E2eApp &app, const QString &user)
{
    const Profile profile = app.session()->activeProfile();
    const TeamServerConfig server = m_team.config(user);
    TeamProfileSettings settings;
    settings.enabled = true;
    settings.host = server.host;
    settings.port = server.port;
    settings.database = server.database;
    settings.user = server.user;
    settings.tls = TeamTlsMode::Disable;
    QVERIFY(app.session()->teamSettings()->setProfile(profile.id, settings));
    CredentialJob *job =
        app.session()->credentials()->writeKey(TeamSettings::passwordEntry(profile.id), server.password);
    QSignalSpy written(job, &CredentialJob::finished);
    QVERIFY(written.wait(20000));
    app.session()->team()->reload();
}

void TestE2eTeamScope::managersTeamViewFollowsTheServerByItself()
{
    // A manager's login shares nothing and may write nothing: the status bar says what it does, calmly,
    // and the Team view follows what operators do at the server without anyone pressing anything.
    QVERIFY2(m_team.recreateDatabase(), qPrintable(m_team.errorString()));
    {
        TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
        QVERIFY2(owner.open(), qPrintable(owner.errorString()));
        QSqlDatabase db = owner.database();
        QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
    }
    QVERIFY(m_team.server().exec(
        {QStringLiteral("INSERT INTO workstations (workstation_id, db_user, operator_name) VALUES"
                        " ('ws-a', 'operator_anna', 'Anna')"),
         QStringLiteral(
             "INSERT INTO leads (account, order_id, workstation_id, operator_name, send_state,"
             " created_at) VALUES ('acc', 'A1', 'ws-a', 'Anna', 'sent', now() - interval '1 hour')")},
        TeamFixture::databaseName()));

    E2eApp app;
    QVERIFY(app.start());
    useTeamServer(app, TeamFixture::manager());
    auto *label = app.child<QLabel>(QStringLiteral("teamStatusLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("Reading the team's leads (manager login)"),
                              20000);
    QVERIFY(label->isVisible());
    QVERIFY(app.session()->team()->state().phase == TeamSyncState::Phase::Reading);

    auto *tabs = app.child<QTabWidget>(QStringLiteral("mainTabWidget"));
    tabs->setCurrentWidget(app.window()->statusView());
    auto *scope = app.child<QComboBox>(QStringLiteral("scopeCombo"));
    QTRY_VERIFY_WITH_TIMEOUT(scope->isVisible(), 20000);
    scope->setCurrentIndex(1);
    QTableView *table = app.window()->statusView()->teamTable();
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 20000);

    // Anna's workstation shares a new lead: it appears on the manager's screen by itself.
    QVERIFY(m_team.server().exec(
        {QStringLiteral("INSERT INTO leads (account, order_id, workstation_id, operator_name, send_state,"
                        " created_at) VALUES ('acc', 'A2', 'ws-a', 'Anna', 'sent', now())")},
        TeamFixture::databaseName()));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, 20000);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("A2"));
    // Nothing of the manager's was written, and the status bar still says the same.
    QCOMPARE(m_team.server()
                 .value(QStringLiteral("SELECT count(*) FROM workstations"), TeamFixture::databaseName())
                 .toInt(),
             1);
    QCOMPARE(label->text(), QStringLiteral("Reading the team's leads (manager login)"));
}

QTEST_MAIN(TestE2eTeamScope)
#include "tst_e2e_teamscope.moc"

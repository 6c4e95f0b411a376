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

private:
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

QTEST_MAIN(TestE2eTeamScope)
#include "tst_e2e_teamscope.moc"

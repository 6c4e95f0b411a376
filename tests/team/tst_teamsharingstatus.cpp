#include "team/TeamSharingStatus.h"

#include <QTest>

// The status bar's words about sharing.
class TestTeamSharingStatus : public QObject
{
    Q_OBJECT
private slots:
    void describesEachPhase();
    void describesAReadingLogin();
};

void TestTeamSharingStatus::describesEachPhase()
{
    const QLocale c(QLocale::English, QLocale::UnitedKingdom);
    TeamSyncState state;
    QCOMPARE(TeamSharingStatus::describe(state, c), QStringLiteral("Connecting to the team server…"));
    state.phase = TeamSyncState::Phase::Sharing;
    QCOMPARE(TeamSharingStatus::describe(state, c), QStringLiteral("Shared with the team"));
    state.waitingLeads = 3;
    QCOMPARE(TeamSharingStatus::describe(state, c), QStringLiteral("Sharing with the team: 3 lead(s) to go"));
    state.phase = TeamSyncState::Phase::Unreachable;
    state.troubleSince = QDateTime(QDate(2026, 12, 3), QTime(10, 42));
    state.waitingLeads = 37;
    const QDate sameDay(2026, 12, 3);
    QCOMPARE(TeamSharingStatus::describe(state, c, sameDay),
             QStringLiteral("Team server unreachable since 10:42 — 37 lead(s) waiting to be shared"));
    // Back the next morning: yesterday's time is not today's.
    QCOMPARE(
        TeamSharingStatus::describe(state, c, sameDay.addDays(1)),
        QStringLiteral("Team server unreachable since 03/12/2026 10:42 — 37 lead(s) waiting to be shared"));
    state.phase = TeamSyncState::Phase::Refused;
    state.problem = QStringLiteral("schema 2 is newer");
    QVERIFY(TeamSharingStatus::describe(state, c, sameDay).contains(QLatin1String("(schema 2 is newer)")));
    QVERIFY(TeamSharingStatus::describe(state, c, sameDay).contains(QLatin1String("since 10:42")));
}

void TestTeamSharingStatus::describesAReadingLogin()
{
    // A manager's login is a mode, not a refusal: a calm sentence, and the workstation's own leads
    // that it cannot share said plainly.
    const QLocale c(QLocale::English, QLocale::UnitedKingdom);
    TeamSyncState state;
    state.phase = TeamSyncState::Phase::Reading;
    QCOMPARE(TeamSharingStatus::describe(state, c),
             QStringLiteral("Reading the team's leads (manager login)"));
    state.waitingLeads = 2;
    const QString text = TeamSharingStatus::describe(state, c);
    QVERIFY2(text.startsWith(QStringLiteral("Reading the team's leads (manager login) — 2 lead(s)")) &&
                 text.contains(QLatin1String("not shared")) && !text.contains(QLatin1String("refuses")),
             qPrintable(text));
}

QTEST_GUILESS_MAIN(TestTeamSharingStatus)
#include "tst_teamsharingstatus.moc"

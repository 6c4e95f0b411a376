#include "TeamSharingStatus.h"

#include <QCoreApplication>

QString TeamSharingStatus::describe(const TeamSyncState &state, const QLocale &locale, const QDate &today)
{
    const QString since = state.troubleSince.date() == today
                              ? locale.toString(state.troubleSince.time(), QLocale::ShortFormat)
                              : locale.toString(state.troubleSince, QLocale::ShortFormat);
    const int waiting = state.waitingLeads;
    switch (state.phase) {
    case TeamSyncState::Phase::Starting:
        return QCoreApplication::translate("TeamSharingStatus", "Connecting to the team server…");
    case TeamSyncState::Phase::Sharing:
        if (waiting > 0)
            return QCoreApplication::translate("TeamSharingStatus", "Sharing with the team: %n lead(s) to go",
                                               nullptr, waiting);
        return QCoreApplication::translate("TeamSharingStatus", "Shared with the team");
    case TeamSyncState::Phase::Reading:
        if (waiting > 0)
            return QCoreApplication::translate(
                "TeamSharingStatus",
                "Reading the team's leads (manager login) — %n lead(s) of this "
                "workstation not shared: a manager's login shares nothing",
                nullptr, waiting);
        return QCoreApplication::translate("TeamSharingStatus", "Reading the team's leads (manager login)");
    case TeamSyncState::Phase::Unreachable:
        return QCoreApplication::translate(
                   "TeamSharingStatus", "Team server unreachable since %1 — %n lead(s) waiting to be shared",
                   nullptr, waiting)
            .arg(since);
    case TeamSyncState::Phase::Refused:
        return QCoreApplication::translate("TeamSharingStatus",
                                           "Team server refuses this workstation since %1 (%2) — %n lead(s) "
                                           "waiting to be shared",
                                           nullptr, waiting)
            .arg(since, state.problem);
    }
    return QString();
}

#pragma once

#include <QSqlDatabase>
#include <QString>

// Who refreshes the team's statuses for an account: one workstation at a time, the holder of a
// PostgreSQL session-level advisory lock keyed by the account. The server releases it when the holder's
// session ends, however it ends (quit, crash, network cut, pg_terminate_backend), so the lease passes
// on by itself: the next workstation that asks gets it. Nothing to expire, nothing to clean up.
//
// Used on the connection's own thread, like the connection: TeamSync asks for it at every sharing cycle
// while its workstation wants it (its automatic refresh on, its key not refused: StatusPoller::wantsLease),
// so a workstation takes it over within a cycle of the server releasing it, or of its holder letting it go.
// Only its holder's session may call the team refresh's functions (schema steps 3 and 8:
// cpadesk_open_team_leads, cpadesk_record_statuses), and only for an account in which its login has a
// workstation with a lead.
class TeamRefreshLease
{
public:
    TeamRefreshLease(const QSqlDatabase &db, const QString &account);

    // Takes the lease if no other session holds it; true while this session holds it (asking again
    // does not stack the lock). False with errorString() when the server could not be asked.
    bool tryAcquire();
    void release();
    bool isHeld() const { return m_held; }
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_account;
    bool m_held = false;
    QString m_error;
};

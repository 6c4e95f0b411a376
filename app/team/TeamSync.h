#pragma once

#include "TeamServerConfig.h"
#include "api/ApiTypes.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

class QThread;
class TeamSyncWorker;

// What TeamSync needs to share one profile's leads.
struct TeamSyncSetup
{
    TeamServerConfig server;
    QString journalFilePath;
    QString profileId;
    QString account;       // TeamAccount::of(profile): the key at the server, with our order id
    QString workstationId; // TeamSettings: made once per workstation
    QString operatorName;
    int pollIntervalMs = 1000; // how often the local feed is looked at when nothing nudges
    int minRetryMs = 1000;     // first wait after a failure; doubles up to maxRetryMs
    int maxRetryMs = 30000;
    int batchSize = 200;   // changes per server transaction
    int pullDelayMs = 100; // notifications gathered before the changed rows are read (the 2 s promise)
};

// A lead's outcome as the team database holds it, and when it last changed there.
struct TeamLeadStatus
{
    StatusRow row;
    qint64 changedAtMs = 0;
};
Q_DECLARE_METATYPE(QList<TeamLeadStatus>)

// Where sharing stands, for the status bar and the tests.
struct TeamSyncState
{
    enum class Phase
    {
        Starting,
        Sharing,     // connected; waitingLeads may be > 0 while a push runs
        Unreachable, // the server did not answer or the connection broke: retrying
        Refused,     // the server answered but will not take our pushes (schema, rights): retrying slowly
        // Connected with a login that reads the team's leads and writes none (a manager's, or the
        // database owner's: not a member of cpadesk_operator): listening only, nothing is pushed, no
        // refresh lease is taken; this workstation's own leads wait in its journal (waitingLeads).
        Reading,
    };
    Phase phase = Phase::Starting;
    QString problem;         // translated or the server's words; never a password
    QDateTime troubleSince;  // when the current Unreachable/Refused spell began
    int waitingLeads = 0;    // leads changed locally and not yet committed at the server
    qint64 cursor = 0;       // the last change the server committed
    qint64 pushedLeads = 0;  // leads pushed since start (a lead pushed twice counts twice)
    qint64 leftToOthers = 0; // leads another workstation had shared first (see TeamPusher)
    // Who refreshes the account's statuses for the team (TeamRefreshLease), as last seen; Unknown
    // while the server is not reached.
    enum class Lease
    {
        Unknown,
        Here,
        Elsewhere,
        Declined, // this workstation does not compete for it (TeamSync::setLeaseWanted)
    };
    Lease lease = Lease::Unknown;
    int caughtUpLeads = -1; // outcomes the last catch-up on connecting read (-1: none yet)
};
Q_DECLARE_METATYPE(TeamSyncState)

// Shares one profile's leads with the team database, on a thread and connections of its own: reads the
// journal's change feed (TeamChangeFeed), pushes (TeamPusher), and moves the feed's cursor only after the
// server committed. Whatever the server does (down, slow, refusing), sending leads is unaffected: the
// outbox never waits for this object, and nothing is lost: changes wait in the journal.
class TeamSync : public QObject
{
    Q_OBJECT
public:
    explicit TeamSync(const TeamSyncSetup &setup, QObject *parent = nullptr);
    ~TeamSync() override; // stops the thread; a push in flight is abandoned (the server rolls it back)

    void start();
    void nudge(); // local changes are waiting: push now rather than at the next poll
    TeamSyncState state() const { return m_state; }

    // For the holder of the refresh lease (issue 19, one refresh for the team): the order ids of every
    // open lead of the account at the server, answered by openTeamOrderIds(ticket, ...) (an error when
    // this workstation does not hold the lease or the server did not answer).
    quint64 requestOpenTeamOrderIds();
    // The holder's list.json answers, written forward-only (with history, at `nowMs`) to the team's rows.
    void recordTeamStatuses(const QList<StatusRow> &rows, qint64 nowMs);
    // The statuses of catch-up `ticket` (catchUpRead) are merged into the journal, committed: the
    // journal keeps how far the server was read, and the next start of sharing reads only what changed
    // at the server since. Until then, and if this never comes, the next start reads them again.
    void confirmCatchUp(quint64 ticket);
    // For a workstation the holder covers: the order ids of this account's open leads its login sees at
    // the server (its own shared leads), answered by openTeamOrderIds(ticket, ...).
    quint64 requestCoveredOrderIds();
    // The holder's round for the team ended complete: every workstation of the account hears
    // teamRoundHeard() (NOTIFY, TeamRoundBeacon).
    void announceTeamRound();
    // Whether this workstation competes for the refresh lease (true until said otherwise). Not wanted, a
    // lease held is released at once and the next workstation that asks takes it.
    void setLeaseWanted(bool wanted);

signals:
    void stateChanged(const TeamSyncState &state);
    void openTeamOrderIds(quint64 ticket, const QStringList &orderIds, const QString &error);
    // Some workstation (this one too) finished a round for this account's team.
    void teamRoundHeard();
    // Outcomes at the server of this workstation's leads (those its login sees) that changed there, as
    // NOTIFY said, or all of them changed since the last connection after (re)connecting.
    void teamStatuses(const QList<TeamLeadStatus> &statuses);
    // Some lead of the team database changed (any account): for the manager's view. At most a few times
    // a second.
    void teamLeadsChanged();
    // A catch-up on connecting read its statuses (the teamStatuses just before, if any): once they are
    // merged, confirmCatchUp(ticket).
    void catchUpRead(quint64 ticket);

private:
    QThread *m_thread = nullptr;
    TeamSyncWorker *m_worker = nullptr;
    TeamSyncState m_state;
    quint64 m_lastTicket = 0;
};

#pragma once

#include "settings/Profile.h"
#include "sync/TeamCoverage.h"
#include "team/TeamSync.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class CredentialStore;
class QThread;
class StatusPoller;
class TeamSettings;

// The active profile's team sharing (issue 19): when the profile has a team server, a TeamSync runs on
// its own thread and connections; switching profile or changing its team server (settings, password)
// restarts it; a profile without one runs nothing. Nothing here is ever waited for by the outbox: the
// journal keeps sending whatever the team server does.
//
// One refresh serves the team: as the TeamCoverage of the active profile's StatusPoller it tells the
// poller whether this workstation refreshes every open lead of the account (it holds the refresh lease),
// leaves its leads to the workstation that does, or asks on its own (no team server, or unreachable);
// and it brings the outcomes of this workstation's leads that changed at the server into the journal
// through that poller (forward-only, with the same signals as a refresh of its own).
class TeamSession : public TeamCoverage
{
    Q_OBJECT

public:
    TeamSession(TeamSettings *settings, CredentialStore *credentials, QObject *parent = nullptr);
    ~TeamSession() override; // waits for stopped syncs to wind down (their pushes are abandoned)

    // The profile now active, and its journal's file (read by TeamSync on a connection of its own).
    void activate(const Profile &profile, const QString &journalFilePath);
    // The team settings or the password may have changed: start, restart or stop to match them.
    void reload();
    void stop();

    bool isSharing() const { return m_sync != nullptr; } // a TeamSync runs for the active profile
    TeamSyncState state() const;
    // The status bar's sentence ("Team server unreachable since 10:42 — 37 leads waiting to be shared");
    // empty when the profile shares nothing.
    QString statusText() const;
    // Leads of the active profile the team server has not committed yet; 0 when nothing is shared.
    int waitingLeads() const;
    // The team server the active profile shares with (its password read), for the manager's Team view;
    // nothing when the profile shares nothing.
    std::optional<TeamServerConfig> server() const;

    // Local leads changed: push them now rather than at the next look at the journal.
    void nudge();

    // The active profile's poller: its TeamCoverage is this, and outcomes changed at the team server are
    // merged through it. Null detaches.
    void servePoller(StatusPoller *poller);

    Role role() const override;
    quint64 requestOpenTeamOrderIds() override;
    quint64 requestCoveredOrderIds() override;
    void recordTeamStatuses(const QList<StatusRow> &rows, qint64 nowMs) override;
    void teamRoundDone() override;
    qint64 msSinceTeamRound() const override;
    void setLeaseWanted(bool wanted) override; // false until a poller says otherwise

signals:
    // Some lead of the team database changed (debounced): the manager's Team view reloads what it shows.
    void teamLeadsChanged();
    // Sharing started, stopped, or its state moved on.
    void changed();
    // server() is another one (or none) now.
    void serverChanged();

private:
    void startWith(const TeamSyncSetup &setup);
    // Ends a TeamSync without waiting for it: stopping waits for the push or connection attempt in
    // flight (up to the connect and statement timeouts), so it happens on a thread of its own.
    void retire(std::unique_ptr<TeamSync> sync, std::function<void()> afterwards = {});
    void stopSharingProfile();
    static bool sameSetup(const TeamSyncSetup &a, const TeamSyncSetup &b);
    void mergeTeamStatuses(const QList<TeamLeadStatus> &statuses);
    // A catch-up's mark is kept only once every team merge pending when it was read has committed.
    void onCatchUpRead(quint64 ticket);
    void onTeamMergeDone(quint64 mergeTicket, bool ok);
    void forgetCatchUps();
    // A ticket of this session for a read that `syncTicket` of the running sync answers.
    quint64 forward(quint64 syncTicket);
    void onSyncAnswer(quint64 syncTicket, const QStringList &orderIds, const QString &error);
    // Answers, after the caller's return, a read that no sync will answer.
    void refuse(quint64 ticket, const QString &error);

    TeamSettings *m_settings;
    CredentialStore *m_credentials;
    Profile m_profile;
    QString m_journalFilePath;
    quint64 m_generation = 0; // which activation a password read belongs to
    std::unique_ptr<TeamSync> m_sync;
    QList<QPointer<QThread>> m_retiring;
    TeamSyncSetup m_setup;
    QPointer<StatusPoller> m_poller;
    struct PendingCatchUp
    {
        quint64 ticket = 0;   // TeamSync's
        QSet<quint64> merges; // the poller's, still running
    };
    QList<PendingCatchUp> m_catchUps;
    QSet<quint64> m_teamMerges;     // merges of team statuses given to the poller, not ended yet
    bool m_statusesDropped = false; // statuses came with no poller to merge them since the last catch-up
    // Tickets are this session's own, not a sync's: a sync retired with reads pending has them answered
    // here (else the poller waiting would never finish), and the next sync numbers its own from 1 again.
    quint64 m_lastTicket = 0;
    QHash<quint64, quint64> m_pendingTickets; // the running sync's ticket -> this session's
    bool m_leaseWanted = false;
    QElapsedTimer m_sinceTeamRound; // since the last round heard of, or since sharing started
};

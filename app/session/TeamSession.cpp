#include "TeamSession.h"

#include "settings/CredentialStore.h"
#include "sync/StatusPoller.h"
#include "team/TeamChangeFeed.h"
#include "team/TeamLog.h"
#include "team/TeamSettings.h"
#include "team/TeamSharingStatus.h"

#include <QMap>
#include <QThread>
#include <QTimer>

#include <limits>
#include <utility>

TeamSession::TeamSession(TeamSettings *settings, CredentialStore *credentials, QObject *parent)
    : TeamCoverage(parent), m_settings(settings), m_credentials(credentials)
{
    Q_ASSERT(m_settings && m_credentials);
    connect(m_credentials, &CredentialStore::keyChanged, this, [this](const QString &entry) {
        if (!m_profile.id.isEmpty() && entry == TeamSettings::passwordEntry(m_profile.id))
            reload();
    });
}

TeamSession::~TeamSession()
{
    m_sync.reset();
    for (const QPointer<QThread> &thread : std::as_const(m_retiring)) {
        if (thread)
            thread->wait();
    }
}

void TeamSession::retire(std::unique_ptr<TeamSync> sync, std::function<void()> afterwards)
{
    if (!sync && !afterwards)
        return;
    if (sync)
        sync->disconnect(this);
    // Its answers will not come: the reads waiting for them end now, and the poller goes on without.
    for (const quint64 ticket : std::as_const(m_pendingTickets))
        refuse(ticket, QStringLiteral("team sharing restarted"));
    m_pendingTickets.clear();
    TeamSync *retiring = sync.release();
    if (retiring)
        retiring->setParent(nullptr);
    // Off the window's thread: a sync stuck on a silent server, or a journal busy with a write, never
    // freezes it. `afterwards` runs once the sync is gone, so nothing of it writes after.
    QThread *reaper = QThread::create([retiring, afterwards] {
        delete retiring;
        if (afterwards)
            afterwards();
    });
    reaper->setObjectName(QStringLiteral("TeamSyncStop"));
    if (retiring)
        retiring->moveToThread(reaper);
    connect(reaper, &QThread::finished, reaper, &QObject::deleteLater);
    m_retiring.removeAll(nullptr);
    m_retiring.append(reaper);
    reaper->start();
}

void TeamSession::activate(const Profile &profile, const QString &journalFilePath)
{
    m_profile = profile;
    m_journalFilePath = journalFilePath;
    reload();
}

void TeamSession::reload()
{
    const quint64 generation = ++m_generation;
    const TeamProfileSettings team = m_settings->profile(m_profile.id);
    if (m_profile.id.isEmpty() || m_journalFilePath.isEmpty()) {
        stop();
        return;
    }
    if (!team.enabled) {
        stopSharingProfile();
        return;
    }
    CredentialJob *job = m_credentials->readKey(TeamSettings::passwordEntry(m_profile.id));
    connect(job, &CredentialJob::finished, this, [this, generation, team](CredentialJob *done) {
        if (generation != m_generation)
            return; // another profile, or other settings, since
        if (done->result() == CredentialJob::Result::Failed)
            qCWarning(lcTeam) << "the team server's password could not be read:" << done->errorMessage();
        TeamSyncSetup setup;
        setup.server = TeamSettings::serverConfig(team, done->key());
        setup.journalFilePath = m_journalFilePath;
        setup.profileId = m_profile.id;
        setup.account = TeamSettings::accountOf(m_profile);
        setup.workstationId = m_settings->workstationId();
        setup.operatorName = m_settings->operatorName(m_profile.id);
        startWith(setup);
    });
}

void TeamSession::startWith(const TeamSyncSetup &setup)
{
    if (m_sync && sameSetup(setup, m_setup))
        return; // nothing that matters changed: the running sync goes on
    retire(std::move(m_sync));
    forgetCatchUps();
    m_setup = setup;
    qCInfo(lcTeam) << "sharing profile" << setup.profileId << "with" << setup.server.identity();
    m_sync = std::make_unique<TeamSync>(setup);
    connect(m_sync.get(), &TeamSync::stateChanged, this, &TeamSession::changed);
    connect(m_sync.get(), &TeamSync::openTeamOrderIds, this, &TeamSession::onSyncAnswer);
    connect(m_sync.get(), &TeamSync::teamRoundHeard, this, [this] { m_sinceTeamRound.start(); });
    m_sync->setLeaseWanted(m_leaseWanted);
    m_sinceTeamRound.start(); // a holder gets a few intervals to be heard of
    connect(m_sync.get(), &TeamSync::teamStatuses, this, &TeamSession::mergeTeamStatuses);
    connect(m_sync.get(), &TeamSync::catchUpRead, this, &TeamSession::onCatchUpRead);
    connect(m_sync.get(), &TeamSync::teamLeadsChanged, this, &TeamSession::teamLeadsChanged);
    m_sync->start();
    emit changed();
    emit serverChanged();
}

void TeamSession::stop()
{
    if (!m_sync)
        return;
    // A push in flight is abandoned: the server rolls it back, the cursor did not move.
    retire(std::move(m_sync));
    forgetCatchUps();
    emit changed();
    emit serverChanged();
}

void TeamSession::stopSharingProfile()
{
    // Sharing turned off: the journal stops noting the profile's changes for the team (its triggers
    // note them only while the profile has a cursor), and what waited is forgotten, so nothing piles
    // up. Turned on again, every lead of the profile is shared anew; the server's upserts make that
    // harmless.
    const QString profileId = m_profile.id;
    const QString journalFilePath = m_journalFilePath;
    const bool wasSharing = m_sync != nullptr;
    retire(std::move(m_sync), [profileId, journalFilePath] {
        TeamChangeFeed feed;
        if (!feed.open(journalFilePath) || !feed.stopSharing(profileId))
            qCWarning(lcTeam) << "the journal still notes profile" << profileId
                              << "for the team:" << feed.errorString();
    });
    if (wasSharing) {
        emit changed();
        emit serverChanged();
    }
}

std::optional<TeamServerConfig> TeamSession::server() const
{
    if (!m_sync)
        return std::nullopt;
    return m_setup.server;
}

TeamSyncState TeamSession::state() const
{
    return m_sync ? m_sync->state() : TeamSyncState();
}

QString TeamSession::statusText() const
{
    return m_sync ? TeamSharingStatus::describe(m_sync->state()) : QString();
}

int TeamSession::waitingLeads() const
{
    return m_sync ? m_sync->state().waitingLeads : 0;
}

void TeamSession::nudge()
{
    if (m_sync)
        m_sync->nudge();
}

void TeamSession::servePoller(StatusPoller *poller)
{
    if (m_poller) {
        m_poller->setTeamCoverage(nullptr);
        m_poller->disconnect(this);
    }
    forgetCatchUps(); // merges of the poller before are not followed any more
    m_poller = poller;
    if (m_poller) {
        m_poller->setTeamCoverage(this);
        connect(m_poller, &StatusPoller::teamMergeDone, this, &TeamSession::onTeamMergeDone);
    }
}

TeamCoverage::Role TeamSession::role() const
{
    if (!m_sync)
        return Role::None;
    const TeamSyncState state = m_sync->state();
    if (state.phase != TeamSyncState::Phase::Sharing)
        return Role::None; // the team server does not answer: ask on our own
    switch (state.lease) {
    case TeamSyncState::Lease::Here:
        return Role::Refresher;
    case TeamSyncState::Lease::Elsewhere:
        // Leads not shared yet, or shared first by another workstation, are not in the holder's round:
        // the poller asks about those itself (requestCoveredOrderIds).
        return Role::Covered;
    case TeamSyncState::Lease::Declined:
    case TeamSyncState::Lease::Unknown:
        break;
    }
    return Role::None;
}

quint64 TeamSession::requestOpenTeamOrderIds()
{
    return forward(m_sync ? m_sync->requestOpenTeamOrderIds() : 0);
}

quint64 TeamSession::requestCoveredOrderIds()
{
    return forward(m_sync ? m_sync->requestCoveredOrderIds() : 0);
}

quint64 TeamSession::forward(quint64 syncTicket)
{
    const quint64 ticket = ++m_lastTicket;
    if (syncTicket == 0)
        refuse(ticket, QStringLiteral("no team server"));
    else
        m_pendingTickets.insert(syncTicket, ticket);
    return ticket;
}

void TeamSession::onSyncAnswer(quint64 syncTicket, const QStringList &orderIds, const QString &error)
{
    const auto pending = m_pendingTickets.constFind(syncTicket);
    if (pending == m_pendingTickets.cend())
        return;
    const quint64 ticket = pending.value();
    m_pendingTickets.erase(pending);
    emit openTeamOrderIds(ticket, orderIds, error);
}

void TeamSession::refuse(quint64 ticket, const QString &error)
{
    QTimer::singleShot(0, this, [this, ticket, error] { emit openTeamOrderIds(ticket, {}, error); });
}

void TeamSession::recordTeamStatuses(const QList<StatusRow> &rows, qint64 nowMs)
{
    if (m_sync)
        m_sync->recordTeamStatuses(rows, nowMs);
}

void TeamSession::teamRoundDone()
{
    if (m_sync)
        m_sync->announceTeamRound();
}

qint64 TeamSession::msSinceTeamRound() const
{
    return m_sinceTeamRound.isValid() ? m_sinceTeamRound.elapsed() : std::numeric_limits<qint64>::max();
}

void TeamSession::setLeaseWanted(bool wanted)
{
    m_leaseWanted = wanted;
    if (m_sync)
        m_sync->setLeaseWanted(wanted);
}

void TeamSession::mergeTeamStatuses(const QList<TeamLeadStatus> &statuses)
{
    if (!m_poller) {
        m_statusesDropped = true;
        return;
    }
    // Each change with the time it happened at the server: its history row here is then the one there.
    QMap<qint64, QList<StatusRow>> byTime;
    for (const TeamLeadStatus &status : statuses)
        byTime[status.changedAtMs].append(status.row);
    for (auto group = byTime.cbegin(); group != byTime.cend(); ++group) {
        if (const quint64 ticket = m_poller->mergeFromTeam(group.value(), group.key()))
            m_teamMerges.insert(ticket);
    }
}

void TeamSession::onCatchUpRead(quint64 ticket)
{
    // Its statuses came just before (same thread, in order): their merges are among m_teamMerges.
    // Merges of notified changes pending too are waited for as well: a little later, never too early.
    const bool dropped = std::exchange(m_statusesDropped, false);
    if (!m_sync || dropped || !m_poller)
        return; // not merged: the next start reads them again
    if (m_teamMerges.isEmpty()) {
        m_sync->confirmCatchUp(ticket);
        return;
    }
    m_catchUps.append(PendingCatchUp{ticket, m_teamMerges});
}

void TeamSession::onTeamMergeDone(quint64 mergeTicket, bool ok)
{
    if (!m_teamMerges.remove(mergeTicket))
        return;
    for (auto catchUp = m_catchUps.begin(); catchUp != m_catchUps.end();) {
        if (!catchUp->merges.remove(mergeTicket)) {
            ++catchUp;
        } else if (!ok) {
            catchUp = m_catchUps.erase(catchUp); // a merge failed: the next start reads it all again
        } else if (catchUp->merges.isEmpty()) {
            if (m_sync)
                m_sync->confirmCatchUp(catchUp->ticket);
            catchUp = m_catchUps.erase(catchUp);
        } else {
            ++catchUp;
        }
    }
}

void TeamSession::forgetCatchUps()
{
    m_catchUps.clear();
    m_teamMerges.clear();
    m_statusesDropped = false;
}

bool TeamSession::sameSetup(const TeamSyncSetup &a, const TeamSyncSetup &b)
{
    const TeamServerConfig &x = a.server;
    const TeamServerConfig &y = b.server;
    return x.host == y.host && x.port == y.port && x.database == y.database && x.user == y.user &&
           x.password == y.password && x.tls == y.tls && x.caFile == y.caFile &&
           a.journalFilePath == b.journalFilePath && a.profileId == b.profileId && a.account == b.account &&
           a.workstationId == b.workstationId && a.operatorName == b.operatorName;
}

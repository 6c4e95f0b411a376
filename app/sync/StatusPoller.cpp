#include "StatusPoller.h"

#include "LeadTransport.h"
#include "SyncLog.h"
#include "TeamCoverage.h"
#include "journal/Clock.h"
#include "journal/Journal.h"

#include <utility>

StatusPoller::StatusPoller(Journal *journal, LeadTransport *transport, const QString &profileId, Clock *clock,
                           QObject *parent)
    : QObject(parent), m_journal(journal), m_transport(transport), m_profileId(profileId),
      m_clock(clock ? clock : SystemClock::instance()), m_autoRefresh(m_clock->createTimer(this))
{
    connect(m_journal, &Journal::statusesMerged, this, &StatusPoller::onMerged);
    m_mergeDelay.setSingleShot(true);
    m_mergeDelay.setInterval(MergeDelayMs);
    connect(&m_mergeDelay, &QTimer::timeout, this, &StatusPoller::mergeGathered);
    connect(m_journal, &Journal::openOrderIdsRead, this, &StatusPoller::onOpenOrderIds);
    connect(m_autoRefresh, &ClockTimer::timeout, this, [this] {
        if (!refreshAll(Trigger::Automatic))
            armAutoRefresh(); // nothing to ask (or busy): look again next interval
    });
    armAutoRefresh();
}

StatusPoller::~StatusPoller()
{
    // Nobody refreshes here any more: the lease goes to a workstation that does.
    if (m_team)
        m_team->setLeaseWanted(false);
    // Answers gathered and not yet merged go with it: nothing of a lead is in them that the next
    // refresh does not ask again.
    if (m_fetch) {
        m_fetch->disconnect(this);
        m_fetch->cancel();
    }
}

void StatusPoller::setAutoRefreshInterval(qint64 ms)
{
    m_intervalMs = qMax<qint64>(0, ms);
    tellLeaseWish();
    if (!isRunning())
        armAutoRefresh();
}

void StatusPoller::tellLeaseWish()
{
    if (m_team)
        m_team->setLeaseWanted(wantsLease());
}

void StatusPoller::armAutoRefresh()
{
    if (m_intervalMs > 0)
        m_autoRefresh->start(m_intervalMs);
    else
        m_autoRefresh->stop();
}

void StatusPoller::setTeamCoverage(TeamCoverage *team)
{
    if (m_team) {
        m_team->disconnect(this);
        m_team->setLeaseWanted(false);
    }
    m_team = team;
    if (m_team) {
        connect(m_team, &TeamCoverage::openTeamOrderIds, this, &StatusPoller::onOpenTeamOrderIds);
        tellLeaseWish();
    }
    if (m_teamIdsTicket != 0) {
        // The read waited for will not be answered by this coverage: the round goes on as the profile's
        // own rather than never ending.
        QMetaObject::invokeMethod(
            this,
            [this, ticket = m_teamIdsTicket] { onOpenTeamOrderIds(ticket, {}, QStringLiteral("detached")); },
            Qt::QueuedConnection);
    }
}

bool StatusPoller::beginRun()
{
    if (isRunning())
        return false;
    m_autoRefresh->stop();
    m_cancelled = false;
    m_running = true;
    m_round = Round::Own;
    m_teamOrderIds.clear();
    m_coveredIds.clear();
    return true;
}

bool StatusPoller::refreshAll(Trigger trigger)
{
    if (!beginRun())
        return false;
    const TeamCoverage::Role role = m_team ? m_team->role() : TeamCoverage::Role::None;
    // A covered workstation trusts the holder while its rounds are heard of; the operator's own Refresh
    // asks the network now about this profile's leads (their answers reach the team by the push).
    const bool teamRoundsHeard =
        m_intervalMs > 0 && m_team && m_team->msSinceTeamRound() <= StaleAfterIntervals * m_intervalMs;
    if (role == TeamCoverage::Role::Refresher) {
        m_round = Round::ForTeam;
        m_teamIdsTicket = m_team->requestOpenTeamOrderIds();
    } else if (role == TeamCoverage::Role::Covered && trigger == Trigger::Automatic && teamRoundsHeard) {
        m_round = Round::Covered;
        m_teamIdsTicket = m_team->requestCoveredOrderIds();
    } else {
        if (role == TeamCoverage::Role::Covered && trigger == Trigger::Automatic)
            qCInfo(lcSync) << "no team refresh heard of lately: refreshing this profile's leads";
        m_openIdsTicket = m_journal->openOrderIdsInBackground(m_profileId);
    }
    return true;
}

void StatusPoller::onOpenTeamOrderIds(quint64 ticket, const QStringList &orderIds, const QString &error)
{
    if (ticket != m_teamIdsTicket || m_teamIdsTicket == 0)
        return;
    m_teamIdsTicket = 0;
    if (!error.isEmpty()) {
        // The lease or the server went away: this round is the profile's own, as without a team.
        qCInfo(lcSync) << "team refresh not run, refreshing this profile's leads:" << error;
        m_round = Round::Own;
    } else if (m_round == Round::ForTeam) {
        m_teamOrderIds = orderIds;
    } else {
        m_coveredIds = QSet<QString>(orderIds.cbegin(), orderIds.cend());
    }
    // With the profile's own open leads: those not shared yet are not among the team's.
    m_openIdsTicket = m_journal->openOrderIdsInBackground(m_profileId);
}

void StatusPoller::onOpenOrderIds(quint64 ticket, const QString &profileId, const QStringList &orderIds,
                                  const QString &error)
{
    if (ticket != m_openIdsTicket || profileId != m_profileId)
        return;
    m_openIdsTicket = 0;
    QStringList ids = orderIds;
    if (m_round == Round::ForTeam) {
        // Each lead once: the team's, then this profile's that the team database does not hold yet.
        QSet<QString> known(m_teamOrderIds.cbegin(), m_teamOrderIds.cend());
        ids = std::exchange(m_teamOrderIds, {});
        for (const QString &id : orderIds) {
            if (!known.contains(id))
                ids.append(id);
        }
    } else if (m_round == Round::Covered) {
        ids.clear();
        for (const QString &id : orderIds) {
            if (!m_coveredIds.contains(id))
                ids.append(id);
        }
        m_coveredIds.clear();
    }
    if (!error.isEmpty()) {
        qCWarning(lcSync) << "open leads not read from the journal:" << error;
        endRun(false);
    } else if (ids.isEmpty() && m_round == Round::Covered && !orderIds.isEmpty()) {
        emit leftToTeam();
        endRun(true);
    } else if (ids.isEmpty()) {
        emit nothingToRefresh();
        endRun(true);
    } else {
        startFetch(ids);
    }
}

quint64 StatusPoller::mergeFromTeam(const QList<StatusRow> &rows, qint64 changedAtMs)
{
    if (rows.isEmpty())
        return 0;
    const quint64 ticket = m_journal->mergeStatusesInBackground(m_profileId, rows, changedAtMs);
    m_pendingMerges.insert(ticket);
    m_teamMerges.insert(ticket);
    return ticket;
}

bool StatusPoller::refresh(const QStringList &orderIds)
{
    if (orderIds.isEmpty() || !beginRun())
        return false;
    startFetch(orderIds);
    return true;
}

void StatusPoller::setVisibleOrderIds(const QStringList &orderIds)
{
    m_visibleOrderIds = orderIds;
}

QStringList StatusPoller::visibleFirst(const QStringList &orderIds) const
{
    if (m_visibleOrderIds.isEmpty())
        return orderIds;
    // One pass with a set of the few rows on screen: at 100,000 open leads a set of every id asked
    // would itself stall the window.
    const QSet<QString> visible(m_visibleOrderIds.cbegin(), m_visibleOrderIds.cend());
    QStringList onScreen;
    QStringList others;
    others.reserve(orderIds.size());
    for (const QString &id : orderIds)
        (visible.contains(id) ? onScreen : others).append(id);
    return onScreen + others;
}

void StatusPoller::startFetch(const QStringList &orderIds)
{
    m_fetchDone = false;
    // Batches go out in this order (the transport keeps it): the rows on screen first.
    m_fetch =
        m_transport->fetchStatuses(visibleFirst(orderIds), FetchedRows::InBatchesOnly); // merged as they land
    connect(m_fetch, &StatusFetch::progress, this, &StatusPoller::progress);
    connect(m_fetch, &StatusFetch::batchFinished, this, &StatusPoller::gatherAnswer);
    connect(m_fetch, &StatusFetch::finished, this, &StatusPoller::onFinished);
    emit started(int(orderIds.size()));
}

void StatusPoller::cancel()
{
    if (m_teamIdsTicket != 0 || m_openIdsTicket != 0) {
        m_teamIdsTicket = 0; // nothing asked yet: the answer of the read is dropped
        m_openIdsTicket = 0;
        m_cancelled = true;
        endRun(false);
        return;
    }
    if (!m_fetch)
        return;
    m_cancelled = true;
    m_fetch->cancel(); // finished() follows
}

void StatusPoller::gatherAnswer(const ListResult &answer)
{
    if (answer.rows.isEmpty())
        return;
    m_gathered.append(answer.rows);
    if (++m_gatheredAnswers >= AnswersPerMerge)
        mergeGathered();
    else if (!m_mergeDelay.isActive())
        m_mergeDelay.start();
}

void StatusPoller::mergeGathered()
{
    m_mergeDelay.stop();
    m_gatheredAnswers = 0;
    if (m_gathered.isEmpty())
        return;
    const qint64 now = m_clock->nowMs();
    // The same time at the server and here: the history row of a change of this profile's lead, pushed
    // later by TeamSync, is then the one the team refresh wrote, not a second one.
    if (m_round == Round::ForTeam && m_team)
        m_team->recordTeamStatuses(m_gathered, now);
    m_pendingMerges.insert(
        m_journal->mergeStatusesInBackground(m_profileId, std::exchange(m_gathered, {}), now));
}

void StatusPoller::onMerged(quint64 ticket, const QString &profileId, const StatusMergeBatch &batch)
{
    if (profileId != m_profileId || !m_pendingMerges.remove(ticket))
        return;
    if (m_teamMerges.remove(ticket))
        emit teamMergeDone(ticket, batch.ok);
    if (!batch.ok) {
        qCWarning(lcSync) << "statuses not stored:" << batch.error;
    } else {
        const QStringList changed = batch.changedKeys();
        QHash<QString, QString> orderIdOf;
        for (const StatusUpdate &update : batch.changedStatuses)
            orderIdOf.insert(update.key, update.orderId);
        QList<StageChange> stages;
        for (const MergeResult &result : batch.results)
            if (result.stageChanged)
                stages.append(StageChange{result.key, orderIdOf.value(result.key), result.previousStage,
                                          result.stage, result.status});
        if (!changed.isEmpty())
            emit leadsChanged(changed);
        if (!stages.isEmpty())
            emit stagesChanged(stages);
    }
    finishWhenMerged();
}

void StatusPoller::onFinished(const ListResult &result)
{
    mergeGathered(); // what came before the end (a failure, a cancel) is merged all the same
    m_fetch.clear();
    m_fetchResult = result;
    m_fetchDone = true;
    finishWhenMerged();
}

void StatusPoller::finishWhenMerged()
{
    if (!m_running || !m_fetchDone || !m_pendingMerges.isEmpty())
        return;
    m_fetchDone = false;
    const ApiError error = m_fetchResult.error;
    m_fetchResult = ListResult();
    const bool failed = !error.isOk() && error.kind != ApiError::Kind::Cancelled;
    if (failed) {
        qCInfo(lcSync) << "refresh failed:" << error.code;
        emit refreshFailed(error);
    }
    const bool complete = !failed && !m_cancelled && error.isOk();
    // The network refusing this workstation's key (or account) is this workstation's fault alone: it
    // stops holding the team's refresh for the others until a refresh of its own gets through again.
    const bool keyRefused =
        failed &&
        ((error.kind == ApiError::Kind::Service && (error.code == u"key" || error.code == u"app")) ||
         (error.kind == ApiError::Kind::Transport && error.code == u"config"));
    if (keyRefused || complete) {
        if (std::exchange(m_ownKeyRefused, keyRefused) != keyRefused)
            tellLeaseWish();
    }
    if (complete && m_round == Round::ForTeam && m_team)
        m_team->teamRoundDone();
    endRun(complete);
}

void StatusPoller::endRun(bool complete)
{
    m_running = false;
    m_round = Round::Own;
    emit finished(complete);
    armAutoRefresh();
}

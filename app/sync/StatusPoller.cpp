#include "StatusPoller.h"

#include "LeadTransport.h"
#include "SyncLog.h"
#include "journal/Clock.h"
#include "journal/Journal.h"

StatusPoller::StatusPoller(Journal *journal, LeadTransport *transport, const QString &profileId, Clock *clock,
                           QObject *parent)
    : QObject(parent), m_journal(journal), m_transport(transport), m_profileId(profileId),
      m_clock(clock ? clock : SystemClock::instance()), m_autoRefresh(m_clock->createTimer(this))
{
    connect(m_autoRefresh, &ClockTimer::timeout, this, [this] {
        if (!refreshAll())
            armAutoRefresh(); // nothing to ask (or busy): look again next interval
    });
    armAutoRefresh();
}

StatusPoller::~StatusPoller()
{
    if (m_fetch) {
        m_fetch->disconnect(this);
        m_fetch->cancel();
    }
}

void StatusPoller::setAutoRefreshInterval(qint64 ms)
{
    m_intervalMs = qMax<qint64>(0, ms);
    if (!isRunning())
        armAutoRefresh();
}

void StatusPoller::armAutoRefresh()
{
    if (m_intervalMs > 0)
        m_autoRefresh->start(m_intervalMs);
    else
        m_autoRefresh->stop();
}

bool StatusPoller::refreshAll()
{
    if (isRunning())
        return false;
    return refresh(m_journal->openOrderIds(m_profileId));
}

bool StatusPoller::refresh(const QStringList &orderIds)
{
    if (isRunning() || orderIds.isEmpty())
        return false;
    m_autoRefresh->stop();
    m_cancelled = false;
    m_fetch = m_transport->fetchStatuses(orderIds);
    connect(m_fetch, &PendingStatuses::progress, this, &StatusPoller::progress);
    connect(m_fetch, &PendingStatuses::batchFinished, this, &StatusPoller::mergeBatch);
    connect(m_fetch, &PendingStatuses::finished, this, &StatusPoller::onFinished);
    emit started(int(orderIds.size()));
    return true;
}

void StatusPoller::cancel()
{
    if (!m_fetch)
        return;
    m_cancelled = true;
    m_fetch->cancel(); // finished() follows
}

void StatusPoller::mergeBatch(const ListResult &batch)
{
    if (batch.rows.isEmpty())
        return;
    const qint64 now = m_clock->nowMs();
    QStringList changed;
    QList<StageChange> stages;
    // One transaction (one disk flush) per batch of up to 50 rows.
    m_journal->beginBatch();
    for (const StatusRow &row : batch.rows) {
        const MergeResult result = m_journal->mergeStatus(m_profileId, row, now);
        if (!result.changed)
            continue;
        changed.append(result.key);
        if (result.stageChanged)
            stages.append(
                StageChange{result.key, row.ourOrderId, result.previousStage, result.stage, result.status});
    }
    if (!m_journal->commitBatch()) {
        qCWarning(lcSync) << "statuses not stored:" << m_journal->errorString();
        return;
    }
    if (!changed.isEmpty())
        emit leadsChanged(changed);
    if (!stages.isEmpty())
        emit stagesChanged(stages);
}

void StatusPoller::onFinished(const ListResult &result)
{
    m_fetch.clear();
    const bool failed = !result.error.isOk() && result.error.kind != ApiError::Kind::Cancelled;
    if (failed) {
        qCInfo(lcSync) << "refresh failed:" << result.error.code;
        emit refreshFailed(result.error);
    }
    emit finished(!failed && !m_cancelled && result.error.isOk());
    armAutoRefresh();
}

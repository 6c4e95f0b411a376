#include "LeadTracking.h"

#include "journal/Clock.h"
#include "journal/Journal.h"

#include <memory>

LeadTracking::LeadTracking(Journal *journal, Clock *clock, QObject *parent)
    : QObject(parent), m_journal(journal), m_clock(clock ? clock : SystemClock::instance())
{}

void LeadTracking::markSeen(const QString &profileId, const QStringList &keys)
{
    if (keys.isEmpty() || !m_journal)
        return;
    // Selecting rows is constant work for a manager: its write never makes the window wait for the disk.
    m_journal->writeInBackground(
        this, [profileId, keys](Journal &journal) { return journal.markSeen(profileId, keys) >= 0; },
        [this](bool ok, const QString &error) {
            if (!ok)
                emit markSeenFailed(error);
        });
}

void LeadTracking::trackOrderIds(const QString &profileId, const QStringList &orderIds)
{
    if (orderIds.isEmpty() || profileId.isEmpty())
        return;
    if (!m_journal) {
        emit trackingFailed(tr("The journal is closed."));
        return;
    }
    const qint64 now = m_clock->nowMs();
    const auto added = std::make_shared<int>(-1); // written by the job, read once it is delivered
    m_journal->writeInBackground(
        this,
        [profileId, orderIds, now, added](Journal &journal) {
            *added = journal.addTracked(profileId, orderIds, now);
            return *added >= 0;
        },
        [this, orderIds, added](bool ok, const QString &error) {
            if (ok)
                emit orderIdsTracked(orderIds, *added);
            else
                emit trackingFailed(error);
        });
}

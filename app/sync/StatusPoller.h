#pragma once

#include "api/ApiTypes.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class Clock;
class ClockTimer;
class Journal;
class LeadTransport;
class PendingStatuses;

// A lead whose stage moved (for a notification).
struct StageChange
{
    QString key;
    QString orderId;
    QString previousStage;
    QString stage;
    int status = 0;
};

// Asks list.json what became of a profile's leads and merges the answers into the journal, batch by
// batch as they land (forward-only: see Journal::mergeStatus). One refresh at a time; a failed or
// cancelled refresh leaves everything merged so far, and nothing else, in the journal.
class StatusPoller : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultIntervalMs = 5 * 60 * 1000;

    StatusPoller(Journal *journal, LeadTransport *transport, const QString &profileId, Clock *clock = nullptr,
                 QObject *parent = nullptr);
    ~StatusPoller() override;

    // Every lead of the profile on the network whose outcome is not final. False when a refresh is
    // already running or there is nothing to ask about.
    bool refreshAll();
    // These order ids (e.g. the selected rows), final or not.
    bool refresh(const QStringList &orderIds);
    void cancel();
    bool isRunning() const { return !m_fetch.isNull(); }

    // Time between the end of one automatic refresh and the start of the next; 0 turns it off.
    void setAutoRefreshInterval(qint64 ms);
    qint64 autoRefreshInterval() const { return m_intervalMs; }

signals:
    void started(int leadCount);
    void progress(int batchesDone, int batchesTotal);
    void leadsChanged(const QStringList &keys); // after each batch, the journal keys that changed
    void stagesChanged(const QList<StageChange> &changes);
    void refreshFailed(const ApiError &error); // at most once per refresh; the journal is untouched by it
    void finished(bool complete);              // false: failed or cancelled

private:
    void mergeBatch(const ListResult &batch);
    void onFinished(const ListResult &result);
    void armAutoRefresh();

    Journal *m_journal;
    LeadTransport *m_transport;
    QString m_profileId;
    Clock *m_clock;
    ClockTimer *m_autoRefresh;
    qint64 m_intervalMs = DefaultIntervalMs;
    QPointer<PendingStatuses> m_fetch;
    bool m_cancelled = false;
};

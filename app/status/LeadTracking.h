#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class Clock;
class Journal;

// What the Leads screen changes in the journal: which changed leads the user has now seen, and which
// order ids of leads sent elsewhere to follow. The screen calls this and never holds the journal.
// Every write goes to the journal's background connection, so the window never waits for the disk;
// the answer comes back as a signal, failure included.
class LeadTracking : public QObject
{
    Q_OBJECT

public:
    explicit LeadTracking(Journal *journal, Clock *clock = nullptr, QObject *parent = nullptr);

    // The user has looked at these leads (by journal key): they are no longer highlighted.
    void markSeen(const QString &profileId, const QStringList &keys);
    // Adds these order ids to the profile's table, to be asked about like the leads sent from here.
    void trackOrderIds(const QString &profileId, const QStringList &orderIds);

signals:
    void markSeenFailed(const QString &error);
    // `added` of `orderIds` were new; the others were in the table already.
    void orderIdsTracked(const QStringList &orderIds, int added);
    void trackingFailed(const QString &error);

private:
    QPointer<Journal> m_journal;
    Clock *m_clock;
};

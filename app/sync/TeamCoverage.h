#pragma once

#include "api/ApiTypes.h"

#include <QList>
#include <QObject>
#include <QStringList>

// What a StatusPoller needs to know of the team refresh (issue 19: one refresh serves the whole team),
// without knowing the team database: whether another workstation's refresh covers this profile's leads,
// or whether this workstation runs the refresh for everyone. TeamSession answers it.
class TeamCoverage : public QObject
{
    Q_OBJECT
public:
    enum class Role
    {
        None,      // no team refresh (no team server, or it is unreachable): the poller asks on its own
        Refresher, // this workstation holds the refresh lease: it asks about every open team lead
        Covered,   // another workstation does: this one leaves its shared leads to it
    };

    using QObject::QObject;
    virtual Role role() const = 0;
    // Refresher only: the open leads of the team, answered by openTeamOrderIds(ticket, ...).
    virtual quint64 requestOpenTeamOrderIds() = 0;
    // Covered only: which of this workstation's open leads the holder's round asks about (those the team
    // database holds under this workstation's login), answered by openTeamOrderIds(ticket, ...). A lead
    // another workstation shared first is not among them: the server shows its row only to that one.
    virtual quint64 requestCoveredOrderIds() = 0;
    // Refresher only: what list.json answered, for the team database (forward-only, with history).
    virtual void recordTeamStatuses(const QList<StatusRow> &rows, qint64 nowMs) = 0;
    // Refresher only: a round for the team ended complete; the covered workstations hear of it.
    virtual void teamRoundDone() = 0;
    // Since the last round for the team was heard of (or since sharing started, when none was yet).
    virtual qint64 msSinceTeamRound() const = 0;
    // Whether this workstation may hold the refresh lease: the poller says so while its automatic
    // refresh is on and the network has not refused its own key (StatusPoller::wantsLease()).
    virtual void setLeaseWanted(bool wanted) = 0;

signals:
    // `error` is empty unless the team's open leads could not be read; always answered, a sync that
    // ends (sharing restarted or stopped) included.
    void openTeamOrderIds(quint64 ticket, const QStringList &orderIds, const QString &error);
};

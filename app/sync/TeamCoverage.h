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
    // Refresher only: what list.json answered, for the team database (forward-only, with history).
    virtual void recordTeamStatuses(const QList<StatusRow> &rows, qint64 nowMs) = 0;

signals:
    // `error` is empty unless the team's open leads could not be read.
    void openTeamOrderIds(quint64 ticket, const QStringList &orderIds, const QString &error);
};

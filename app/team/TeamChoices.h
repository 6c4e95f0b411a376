#pragma once

#include <QStringList>

class QSqlDatabase;
class QSqlError;

// What the team's filters offer: the operators, offers and countries of the team database's leads (those
// the login may see), each list sorted and at most 1,000 long. One reading for the Leads screen's Team
// table (TeamLeadsReader) and the Analytics screen's Team scope (TeamAnalyticsReader), on whichever
// connection and thread the caller reads on.
struct TeamChoices
{
    QStringList operators; // as the leads name them: a lead keeps the name it was shared under
    QStringList offers;
    QStringList countries; // upper case, as the country filter compares them

    // Reads them on `db`; false with `*error` (the caller decides whether its connection is broken).
    static bool read(QSqlDatabase &db, TeamChoices *choices, QSqlError *error);
};

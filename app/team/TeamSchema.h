#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The team database's tables, their permissions and their history. Version N is reached from N-1 by the
// statements of step N; every missing step runs in ONE transaction with the version bump, by the first
// client that needs it and may (the database's owner: see docs/TEAM.md). A second client arriving at
// the same moment waits on an advisory lock and then finds the work done.
//
// The roles cpadesk_operator and cpadesk_manager must exist (IT creates them, docs/TEAM.md): the
// schema grants them their rights and row-level security keeps operators to their own workstations.
namespace TeamSchema {

constexpr int CurrentVersion = 8;

QStringList stepStatements(int version);

enum class Outcome
{
    Ready,        // at CurrentVersion (perhaps just now)
    NewerThanApp, // written by a newer CPA Desk: refused, never touched
    NotInstalled, // older or absent, and this account may not create it
    Failed,       // the server refused or the connection broke
};

struct Result
{
    Outcome outcome = Outcome::Failed;
    int storedVersion = -1;
    QString message; // translated; empty when Ready
};

// The version recorded in the database (0 when it holds no CPA Desk tables), -1 on failure.
int storedVersion(QSqlDatabase &db, QString *error);

// Brings the database to CurrentVersion if it is older, refuses it if it is newer.
Result prepare(QSqlDatabase &db);

// Who owns the CPA Desk tables (the login that created them; empty when there are none or on failure),
// and whether this connection's login may upgrade them: only their owner (or a member of its role, or a
// superuser) may change them.
QString ownerName(QSqlDatabase &db);
bool mayUpgrade(QSqlDatabase &db);

} // namespace TeamSchema

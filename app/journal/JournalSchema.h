#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;

// The journal's tables and their history. Version N is reached from N-1 by the statements of step N,
// run in one transaction together with the version bump. The SQL of the steps is portable (TEXT,
// INTEGER, BIGINT, ALTER TABLE ... ADD COLUMN, CREATE INDEX IF NOT EXISTS) so that a PostgreSQL
// journal could be built from the same list; only reading and writing the version number is
// SQLite-specific (PRAGMA user_version).
namespace JournalSchema {

constexpr int CurrentVersion = 7;

// Statements that bring a database from `version - 1` to `version`.
QStringList stepStatements(int version);

// The version recorded in the database file (0 for a new, empty file).
int storedVersion(QSqlDatabase &db, QString *error);

// Brings the database to CurrentVersion. Refuses (returns false) a file written by a newer version,
// rather than risk damaging data this version does not understand.
bool migrate(QSqlDatabase &db, QString *error);

} // namespace JournalSchema

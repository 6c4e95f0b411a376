#pragma once

#include <QString>
#include <QtGlobal>

// How far a profile's outcomes at the team server have been read into the local journal (its
// team_catchup table, JournalSchema version 7), so that a new start of sharing reads only what changed
// at the server since the last complete read.
//
// The watermark is a transaction horizon of the server, not a time: the xmin of the snapshot the
// catch-up read ran in (txid_snapshot_xmin). Every transaction with a lower id had ended when that
// snapshot was taken, so the read saw all it committed; a change the read did not see was made by a
// transaction still running then, or started after, and its id is at least the watermark. The team
// database stamps each lead with the id of the transaction that last wrote it (leads.changed_xid,
// TeamSchema version 7), so "changed_xid >= watermark" is every change the last read missed, whenever
// it committed. A time (updated_at, set when the writing transaction began) cannot promise that: a
// transaction that began before the read and committed after it carries a time older than the read's.
//
// `server` names one database (TeamServerConfig::identity() and the database's oid): a mark taken at
// one team database or for one account never holds for another.
//
// One object per thread (its SQLite connection belongs to the thread that opened it).
class TeamCatchUpMark
{
public:
    TeamCatchUpMark();
    ~TeamCatchUpMark();
    TeamCatchUpMark(const TeamCatchUpMark &) = delete;
    TeamCatchUpMark &operator=(const TeamCatchUpMark &) = delete;

    bool open(const QString &journalFilePath); // the journal must exist, at schema 7 or later
    void close();
    QString errorString() const { return m_error; }

    // The watermark of the last complete read of `account`'s outcomes from `server`; -1 when there is
    // none for that server and account (read everything), or when it could not be read.
    qint64 watermark(const QString &profileId, const QString &server, const QString &account);
    // Call only once the outcomes read were merged into the journal (committed): a crash before must
    // read them again. Never moves back for the same server and account; another one replaces it.
    bool store(const QString &profileId, const QString &server, const QString &account, qint64 watermark);

private:
    bool fail(const QString &error);

    QString m_connectionName;
    QString m_error;
};

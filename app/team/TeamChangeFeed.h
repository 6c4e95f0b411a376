#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

// What a workstation shares about one lead: the lead as it is now in the local journal, and its whole
// status history. Pushing it again changes nothing at the server.
struct TeamStatusChange
{
    qint64 changedAtMs = 0;
    QString stage;
    int status = 0;
    int reason = 0;
    QString previousStage;
    int previousStatus = 0;
};

struct TeamLeadSnapshot
{
    QString leadKey;
    QString orderId; // our order id: with the account, the key at the server
    QString sendState;
    QString networkOrderId;
    QString stage;
    int status = 0;
    int reason = 0;
    // The network's own words for its codes and its comment on the lead, as the journal keeps them
    // (LeadStatus); empty when it sent none.
    QString statusText;
    QString reasonText;
    QString stageText;
    QString comment;
    bool isFinal = false;
    qint64 createdAtMs = 0;
    qint64 sentAtMs = 0;          // 0: not sent
    qint64 statusChangedAtMs = 0; // 0: no status yet
    QString phone;
    QString offer;
    QString name;
    QString country;
    QList<TeamStatusChange> history; // oldest first
};

// The local side of sharing: the journal's team_changes feed (filled by triggers, see JournalSchema
// version 5) and the profile's cursor in team_cursor, read and moved on an SQLite connection of its own
// to the journal's file. The journal itself is never edited here beyond those two tables.
//
// One object per thread (its connection belongs to the thread that opened it).
class TeamChangeFeed
{
public:
    TeamChangeFeed();
    ~TeamChangeFeed();
    TeamChangeFeed(const TeamChangeFeed &) = delete;
    TeamChangeFeed &operator=(const TeamChangeFeed &) = delete;

    bool open(const QString &journalFilePath); // the journal must exist, at schema 5 or later
    void close();
    QString errorString() const { return m_error; }

    // Starts sharing `profileId` with the database `server` (TeamServerConfig::identity()): from now
    // on its changes are noted. The first time, or when the server is another one, every lead of the
    // profile is noted at once (one transaction, so nothing written meanwhile slips between).
    bool share(const QString &profileId, const QString &server);
    // Stops noting the profile's changes and forgets what was waiting.
    bool stopSharing(const QString &profileId);

    struct Batch
    {
        qint64 lastSeq = 0;   // the cursor after this batch is acknowledged
        QStringList leadKeys; // in the order of their first change, each once
    };
    // Changes after the cursor, at most `limit` of them; an empty batch when none. False on failure.
    bool nextBatch(const QString &profileId, int limit, Batch *batch);
    // The lead as it is now, and its history; false when it is gone (deleted locally) or on failure
    // (errorString() then says why).
    bool snapshot(const QString &profileId, const QString &leadKey, TeamLeadSnapshot *lead);
    // The same for many leads in one read transaction; leads gone since are left out. False on failure.
    bool snapshots(const QString &profileId, const QStringList &leadKeys, QList<TeamLeadSnapshot> *leads);
    // The server committed everything up to `seq`: the cursor moves and those changes are forgotten.
    bool acknowledge(const QString &profileId, qint64 seq);

    qint64 cursor(const QString &profileId);
    // How many leads wait to be shared (distinct leads after the cursor); -1 on failure.
    int waitingLeads(const QString &profileId);

private:
    bool fail(const QString &what, const QString &error);

    QString m_connectionName;
    QString m_error;
};

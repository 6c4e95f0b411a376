#include "JournalSchema.h"

#include "JournalLog.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// Version 1: the first journal. Leads keyed by profile and a local key (the order id, or a generated
// placeholder for "auto" leads until the network names them), their latest status, and the history.
const char *const version1[] = {
    "CREATE TABLE leads ("
    " profile_id TEXT NOT NULL,"
    " lead_key TEXT NOT NULL,"
    " order_id TEXT,"
    " lead_json TEXT NOT NULL,"
    " send_state TEXT NOT NULL,"
    " attempts INTEGER NOT NULL DEFAULT 0,"
    " next_try_at BIGINT,"
    " error_code TEXT,"
    " error_text TEXT,"
    " network_id TEXT,"
    " stage TEXT,"
    " status INTEGER NOT NULL DEFAULT 0,"
    " reason INTEGER NOT NULL DEFAULT 0,"
    " goods_count INTEGER NOT NULL DEFAULT -1,"
    " comment TEXT,"
    " is_final INTEGER NOT NULL DEFAULT 0,"
    " created_at BIGINT NOT NULL,"
    " sent_at BIGINT,"
    " checked_at BIGINT,"
    " changed_at BIGINT,"
    " phone TEXT,"
    " offer TEXT,"
    " name TEXT,"
    " wm TEXT,"
    " country TEXT,"
    " PRIMARY KEY (profile_id, lead_key))",
    // NULL order ids ("auto" leads not yet answered) may repeat in a unique index, in SQLite and
    // PostgreSQL alike.
    "CREATE UNIQUE INDEX IF NOT EXISTS leads_by_order ON leads (profile_id, order_id)",
    "CREATE INDEX IF NOT EXISTS leads_open ON leads (profile_id, is_final, send_state)",
    "CREATE TABLE lead_history ("
    " profile_id TEXT NOT NULL,"
    " lead_key TEXT NOT NULL,"
    " changed_at BIGINT NOT NULL,"
    " stage TEXT,"
    " status INTEGER NOT NULL DEFAULT 0,"
    " reason INTEGER NOT NULL DEFAULT 0,"
    " goods_count INTEGER NOT NULL DEFAULT -1,"
    " comment TEXT)",
    "CREATE INDEX IF NOT EXISTS lead_history_by_lead ON lead_history (profile_id, lead_key, changed_at)",
};

// Version 2: the outbox grows up. The exact body of the last attempt, whether an earlier attempt may
// have reached the network (a duplicate then needs confirming), the "changed since seen" flag, the
// previous status in history rows, a small key/value table (the id generator's high-water mark), and
// the indexes of the outbox, the duplicate check and the table.
const char *const version2[] = {
    "ALTER TABLE leads ADD COLUMN request_body TEXT",
    "ALTER TABLE leads ADD COLUMN maybe_delivered INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE leads ADD COLUMN unseen INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE lead_history ADD COLUMN previous_stage TEXT",
    "ALTER TABLE lead_history ADD COLUMN previous_status INTEGER NOT NULL DEFAULT 0",
    // Version 1 retried without remembering the doubt: any lead that has been tried and is still
    // waiting may already be on the network.
    "UPDATE leads SET maybe_delivered = 1"
    " WHERE attempts > 0 AND send_state IN ('queued', 'sending', 'unknown')",
    "CREATE TABLE meta (meta_key TEXT NOT NULL PRIMARY KEY, meta_value TEXT)",
    "CREATE INDEX IF NOT EXISTS leads_due ON leads (profile_id, send_state, next_try_at)",
    "CREATE INDEX IF NOT EXISTS leads_by_phone ON leads (profile_id, phone, offer, created_at)",
    "CREATE INDEX IF NOT EXISTS leads_by_created ON leads (profile_id, created_at)",
};

// Version 3: choosing which leads a refresh asks about reads one index instead of every lead of the
// profile: its open leads in creation order, with the columns the question needs (a covering index;
// 105 ms at 100,000 leads before). It takes the place of leads_open, whose queries it also serves.
const char *const version3[] = {
    "CREATE INDEX IF NOT EXISTS leads_open_by_created"
    " ON leads (profile_id, is_final, created_at, send_state, order_id)",
    "DROP INDEX IF EXISTS leads_open",
};

// Version 4: when each lead was last checked moves to a narrow table of its own. Every refresh
// writes it for every open lead; in the wide leads row, that rewrote a page for every few leads (a
// third of what a refresh of unchanged leads cost the journal), here a page holds a hundred.
const char *const version4[] = {
    "CREATE TABLE lead_checks ("
    " profile_id TEXT NOT NULL,"
    " lead_key TEXT NOT NULL,"
    " checked_at BIGINT NOT NULL,"
    " PRIMARY KEY (profile_id, lead_key)) WITHOUT ROWID",
    "INSERT INTO lead_checks (profile_id, lead_key, checked_at)"
    " SELECT profile_id, lead_key, checked_at FROM leads WHERE checked_at IS NOT NULL",
    "ALTER TABLE leads DROP COLUMN checked_at",
};

// Version 5: the change feed of team sharing (app/team). Triggers note every lead of a shared profile
// that was added or whose sending or outcome changed, in order (AUTOINCREMENT: a number is never
// reused, even after the acknowledged rows are deleted). TeamSync reads the feed on a connection of its
// own, pushes the leads as they are then, and moves the profile's cursor only after the team server
// committed. A profile with no cursor row is not shared and its writes cost one look-up in a table of a
// few rows. Triggers are SQLite's: the one place where these steps are not portable SQL. A status merge
// updates the lead row as well as adding history, so the lead triggers see every status change.
const char *const version5[] = {
    "CREATE TABLE team_changes ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " profile_id TEXT NOT NULL,"
    " lead_key TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS team_changes_by_profile ON team_changes (profile_id, seq)",
    // One row per shared profile: which team database it shares with, and the last change it took.
    "CREATE TABLE team_cursor ("
    " profile_id TEXT NOT NULL PRIMARY KEY,"
    " server TEXT NOT NULL,"
    " seq INTEGER NOT NULL DEFAULT 0)",
    "CREATE TRIGGER team_change_on_lead_insert AFTER INSERT ON leads"
    " WHEN EXISTS (SELECT 1 FROM team_cursor WHERE profile_id = NEW.profile_id)"
    " BEGIN INSERT INTO team_changes (profile_id, lead_key) VALUES (NEW.profile_id, NEW.lead_key); END",
    // Not attempts, next_try_at, unseen or request_body: the team does not see those.
    "CREATE TRIGGER team_change_on_lead_update"
    " AFTER UPDATE OF lead_key, order_id, send_state, network_id, stage, status, reason, is_final, sent_at,"
    " phone, offer, name, country ON leads"
    " WHEN EXISTS (SELECT 1 FROM team_cursor WHERE profile_id = NEW.profile_id)"
    " BEGIN INSERT INTO team_changes (profile_id, lead_key) VALUES (NEW.profile_id, NEW.lead_key); END",
};

// Version 6: answers of older engine builds (issue 23). Whether a lead's stage was derived from its
// status because the engine sent none, and the engine's own words for its codes (status_text and the
// like), on the lead and in its history. Leads from before knew only stages the engine sent: 0.
const char *const version6[] = {
    "ALTER TABLE leads ADD COLUMN stage_derived INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE leads ADD COLUMN status_text TEXT",
    "ALTER TABLE leads ADD COLUMN reason_text TEXT",
    "ALTER TABLE leads ADD COLUMN stage_text TEXT",
    "ALTER TABLE lead_history ADD COLUMN stage_derived INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE lead_history ADD COLUMN status_text TEXT",
    "ALTER TABLE lead_history ADD COLUMN reason_text TEXT",
    "ALTER TABLE lead_history ADD COLUMN stage_text TEXT",
};

// Version 7: how far a profile's outcomes at the team server have been read into this journal
// (TeamCatchUpMark), so that starting to share again reads only what changed at the server since,
// rather than every outcome of the account. One row per profile: the team database it was read from
// (its identity and its database's oid) and the account; for another server or account the mark does
// not hold, and it is replaced after the next complete read. The watermark is the server's transaction
// horizon of that read (see TeamCatchUpMark.h); it is written only after the outcomes read were merged.
const char *const version7[] = {
    "CREATE TABLE team_catchup ("
    " profile_id TEXT NOT NULL PRIMARY KEY,"
    " server TEXT NOT NULL,"
    " account TEXT NOT NULL,"
    " watermark BIGINT NOT NULL)",
};

template <std::size_t N> QStringList toList(const char *const (&statements)[N])
{
    QStringList list;
    for (const char *statement : statements)
        list.append(QLatin1String(statement));
    return list;
}

bool setStoredVersion(QSqlDatabase &db, int version, QString *error)
{
    // SQLite-specific: the version lives in the file header. A PostgreSQL journal would keep it in a
    // one-row table instead.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace

QStringList JournalSchema::stepStatements(int version)
{
    switch (version) {
    case 1:
        return toList(version1);
    case 2:
        return toList(version2);
    case 3:
        return toList(version3);
    case 4:
        return toList(version4);
    case 5:
        return toList(version5);
    case 6:
        return toList(version6);
    case 7:
        return toList(version7);
    default:
        return {};
    }
}

int JournalSchema::storedVersion(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

bool JournalSchema::migrate(QSqlDatabase &db, QString *error)
{
    const int stored = storedVersion(db, error);
    if (stored < 0)
        return false;
    if (stored > CurrentVersion) {
        *error = QCoreApplication::translate("Journal",
                                             "The journal was written by a newer version of CPA Desk "
                                             "(schema %1, this version knows %2). Please update CPA Desk.")
                     .arg(stored)
                     .arg(CurrentVersion);
        return false;
    }
    for (int version = stored + 1; version <= CurrentVersion; ++version) {
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        QSqlQuery query(db);
        const QStringList statements = stepStatements(version);
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                *error =
                    QCoreApplication::translate("Journal", "Upgrading the journal to schema %1 failed: %2")
                        .arg(version)
                        .arg(query.lastError().text());
                query.finish();
                db.rollback();
                return false;
            }
        }
        query.finish();
        if (!setStoredVersion(db, version, error) || !db.commit()) {
            if (error->isEmpty())
                *error = db.lastError().text();
            db.rollback();
            return false;
        }
        qCInfo(lcJournal) << "journal schema upgraded to version" << version;
    }
    return true;
}

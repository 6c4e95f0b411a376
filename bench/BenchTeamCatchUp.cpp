// Part of the team section (issue 19): a start of sharing with 100,000 outcomes of the workstation's own
// leads at the server. The figure: a start that reads only what changed since the last complete read
// (the journal's TeamCatchUpMark); beside it, a start without a mark, which reads and merges all of them
// (what every start of sharing did before the mark was kept).
#include "BenchSections.h"
#include "BenchSupport.h"
#include "PostgresServer.h"
#include "journal/Journal.h"
#include "session/TeamSession.h"
#include "settings/CredentialStore.h"
#include "settings/Profile.h"
#include "sync/StatusPoller.h"
#include "team/TeamConnection.h"
#include "team/TeamSchema.h"
#include "team/TeamSettings.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <memory>

namespace {

const QString CatchUpDatabase = QStringLiteral("cpadesk_bench_catchup");

// The journal's mark for the profile, -1 when none, on a connection of the bench's own.
qint64 storedMark(QSqlDatabase &journalFile)
{
    QSqlQuery query(journalFile);
    return query.exec(QStringLiteral("SELECT watermark FROM team_catchup")) && query.next()
               ? query.value(0).toLongLong()
               : -1;
}

} // namespace

void benchTeamCatchUp(BenchReport &report, PostgresServer &server, const TeamServerConfig &owner,
                      const TeamServerConfig &operatorLogin, const QString &operatorRole, bool quick)
{
    QTextStream err(stderr);
    const int leads = quick ? 20000 : 100000;
    if (!server.createDatabase(CatchUpDatabase, owner.user)) {
        err << "team.catchup: database: " << server.errorString() << '\n';
        return;
    }
    TeamServerConfig ownerConfig = owner;
    ownerConfig.database = CatchUpDatabase;
    {
        TeamConnection connection(ownerConfig);
        QSqlDatabase db = connection.open() ? connection.database() : QSqlDatabase();
        if (!db.isOpen() || TeamSchema::prepare(db).outcome != TeamSchema::Outcome::Ready) {
            err << "team.catchup: the schema could not be installed\n";
            return;
        }
    }

    QTemporaryDir dir;
    Journal journal;
    if (!dir.isValid() || !journal.open(dir.filePath(QStringLiteral("journal.sqlite")))) {
        err << "team.catchup: no journal\n";
        return;
    }
    const QString profileId = BenchSupport::profile;
    QStringList ids;
    ids.reserve(leads);
    for (int i = 0; i < leads; ++i)
        ids << QString::number(5500000000LL + i);
    if (journal.addTracked(profileId, ids, QDateTime::currentMSecsSinceEpoch()) != leads) {
        err << "team.catchup: leads not tracked\n";
        return;
    }
    StatusPoller poller(&journal, nullptr, profileId);
    poller.setAutoRefreshInterval(0);

    TeamSettings settings(dir.filePath(QStringLiteral("team.ini")));
    CredentialStore credentials(dir.filePath(QStringLiteral("credentials")));
    TeamServerConfig server0 = operatorLogin;
    server0.database = CatchUpDatabase;
    const TeamProfileSettings team = TeamSettings::sharingWith(server0, server0.user);
    bool written = false;
    QObject context;
    QObject::connect(credentials.writeKey(TeamSettings::passwordEntry(profileId), server0.password),
                     &CredentialJob::finished, &context,
                     [&written](CredentialJob *done) { written = done->ok(); });
    if (!settings.setProfile(profileId, team) || !BenchSupport::waitFor([&] { return written; }, 10000)) {
        err << "team.catchup: settings not written\n";
        return;
    }
    Profile profile;
    profile.id = profileId;
    profile.userId = QStringLiteral("catchup");
    profile.isSandbox = true;
    const QString account = TeamSettings::accountOf(profile);
    const QString workstation = settings.workstationId();

    // The outcomes at the server, as the team's refresh leaves them: in rounds (a change time per 100).
    err << "team.catchup: " << leads << " outcomes of one workstation at the server\n";
    err.flush();
    const bool filled = server.exec(
        {QStringLiteral(
             "INSERT INTO workstations (workstation_id, db_user, operator_name) VALUES ('%1', '%2', '%2')")
             .arg(workstation, operatorRole),
         QStringLiteral(
             "INSERT INTO leads (account, order_id, workstation_id, operator_name, send_state, stage,"
             " status, progress, status_changed_at, created_at)"
             " SELECT '%1', (5500000000 + i)::text, '%2', '%3', 'sent', 'hold', 1, 1,"
             " timestamptz '2026-01-01' + (i / 100) * interval '1 second', timestamptz '2026-01-01'"
             " FROM generate_series(0, %4) AS i")
             .arg(account, workstation, operatorRole)
             .arg(leads - 1),
         QStringLiteral("VACUUM ANALYZE leads")},
        CatchUpDatabase);
    // Pushing is not measured here: the journal's push cursor is set past any change, so the starts below
    // only catch up (the push of merged outcomes would otherwise run meanwhile).
    const QString markConnection = QStringLiteral("bench-catchup-mark");
    bool ready = filled;
    {
        QSqlDatabase file = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), markConnection);
        file.setDatabaseName(journal.filePath());
        ready =
            ready && file.open() &&
            QSqlQuery(file).exec(
                QStringLiteral("INSERT INTO team_cursor (profile_id, server, seq) VALUES ('%1', '%2', %3)")
                    .arg(profileId, server0.identity())
                    .arg(Q_INT64_C(1000000000000000)));
    }
    if (!ready) {
        err << "team.catchup: set-up failed: " << server.errorString() << '\n';
        QSqlDatabase::removeDatabase(markConnection);
        return;
    }

    QSqlDatabase file = QSqlDatabase::database(markConnection);
    // One start of sharing: from activate() until its catch-up is read, merged and its mark kept.
    auto start = [&](int *read) {
        const qint64 before = storedMark(file);
        TeamSession session(&settings, &credentials);
        session.servePoller(&poller);
        QElapsedTimer timer;
        timer.start();
        session.activate(profile, journal.filePath());
        const bool done = BenchSupport::waitFor([&] { return storedMark(file) > before; }, 600000);
        const double ms = BenchSupport::elapsedMs(timer);
        *read = session.state().caughtUpLeads;
        return done ? ms : NAN;
    };
    int read = 0;
    start(&read); // the first start: all of them are new to this journal
    // A start as before the mark: everything read, each merge finding nothing new.
    QSqlQuery(file).exec(QStringLiteral("DELETE FROM team_catchup"));
    int readAll = 0;
    const double all = start(&readAll);
    // Outcomes that changed since (one in a thousand, as the team's refresh moves a few): the next start
    // must read those and no more.
    const int changed = std::max(1, leads / 1000);
    server.exec({QStringLiteral("UPDATE leads SET status = 2, updated_at = now() WHERE order_id IN"
                                " (SELECT order_id FROM leads ORDER BY order_id LIMIT %1)")
                     .arg(changed)},
                CatchUpDatabase);
    const double since = start(&read);
    file = QSqlDatabase();
    QSqlDatabase::removeDatabase(markConnection);
    err << "team.catchup: a start read " << read << " outcomes in " << since << " ms; without the mark "
        << readAll << " in " << all << " ms\n";

    report.add(
        BenchFigure::measured(QStringLiteral("team.catchup.%1.start").arg(leads), QStringLiteral("ms"), since,
                              all, QStringLiteral("a start without the mark (reads and merges them all)"))
            .withNote(QStringLiteral("activate() to the catch-up read, merged and its mark kept; polled "
                                     "every 10 ms")));
    report.add(
        BenchFigure::measured(QStringLiteral("team.catchup.%1.read").arg(leads), QStringLiteral("outcomes"),
                              read, readAll, QStringLiteral("read by a start without the mark"))
            .withTarget(BenchFigure::TargetOn::Value, changed)
            .withNote(QStringLiteral("%1 outcomes changed at the server since the last start").arg(changed)));
}

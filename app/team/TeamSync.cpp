#include "TeamSync.h"

#include "TeamCatchUpMark.h"
#include "TeamChangeFeed.h"
#include "TeamConnection.h"
#include "TeamListener.h"
#include "TeamLog.h"
#include "TeamNodeClaim.h"
#include "TeamPusher.h"
#include "TeamRefreshLease.h"
#include "TeamRoundBeacon.h"
#include "TeamSchema.h"
#include "journal/Journal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <map>
#include <memory>

// Lives in TeamSync's thread; everything it owns (connections included) is made there.
class TeamSyncWorker : public QObject
{
    Q_OBJECT
public:
    explicit TeamSyncWorker(const TeamSyncSetup &setup)
        : m_setup(setup), m_pusher(setup.account, setup.workstationId, setup.operatorName),
          m_retryMs(setup.minRetryMs)
    {}

    void begin()
    {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &TeamSyncWorker::cycle);
        m_pullTimer = new QTimer(this);
        m_pullTimer->setSingleShot(true);
        m_pullTimer->setInterval(m_setup.pullDelayMs);
        connect(m_pullTimer, &QTimer::timeout, this, &TeamSyncWorker::pullChanged);
        m_viewTimer = new QTimer(this);
        m_viewTimer->setSingleShot(true);
        m_viewTimer->setInterval(ViewSignalDelayMs);
        connect(m_viewTimer, &QTimer::timeout, this, &TeamSyncWorker::teamLeadsChanged);
        cycle();
    }

    void finish()
    {
        delete m_timer;
        m_timer = nullptr;
        delete m_pullTimer;
        m_pullTimer = nullptr;
        delete m_viewTimer;
        m_viewTimer = nullptr;
        // The lease goes with the session: the server hands it to the next workstation that asks.
        m_listener.reset();
        m_beacon.reset();
        m_lease.reset();
        m_connection.reset();
        m_feed.reset();
    }

    void coveredOrderIds(quint64 ticket)
    {
        if (!m_connection || !m_connection->isOpen()) {
            emit openTeamOrderIdsRead(ticket, {}, QStringLiteral("the team server is not reached"));
            return;
        }
        // Row-level security shows this login its own workstations' rows only: a lead another workstation
        // shared first is not here, and so not covered (the holder's round asks about the account's open
        // leads that were sent, as cpadesk_open_team_leads reads them).
        QSqlQuery query(m_connection->database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT order_id FROM leads WHERE account = ? AND NOT is_final"
                                     " AND send_state IN ('sent', 'external')"));
        query.addBindValue(m_setup.account);
        QStringList ids;
        if (query.exec()) {
            while (query.next())
                ids.append(query.value(0).toString());
        }
        if (query.lastError().isValid()) {
            const QString error = query.lastError().text();
            qCWarning(lcTeam) << "covered leads not read:" << error;
            emit openTeamOrderIdsRead(ticket, {}, error);
            return;
        }
        emit openTeamOrderIdsRead(ticket, ids, QString());
    }

    void announceRound()
    {
        if (m_beacon && m_lease && m_lease->isHeld() && m_connection && m_connection->isOpen()) {
            m_beacon->announce();
            m_lastAnnounced.start();
        }
    }

    void setLeaseWanted(bool wanted)
    {
        m_leaseWanted = wanted;
        if (!m_timer)
            return; // not begun: the first cycle reads it
        if (!wanted && m_lease && m_lease->isHeld()) {
            m_lease->release();
            qCInfo(lcTeam) << "this workstation leaves the team's refresh to another";
        }
        if (m_state.phase == TeamSyncState::Phase::Sharing) {
            m_state.lease = wanted ? m_state.lease : TeamSyncState::Lease::Declined;
            announce();
            m_timer->start(0); // take it now if it is free, rather than at the next poll
        }
    }

    void openTeamOrderIds(quint64 ticket)
    {
        if (!m_lease || !m_lease->isHeld() || !m_connection || !m_connection->isOpen()) {
            emit openTeamOrderIdsRead(ticket, {},
                                      QStringLiteral("this workstation does not refresh the team"));
            return;
        }
        QSqlQuery query(m_connection->database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT cpadesk_open_team_leads(?)"));
        query.addBindValue(m_setup.account);
        QStringList ids;
        if (query.exec()) {
            while (query.next())
                ids.append(query.value(0).toString());
        }
        if (query.lastError().isValid()) {
            const QString error = query.lastError().text();
            qCWarning(lcTeam) << "open team leads not read:" << error;
            emit openTeamOrderIdsRead(ticket, {}, error);
            return;
        }
        emit openTeamOrderIdsRead(ticket, ids, QString());
    }

    void recordStatuses(const QList<StatusRow> &rows, qint64 nowMs)
    {
        if (!m_lease || !m_lease->isHeld() || !m_connection || !m_connection->isOpen()) {
            // The lease was lost meanwhile: its next holder asks again.
            qCInfo(lcTeam) << rows.size() << "team statuses not written: the refresh lease is not held";
            return;
        }
        QSqlDatabase db = m_connection->database();
        if (!db.transaction()) {
            qCWarning(lcTeam) << "team statuses not written:" << db.lastError().text();
            return;
        }
        // The whole batch in as few calls as may be (schema step 8): the server checks the lease and the
        // account once per call, and works out from each answer itself whether it moves the lead forward.
        QSqlQuery record(db);
        record.prepare(QStringLiteral("SELECT cpadesk_record_statuses(?, ?::bigint, ?::jsonb)"));
        int changed = 0;
        bool written = true;
        QJsonArray batch;
        auto write = [&]() {
            if (batch.isEmpty())
                return true;
            record.bindValue(0, m_setup.account);
            record.bindValue(1, nowMs);
            record.bindValue(2, QString::fromUtf8(QJsonDocument(batch).toJson(QJsonDocument::Compact)));
            batch = QJsonArray();
            if (!record.exec())
                return false;
            if (record.next())
                changed += record.value(0).toInt();
            return true;
        };
        for (const StatusRow &row : rows) {
            // A row without a stage but with a status (an older engine's code this version cannot derive
            // a stage from) keeps the stage known there, as here, and brings the engine's words.
            if (row.ourOrderId.isEmpty() || (row.stage.isEmpty() && row.status == 0))
                continue;
            batch.append(QJsonObject{{QStringLiteral("order_id"), row.ourOrderId},
                                     {QStringLiteral("stage"), row.stage},
                                     {QStringLiteral("status"), row.status},
                                     {QStringLiteral("reason"), row.reason},
                                     {QStringLiteral("status_text"), row.statusText},
                                     {QStringLiteral("reason_text"), row.reasonText},
                                     {QStringLiteral("stage_text"), row.stageText},
                                     {QStringLiteral("comment"), row.comment}});
            if (batch.size() >= RowsPerWrite && !(written = write()))
                break;
        }
        if (!written || !write()) {
            qCWarning(lcTeam) << "team statuses not written:" << record.lastError().text();
            record.finish();
            db.rollback();
            return;
        }
        record.finish();
        if (!db.commit()) {
            qCWarning(lcTeam) << "team statuses not written:" << db.lastError().text();
            db.rollback();
            return;
        }
        if (changed > 0)
            qCInfo(lcTeam) << changed << "team statuses moved on";
        // A long round (100,000 leads) is heard of while its answers come, not only at its end: the
        // covered workstations would otherwise think it quiet and ask for themselves meanwhile.
        if (!m_lastAnnounced.isValid() || m_lastAnnounced.hasExpired(AnnounceEveryMs))
            announceRound();
    }

    // The outcomes of catch-up `ticket` are merged into the journal: from now on a start of sharing
    // reads only what changed at the server after that read.
    void confirmCatchUp(quint64 ticket)
    {
        const auto read = m_unconfirmedCatchUps.find(ticket);
        if (read == m_unconfirmedCatchUps.end())
            return;
        const CatchUp catchUp = read->second;
        // An earlier read still unconfirmed is covered: this one read from the same mark or an older one.
        m_unconfirmedCatchUps.erase(m_unconfirmedCatchUps.begin(), std::next(read));
        if (!openMarks() ||
            !m_marks.store(m_setup.profileId, catchUp.server, m_setup.account, catchUp.horizon))
            qCWarning(lcTeam) << "team catch-up mark not kept: the next start reads everything again";
    }

    void nudge()
    {
        // During a wait after a failure, a nudge does not hurry a retry.
        if (m_timer && m_state.phase == TeamSyncState::Phase::Sharing)
            m_timer->start(0);
    }

signals:
    void stateChanged(const TeamSyncState &state);
    void openTeamOrderIdsRead(quint64 ticket, const QStringList &orderIds, const QString &error);
    void teamStatuses(const QList<TeamLeadStatus> &statuses);
    void teamLeadsChanged();
    void catchUpRead(quint64 ticket);
    void teamRoundHeard();

private:
    static constexpr int ViewSignalDelayMs = 300;
    static constexpr qint64 AnnounceEveryMs = 10000; // during a round
    // Rows per call of the team refresh's writer: one statement of a few hundred kB at most.
    static constexpr int RowsPerWrite = 1000;

    void cycle()
    {
        if (!m_feed && !openFeed())
            return;
        if (!m_connection)
            m_connection = std::make_unique<TeamConnection>(m_setup.server);
        if (!m_connection->isOpen()) {
            dropConnection();
            if (!m_connection->open())
                return trouble(TeamSyncState::Phase::Unreachable, m_connection->errorString());
        }
        QSqlDatabase db = m_connection->database();
        if (!m_schemaReady) {
            const TeamSchema::Result schema = TeamSchema::prepare(db);
            if (schema.outcome != TeamSchema::Outcome::Ready) {
                dropConnection();
                return trouble(db.isOpen() ? TeamSyncState::Phase::Refused
                                           : TeamSyncState::Phase::Unreachable,
                               schema.message);
            }
            m_schemaReady = true;
        }
        if (!m_loginKnown && !readLoginKind(db))
            return;
        if (m_readOnly)
            return readingCycle(db);
        if (!m_registered) {
            if (!m_pusher.registerWorkstation(db))
                return pushFailed();
            m_registered = true;
        }
        if (!m_nodeClaimed && !claimNode(db))
            return;
        if (!m_listener)
            startListening(db);
        if (!refreshLease(db))
            return;
        for (;;) {
            TeamChangeFeed::Batch batch;
            if (!m_feed->nextBatch(m_setup.profileId, m_setup.batchSize, &batch))
                return feedFailed();
            if (batch.leadKeys.isEmpty())
                break;
            m_state.waitingLeads = m_feed->waitingLeads(m_setup.profileId);
            QList<TeamLeadSnapshot> leads;
            if (!m_feed->snapshots(m_setup.profileId, batch.leadKeys, &leads))
                return feedFailed();
            if (!m_pusher.push(db, leads))
                return pushFailed();
            // The server committed: only now does the cursor move. Should this write fail, the batch is
            // pushed again later, which changes nothing at the server.
            if (!m_feed->acknowledge(m_setup.profileId, batch.lastSeq))
                return feedFailed();
            m_state.pushedLeads += leads.size();
            m_state.leftToOthers += m_pusher.refusedOrderIds().size();
            m_state.cursor = batch.lastSeq;
        }
        m_retryMs = m_setup.minRetryMs;
        m_state.phase = TeamSyncState::Phase::Sharing;
        m_state.problem.clear();
        m_state.troubleSince = QDateTime();
        m_state.waitingLeads = 0;
        announce();
        m_timer->start(m_setup.pollIntervalMs);
    }

    // Once per connection: whether this login shares at all. One that is not a member of cpadesk_operator
    // (a manager's, or the owner's that set the database up) reads the team's leads and writes nothing:
    // registering this workstation would be refused (a manager's login may not write) or would make it
    // the owner's, so that its operator's login could never share from it (row-level security).
    bool readLoginKind(QSqlDatabase &db)
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT pg_has_role(session_user, 'cpadesk_operator', 'MEMBER')")) ||
            !query.next()) {
            const QString error = query.lastError().text();
            const bool open = db.isOpen();
            dropConnection();
            trouble(open ? TeamSyncState::Phase::Refused : TeamSyncState::Phase::Unreachable, error);
            return false;
        }
        m_readOnly = !query.value(0).toBool();
        m_loginKnown = true;
        if (m_readOnly)
            qCInfo(lcTeam) << "this login is not an operator's: reading the team's leads, sharing nothing";
        return true;
    }

    // A reading login's cycle: it listens (the manager's Team view follows the server by itself), takes
    // no refresh lease (it could not write the outcomes, and would keep an operator from doing it), and
    // pushes nothing: this workstation's own leads, if any, wait in its journal and are counted, to be
    // shared once the profile uses an operator's login.
    void readingCycle(QSqlDatabase &db)
    {
        if (!m_listener) {
            listenForTheView(db);
            // What changed while nobody listened: the view reads again (before the state says Reading).
            emit teamLeadsChanged();
        } else {
            // Nothing else talks to the server between notifications: this notices a lost connection.
            QSqlQuery ping(db);
            if (!ping.exec(QStringLiteral("SELECT 1"))) {
                const QString error = ping.lastError().text();
                dropConnection();
                return trouble(TeamSyncState::Phase::Unreachable, error);
            }
        }
        const int waiting = m_feed->waitingLeads(m_setup.profileId);
        if (waiting < 0)
            return feedFailed();
        m_retryMs = m_setup.minRetryMs;
        m_state.phase = TeamSyncState::Phase::Reading;
        m_state.problem.clear();
        m_state.troubleSince = QDateTime();
        m_state.waitingLeads = waiting;
        m_state.lease = TeamSyncState::Lease::Unknown;
        announce();
        m_timer->start(m_setup.pollIntervalMs);
    }

    // Notifications for the Team view only: a reading login has no leads of its own at the server, so
    // nothing is read back into the journal.
    void listenForTheView(QSqlDatabase &db)
    {
        m_listener = std::make_unique<TeamListener>(db);
        connect(m_listener.get(), &TeamListener::leadChanged, this, [this] {
            if (m_viewTimer && !m_viewTimer->isActive())
                m_viewTimer->start();
        });
        // Not listening, the view would never follow: tried again at the next cycle, and the view reads
        // again at each one meanwhile.
        if (!m_listener->listen())
            m_listener.reset();
    }

    // Once per run: this workstation's order id node, claimed in the team database (TeamNodeClaim), so
    // that its ids never meet another workstation's. A failure other than the connection does not hold
    // up sharing: it is logged and tried again on the next cycle.
    bool claimNode(QSqlDatabase &db)
    {
        Journal journal;
        TeamNodeClaim claim(m_setup.workstationId);
        if (journal.open(m_setup.journalFilePath) && claim.claimFor(db, journal, m_setup.server.identity())) {
            m_nodeClaimed = true;
            return true;
        }
        const QString error = journal.isOpen() ? claim.errorString() : journal.errorString();
        if (claim.lastFailureWasConnection()) {
            m_connection->close();
            trouble(TeamSyncState::Phase::Unreachable, error);
            return false;
        }
        qCWarning(lcTeam) << "order id node not claimed:" << error;
        return true;
    }

    bool openFeed()
    {
        auto feed = std::make_unique<TeamChangeFeed>();
        if (!feed->open(m_setup.journalFilePath) ||
            !feed->share(m_setup.profileId, m_setup.server.identity())) {
            trouble(TeamSyncState::Phase::Refused, feed->errorString());
            return false;
        }
        m_feed = std::move(feed);
        m_state.cursor = m_feed->cursor(m_setup.profileId);
        return true;
    }

    void feedFailed()
    {
        const QString error = m_feed->errorString();
        m_feed.reset(); // reopened on the next cycle
        trouble(TeamSyncState::Phase::Refused, error);
    }

    void pushFailed()
    {
        // Whatever went wrong, the next cycle starts on a fresh connection.
        dropConnection();
        trouble(m_pusher.lastFailureWasConnection() ? TeamSyncState::Phase::Unreachable
                                                    : TeamSyncState::Phase::Refused,
                m_pusher.errorString());
    }

    void trouble(TeamSyncState::Phase phase, const QString &problem)
    {
        if (m_state.phase != TeamSyncState::Phase::Unreachable &&
            m_state.phase != TeamSyncState::Phase::Refused)
            m_state.troubleSince = QDateTime::currentDateTime();
        m_state.phase = phase;
        m_state.problem = problem;
        if (m_feed)
            m_state.waitingLeads = qMax(0, m_feed->waitingLeads(m_setup.profileId));
        announce();
        m_timer->start(m_retryMs);
        m_retryMs = qMin(m_retryMs * 2, m_setup.maxRetryMs);
    }

    void announce() { emit stateChanged(m_state); }

    // The lease and the listener belong to the session: a new connection takes the lease and listens anew.
    void dropConnection()
    {
        m_listener.reset();
        m_beacon.reset();
        m_lease.reset();
        m_state.lease = TeamSyncState::Lease::Unknown;
        m_schemaReady = false;
        m_loginKnown = false;
        m_registered = false;
        if (m_connection)
            m_connection->close();
    }

    // Every cycle: takes the lease when its holder is gone (the server released it), or checks that it
    // is still ours. This is also what notices a lost connection when there is nothing to push.
    // A workstation that does not want the lease (its automatic refresh is off, or the network refuses
    // its key) only checks that the connection still answers.
    bool refreshLease(QSqlDatabase &db)
    {
        if (!m_lease) {
            m_lease = std::make_unique<TeamRefreshLease>(db, m_setup.account);
            m_beacon = std::make_unique<TeamRoundBeacon>(db, m_setup.account);
            connect(m_beacon.get(), &TeamRoundBeacon::roundHeard, this, &TeamSyncWorker::teamRoundHeard);
            m_beacon->listen();
        }
        if (!m_leaseWanted) {
            m_lease->release();
            QSqlQuery alive(db);
            if (!alive.exec(QStringLiteral("SELECT 1"))) {
                const QString error = alive.lastError().text();
                dropConnection();
                trouble(TeamSyncState::Phase::Unreachable, error);
                return false;
            }
            m_state.lease = TeamSyncState::Lease::Declined;
            return true;
        }
        const bool held = m_lease->tryAcquire();
        if (!held && !m_lease->errorString().isEmpty()) {
            const QString error = m_lease->errorString();
            dropConnection();
            trouble(TeamSyncState::Phase::Unreachable, error);
            return false;
        }
        m_state.lease = held ? TeamSyncState::Lease::Here : TeamSyncState::Lease::Elsewhere;
        return true;
    }

    void startListening(QSqlDatabase &db)
    {
        m_listener = std::make_unique<TeamListener>(db);
        connect(m_listener.get(), &TeamListener::leadChanged, this, &TeamSyncWorker::onLeadChanged);
        if (!m_listener->listen())
            return; // the statuses still arrive: at the next (re)connection, all at once
        catchUp(db);
    }

    // What changed while nobody listened (this workstation off, or the connection lost): the outcomes
    // written at the server since the last complete read this journal kept (TeamCatchUpMark), or all
    // of them the first time. The read and its horizon come from one snapshot (REPEATABLE READ), so the
    // horizon says exactly what the read saw. catchUpRead() follows the statuses; the horizon is kept
    // only when TeamSession confirms they were merged (confirmCatchUp).
    void catchUp(QSqlDatabase &db)
    {
        if (!db.transaction()) {
            qCWarning(lcTeam) << "team statuses not read:" << db.lastError().text();
            return;
        }
        QSqlQuery query(db);
        query.setForwardOnly(true);
        bool ok = query.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")) &&
                  query.exec(QStringLiteral(
                      "SELECT txid_snapshot_xmin(txid_current_snapshot()),"
                      " txid_snapshot_xmax(txid_current_snapshot()),"
                      " (SELECT oid FROM pg_database WHERE datname = current_database())::text")) &&
                  query.next();
        CatchUp read;
        qint64 since = -1;
        if (ok) {
            read.horizon = query.value(0).toLongLong();
            const qint64 nextXid = query.value(1).toLongLong();
            // The oid: a database dropped and made again under the same name is another one.
            read.server = m_setup.server.identity() + QLatin1Char('#') + query.value(2).toString();
            since = openMarks() ? m_marks.watermark(m_setup.profileId, read.server, m_setup.account) : -1;
            // Beyond what the server ever handed out: another cluster under the same name (a restore).
            if (since > nextXid)
                since = -1;
            query.finish();
            query.prepare(QLatin1String(StatusColumns) +
                          QStringLiteral(" WHERE account = ? AND status_changed_at IS NOT NULL"
                                         " AND changed_xid >= ?"));
            query.addBindValue(m_setup.account);
            query.addBindValue(qMax<qint64>(since, 0));
            ok = query.exec();
        }
        int count = 0;
        if (ok)
            ok = readStatuses(query, &count);
        else
            qCWarning(lcTeam) << "team statuses not read:" << query.lastError().text();
        query.finish();
        db.commit(); // read only: nothing to lose
        if (!ok)
            return;
        qCInfo(lcTeam) << count << "team statuses read on catching up"
                       << (since < 0 ? "(all)" : "(since the last read)");
        m_state.caughtUpLeads = count;
        const quint64 ticket = ++m_lastCatchUp;
        m_unconfirmedCatchUps.emplace(ticket, read);
        emit catchUpRead(ticket);
    }

    bool openMarks()
    {
        if (!m_marksOpen)
            m_marksOpen = m_marks.open(m_setup.journalFilePath);
        return m_marksOpen;
    }

    void onLeadChanged(const QString &account, const QString &orderId)
    {
        if (m_viewTimer && !m_viewTimer->isActive())
            m_viewTimer->start();
        if (account != m_setup.account)
            return;
        m_changedIds.insert(orderId);
        if (m_pullTimer && !m_pullTimer->isActive())
            m_pullTimer->start();
    }

    void pullChanged()
    {
        if (m_changedIds.isEmpty() || !m_connection || !m_connection->isOpen())
            return; // read at the next connection's catch-up
        const QStringList ids(m_changedIds.cbegin(), m_changedIds.cend());
        m_changedIds.clear();
        QSqlQuery query(m_connection->database());
        query.setForwardOnly(true);
        // Our order ids are digits: a comma-separated list is one bound value, whatever its length.
        query.prepare(QLatin1String(StatusColumns) +
                      QStringLiteral(" WHERE account = ? AND status_changed_at IS NOT NULL"
                                     " AND order_id = ANY (string_to_array(?, ','))"));
        query.addBindValue(m_setup.account);
        query.addBindValue(ids.join(QLatin1Char(',')));
        if (!query.exec()) {
            qCWarning(lcTeam) << "team statuses not read:" << query.lastError().text();
            return; // the next connection's catch-up reads them
        }
        readStatuses(query);
    }

    bool readStatuses(QSqlQuery &query, int *count = nullptr)
    {
        QList<TeamLeadStatus> statuses;
        while (query.next()) {
            TeamLeadStatus status;
            status.row.ourOrderId = query.value(0).toString();
            status.row.networkOrderId = query.value(1).toString();
            status.row.stage = query.value(2).toString();
            status.row.status = query.value(3).toInt();
            status.row.reason = query.value(4).toInt();
            status.changedAtMs = query.value(5).toLongLong();
            status.row.statusText = query.value(6).toString();
            status.row.reasonText = query.value(7).toString();
            status.row.stageText = query.value(8).toString();
            status.row.comment = query.value(9).toString();
            statuses.append(status);
        }
        if (query.lastError().isValid()) {
            qCWarning(lcTeam) << "team statuses not read:" << query.lastError().text();
            return false;
        }
        if (!statuses.isEmpty())
            emit teamStatuses(statuses);
        if (count)
            *count = int(statuses.size());
        return true;
    }

    // Row-level security keeps an operator's login to its own workstations' rows: those are its leads.
    static constexpr const char *StatusColumns =
        "SELECT order_id, COALESCE(network_order_id, ''), stage, status, reason,"
        " round(extract(epoch FROM status_changed_at) * 1000)::bigint, status_text, reason_text, stage_text,"
        " comment FROM leads";

    TeamSyncSetup m_setup;
    TeamPusher m_pusher;
    std::unique_ptr<TeamChangeFeed> m_feed;
    std::unique_ptr<TeamConnection> m_connection;
    QTimer *m_timer = nullptr;
    QTimer *m_pullTimer = nullptr;
    QTimer *m_viewTimer = nullptr;
    std::unique_ptr<TeamRefreshLease> m_lease;
    std::unique_ptr<TeamListener> m_listener;
    std::unique_ptr<TeamRoundBeacon> m_beacon;
    QSet<QString> m_changedIds; // notified, not yet read
    struct CatchUp
    {
        QString server;     // which team database it read (TeamCatchUpMark's `server`)
        qint64 horizon = 0; // its snapshot's xmin: every change it did not see has an id at least this
    };
    TeamCatchUpMark m_marks;
    bool m_marksOpen = false;
    std::map<quint64, CatchUp> m_unconfirmedCatchUps; // read, their statuses not yet merged
    quint64 m_lastCatchUp = 0;
    TeamSyncState m_state;
    int m_retryMs;
    bool m_schemaReady = false;
    bool m_loginKnown = false; // m_readOnly was read on this connection
    bool m_readOnly = false;   // the login is not an operator's: readingCycle()
    bool m_registered = false;
    bool m_nodeClaimed = false;
    bool m_leaseWanted = true;
    QElapsedTimer m_lastAnnounced; // when this holder last said that it refreshes
};

TeamSync::TeamSync(const TeamSyncSetup &setup, QObject *parent)
    : QObject(parent), m_thread(new QThread(this)), m_worker(new TeamSyncWorker(setup))
{
    qRegisterMetaType<TeamSyncState>();
    qRegisterMetaType<QList<TeamLeadStatus>>();
    qRegisterMetaType<QList<StatusRow>>();
    m_thread->setObjectName(QStringLiteral("TeamSync"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TeamSyncWorker::stateChanged, this, [this](const TeamSyncState &state) {
        m_state = state;
        emit stateChanged(state);
    });
    connect(m_worker, &TeamSyncWorker::openTeamOrderIdsRead, this, &TeamSync::openTeamOrderIds);
    connect(m_worker, &TeamSyncWorker::teamStatuses, this, &TeamSync::teamStatuses);
    connect(m_worker, &TeamSyncWorker::teamLeadsChanged, this, &TeamSync::teamLeadsChanged);
    connect(m_worker, &TeamSyncWorker::catchUpRead, this, &TeamSync::catchUpRead);
    connect(m_worker, &TeamSyncWorker::teamRoundHeard, this, &TeamSync::teamRoundHeard);
}

TeamSync::~TeamSync()
{
    if (m_thread->isRunning()) {
        QMetaObject::invokeMethod(m_worker, &TeamSyncWorker::finish, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    } else {
        delete m_worker;
    }
}

void TeamSync::start()
{
    if (m_thread->isRunning())
        return;
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &TeamSyncWorker::begin, Qt::QueuedConnection);
}

quint64 TeamSync::requestOpenTeamOrderIds()
{
    const quint64 ticket = ++m_lastTicket;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ticket] { worker->openTeamOrderIds(ticket); }, Qt::QueuedConnection);
    return ticket;
}

void TeamSync::recordTeamStatuses(const QList<StatusRow> &rows, qint64 nowMs)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, rows, nowMs] { worker->recordStatuses(rows, nowMs); },
        Qt::QueuedConnection);
}

void TeamSync::confirmCatchUp(quint64 ticket)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ticket] { worker->confirmCatchUp(ticket); }, Qt::QueuedConnection);
}

quint64 TeamSync::requestCoveredOrderIds()
{
    const quint64 ticket = ++m_lastTicket;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ticket] { worker->coveredOrderIds(ticket); }, Qt::QueuedConnection);
    return ticket;
}

void TeamSync::announceTeamRound()
{
    QMetaObject::invokeMethod(m_worker, &TeamSyncWorker::announceRound, Qt::QueuedConnection);
}

void TeamSync::setLeaseWanted(bool wanted)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, wanted] { worker->setLeaseWanted(wanted); }, Qt::QueuedConnection);
}

void TeamSync::nudge()
{
    QMetaObject::invokeMethod(m_worker, &TeamSyncWorker::nudge, Qt::QueuedConnection);
}

#include "TeamSync.moc"

#include "TeamSync.h"

#include "TeamChangeFeed.h"
#include "TeamConnection.h"
#include "TeamLog.h"
#include "TeamNodeClaim.h"
#include "TeamPusher.h"
#include "TeamSchema.h"
#include "journal/Journal.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

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
        cycle();
    }

    void finish()
    {
        delete m_timer;
        m_timer = nullptr;
        m_connection.reset();
        m_feed.reset();
    }

    void nudge()
    {
        // During a wait after a failure, a nudge does not hurry a retry.
        if (m_timer && m_state.phase == TeamSyncState::Phase::Sharing)
            m_timer->start(0);
    }

signals:
    void stateChanged(const TeamSyncState &state);

private:
    void cycle()
    {
        if (!m_feed && !openFeed())
            return;
        if (!m_connection)
            m_connection = std::make_unique<TeamConnection>(m_setup.server);
        if (!m_connection->isOpen()) {
            m_schemaReady = false;
            m_registered = false;
            if (!m_connection->open())
                return trouble(TeamSyncState::Phase::Unreachable, m_connection->errorString());
        }
        QSqlDatabase db = m_connection->database();
        if (!m_schemaReady) {
            const TeamSchema::Result schema = TeamSchema::prepare(db);
            if (schema.outcome != TeamSchema::Outcome::Ready) {
                m_connection->close();
                return trouble(db.isOpen() ? TeamSyncState::Phase::Refused
                                           : TeamSyncState::Phase::Unreachable,
                               schema.message);
            }
            m_schemaReady = true;
        }
        if (!m_registered) {
            if (!m_pusher.registerWorkstation(db))
                return pushFailed();
            m_registered = true;
        }
        if (!m_nodeClaimed && !claimNode(db))
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
        m_connection->close();
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

    TeamSyncSetup m_setup;
    TeamPusher m_pusher;
    std::unique_ptr<TeamChangeFeed> m_feed;
    std::unique_ptr<TeamConnection> m_connection;
    QTimer *m_timer = nullptr;
    TeamSyncState m_state;
    int m_retryMs;
    bool m_schemaReady = false;
    bool m_registered = false;
    bool m_nodeClaimed = false;
};

TeamSync::TeamSync(const TeamSyncSetup &setup, QObject *parent)
    : QObject(parent), m_thread(new QThread(this)), m_worker(new TeamSyncWorker(setup))
{
    qRegisterMetaType<TeamSyncState>();
    m_thread->setObjectName(QStringLiteral("TeamSync"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TeamSyncWorker::stateChanged, this, [this](const TeamSyncState &state) {
        m_state = state;
        emit stateChanged(state);
    });
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

void TeamSync::nudge()
{
    QMetaObject::invokeMethod(m_worker, &TeamSyncWorker::nudge, Qt::QueuedConnection);
}

#include "TeamSync.moc"

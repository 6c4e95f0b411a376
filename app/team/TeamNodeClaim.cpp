#include "TeamNodeClaim.h"

#include "TeamLog.h"
#include "journal/Clock.h"
#include "journal/Journal.h"
#include "journal/OrderIdGenerator.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
constexpr int nodeCount = 1 << OrderIdGenerator::NodeBits;
}

const QString TeamNodeClaim::ClaimedAtKey = QStringLiteral("order_ids.node_claimed_in");

TeamNodeClaim::TeamNodeClaim(const QString &workstationId) : m_workstationId(workstationId) {}

void TeamNodeClaim::failed(QSqlDatabase &db, const QSqlError &error)
{
    m_error = error.text();
    m_connectionLost = !db.isOpen() || error.type() == QSqlError::ConnectionError;
}

int TeamNodeClaim::claimedNode(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT node FROM order_id_nodes WHERE workstation_id = ?"));
    query.addBindValue(m_workstationId);
    if (!query.exec()) {
        failed(db, query.lastError());
        return -2;
    }
    return query.next() ? query.value(0).toInt() : -1;
}

bool TeamNodeClaim::tryInsert(QSqlDatabase &db, int node, bool *inserted)
{
    QSqlQuery query(db);
    // Any conflict, on the node or on our own earlier claim, inserts nothing; the caller looks again.
    query.prepare(QStringLiteral("INSERT INTO order_id_nodes (node, workstation_id) VALUES (?, ?)"
                                 " ON CONFLICT DO NOTHING"));
    query.addBindValue(node);
    query.addBindValue(m_workstationId);
    if (!query.exec()) {
        failed(db, query.lastError());
        return false;
    }
    *inserted = query.numRowsAffected() == 1;
    return true;
}

int TeamNodeClaim::claim(QSqlDatabase &db, int preferred)
{
    m_error.clear();
    m_connectionLost = false;
    int candidate = preferred >= 0 && preferred < nodeCount
                        ? preferred
                        : int(QRandomGenerator::system()->bounded(nodeCount));
    for (int attempt = 0; attempt <= MaxAttempts; ++attempt) {
        // Ours already (an earlier run, or another process of this workstation at the same moment)?
        const int held = claimedNode(db);
        if (held >= 0)
            return held;
        if (held == -2)
            return -1;
        bool inserted = false;
        if (!tryInsert(db, candidate, &inserted))
            return -1;
        if (inserted) {
            qCInfo(lcTeam) << "order id node" << candidate << "claimed"
                           << (candidate == preferred ? "(the journal's own)" : "(the journal's was taken)");
            return candidate;
        }
        candidate = int(QRandomGenerator::system()->bounded(nodeCount));
    }
    m_error = QCoreApplication::translate("TeamNodeClaim",
                                          "No free workstation number for order ids in the team database.");
    return -1;
}

bool TeamNodeClaim::claimFor(QSqlDatabase &db, Journal &journal, const QString &serverIdentity)
{
    OrderIdGenerator generator(&journal, SystemClock::instance());
    const int current = generator.nodeId();
    if (!generator.errorString().isEmpty()) {
        m_error = generator.errorString();
        return false;
    }
    const int node = claim(db, current);
    if (node < 0)
        return false;
    const QString claimedIn = journal.metaValue(ClaimedAtKey);
    if (node != current) {
        if (!claimedIn.isEmpty() && claimedIn != serverIdentity) {
            qCWarning(lcTeam) << "order id node" << current << "was claimed in another team database: kept,"
                              << "though this one gave" << node;
            return true;
        }
        if (!generator.setNodeId(node)) {
            m_error = generator.errorString();
            return false;
        }
    }
    if (claimedIn.isEmpty() || node != current)
        journal.compareAndSetMeta(ClaimedAtKey, claimedIn, serverIdentity);
    return true;
}

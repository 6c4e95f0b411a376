#pragma once

#include <QString>

class Journal;
class QSqlDatabase;
class QSqlError;

// Makes this workstation's order ids unique within the team (issue 24). OrderIdGenerator puts an 11-bit
// node into every id, drawn at random when the journal is made; two workstations of one account that
// drew the same node could issue the same id in the same second (1 in 2048 per pair: about one
// call-centre in five with 30 seats), and the network would refuse the second lead, or worse, the
// outbox would take the other workstation's order for its own. Here the workstation claims its node in
// the team database (TeamSchema step 4: the node is the primary key of order_id_nodes), so only one
// workstation of the team can hold it, and the journal keeps the claimed node.
//
// The node the journal already uses is tried first, so a workstation keeps the node its earlier ids
// carry whenever it can; if another workstation holds it, free nodes are drawn at random until an
// insert succeeds. A claim is never freed: its node's ids may still be on the network.
//
// Uniqueness holds from the moment both workstations have claimed; ids issued before a workstation's
// first claim (while its team server was never reached) still rest on the random draw. A journal whose
// node was claimed in one team database keeps it when another database (a second profile's team) would
// give it a different one: the first team's guarantee stands, the second's rests on the draw (logged).
class TeamNodeClaim
{
public:
    explicit TeamNodeClaim(const QString &workstationId);

    // This workstation's node at the server: its earlier claim, else `preferred` if free, else a free
    // one drawn at random. -1 when the server did not answer or no free node was found (errorString()).
    int claim(QSqlDatabase &db, int preferred);
    // claim() for the journal's current node; the journal then keeps the claimed node, and remembers
    // that it was claimed in `serverIdentity`. Generators already running on the journal take a new
    // node up from their next second (OrderIdGenerator::next()).
    bool claimFor(QSqlDatabase &db, Journal &journal, const QString &serverIdentity);

    QString errorString() const { return m_error; }
    bool lastFailureWasConnection() const { return m_connectionLost; }

    static constexpr int MaxAttempts = 64; // random draws after the preferred node was taken
    static const QString ClaimedAtKey;     // journal meta: the team database the node was claimed in

private:
    int claimedNode(QSqlDatabase &db);
    bool tryInsert(QSqlDatabase &db, int node, bool *inserted);
    void failed(QSqlDatabase &db, const QSqlError &error);

    QString m_workstationId;
    QString m_error;
    bool m_connectionLost = false;
};

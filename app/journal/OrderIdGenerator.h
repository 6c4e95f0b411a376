#pragma once

#include <QString>

class Clock;
class Journal;

// Makes our order ids: digits only, below 2^53 (safe in any JSON number or double), increasing within
// a process, never reused (not after a restart, not after the clock steps back), and unique across
// workstations that share one account without talking to each other.
//
// An id is  second << 21 | node << 10 | sequence:
//   second    seconds since 2024-01-01 UTC (32 bits: good until 2160), a logical clock that never
//             goes back and may run ahead of the wall clock during a burst;
//   node      11 bits, kept in the journal: the workstation's number among those of the account;
//   sequence  10 bits; each second starts at a random point in its lower half.
// Each second is claimed in the journal (compare-and-set of a high-water mark) before any id of it is
// handed out, so a restarted process, or a second process on the same journal, never reuses one: within
// one journal the second alone makes an id unique, whatever the node.
//
// Across workstations of one account (issue 24), the node does it:
//  - With a team server, the node is claimed in the team database (TeamNodeClaim: primary key
//    (account, node)), so no two workstations of the team hold the same one and their ids never meet.
//    The journal's node is tried first; if another workstation holds it, the claim draws a free one and
//    writes it here with setNodeId(). Every generator re-reads the node at each new second, so one
//    already running takes up a claim made on another connection without a restart.
//  - Without one, or before the first claim, the node is drawn at random when the journal is made: two
//    workstations share it with probability 1 in 2048 (about one call-centre in five with 30 seats
//    and no team server), and then collide only in a second in which both send with overlapping
//    sequences (about 1 in 500 such seconds). No network answer can undo that safely: a "duplicate"
//    for an id we never sent before may still be our own request replayed by a proxy, and list.json
//    tells neither the phone nor the offer of the order it finds, so the outbox cannot know whether to
//    re-issue the id without risking a second order for the customer. Workstations that share an
//    account without a team server can assign distinct nodes by hand (setNodeId()).
class OrderIdGenerator
{
public:
    static constexpr quint64 Limit = quint64(1) << 53;
    static constexpr int SequenceBits = 10;
    static constexpr int NodeBits = 11;
    static constexpr qint64 EpochSeconds = 1704067200; // 2024-01-01T00:00:00Z

    OrderIdGenerator(Journal *journal, const Clock *clock);

    // The next id as text, or an empty string when the journal could not record the claim (then
    // errorString() says why; no id may be used without its claim on disk).
    QString next();
    QString errorString() const { return m_error; }

    int nodeId();             // as the journal holds it now
    bool setNodeId(int node); // 0 .. 2^NodeBits - 1, stored in the journal

private:
    bool load();
    bool readNode(const QString &nodeText);
    bool claimSecond(qint64 second);

    Journal *m_journal;
    const Clock *m_clock;
    QString m_error;
    bool m_loaded = false;
    int m_node = 0;
    qint64 m_second = -1;  // the second ids are being issued from (claimed)
    int m_sequence = 0;    // the last sequence issued in m_second
    QString m_claimedText; // the high-water mark as stored, for the next compare-and-set
};

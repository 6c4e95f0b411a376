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
//   node      11 bits drawn at random when the journal is created and kept in it: two workstations
//             collide only if they drew the same node (1 in 2048) AND issue ids in the same second
//             with overlapping sequences. Teams that want certainty assign nodes (setNodeId());
//   sequence  10 bits; each second starts at a random point in its lower half, which makes even a
//             shared node unlikely to collide (about 1 in 500 per second in which both send).
// Each second is claimed in the journal (compare-and-set of a high-water mark) before any id of it is
// handed out, so a restarted process, or a second process on the same journal, never reuses one.
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

    int nodeId();
    bool setNodeId(int node); // 0 .. 2^NodeBits - 1, stored in the journal

private:
    bool load();
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

#pragma once

#include "AnalyticsFigures.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QVector>

struct JournalRow;

// The figures of the Analytics screen computed from leads in memory, in one pass over the rows.
// Pure and thread-free: the local source runs it on a worker thread over a snapshot of the rows.
class AnalyticsCalculator
{
public:
    // `firstApprovedMs`: per lead key, when its history first shows the stage "approve" (ms since
    // the epoch). A lead approved without such a history row counts from its last change.
    static AnalyticsFigures compute(const QVector<JournalRow> &rows,
                                    const QHash<QString, qint64> &firstApprovedMs,
                                    const AnalyticsQuery &query);

    // What follows the counting, whoever counted (these leads in memory, or PostgreSQL for the team):
    // each group gets the filter of exactly its leads, the groups their order on screen, and the
    // cohorts (days with leads, oldest first) whether they are old enough to judge.
    static void finish(AnalyticsFigures &figures);

    // The first day of the day, week (Monday, ISO 8601) or month that `day` falls in.
    static QDate periodStartOf(const QDate &day, AnalyticsBreakdown breakdown);

    // Local calendar days of creation times. QDateTime's conversion to local time costs about a
    // microsecond a call; 100,000 of them would take a third of the time budget, so the day starts of
    // the range are computed once and each time is placed by binary search (daylight saving days
    // included). The team source binds the same starts to PostgreSQL, so both place a lead alike.
    class DayIndex
    {
    public:
        DayIndex(qint64 firstMs, qint64 lastMs);
        int dayOf(qint64 ms) const; // days after the first
        QDate date(int day) const { return m_first.addDays(day); }
        int dayCount() const { return int(m_starts.size()); }
        // Where each day begins (ms since the epoch), the day after the last included.
        const QVector<qint64> &starts() const { return m_starts; }

    private:
        QDate m_first;
        QVector<qint64> m_starts;
    };
};

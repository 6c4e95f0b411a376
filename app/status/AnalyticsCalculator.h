#pragma once

#include "AnalyticsFigures.h"

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
};

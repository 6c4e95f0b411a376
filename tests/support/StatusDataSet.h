#pragma once

#include <QString>
#include <QVector>

class Journal;

// A small, fully known set of leads in every state the status table must show, for the table, filter,
// figures and export tests. Counts (11 reported by the network, 1 still queued):
//   approve 4 (one Completed, one Return, one with a status this version does not know)
//   cancel 2 (one with an unknown reason), trash 2, wait 1, hold 1, an unknown stage word 1
//   -> approval 4/11, approval without trash 4/9, trash 2/11, buyout 1/2.
struct StatusDataSetLead
{
    QString orderId;
    QString networkOrderId; // empty: never sent
    QString offer;
    QString wm;
    QString name;
    QString phone;
    QString country;
    int day = 0; // created on 2024-03-01 12:00 local time + day
    QString stage;
    int status = 0;
    int reason = 0;
    int count = -1;
    QString comment;
};

namespace StatusDataSet {

QVector<StatusDataSetLead> leads();
qint64 createdMs(int day);
// Writes the set into the journal for `profileId`; every reported lead first passes through
// "wait / New" so it has a history. Returns false (with a QWARN) on any failure.
bool fill(Journal &journal, const QString &profileId);
// `count` generated leads with varied offers, countries, stages and dates (deterministic).
bool fillGenerated(Journal &journal, const QString &profileId, int count);

} // namespace StatusDataSet

#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

// One state of a lead's life: from `at` seconds after the lead was stored (on the sandbox clock).
struct SandboxLeadStep
{
    qint64 at = 0;
    QString stage;   // wait|hold|approve|cancel|trash
    int status = 1;  // 1..12
    int reason = 0;  // cancellations only
    QString comment; // what the call centre noted, sometimes
};

// The life a lead lives on the network, drawn once from a seed so that a run can be repeated exactly:
// New -> Processing -> (Callback) -> (Hold) -> approved (Packing -> Sending -> Transfer -> Arrived ->
// Completed or Return) or cancelled with a reason (trash reasons land in stage `trash`). Rates follow
// cash-on-delivery offers: about a third approved, a fifth trash, the rest cancelled.
namespace SandboxLifecycle {

// A lead's own seed: the run's seed mixed with our order id, so that a lead's fate does not depend on
// the order in which concurrent requests arrived.
quint32 lifeSeed(quint32 runSeed, const QString &ourOrderId);

QList<SandboxLeadStep> plan(quint32 lifeSeed);

// The step in force `age` seconds after the lead was stored (the first one for a negative age).
const SandboxLeadStep &stepAt(const QList<SandboxLeadStep> &plan, qint64 age);

// The real service sends some leads' numbers as strings; which ones follows from the lead's seed.
bool sendsNumbersAsStrings(quint32 lifeSeed);

bool isTrashReason(int reason);
QString stageForStatus(int status, int reason); // the stage the network reports for a status

} // namespace SandboxLifecycle

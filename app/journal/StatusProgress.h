#pragma once

#include <QString>

// The order in which a lead's outcome may move, so that a stale list.json reply never undoes a decision.
//
// Final (nothing more will happen to the lead): stage "cancel" or "trash", or status 5 Cancelled,
// 10 Completed, 11 Return, 12 Deleted. An approved lead on its way to the customer (statuses 6-9) is
// not final: its delivery outcome (completed or return) is still to come.
//
// Progress ranks, lowest first:
//   0  New (1)
//   1  Processing (2), Callback (3), Hold (4)  - an operator's work: moves back and forth freely
//   2  Packing (6)   3 Sending (7)   4 Transfer (8)   5 Arrived (9)  - delivery only moves on
//   9  Cancelled (5), Completed (10), Return (11), Deleted (12)     - final
// When either status is one this version does not know (0 = absent, or > 12), the stages are compared
// instead: wait = hold 1, approve 2, cancel/trash 9; an unknown stage word has no rank.
namespace StatusProgress {

constexpr int FinalRank = 9;
constexpr int NoRank = -1;

bool isFinalStage(const QString &stage);
bool isFinalStatus(int status);
bool isFinal(const QString &stage, int status);

int rank(const QString &stage, int status);

// Whether an incoming (stage, status) may replace the current one:
//  - once final, only another final outcome replaces it (the network correcting itself);
//  - otherwise the incoming rank must not be lower than the current one (statuses compared when both
//    are known, else stages);
//  - when a stage word is unknown it is accepted unless the current state is final, so new values
//    stay visible instead of vanishing.
bool mayReplace(const QString &currentStage, int currentStatus, const QString &incomingStage,
                int incomingStatus);

} // namespace StatusProgress

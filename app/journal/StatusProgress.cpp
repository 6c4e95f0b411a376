#include "StatusProgress.h"

namespace {
int statusRank(int status)
{
    switch (status) {
    case 1:
        return 0;
    case 2:
    case 3:
    case 4:
        return 1;
    case 6:
        return 2;
    case 7:
        return 3;
    case 8:
        return 4;
    case 9:
        return 5;
    case 5:
    case 10:
    case 11:
    case 12:
        return StatusProgress::FinalRank;
    default:
        return StatusProgress::NoRank;
    }
}

int stageRank(const QString &stage)
{
    // "wait" holds New as well as Processing and Callback, which move to and from "hold" freely.
    if (stage == QLatin1String("wait") || stage == QLatin1String("hold"))
        return 1;
    if (stage == QLatin1String("approve"))
        return 2;
    if (StatusProgress::isFinalStage(stage))
        return StatusProgress::FinalRank;
    return StatusProgress::NoRank;
}
} // namespace

bool StatusProgress::isFinalStage(const QString &stage)
{
    return stage == QLatin1String("cancel") || stage == QLatin1String("trash");
}

bool StatusProgress::isFinalStatus(int status)
{
    return status == 5 || status == 10 || status == 11 || status == 12;
}

bool StatusProgress::isFinal(const QString &stage, int status)
{
    return isFinalStage(stage) || isFinalStatus(status);
}

int StatusProgress::rank(const QString &stage, int status)
{
    if (isFinal(stage, status))
        return FinalRank;
    const int byStatus = statusRank(status);
    return byStatus != NoRank ? byStatus : stageRank(stage);
}

bool StatusProgress::mayReplace(const QString &currentStage, int currentStatus, const QString &incomingStage,
                                int incomingStatus)
{
    if (isFinal(currentStage, currentStatus))
        return isFinal(incomingStage, incomingStatus);
    if (isFinal(incomingStage, incomingStatus))
        return true;
    const int currentByStatus = statusRank(currentStatus);
    const int incomingByStatus = statusRank(incomingStatus);
    if (currentByStatus != NoRank && incomingByStatus != NoRank)
        return incomingByStatus >= currentByStatus;
    // A status code this version does not know (or none): the stages are all there is to compare.
    const int currentByStage = stageRank(currentStage);
    const int incomingByStage = stageRank(incomingStage);
    if (currentByStage == NoRank || incomingByStage == NoRank)
        return true;
    return incomingByStage >= currentByStage;
}

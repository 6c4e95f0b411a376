#include "StatusCatalog.h"

#include <array>

namespace {

// Indexed by code - 1. Kept in one table each so that translators see every word together.
constexpr std::array<const char *, StatusCatalog::LastKnownStatus> statusWords = {
    QT_TRANSLATE_NOOP("StatusCatalog", "New"),       QT_TRANSLATE_NOOP("StatusCatalog", "Processing"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Callback"),  QT_TRANSLATE_NOOP("StatusCatalog", "Hold"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Cancelled"), QT_TRANSLATE_NOOP("StatusCatalog", "Packing"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Sending"),   QT_TRANSLATE_NOOP("StatusCatalog", "Transfer"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Arrived"),   QT_TRANSLATE_NOOP("StatusCatalog", "Completed"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Return"),    QT_TRANSLATE_NOOP("StatusCatalog", "Deleted"),
};

constexpr std::array<const char *, StatusCatalog::LastKnownReason> reasonWords = {
    QT_TRANSLATE_NOOP("StatusCatalog", "Incorrect phone"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Changed their mind"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Did not order"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Requires a certificate"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Wrong country"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Errors or fakes"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Duplicate order"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Ordered elsewhere"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Too expensive"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Not satisfied with delivery"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Could not get through"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Possibly fraud"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Speaks a different language"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Product did not fit"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Offer disabled"),
};

// The reasons the API documents as trash (cancelled as worthless traffic rather than for a customer's
// ordinary reason).
constexpr std::array<bool, StatusCatalog::LastKnownReason> trashReasons = {
    true, false, true, false, true, true, true, true, false, false, true, true, true, true, false,
};

constexpr std::array<const char *, StatusCatalog::KnownStageCount> stageCodes = {
    "wait", "hold", "approve", "cancel", "trash",
};

constexpr std::array<const char *, StatusCatalog::KnownStageCount> stageWords = {
    QT_TRANSLATE_NOOP("StatusCatalog", "Waiting"),  QT_TRANSLATE_NOOP("StatusCatalog", "On hold"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Approved"), QT_TRANSLATE_NOOP("StatusCatalog", "Cancelled"),
    QT_TRANSLATE_NOOP("StatusCatalog", "Trash"),
};

// The stage of each status (indexed by code - 1) for answers that carry no stage (older engine builds,
// docs/API.md point 11). This is the only place that maps a status to a stage; it follows the engine's
// own grouping of its statuses:
//   1 New, 2 Processing, 3 Callback        -> wait
//   4 Hold                                 -> hold
//   5 Cancelled                            -> cancel, or trash when the reason is a trash reason
//   6 Packing ... 10 Completed, 11 Return  -> approve (the lead was approved; what followed is delivery)
//   12 Deleted                             -> trash
// A status above 12 derives nothing: the lead keeps its stage and the engine's words show what it is.
constexpr std::array<StatusCatalog::Stage, StatusCatalog::LastKnownStatus> derivedStages = {
    StatusCatalog::Stage::Wait,    StatusCatalog::Stage::Wait,    StatusCatalog::Stage::Wait,
    StatusCatalog::Stage::Hold,    StatusCatalog::Stage::Cancel,  StatusCatalog::Stage::Approve,
    StatusCatalog::Stage::Approve, StatusCatalog::Stage::Approve, StatusCatalog::Stage::Approve,
    StatusCatalog::Stage::Approve, StatusCatalog::Stage::Approve, StatusCatalog::Stage::Trash,
};

} // namespace

StatusCatalog::Stage StatusCatalog::stageOf(const QString &stageCode)
{
    if (stageCode.isEmpty())
        return Stage::None;
    for (int i = 0; i < KnownStageCount; ++i) {
        if (stageCode.compare(QLatin1String(stageCodes[i]), Qt::CaseInsensitive) == 0)
            return Stage(i);
    }
    return Stage::Other;
}

QString StatusCatalog::stageCode(Stage stage)
{
    const int index = int(stage);
    if (index < 0 || index >= KnownStageCount)
        return QString();
    return QLatin1String(stageCodes[index]);
}

QStringList StatusCatalog::knownStageCodes()
{
    QStringList codes;
    for (const char *code : stageCodes)
        codes.append(QLatin1String(code));
    return codes;
}

QString StatusCatalog::stageName(const QString &stageCode)
{
    const Stage stage = stageOf(stageCode);
    if (stage == Stage::Other)
        return stageCode; // a stage word the network added later: shown as it came
    return stageName(stage);
}

QString StatusCatalog::stageName(Stage stage)
{
    const int index = int(stage);
    if (index < 0 || index >= KnownStageCount)
        return QString();
    return QCoreApplication::translate("StatusCatalog", stageWords[index]);
}

QString StatusCatalog::statusName(int status)
{
    if (status == 0)
        return QString();
    if (!isKnownStatus(status))
        return QCoreApplication::translate("StatusCatalog", "Status %1").arg(status);
    return QCoreApplication::translate("StatusCatalog", statusWords[status - 1]);
}

QString StatusCatalog::statusName(int status, const QString &engineText)
{
    if (!isKnownStatus(status) && !engineText.trimmed().isEmpty())
        return engineText.trimmed();
    return statusName(status);
}

QString StatusCatalog::reasonName(int reason, const QString &engineText)
{
    if (!isKnownReason(reason) && !engineText.trimmed().isEmpty())
        return engineText.trimmed();
    return reasonName(reason);
}

QString StatusCatalog::derivedStage(int status, int reason)
{
    if (!isKnownStatus(status))
        return QString();
    const Stage stage = derivedStages[status - 1];
    if (stage == Stage::Cancel && isTrashReason(reason))
        return stageCode(Stage::Trash);
    return stageCode(stage);
}

QString StatusCatalog::reasonName(int reason)
{
    if (reason == 0)
        return QString();
    if (!isKnownReason(reason))
        return QCoreApplication::translate("StatusCatalog", "Reason %1").arg(reason);
    return QCoreApplication::translate("StatusCatalog", reasonWords[reason - 1]);
}

QString StatusCatalog::reasonText(int reason)
{
    if (!isTrashReason(reason))
        return reasonName(reason);
    return QCoreApplication::translate("StatusCatalog", "%1 (trash)").arg(reasonName(reason));
}

QString StatusCatalog::reasonText(int reason, const QString &engineText)
{
    return isKnownReason(reason) ? reasonText(reason) : reasonName(reason, engineText);
}

bool StatusCatalog::isTrashReason(int reason)
{
    return isKnownReason(reason) && trashReasons[reason - 1];
}

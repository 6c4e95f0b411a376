#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The network's outcome codes in words: stage (wait|hold|approve|cancel|trash), extended status (1-12)
// and cancellation reason (1-15). Every word is translatable. A code or word this version does not
// know is shown as itself ("Status 17", "Reason 19", the raw stage word) so that it never vanishes.
class StatusCatalog
{
    Q_DECLARE_TR_FUNCTIONS(StatusCatalog)

public:
    // The stages the API documents, in the order a lead moves through them; Other for a word this
    // version does not know, None when the network has not reported on the lead yet.
    enum class Stage
    {
        Wait,
        Hold,
        Approve,
        Cancel,
        Trash,
        Other,
        None
    };

    static constexpr int KnownStageCount = 5;
    static constexpr int LastKnownStatus = 12;
    static constexpr int LastKnownReason = 15;

    static Stage stageOf(const QString &stageCode);
    static QString stageCode(Stage stage); // "wait" ... "trash"; empty for Other and None
    static QStringList knownStageCodes();  // in pipeline order

    static QString stageName(const QString &stageCode); // "Approved"; the raw word if unknown
    static QString stageName(Stage stage);
    static QString statusName(int status); // "Packing"; "Status 17" if unknown; empty for 0
    // As statusName(), but a code this version does not know shows the engine's own words for it
    // (list.json "status_text") when it sent some: "Особый статус 17" rather than "Status 17".
    static QString statusName(int status, const QString &engineText);
    static QString reasonName(int reason); // "Incorrect phone"; "Reason 19" if unknown; empty for 0
    static QString reasonName(int reason, const QString &engineText); // as statusName(int, QString)
    // The reason with its trash mark when it has one: "Incorrect phone (trash)".
    static QString reasonText(int reason);
    // What a table's Reason cell says (the local table's and the team's alike): the trash mark for a
    // reason this version knows, the engine's own words (list.json "reason_text") for one it does not.
    static QString reasonText(int reason, const QString &engineText);
    static bool isTrashReason(int reason);

    // The stage an answer without one (older engine builds) stands for, from its status and reason:
    // the one table of it, `derivedStages` in StatusCatalog.cpp. Empty for a status this version does
    // not know (or 0): then nothing is derived and the lead keeps the stage it had. Only for rows
    // without a stage: a stage the engine sends always wins.
    static QString derivedStage(int status, int reason);

    static bool isKnownStatus(int status) { return status >= 1 && status <= LastKnownStatus; }
    static bool isKnownReason(int reason) { return reason >= 1 && reason <= LastKnownReason; }
};

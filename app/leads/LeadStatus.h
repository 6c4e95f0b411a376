#pragma once

#include <QString>

// What the network says of a lead's outcome (list.json) and the journal keeps of it: one definition
// for the answer (StatusRow), the journal's rows and entries, its history and its merges, which add
// their own fields around it.
struct LeadStatus
{
    QString stage;  // wait|hold|approve|cancel|trash, or whatever new word the network sends; empty: none yet
    int status = 0; // 1..12, or a newer code; 0 when absent
    int reason = 0; // 1..15 or install-specific; 0 when absent
    int count = -1; // goods count; -1 when absent
    QString comment;
    // Older engine builds send no stage: it was derived from the status (StatusCatalog::derivedStage).
    // A stage the engine sends is never marked so.
    bool stageDerived = false;
    // The engine's own words for its codes (list.json "status_text", "reason_text", "stage_text"), in
    // the network's language; empty when it sent none. Shown beside ours, and instead of "Status 17"
    // for a code this version does not know.
    QString statusText;
    QString reasonText;
    QString stageText;

    bool operator==(const LeadStatus &other) const;
    bool operator!=(const LeadStatus &other) const;
};

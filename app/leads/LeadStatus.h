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

    bool operator==(const LeadStatus &other) const;
    bool operator!=(const LeadStatus &other) const;
};

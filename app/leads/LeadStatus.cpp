#include "LeadStatus.h"

bool LeadStatus::operator==(const LeadStatus &other) const
{
    return stage == other.stage && status == other.status && reason == other.reason && count == other.count &&
           comment == other.comment && stageDerived == other.stageDerived && statusText == other.statusText &&
           reasonText == other.reasonText && stageText == other.stageText;
}

bool LeadStatus::operator!=(const LeadStatus &other) const
{
    return !(*this == other);
}

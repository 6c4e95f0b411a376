#include "LeadStatus.h"

bool LeadStatus::operator==(const LeadStatus &other) const
{
    return stage == other.stage && status == other.status && reason == other.reason && count == other.count &&
           comment == other.comment;
}

bool LeadStatus::operator!=(const LeadStatus &other) const
{
    return !(*this == other);
}

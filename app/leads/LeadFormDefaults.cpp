#include "LeadFormDefaults.h"

#include "LeadFields.h"

QStringList LeadFormDefaults::standardStickyFields()
{
    return LeadFields::standardStickyNames();
}

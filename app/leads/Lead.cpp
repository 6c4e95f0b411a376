#include "Lead.h"

#include "LeadFields.h"

#include <algorithm>

bool Lead::operator==(const Lead &o) const
{
    const QList<LeadFieldDescriptor> &fields = LeadFields::all();
    return items == o.items && params == o.params &&
           std::all_of(fields.cbegin(), fields.cend(), [this, &o](const LeadFieldDescriptor &field) {
               return !field.member || this->*field.member == o.*field.member;
           });
}

#include "Lead.h"

bool Lead::operator==(const Lead &o) const
{
    return orderId == o.orderId && wm == o.wm && offer == o.offer && name == o.name && phone == o.phone &&
           email == o.email && country == o.country && ip == o.ip && ua == o.ua && us == o.us && uc == o.uc &&
           un == o.un && ut == o.ut && um == o.um && currency == o.currency && base == o.base &&
           count == o.count && discount == o.discount && more == o.more && index == o.index &&
           addr == o.addr && area == o.area && city == o.city && street == o.street && comm == o.comm &&
           item == o.item && items == o.items && params == o.params;
}

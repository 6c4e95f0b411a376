#include "LeadFormDefaults.h"

QStringList LeadFormDefaults::standardStickyFields()
{
    return {QStringLiteral("offer"),    QStringLiteral("wm"), QStringLiteral("country"),
            QStringLiteral("currency"), QStringLiteral("ip"), QStringLiteral("ua"),
            QStringLiteral("us"),       QStringLiteral("uc"), QStringLiteral("un"),
            QStringLiteral("ut"),       QStringLiteral("um")};
}

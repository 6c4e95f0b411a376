#include "LeadStatusText.h"

QString LeadStatusText::sendState(const QString &state)
{
    if (state == QLatin1String("queued"))
        return tr("waiting to be sent");
    if (state == QLatin1String("sending"))
        return tr("being sent");
    if (state == QLatin1String("sent"))
        return tr("sent");
    if (state == QLatin1String("rejected"))
        return tr("refused by the network");
    if (state == QLatin1String("unknown"))
        return tr("fate unknown, being checked");
    return state;
}

QString LeadStatusText::stage(const QString &stage)
{
    if (stage == QLatin1String("wait"))
        return tr("in processing");
    if (stage == QLatin1String("hold"))
        return tr("on hold");
    if (stage == QLatin1String("approve"))
        return tr("approved");
    if (stage == QLatin1String("cancel"))
        return tr("cancelled");
    if (stage == QLatin1String("trash"))
        return tr("trash");
    return stage;
}

QString LeadStatusText::status(int status)
{
    switch (status) {
    case 0:
        return QString();
    case 1:
        return tr("New");
    case 2:
        return tr("Processing");
    case 3:
        return tr("Callback");
    case 4:
        return tr("Hold");
    case 5:
        return tr("Cancelled");
    case 6:
        return tr("Packing");
    case 7:
        return tr("Sending");
    case 8:
        return tr("Transfer");
    case 9:
        return tr("Arrived");
    case 10:
        return tr("Completed");
    case 11:
        return tr("Return");
    case 12:
        return tr("Deleted");
    }
    return tr("status %1").arg(status);
}

#include "SendState.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace {
const std::array<std::pair<SendState, const char *>, 6> &words()
{
    static const std::array<std::pair<SendState, const char *>, 6> table{{
        {SendState::Queued, "queued"},
        {SendState::Sending, "sending"},
        {SendState::Sent, "sent"},
        {SendState::Rejected, "rejected"},
        {SendState::Unknown, "unknown"},
        {SendState::External, "external"},
    }};
    return table;
}
} // namespace

QString SendStates::toText(SendState state)
{
    for (const auto &[value, word] : words()) {
        if (value == state)
            return QLatin1String(word);
    }
    return QStringLiteral("unknown");
}

SendState SendStates::fromText(const QString &text, bool *ok)
{
    for (const auto &[value, word] : words()) {
        if (text == QLatin1String(word)) {
            if (ok)
                *ok = true;
            return value;
        }
    }
    if (ok)
        *ok = false;
    // A word this version does not know must not be taken for "sent": treat it as undecided.
    return SendState::Unknown;
}

QString SendStates::displayName(SendState state)
{
    switch (state) {
    case SendState::Queued:
        return QCoreApplication::translate("SendState", "Waiting to send");
    case SendState::Sending:
        return QCoreApplication::translate("SendState", "Sending");
    case SendState::Sent:
        return QCoreApplication::translate("SendState", "Sent");
    case SendState::Rejected:
        return QCoreApplication::translate("SendState", "Rejected");
    case SendState::Unknown:
        return QCoreApplication::translate("SendState", "Outcome unknown");
    case SendState::External:
        return QCoreApplication::translate("SendState", "Tracked");
    }
    return QString();
}

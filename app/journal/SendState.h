#pragma once

#include <QString>

// Where a lead stands on its way to the network.
//  Queued:   stored, waiting for its (next) attempt
//  Sending:  an attempt is in flight (found at start-up: the app died mid-request)
//  Sent:     the network accepted it (we know its network order id)
//  Rejected: the network said no (a service error other than a confirmed-safe duplicate)
//  Unknown:  we sent it and never heard back; looked up before any resend
//  External: tracked only: sent by another system, we know nothing but its order id
enum class SendState
{
    Queued,
    Sending,
    Sent,
    Rejected,
    Unknown,
    External
};

namespace SendStates {
QString toText(SendState state);                             // the word stored in the journal
SendState fromText(const QString &text, bool *ok = nullptr); // unknown words read as Unknown
QString displayName(SendState state);                        // translated, for the UI
} // namespace SendStates

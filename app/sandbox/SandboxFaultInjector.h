#pragma once

#include "Sandbox.h"

#include <QMutex>
#include <QRandomGenerator>

// Decides, request by request, whether the sandbox answers with a transport fault instead of the API's
// answer. Seeded, so a fault run can be repeated; thread-safe, so faults can be changed while it serves.
class SandboxFaultInjector
{
public:
    enum class Fault
    {
        None,
        Html502,
        Http500,
        Truncated,
        Reset,
        Delay,
        StoredThenDropped
    };

    SandboxFaultInjector(const SandboxFaults &faults, quint32 seed);

    void setFaults(const SandboxFaults &faults);
    SandboxFaults faults() const;

    // `storesLeads`: only add.json can store a lead and then drop the connection; for other calls that
    // share of requests is answered normally.
    Fault roll(bool storesLeads);

private:
    mutable QMutex m_mutex;
    SandboxFaults m_faults;
    QRandomGenerator m_random;
};

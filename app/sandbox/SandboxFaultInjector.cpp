#include "SandboxFaultInjector.h"

#include <QMutexLocker>

SandboxFaultInjector::SandboxFaultInjector(const SandboxFaults &faults, quint32 seed)
    : m_faults(faults),
      m_random(seed ^ 0x9e3779b9u) // not the lifecycle's stream: faults must not shift lead outcomes
{}

void SandboxFaultInjector::setFaults(const SandboxFaults &faults)
{
    QMutexLocker locker(&m_mutex);
    m_faults = faults;
}

SandboxFaults SandboxFaultInjector::faults() const
{
    QMutexLocker locker(&m_mutex);
    return m_faults;
}

SandboxFaultInjector::Fault SandboxFaultInjector::roll(bool storesLeads)
{
    QMutexLocker locker(&m_mutex);
    if (m_faults.total() <= 0)
        return Fault::None;
    double roll = m_random.generateDouble();
    const std::pair<double, Fault> shares[] = {
        {m_faults.html502, Fault::Html502},     {m_faults.http500, Fault::Http500},
        {m_faults.truncated, Fault::Truncated}, {m_faults.reset, Fault::Reset},
        {m_faults.delay, Fault::Delay},         {m_faults.storedThenDropped, Fault::StoredThenDropped},
    };
    for (const auto &[share, fault] : shares) {
        if (roll < share)
            return fault == Fault::StoredThenDropped && !storesLeads ? Fault::None : fault;
        roll -= share;
    }
    return Fault::None;
}

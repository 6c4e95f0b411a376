#include "SandboxRequestLog.h"

#include <QMutexLocker>

void SandboxRequestLog::append(SandboxRequest request)
{
    QMutexLocker locker(&m_mutex);
    // Drop the older half at once rather than one by one: appending stays cheap under load.
    if (m_requests.size() >= Capacity)
        m_requests.remove(0, Capacity / 2);
    m_requests.append(std::move(request));
}

QList<SandboxRequest> SandboxRequestLog::requests() const
{
    QMutexLocker locker(&m_mutex);
    return m_requests;
}

void SandboxRequestLog::clear()
{
    QMutexLocker locker(&m_mutex);
    m_requests.clear();
}

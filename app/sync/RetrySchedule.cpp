#include "RetrySchedule.h"

#include <cmath>

RetrySchedule::RetrySchedule() : m_random(QRandomGenerator::securelySeeded()) {}

RetrySchedule::RetrySchedule(const Policy &policy, quint32 seed) : m_policy(policy), m_random(seed) {}

qint64 RetrySchedule::baseDelayMs(int failures) const
{
    const int exponent = qBound(0, failures - 1, 60);
    const double delay = double(m_policy.firstDelayMs) * std::pow(m_policy.factor, exponent);
    return delay >= double(m_policy.maxDelayMs) ? m_policy.maxDelayMs : qint64(delay);
}

qint64 RetrySchedule::minDelayMs(int failures) const
{
    return qint64(std::floor(double(baseDelayMs(failures)) * (1.0 - m_policy.jitter)));
}

qint64 RetrySchedule::maxDelayMs(int failures) const
{
    return qint64(std::ceil(double(baseDelayMs(failures)) * (1.0 + m_policy.jitter)));
}

qint64 RetrySchedule::delayAfterFailure(int failures)
{
    const double spread = (m_random.generateDouble() * 2.0 - 1.0) * m_policy.jitter;
    return qMax<qint64>(0, qint64(double(baseDelayMs(failures)) * (1.0 + spread)));
}

#pragma once

#include <QRandomGenerator>

// When to try again after the n-th failure in a row: exponential backoff with jitter, capped, and no
// limit on the number of tries (a lead is never given up on by the machine).
//   delay(n) = min(maxDelay, firstDelay * factor^(n-1)) * uniform(1 - jitter, 1 + jitter)
// The jitter spreads the retries of many workstations after a shared outage.
class RetrySchedule
{
public:
    struct Policy
    {
        qint64 firstDelayMs = 10 * 1000;
        double factor = 2.0;
        qint64 maxDelayMs = 15 * 60 * 1000;
        double jitter = 0.2; // +-20 %
    };

    RetrySchedule();
    explicit RetrySchedule(const Policy &policy, quint32 seed);

    const Policy &policy() const { return m_policy; }
    qint64 baseDelayMs(int failures) const; // without jitter
    qint64 delayAfterFailure(int failures); // failures >= 1
    qint64 minDelayMs(int failures) const;  // the bounds the jitter keeps to
    qint64 maxDelayMs(int failures) const;

private:
    Policy m_policy;
    QRandomGenerator m_random;
};

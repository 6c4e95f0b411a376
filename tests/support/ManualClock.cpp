#include "ManualClock.h"

ManualClock::ManualClock(qint64 startMs, QObject *parent) : Clock(parent), m_nowMs(startMs) {}

qint64 ManualClock::nowMs() const
{
    return m_nowMs;
}

ClockTimer *ManualClock::createTimer(QObject *parent)
{
    auto *timer = new ManualClockTimer(this, parent);
    m_timers.append(timer);
    return timer;
}

void ManualClock::advance(qint64 ms)
{
    setNow(m_nowMs + ms);
}

void ManualClock::setNow(qint64 ms)
{
    m_nowMs = ms;
    fireDueTimers();
}

void ManualClock::fireDueTimers()
{
    // A timer fired here may restart itself or others: keep going until nothing is due.
    for (;;) {
        m_timers.removeAll(nullptr);
        ManualClockTimer *earliest = nullptr;
        for (const QPointer<ManualClockTimer> &timer : std::as_const(m_timers)) {
            if (timer && timer->m_active && timer->m_deadlineMs <= m_nowMs &&
                (!earliest || timer->m_deadlineMs < earliest->m_deadlineMs))
                earliest = timer;
        }
        if (!earliest)
            return;
        earliest->m_active = false;
        emit earliest->timeout();
    }
}

int ManualClock::activeTimerCount() const
{
    int count = 0;
    for (const QPointer<ManualClockTimer> &timer : m_timers) {
        if (timer && timer->isActive())
            ++count;
    }
    return count;
}

std::optional<qint64> ManualClock::nextDeadline() const
{
    std::optional<qint64> next;
    for (const QPointer<ManualClockTimer> &timer : m_timers) {
        if (timer && timer->isActive() && (!next || timer->deadline() < *next))
            next = timer->deadline();
    }
    return next;
}

ManualClockTimer::ManualClockTimer(ManualClock *clock, QObject *parent) : ClockTimer(parent), m_clock(clock)
{}

void ManualClockTimer::start(qint64 delayMs)
{
    m_deadlineMs = m_clock->nowMs() + qMax<qint64>(0, delayMs);
    m_active = true;
}

void ManualClockTimer::stop()
{
    m_active = false;
}

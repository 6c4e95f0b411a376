#pragma once

#include "journal/Clock.h"

#include <QList>
#include <QPointer>

#include <optional>

class ManualClockTimer;

// A clock that only moves when a test moves it. Timers fire (synchronously, in deadline order) from
// advance() and setNow(), so backoff schedules and intervals are tested without waiting.
class ManualClock : public Clock
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultStartMs = 1767225600000; // 2026-01-01T00:00:00Z

    explicit ManualClock(qint64 startMs = DefaultStartMs, QObject *parent = nullptr);

    qint64 nowMs() const override;
    ClockTimer *createTimer(QObject *parent) override;

    void advance(qint64 ms);
    void setNow(qint64 ms); // may step backwards, like a real clock being corrected

    int activeTimerCount() const;
    std::optional<qint64> nextDeadline() const;

private:
    friend class ManualClockTimer;
    void fireDueTimers();

    qint64 m_nowMs;
    QList<QPointer<ManualClockTimer>> m_timers;
};

class ManualClockTimer : public ClockTimer
{
    Q_OBJECT
public:
    ManualClockTimer(ManualClock *clock, QObject *parent);

    void start(qint64 delayMs) override;
    void stop() override;
    bool isActive() const override { return m_active; }
    qint64 deadline() const { return m_deadlineMs; }

private:
    friend class ManualClock;
    ManualClock *m_clock;
    qint64 m_deadlineMs = 0;
    bool m_active = false;
};

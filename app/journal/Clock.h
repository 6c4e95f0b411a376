#pragma once

#include <QDateTime>
#include <QObject>

class QTimer;

// A single-shot timer handed out by a Clock. Restarting replaces the earlier deadline.
class ClockTimer : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void start(qint64 delayMs) = 0;
    virtual void stop() = 0;
    virtual bool isActive() const = 0;

signals:
    void timeout();
};

// Where the journal, the id generator, the outbox and the poller learn the time and wait for it.
// Injected so that backoff schedules and auto-refresh can be tested without waiting for real time.
class Clock : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual qint64 nowMs() const = 0; // milliseconds since the Unix epoch, UTC
    virtual ClockTimer *createTimer(QObject *parent) = 0;

    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

// The real clock: wall time and QTimer.
class SystemClock : public Clock
{
    Q_OBJECT
public:
    using Clock::Clock;

    qint64 nowMs() const override;
    ClockTimer *createTimer(QObject *parent) override;

    // One process-wide instance for callers that are given no clock.
    static SystemClock *instance();
};

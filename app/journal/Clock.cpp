#include "Clock.h"

#include <QTimer>

namespace {

class SystemClockTimer : public ClockTimer
{
public:
    explicit SystemClockTimer(QObject *parent) : ClockTimer(parent), m_timer(new QTimer(this))
    {
        m_timer->setSingleShot(true);
        // Backoff delays reach minutes: a coarse timer saves wake-ups and is precise enough.
        m_timer->setTimerType(Qt::CoarseTimer);
        connect(m_timer, &QTimer::timeout, this, &ClockTimer::timeout);
    }

    void start(qint64 delayMs) override
    {
        // QTimer takes an int: clamp to a day, the caller re-arms when it fires early.
        constexpr qint64 maxDelayMs = 24LL * 60 * 60 * 1000;
        m_timer->start(int(qBound<qint64>(0, delayMs, maxDelayMs)));
    }
    void stop() override { m_timer->stop(); }
    bool isActive() const override { return m_timer->isActive(); }

private:
    QTimer *m_timer;
};

} // namespace

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

ClockTimer *SystemClock::createTimer(QObject *parent)
{
    return new SystemClockTimer(parent);
}

SystemClock *SystemClock::instance()
{
    static SystemClock clock;
    return &clock;
}

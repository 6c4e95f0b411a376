#pragma once

#include <QElapsedTimer>
#include <QObject>

// Prints "first-paint-ms N" once the window it filters has painted for the first time: N is the time
// from `sinceStart` to the end of that paint (reported a turn of the event loop after the paint event, so
// that the frame exists). The benchmark's start-up figure reads this line from cpadesk and from its bare
// window alike, so both are measured the same way.
class FirstPaintReporter : public QObject
{
public:
    explicit FirstPaintReporter(const QElapsedTimer &sinceStart, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QElapsedTimer m_sinceStart;
    bool m_reported = false;
};

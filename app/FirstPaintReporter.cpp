#include "FirstPaintReporter.h"

#include <QEvent>
#include <QTimer>

#include <cstdio>

FirstPaintReporter::FirstPaintReporter(const QElapsedTimer &sinceStart, QObject *parent)
    : QObject(parent), m_sinceStart(sinceStart)
{}

bool FirstPaintReporter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_reported) {
        m_reported = true;
        QTimer::singleShot(0, this, [this] {
            std::printf("first-paint-ms %lld\n", static_cast<long long>(m_sinceStart.elapsed()));
            std::fflush(stdout);
        });
    }
    return QObject::eventFilter(watched, event);
}

#pragma once

#include <QThreadPool>

#include <utility>

// Lets a pool thread free what a big value holds. The rows of a 100,000-line file are millions of
// small allocations: freeing them when the preview replaces them stalled the window for 442 ms on the
// shared 2-core machine (import.100k.dialog.stall), against a 50 ms target. Only for values whose
// parts are safe to release from another thread (Qt's implicitly shared containers and strings are).
template <typename T> void releaseInBackground(T &&value)
{
    QThreadPool::globalInstance()->start([held = std::forward<T>(value)]() mutable { held = {}; });
}

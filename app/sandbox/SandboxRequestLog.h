#pragma once

#include "Sandbox.h"

#include <QList>
#include <QMutex>

// What the sandbox received, for tests that assert on what a client sent. Bounded, because benchmarks
// push hundreds of thousands of requests through it; thread-safe.
class SandboxRequestLog
{
public:
    static constexpr qsizetype Capacity = 20000;

    void append(SandboxRequest request);
    QList<SandboxRequest> requests() const;
    void clear();

private:
    mutable QMutex m_mutex;
    QList<SandboxRequest> m_requests;
};

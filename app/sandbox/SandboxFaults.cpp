#include "Sandbox.h"

#include <QStringList>

std::optional<SandboxFaults> SandboxFaults::parse(const QString &spec)
{
    SandboxFaults faults;
    const QStringList entries = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const qsizetype equals = entry.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return std::nullopt;
        const QString name = entry.left(equals).trimmed();
        const QString value = entry.mid(equals + 1).trimmed();
        if (name == QLatin1String("delay-ms")) {
            bool ok = false;
            const int milliseconds = value.toInt(&ok);
            if (!ok || milliseconds < 0)
                return std::nullopt;
            faults.delayMs = milliseconds;
            continue;
        }
        bool ok = false;
        const double share = value.toDouble(&ok);
        if (!ok || share < 0 || share > 1)
            return std::nullopt;
        if (name == QLatin1String("502"))
            faults.html502 = share;
        else if (name == QLatin1String("500"))
            faults.http500 = share;
        else if (name == QLatin1String("truncate"))
            faults.truncated = share;
        else if (name == QLatin1String("reset"))
            faults.reset = share;
        else if (name == QLatin1String("delay"))
            faults.delay = share;
        else if (name == QLatin1String("drop-after-store"))
            faults.storedThenDropped = share;
        else
            return std::nullopt;
    }
    if (faults.total() > 1.0 + 1e-9)
        return std::nullopt;
    return faults;
}

std::optional<SandboxLatency> SandboxLatency::parse(const QString &spec)
{
    const QStringList parts = spec.split(QLatin1Char(','));
    if (parts.size() > 2)
        return std::nullopt;
    SandboxLatency latency;
    bool ok = false;
    latency.ms = parts.at(0).trimmed().toInt(&ok);
    if (!ok || latency.ms < 0)
        return std::nullopt;
    if (parts.size() == 2) {
        latency.jitterMs = parts.at(1).trimmed().toInt(&ok);
        if (!ok || latency.jitterMs < 0 || latency.jitterMs > latency.ms)
            return std::nullopt;
    }
    return latency;
}

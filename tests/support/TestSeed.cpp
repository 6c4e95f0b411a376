#include "TestSeed.h"

#include <QDebug>
#include <QRandomGenerator>

namespace TestSeed {

quint32 take(std::optional<quint32> fallback)
{
    bool fromEnvironment = false;
    quint32 seed = qEnvironmentVariable(EnvironmentVariable).toUInt(&fromEnvironment);
    if (!fromEnvironment)
        seed = fallback ? *fallback : QRandomGenerator::system()->generate();
    qInfo().noquote() << QStringLiteral("random seed %1%2 (replay: %3=%1)")
                             .arg(seed)
                             .arg(fromEnvironment ? QStringLiteral(", from the environment") : QString())
                             .arg(QLatin1String(EnvironmentVariable));
    return seed;
}

} // namespace TestSeed

#include "TeamServerConfig.h"

#include <QStringList>

namespace {

// A libpq connection-string value in single quotes (QPSQL passes options through as written).
QString quotedValue(const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString TeamServerConfig::connectOptions() const
{
    QStringList options;
    options << QStringLiteral("connect_timeout=%1").arg(ConnectTimeoutSeconds)
            << QStringLiteral("application_name=cpadesk");
    // A unix socket has no TLS; libpq's "prefer" would be wrong for a TCP server, so it is never used.
    if (!host.startsWith(QLatin1Char('/')))
        options << QStringLiteral("sslmode=") + TeamTlsModes::toText(tls);
    if (tls == TeamTlsMode::VerifyFull && !caFile.isEmpty())
        options << QStringLiteral("sslrootcert=") + quotedValue(caFile);
    // A dead network is noticed in about a minute rather than the kernel's two hours.
    options << QStringLiteral("keepalives=1") << QStringLiteral("keepalives_idle=30")
            << QStringLiteral("keepalives_interval=10") << QStringLiteral("keepalives_count=3");
    options << QStringLiteral("options=") +
                   quotedValue(QStringLiteral("-c statement_timeout=%1").arg(StatementTimeoutMs));
    return options.join(QLatin1Char(';'));
}

QString TeamServerConfig::identity() const
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString TeamTlsModes::toText(TeamTlsMode mode)
{
    switch (mode) {
    case TeamTlsMode::Disable:
        return QStringLiteral("disable");
    case TeamTlsMode::Require:
        return QStringLiteral("require");
    case TeamTlsMode::VerifyFull:
        return QStringLiteral("verify-full");
    }
    return QStringLiteral("require");
}

TeamTlsMode TeamTlsModes::fromText(const QString &text, bool *ok)
{
    if (ok)
        *ok = true;
    if (text == QLatin1String("disable"))
        return TeamTlsMode::Disable;
    if (text == QLatin1String("verify-full"))
        return TeamTlsMode::VerifyFull;
    if (ok && text != QLatin1String("require"))
        *ok = false;
    return TeamTlsMode::Require;
}

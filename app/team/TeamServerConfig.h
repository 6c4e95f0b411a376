#pragma once

#include <QString>

// How a workstation reaches the team's PostgreSQL database. The password is here only in memory, on its
// way from the CredentialStore to the driver: never logged, never written anywhere but the store.
enum class TeamTlsMode
{
    Disable,    // plain TCP (a trusted LAN, or a unix socket)
    Require,    // encrypted, server certificate not checked
    VerifyFull, // encrypted, certificate checked against the CA file and the host name
};

struct TeamServerConfig
{
    QString host; // a host name, an address, or a unix socket folder (starts with '/')
    int port = 5432;
    QString database;
    QString user;
    QString password;
    TeamTlsMode tls = TeamTlsMode::Require;
    QString caFile; // PEM, used by VerifyFull

    static constexpr int ConnectTimeoutSeconds = 5;
    static constexpr int StatementTimeoutMs = 30000;

    bool isComplete() const { return !host.isEmpty() && !database.isEmpty() && !user.isEmpty(); }
    // libpq options for QSqlDatabase::setConnectOptions(): TLS mode, CA file, time limits.
    QString connectOptions() const;
    // Which database this is, for remembering what was shared where (no password).
    QString identity() const;
};

namespace TeamTlsModes {
QString toText(TeamTlsMode mode); // disable, require, verify-full: libpq's words
TeamTlsMode fromText(const QString &text, bool *ok = nullptr);
} // namespace TeamTlsModes

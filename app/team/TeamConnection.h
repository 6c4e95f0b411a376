#pragma once

#include "TeamServerConfig.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

// One QPSQL connection to the team database. Like every Qt SQL connection it belongs to the thread
// that made it: TeamSync and TeamConnectionTester make theirs on threads of their own, so a slow or
// unreachable server never blocks a window or the outbox.
class TeamConnection
{
public:
    explicit TeamConnection(const TeamServerConfig &config);
    ~TeamConnection();
    TeamConnection(const TeamConnection &) = delete;
    TeamConnection &operator=(const TeamConnection &) = delete;

    static bool driverAvailable(); // Qt's QPSQL plugin (libqt6sql6-psql) is installed and loads
    // For a reader that keeps one connection on its thread and opens it again after the server went away:
    // makes `connection` from `config` the first time, opens it unless it is open; false with the
    // driver's words in `error`.
    static bool ensureOpen(std::unique_ptr<TeamConnection> &connection, const TeamServerConfig &config,
                           QString *error);

    bool open(); // false with errorString()
    void close();
    bool isOpen() const;
    QSqlDatabase database() const;
    // The driver's words (libpq's), which never contain the password.
    QString errorString() const { return m_error; }
    const TeamServerConfig &config() const { return m_config; }

private:
    TeamServerConfig m_config;
    QString m_connectionName;
    QString m_error;
};

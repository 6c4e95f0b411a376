#pragma once

#include "PostgresServer.h"
#include "team/TeamServerConfig.h"

#include <QString>

// A team database as docs/TEAM.md sets one up, on the test's own PostgreSQL: the two group roles, an
// owner that installs the schema, two operators' logins and a manager's.
class TeamFixture
{
public:
    static QString ownerUser() { return QStringLiteral("cpadesk_owner"); }
    static QString operatorA() { return QStringLiteral("operator_anna"); }
    static QString operatorB() { return QStringLiteral("operator_boris"); }
    static QString manager() { return QStringLiteral("manager_maria"); }
    static QString passwordOf(const QString &user) { return user + QStringLiteral("-pw"); }
    static QString databaseName() { return QStringLiteral("cpadesk_team"); }

    // Starts the server and makes the roles and an empty database; false with errorString().
    bool setUp();
    PostgresServer &server() { return m_server; }
    QString errorString() const { return m_server.errorString(); }

    // How `user` reaches the team database over TCP on 127.0.0.1 (no TLS: the test server has none).
    TeamServerConfig config(const QString &user, const QString &database = databaseName()) const;

    // A fresh, empty team database under a new name (each test its own), owned by ownerUser().
    bool recreateDatabase(const QString &database = databaseName());

private:
    PostgresServer m_server;
};

#include "TeamFixture.h"

bool TeamFixture::setUp()
{
    if (!m_server.start())
        return false;
    return m_server.exec({QStringLiteral("CREATE ROLE cpadesk_operator NOLOGIN"),
                          QStringLiteral("CREATE ROLE cpadesk_manager NOLOGIN")}) &&
           m_server.createLoginRole(ownerUser(), passwordOf(ownerUser())) &&
           m_server.createLoginRole(operatorA(), passwordOf(operatorA()),
                                    {QStringLiteral("cpadesk_operator")}) &&
           m_server.createLoginRole(operatorB(), passwordOf(operatorB()),
                                    {QStringLiteral("cpadesk_operator")}) &&
           m_server.createLoginRole(manager(), passwordOf(manager()), {QStringLiteral("cpadesk_manager")}) &&
           recreateDatabase();
}

TeamServerConfig TeamFixture::config(const QString &user, const QString &database) const
{
    TeamServerConfig config;
    config.host = m_server.host();
    config.port = m_server.port();
    config.database = database;
    config.user = user;
    config.password = passwordOf(user);
    config.tls = TeamTlsMode::Disable;
    return config;
}

bool TeamFixture::recreateDatabase(const QString &database)
{
    return m_server.exec({QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database)}) &&
           m_server.createDatabase(database, ownerUser());
}

#include "TeamConnection.h"

#include "TeamLog.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QUuid>

namespace {
const QLatin1String DriverName("QPSQL");
}

TeamConnection::TeamConnection(const TeamServerConfig &config)
    : m_config(config),
      m_connectionName(QStringLiteral("cpadesk-team-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

TeamConnection::~TeamConnection()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool TeamConnection::driverAvailable()
{
    return QSqlDatabase::isDriverAvailable(DriverName);
}

bool TeamConnection::open()
{
    if (!driverAvailable()) {
        m_error = QCoreApplication::translate("TeamConnection",
                                              "Qt's PostgreSQL driver (QPSQL) is not installed: install the "
                                              "package libqt6sql6-psql.");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                          ? QSqlDatabase::database(m_connectionName, false)
                          : QSqlDatabase::addDatabase(DriverName, m_connectionName);
    if (db.isOpen())
        return true;
    db.setHostName(m_config.host);
    db.setPort(m_config.port);
    db.setDatabaseName(m_config.database);
    db.setUserName(m_config.user);
    db.setPassword(m_config.password);
    db.setConnectOptions(m_config.connectOptions());
    if (!db.open()) {
        m_error =
            db.lastError().databaseText().isEmpty() ? db.lastError().text() : db.lastError().databaseText();
        m_error = m_error.trimmed();
        qCInfo(lcTeam) << "team server" << m_config.identity() << "not reached:" << m_error;
        return false;
    }
    m_error.clear();
    return true;
}

void TeamConnection::close()
{
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::database(m_connectionName, false).close();
}

bool TeamConnection::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) &&
           QSqlDatabase::database(m_connectionName, false).isOpen();
}

QSqlDatabase TeamConnection::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool TeamConnection::ensureOpen(std::unique_ptr<TeamConnection> &connection, const TeamServerConfig &config,
                                QString *error)
{
    if (!connection)
        connection = std::make_unique<TeamConnection>(config);
    if (connection->isOpen() || connection->open())
        return true;
    *error = connection->errorString();
    return false;
}

#include "TeamRoundBeacon.h"

#include "TeamLog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

TeamRoundBeacon::TeamRoundBeacon(const QSqlDatabase &db, const QString &account, QObject *parent)
    : QObject(parent), m_db(db), m_account(account)
{}

TeamRoundBeacon::~TeamRoundBeacon()
{
    if (m_db.isOpen() && m_db.driver())
        m_db.driver()->unsubscribeFromNotification(channel());
}

bool TeamRoundBeacon::listen()
{
    QSqlDriver *driver = m_db.driver();
    if (!m_db.isOpen() || !driver || !driver->hasFeature(QSqlDriver::EventNotifications))
        return false;
    connect(driver, &QSqlDriver::notification, this, &TeamRoundBeacon::onNotification, Qt::UniqueConnection);
    if (driver->subscribedToNotifications().contains(channel()))
        return true;
    if (!driver->subscribeToNotification(channel())) {
        qCWarning(lcTeam) << "team rounds not heard:" << driver->lastError().text();
        return false;
    }
    return true;
}

bool TeamRoundBeacon::announce()
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    query.addBindValue(channel());
    query.addBindValue(m_account);
    if (!query.exec()) {
        qCWarning(lcTeam) << "team round not announced:" << query.lastError().text();
        return false;
    }
    return true;
}

void TeamRoundBeacon::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                     const QVariant &payload)
{
    if (name == channel() && payload.toString() == m_account)
        emit roundHeard();
}

#include "TeamListener.h"

#include "TeamLog.h"

#include <QSqlError>
#include <QVariant>

TeamListener::TeamListener(const QSqlDatabase &db, QObject *parent) : QObject(parent), m_db(db) {}

TeamListener::~TeamListener()
{
    if (m_db.isOpen() && m_db.driver())
        m_db.driver()->unsubscribeFromNotification(channel());
}

bool TeamListener::listen()
{
    QSqlDriver *driver = m_db.driver();
    if (!m_db.isOpen() || !driver || !driver->hasFeature(QSqlDriver::EventNotifications)) {
        m_error = QStringLiteral("the team connection cannot listen for notifications");
        return false;
    }
    if (driver->subscribedToNotifications().contains(channel()))
        return true;
    connect(driver, &QSqlDriver::notification, this, &TeamListener::onNotification, Qt::UniqueConnection);
    if (!driver->subscribeToNotification(channel())) {
        m_error = driver->lastError().text();
        qCWarning(lcTeam) << "cannot listen to the team database:" << m_error;
        return false;
    }
    return true;
}

void TeamListener::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                  const QVariant &payload)
{
    if (name != channel())
        return;
    const QString text = payload.toString();
    const qsizetype space = text.lastIndexOf(QLatin1Char(' '));
    // Our order ids are digits and have no space; an account may (its user id is free text).
    if (space <= 0)
        return;
    emit leadChanged(text.left(space), text.mid(space + 1));
}

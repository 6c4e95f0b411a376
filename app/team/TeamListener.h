#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>

// Hears the team database say that a lead changed (LISTEN cpadesk_leads; the leads table's trigger
// NOTIFYs at every commit that touched it), without polling. Lives in the thread of its connection,
// whose event loop delivers the notifications. TeamSync reads the changed rows of its account and hands
// them to TeamSession, which merges them into the journal; the manager's Team view reloads on them too.
class TeamListener : public QObject
{
    Q_OBJECT
public:
    static QString channel() { return QStringLiteral("cpadesk_leads"); }

    explicit TeamListener(const QSqlDatabase &db, QObject *parent = nullptr);
    ~TeamListener() override;

    bool listen(); // false with errorString()
    QString errorString() const { return m_error; }

signals:
    // `account` and our order id of a lead that changed at the server (by anyone, this workstation too).
    void leadChanged(const QString &account, const QString &orderId);

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    QSqlDatabase m_db;
    QString m_error;
};

#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>

// The refresh lease's holder says, after each complete round for the team, that it refreshed (NOTIFY
// cpadesk_team_round with the account); every workstation of the account hears it. A covered workstation
// trusts the holder only while it hears such rounds (StatusPoller): a holder whose refreshes are rare or
// fail leaves the others asking for themselves. A NOTIFY needs no table, so no schema step.
// Lives in the thread of its connection, like TeamListener.
class TeamRoundBeacon : public QObject
{
    Q_OBJECT
public:
    static QString channel() { return QStringLiteral("cpadesk_team_round"); }

    TeamRoundBeacon(const QSqlDatabase &db, const QString &account, QObject *parent = nullptr);
    ~TeamRoundBeacon() override;

    bool listen();   // false when the connection cannot listen (the rounds then go unheard: stale)
    bool announce(); // false with the reason logged

signals:
    void roundHeard();

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    QSqlDatabase m_db;
    QString m_account;
};

#pragma once

#include "TeamChangeFeed.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// Writes leads into the team database, idempotently: a lead is upserted by (account, our order id),
// its history rows are inserted unless already there, and a statement that would change nothing
// writes nothing (not even updated_at): pushing the same thing twice leaves the server as it was.
// A status only moves forward there, as in the journal (StatusProgress), whoever pushes it.
//
// Never sends a credential: only the account's name (the profile's user id at its host).
class TeamPusher
{
public:
    TeamPusher(const QString &account, const QString &workstationId, const QString &operatorName);

    // Registers (or refreshes) this workstation under the connection's login. When another login
    // registered it first, row-level security keeps this one from sharing from it: errorString() then
    // says so in words (workstationOfAnotherLogin()), and what to do.
    bool registerWorkstation(QSqlDatabase &db);
    // The sentence for a workstation registered at the team server under another login than `login`.
    static QString workstationOfAnotherLogin(const QString &workstationId, const QString &login);
    // Pushes `leads` in one transaction; true once the server committed them. Leads without an order
    // id yet ("auto" leads the network has not numbered) are skipped: their numbering is a change that
    // brings them back. A lead another workstation shared first is refused by row-level security: it is
    // left to that workstation (refusedOrderIds()) and the rest is pushed.
    bool push(QSqlDatabase &db, const QList<TeamLeadSnapshot> &leads);
    // Our order ids the last successful push left to another workstation.
    QStringList refusedOrderIds() const { return m_refused; }
    QString errorString() const { return m_error; }
    // Whether the last failure was the connection's (lost, refused): reconnecting may help.
    bool lastFailureWasConnection() const { return m_connectionLost; }

private:
    bool pushOnce(QSqlDatabase &db, const QList<TeamLeadSnapshot> &leads, bool skipRefused);
    bool fail(QSqlDatabase &db, const QSqlError &error);

    QString m_account;
    QString m_workstationId;
    QString m_operatorName;
    QString m_error;
    QString m_errorCode; // SQLSTATE
    QStringList m_refused;
    bool m_connectionLost = false;
};

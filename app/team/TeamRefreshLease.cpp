#include "TeamRefreshLease.h"

#include "TeamLog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
// The first half of the two-key advisory lock: "this is CPA Desk's refresh lease" (the schema's
// migration lock uses the one-key form, a separate space).
constexpr int LeaseSpace = 7336;
} // namespace

TeamRefreshLease::TeamRefreshLease(const QSqlDatabase &db, const QString &account)
    : m_db(db), m_account(account)
{}

bool TeamRefreshLease::tryAcquire()
{
    QSqlQuery query(m_db);
    if (m_held) {
        // Still ours only if our session is the one that took it (a reconnect is a new session).
        query.prepare(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                                     " AND pid = pg_backend_pid() AND classid = ?::integer::oid"
                                     " AND objid = hashtext(?)::oid AND objsubid = 2"));
        query.addBindValue(LeaseSpace);
        query.addBindValue(m_account);
        if (query.exec() && query.next() && query.value(0).toInt() > 0)
            return true;
        m_held = false;
    }
    query.prepare(QStringLiteral("SELECT pg_try_advisory_lock(?::integer, hashtext(?))"));
    query.addBindValue(LeaseSpace);
    query.addBindValue(m_account);
    if (!query.exec() || !query.next()) {
        m_error = query.lastError().text();
        qCWarning(lcTeam) << "refresh lease not asked:" << m_error;
        return false;
    }
    m_error.clear();
    m_held = query.value(0).toBool();
    if (m_held)
        qCInfo(lcTeam) << "this workstation now refreshes the team's statuses for" << m_account;
    return m_held;
}

void TeamRefreshLease::release()
{
    if (!m_held)
        return;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT pg_advisory_unlock(?::integer, hashtext(?))"));
    query.addBindValue(LeaseSpace);
    query.addBindValue(m_account);
    query.exec();
    m_held = false;
}

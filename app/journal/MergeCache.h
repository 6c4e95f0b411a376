#pragma once

#include "leads/LeadStatus.h"

#include <QHash>
#include <QSet>
#include <QString>

// What one journal connection last read or wrote of each lead's status, so that merging a refresh's
// answers need not read the same leads again every time (reading them was half of the cost of a
// refresh where nothing changed).
//
// Trusted only while nothing else wrote: the journal clears it when this connection writes anything
// but a merge, and validate() clears it when another connection (or process) committed since it was
// filled. What a transaction reads or writes is staged, and kept only if it commits.
class MergeCache
{
public:
    struct Lead : LeadStatus
    {
        QString key;
        QString networkId;
    };
    // A bound on memory (~200 bytes a lead): more leads than this are read each time.
    static constexpr qsizetype MaxLeads = 20000;

    // `dataVersion`: SQLite's PRAGMA data_version, read inside the transaction about to use the cache;
    // it changes when another connection commits.
    void validate(qint64 dataVersion);
    void clear();
    const Lead *find(const QString &profileId, const QString &orderId) const;
    void stage(const QString &profileId, const QString &orderId, const Lead &lead);
    // What was staged for this profile is every open lead it has (StatusMerger::prepareMerges read them
    // all). Once that commits, holdsAllOpenLeads() is true until the cache is cleared: a lead opens
    // only by a write other than a merge (sent, tracked), and every such write clears the cache.
    void stageAllOpenLeads(const QString &profileId);
    bool holdsAllOpenLeads(const QString &profileId) const { return m_allOpenLeads.contains(profileId); }
    void commit();   // the transaction that staged committed
    void rollback(); // it did not: what it staged is dropped
    qsizetype size() const { return m_size; }

private:
    using Leads = QHash<QString, Lead>; // by our order id
    QHash<QString, Leads> m_committed;  // by profile
    QHash<QString, Leads> m_staged;
    QSet<QString> m_allOpenLeads; // profiles, see holdsAllOpenLeads()
    QSet<QString> m_stagedAllOpenLeads;
    qsizetype m_size = 0;
    qint64 m_dataVersion = -1;
};

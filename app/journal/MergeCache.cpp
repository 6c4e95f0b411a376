#include "MergeCache.h"

namespace {

// Stages are a handful of words: every lead shares one copy of each.
QString shared(const QString &stage)
{
    static thread_local QHash<QString, QString> known;
    const auto found = known.constFind(stage);
    if (found != known.cend())
        return *found;
    if (known.size() < 64) // codes a newer network invents are kept as they come
        known.insert(stage, stage);
    return stage;
}

} // namespace

void MergeCache::validate(qint64 dataVersion)
{
    if (dataVersion != m_dataVersion) {
        clear();
        m_dataVersion = dataVersion;
    }
}

void MergeCache::clear()
{
    m_committed.clear();
    m_staged.clear();
    m_allOpenLeads.clear();
    m_stagedAllOpenLeads.clear();
    m_size = 0;
    m_dataVersion = -1;
}

const MergeCache::Lead *MergeCache::find(const QString &profileId, const QString &orderId) const
{
    for (const QHash<QString, Leads> *layer : {&m_staged, &m_committed}) {
        const auto profile = layer->constFind(profileId);
        if (profile == layer->cend())
            continue;
        const auto lead = profile->constFind(orderId);
        if (lead != profile->cend())
            return &*lead;
    }
    return nullptr;
}

void MergeCache::stage(const QString &profileId, const QString &orderId, const Lead &lead)
{
    Lead kept = lead;
    kept.stage = shared(lead.stage);
    m_staged[profileId].insert(orderId, kept);
}

void MergeCache::stageAllOpenLeads(const QString &profileId)
{
    m_stagedAllOpenLeads.insert(profileId);
}

void MergeCache::commit()
{
    for (auto profile = m_staged.begin(); profile != m_staged.end(); ++profile) {
        Leads &leads = m_committed[profile.key()];
        if (leads.isEmpty() && m_size + profile->size() <= MaxLeads) {
            // The first fill after the cache was cleared (a refresh's read of all open leads): taken
            // whole instead of inserted again one by one.
            m_size += profile->size();
            leads = std::move(*profile);
            if (m_stagedAllOpenLeads.contains(profile.key()))
                m_allOpenLeads.insert(profile.key());
            continue;
        }
        bool allKept = true;
        for (auto lead = profile->cbegin(); lead != profile->cend(); ++lead) {
            auto existing = leads.find(lead.key());
            if (existing != leads.end()) {
                *existing = lead.value();
            } else if (m_size < MaxLeads) {
                leads.insert(lead.key(), lead.value());
                ++m_size;
            } else {
                allKept = false;
            }
        }
        if (allKept && m_stagedAllOpenLeads.contains(profile.key()))
            m_allOpenLeads.insert(profile.key());
    }
    m_staged.clear();
    m_stagedAllOpenLeads.clear();
}

void MergeCache::rollback()
{
    m_staged.clear();
    m_stagedAllOpenLeads.clear();
}

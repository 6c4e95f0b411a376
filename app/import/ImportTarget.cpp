#include "ImportTarget.h"

#include "LeadImporter.h"

#include <QDateTime>

ImportTarget::ImportTarget(Journal *journal, LeadGateway *gateway, const QString &profileId)
    : m_journal(journal), m_gateway(gateway), m_profileId(profileId)
{}

void ImportTarget::readContext(QObject *receiver, ImportContext::ReadDone done) const
{
    if (!m_journal)
        return;
    ImportContext::readInBackground(*m_journal, m_profileId, QDateTime::currentMSecsSinceEpoch(), receiver,
                                    std::move(done));
}

std::unique_ptr<LeadImporter> ImportTarget::makeImporter() const
{
    if (!canImport())
        return nullptr;
    return std::make_unique<LeadImporter>(m_journal, m_gateway, m_profileId);
}

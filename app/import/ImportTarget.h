#pragma once

#include "ImportCheck.h"

#include <QString>

#include <memory>

class Journal;
class LeadGateway;
class LeadImporter;
class QObject;

// Where an import goes: a profile's journal (what it holds decides which rows are doubles or corrections)
// and the outbox its leads are sent through. The import dialog is handed one of these, so that it asks the
// core for what it shows and never touches the journal itself.
class ImportTarget
{
public:
    ImportTarget() = default;
    ImportTarget(Journal *journal, LeadGateway *gateway, const QString &profileId);

    // False for a dialog that only previews (tests, a profile still opening): nothing can be imported.
    bool canImport() const { return m_journal && m_gateway; }
    bool checksJournal() const { return m_journal; }

    // What the journal holds about this profile, read on the journal's background connection (see
    // ImportContext::readInBackground); nothing is called when there is no journal.
    void readContext(QObject *receiver, ImportContext::ReadDone done) const;

    // An importer that stores rows in this journal and hands them to this outbox; null when !canImport().
    std::unique_ptr<LeadImporter> makeImporter() const;

private:
    Journal *m_journal = nullptr;
    LeadGateway *m_gateway = nullptr;
    QString m_profileId;
};

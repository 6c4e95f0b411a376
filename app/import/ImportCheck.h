#pragma once

#include "ColumnMapping.h"
#include "CsvParser.h"
#include "journal/JournalTypes.h"
#include "leads/Lead.h"

#include <QCoreApplication>
#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QVector>

#include <functional>

class Journal;
class QThread;

// One row of a file on its way to the outbox: its cells (editable in the preview), the lead they make,
// and why it cannot go, or may be a double.
struct ImportRow
{
    int line = 0; // the file's line where the row starts
    QStringList cells;
    Lead lead;
    QList<ImportCellProblem> problems;
    QString idClash;              // translated: the file gives this row's order id to another row too
    QString duplicateReason;      // translated; empty when the row is no suspected double
    bool alreadyImported = false; // its order id is in the journal: importing it again creates nothing
    bool excluded = false;        // the operator left it out
    // Its order id is a lead the network rejected, and the row now says something else: importing it
    // corrects that lead and sends it again under the same id (the Outbox's edit and resend).
    bool resend = false;
    QString resendReason; // translated; why the row goes again

    bool isValid() const { return problems.isEmpty() && idClash.isEmpty(); }
    bool willImport() const { return isValid() && !excluded && !alreadyImported; }
    QString problemAt(int column) const; // every reason for this cell, one per line
};

// What the journal knows that decides whether a row is a double: read once per preview, not per row.
struct ImportContext
{
    // A lead the network refused for good (SendState::Rejected): a row with its order id may correct it.
    struct RejectedLead
    {
        Lead lead;
        QString reason;           // the network's words (or its code)
        QString recentPhoneOffer; // its key in recentPhoneOffers, when it counts there; else empty
    };

    // phone + '\x1f' + offer of the profile's leads of the last 24 hours -> how many leads have them
    QHash<QString, int> recentPhoneOffers;
    QSet<QString> knownOrderIds; // every order id the profile's journal holds
    QHash<QString, RejectedLead> rejectedByOrderId;

    static ImportContext fromJournal(const QVector<JournalRow> &rows, qint64 nowMs);
    // The rejected leads among these entries (others are skipped): a row is compared with what was
    // refused.
    void addRejected(const QList<JournalEntry> &entries, qint64 nowMs);
    // Both, from the profile's journal.
    static ImportContext read(const Journal &journal, const QString &profileId, qint64 nowMs);
    // The same on the journal's background connection: reading 100,000 leads takes seconds on a busy
    // machine, which the window must not wait for. `done` runs in the journal's thread (not at all if
    // `receiver` is gone by then); `error` is empty unless the reading failed.
    using ReadDone = std::function<void(const ImportContext &context, const QString &error)>;
    static void readInBackground(Journal &journal, const QString &profileId, qint64 nowMs, QObject *receiver,
                                 ReadDone done);
};

// Checks rows with the form's own rules (LeadValidator, PhoneNormalizer through the mapping).
class ImportCheck
{
    Q_DECLARE_TR_FUNCTIONS(ImportCheck)

public:
    static constexpr qint64 DuplicateWindowMs = 24 * 60 * 60 * 1000;

    struct Counts
    {
        int valid = 0;
        int invalid = 0;
        int duplicates = 0; // suspected doubles and rows already imported
        int excluded = 0;
        int toImport = 0;
        int toResend = 0; // of toImport: corrections of leads the network rejected
    };

    // The lead and problems of one row from its cells (after the operator edited one, too).
    static void checkRow(ImportRow &row, const ColumnMapping &mapping, const QStringList &header);
    // Every row, then the doubles among them and against the journal; suspected doubles start left out.
    static QVector<ImportRow> checkAll(const CsvTable &table, const ColumnMapping &mapping,
                                       const ImportContext &context);
    static void markDuplicates(QVector<ImportRow> &rows, const ImportContext &context);
    static Counts count(const QVector<ImportRow> &rows);
};

// Runs ImportCheck::checkAll on a thread of its own, so that 100,000 rows never stall the window.
// A newer check() makes the answer of an older one be dropped.
class ImportChecker : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ImportChecker() override;

    void check(const CsvTable &table, const ColumnMapping &mapping, const ImportContext &context);
    bool isBusy() const { return m_thread != nullptr; }

signals:
    void checked(const QVector<ImportRow> &rows);

private:
    void startNext();

    struct Job
    {
        CsvTable table;
        ColumnMapping mapping;
        ImportContext context;
    };
    QThread *m_thread = nullptr;
    std::optional<Job> m_pending;
};

Q_DECLARE_METATYPE(ImportRow)

#include "ImportCheck.h"

#include "ImportFields.h"
#include "journal/Journal.h"
#include "journal/LeadJson.h"

#include <QHash>
#include <QThread>

#include <memory>

namespace {

QString phoneOfferKey(const QString &phone, const QString &offer)
{
    return phone + QChar(0x1F) + offer;
}

} // namespace

QString ImportRow::problemAt(int column) const
{
    QStringList messages;
    for (const ImportCellProblem &problem : problems) {
        if (problem.column == column)
            messages.append(problem.message);
    }
    return messages.join(u'\n');
}

ImportContext ImportContext::fromJournal(const QVector<JournalRow> &rows, qint64 nowMs)
{
    ImportContext context;
    const qint64 since = nowMs - ImportCheck::DuplicateWindowMs;
    for (const JournalRow &row : rows) {
        if (!row.orderId.isEmpty())
            context.knownOrderIds.insert(row.orderId);
        if (row.createdAtMs >= since && !row.phone.isEmpty())
            ++context.recentPhoneOffers[phoneOfferKey(row.phone, row.offer)];
    }
    return context;
}

ImportContext ImportContext::read(const Journal &journal, const QString &profileId, qint64 nowMs)
{
    const QVector<JournalRow> rows = journal.rows(profileId);
    ImportContext context = fromJournal(rows, nowMs);
    // Only the rejected leads are read in full (usually a handful), not the whole outbox.
    QList<JournalEntry> rejected;
    for (const JournalRow &row : rows) {
        if (row.sendState != SendState::Rejected)
            continue;
        if (std::optional<JournalEntry> entry = journal.entry(profileId, row.key))
            rejected.append(std::move(*entry));
    }
    context.addRejected(rejected, nowMs);
    return context;
}

void ImportContext::readInBackground(Journal &journal, const QString &profileId, qint64 nowMs,
                                     QObject *receiver, ReadDone done)
{
    // Only reads, on the background connection (WAL: it holds no lock a writer waits for).
    auto context = std::make_shared<ImportContext>();
    journal.writeInBackground(
        receiver,
        [context, profileId, nowMs](Journal &background) {
            *context = read(background, profileId, nowMs);
            return background.isOpen();
        },
        [context, done = std::move(done)](bool ok, const QString &error) {
            done(ok ? *context : ImportContext(), ok ? QString() : error);
        });
}

void ImportContext::addRejected(const QList<JournalEntry> &entries, qint64 nowMs)
{
    const qint64 since = nowMs - ImportCheck::DuplicateWindowMs;
    for (const JournalEntry &entry : entries) {
        // Only a final refusal: a lead waiting for a retry, or in doubt, may yet reach the network.
        if (entry.sendState != SendState::Rejected || entry.orderId.isEmpty() || entry.isAuto())
            continue;
        RejectedLead rejected;
        rejected.lead = entry.lead;
        rejected.reason = entry.errorText.isEmpty() ? entry.errorCode : entry.errorText;
        if (entry.createdAt.toMSecsSinceEpoch() >= since && !entry.lead.phone.isEmpty())
            rejected.recentPhoneOffer = phoneOfferKey(entry.lead.phone, entry.lead.offer);
        rejectedByOrderId.insert(entry.orderId, rejected);
    }
}

void ImportCheck::checkRow(ImportRow &row, const ColumnMapping &mapping, const QStringList &header)
{
    row.problems.clear();
    row.lead = mapping.leadFor(row.cells, header, &row.problems);
    // The file's own ids are kept; a row without one gets ours when it is stored, as a typed lead does.
    const QList<LeadProblem> problems =
        LeadValidator::validate(row.lead, LeadValidator::OrderIdRule::AssignedOnSubmit);
    for (const LeadProblem &problem : problems) {
        const int column = mapping.columnFor(problem.field);
        QString message = problem.message;
        if (column < 0) {
            // No cell to put it beside: say which field, since it came from a constant or is missing.
            const ImportField *field = ImportFields::find(problem.field);
            message = tr("%1: %2").arg(field ? ImportFields::label(field->apiName) : QString(), message);
        }
        row.problems.append({column, message});
    }
    if (row.lead.orderId == QLatin1String("auto"))
        row.problems.append({mapping.columnFor(LeadField::OrderId),
                             tr("\"auto\" ids cannot be imported safely: leave the cell empty and the lead "
                                "gets one of ours.")});
}

QVector<ImportRow> ImportCheck::checkAll(const CsvTable &table, const ColumnMapping &mapping,
                                         const ImportContext &context)
{
    QVector<ImportRow> rows(table.rows.size());
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        ImportRow &row = rows[i];
        row.line = table.rowLines.value(i);
        row.cells = table.rows.at(i);
        checkRow(row, mapping, table.header);
    }
    markDuplicates(rows, context);
    // A suspected double is left out unless the operator takes it in: importing a file again, or a
    // file that overlaps what was typed today, must not create second orders by default.
    for (ImportRow &row : rows)
        row.excluded = !row.duplicateReason.isEmpty() && !row.alreadyImported;
    return rows;
}

void ImportCheck::markDuplicates(QVector<ImportRow> &rows, const ImportContext &context)
{
    QHash<QString, int> phoneOfferLines;
    QHash<QString, int> orderIdLines;
    for (ImportRow &row : rows) {
        row.duplicateReason.clear();
        row.idClash.clear();
        row.alreadyImported = false;
        row.resend = false;
        row.resendReason.clear();
        const QString id = row.lead.orderId;
        // The rejected lead this row corrects is in the journal too: it is no double of itself.
        QString ownPhoneOffer;
        if (!id.isEmpty() && id != QLatin1String("auto")) {
            const auto rejected = context.rejectedByOrderId.constFind(id);
            if (rejected != context.rejectedByOrderId.cend() && row.isValid()) {
                // The same content would only be refused again: it goes only once it is corrected.
                if (LeadJson::toJson(row.lead) == LeadJson::toJson(rejected->lead)) {
                    row.alreadyImported = true;
                    row.duplicateReason = tr("Order %1 was rejected by the network (%2) and this row is "
                                             "unchanged: correct it to send it again.")
                                              .arg(id, rejected->reason);
                    continue;
                }
                row.resend = true;
                row.resendReason = tr("Order %1 was rejected by the network (%2): this corrected row will be "
                                      "sent again under the same order id.")
                                       .arg(id, rejected->reason);
                ownPhoneOffer = rejected->recentPhoneOffer;
            } else if (context.knownOrderIds.contains(id)) {
                row.alreadyImported = true;
                row.duplicateReason =
                    tr("Order %1 is already in the journal: it will not be imported again.").arg(id);
                continue;
            }
            if (const int first = orderIdLines.value(id); first > 0) {
                row.idClash = tr("Order id %1 is also on line %2.").arg(id).arg(first);
                continue;
            }
            orderIdLines.insert(id, row.line);
        }
        if (row.lead.phone.isEmpty() || !row.isValid())
            continue;
        const QString key = phoneOfferKey(row.lead.phone, row.lead.offer);
        if (context.recentPhoneOffers.value(key) > (key == ownPhoneOffer ? 1 : 0)) {
            row.duplicateReason = tr("A lead with this phone and offer was sent in the last 24 hours.");
        } else if (const int first = phoneOfferLines.value(key); first > 0) {
            row.duplicateReason = tr("The same phone and offer are on line %1.").arg(first);
        } else {
            phoneOfferLines.insert(key, row.line);
        }
    }
}

ImportCheck::Counts ImportCheck::count(const QVector<ImportRow> &rows)
{
    Counts counts;
    for (const ImportRow &row : rows) {
        if (row.isValid())
            ++counts.valid;
        else
            ++counts.invalid;
        if (!row.duplicateReason.isEmpty())
            ++counts.duplicates;
        if (row.excluded)
            ++counts.excluded;
        if (row.willImport()) {
            ++counts.toImport;
            if (row.resend)
                ++counts.toResend;
        }
    }
    return counts;
}

ImportChecker::~ImportChecker()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ImportChecker::check(const CsvTable &table, const ColumnMapping &mapping, const ImportContext &context)
{
    m_pending = Job{table, mapping, context};
    if (!m_thread)
        startNext();
}

void ImportChecker::startNext()
{
    if (!m_pending)
        return;
    auto job = std::make_shared<Job>(std::move(*m_pending));
    m_pending.reset();
    auto result = std::make_shared<QVector<ImportRow>>();
    m_thread = QThread::create(
        [job, result] { *result = ImportCheck::checkAll(job->table, job->mapping, job->context); });
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        // A newer request came meanwhile: this answer is already out of date.
        if (m_pending)
            startNext();
        else
            emit checked(*result);
    });
    m_thread->start(QThread::LowPriority);
}

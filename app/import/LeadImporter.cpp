#include "LeadImporter.h"

#include "journal/Journal.h"
#include "journal/LeadJson.h"
#include "status/CsvExport.h"
#include "sync/LeadGateway.h"

#include <QCryptographicHash>
#include <QSaveFile>
#include <QTimer>

LeadImporter::LeadImporter(Journal *journal, LeadGateway *gateway, const QString &profileId, QObject *parent)
    : QObject(parent), m_journal(journal), m_gateway(gateway), m_profileId(profileId)
{
    connect(gateway, &LeadGateway::sent, this,
            [this](const QString &orderId, const QString &) { onSent(orderId); });
    connect(gateway, &LeadGateway::rejected, this, &LeadImporter::onRejected);
}

QString LeadImporter::fingerprintKey(const QString &profileId, const Lead &lead)
{
    Lead content = lead;
    content.orderId.clear();
    const QByteArray hash = QCryptographicHash::hash(LeadJson::toJson(content), QCryptographicHash::Sha1);
    return QStringLiteral("import-row:") + profileId + u':' + QString::fromLatin1(hash.toHex());
}

void LeadImporter::start(const QVector<ImportRow> &rows, const QStringList &header)
{
    m_header = header;
    m_outcomes.clear();
    m_toStore.clear();
    m_byOrderId.clear();
    for (const ImportRow &row : rows) {
        Outcome outcome;
        outcome.row = row;
        if (!row.isValid()) {
            outcome.state = State::Invalid;
            QStringList reasons;
            for (const ImportCellProblem &problem : row.problems)
                reasons.append(problem.message);
            if (!row.idClash.isEmpty())
                reasons.append(row.idClash);
            outcome.reason = reasons.join(u' ');
        } else if (row.alreadyImported) {
            outcome.state = State::AlreadyImported;
            outcome.orderId = row.lead.orderId;
            outcome.reason = row.duplicateReason;
        } else if (row.excluded) {
            continue; // the operator's choice: neither imported nor a problem to report
        } else {
            outcome.state = State::Stopped; // until its batch is stored
            m_toStore.append(int(m_outcomes.size()));
        }
        m_outcomes.append(outcome);
    }
    m_total = int(m_toStore.size());
    m_done = 0;
    m_next = 0;
    m_cancelled = false;
    m_running = true;
    QTimer::singleShot(0, this, &LeadImporter::storeNextBatch);
}

void LeadImporter::cancel()
{
    m_cancelled = true;
}

void LeadImporter::storeNextBatch()
{
    if (m_cancelled || m_next >= m_toStore.size() || !m_gateway) {
        m_running = false;
        emit finished();
        return;
    }
    // One transaction for the batch: nothing of it is sent before it is committed (the outbox sends
    // from the next turn of the event loop).
    const bool batched = m_journal->beginBatch();
    const int end = qMin(m_next + BatchSize, int(m_toStore.size()));
    const int first = m_next;
    for (; m_next < end; ++m_next)
        storeRow(m_outcomes[m_toStore.at(m_next)]);
    if (batched && !m_journal->commitBatch()) {
        const QString reason = tr("The journal could not store the leads: %1").arg(m_journal->errorString());
        m_journal->rollbackBatch();
        for (int i = first; i < end; ++i) {
            Outcome &outcome = m_outcomes[m_toStore.at(i)];
            m_byOrderId.remove(outcome.orderId);
            outcome.state = State::NotStored;
            outcome.reason = reason;
            outcome.resent = false;
        }
    }
    m_done = end;
    emit progress(m_done, m_total);
    QTimer::singleShot(0, this, &LeadImporter::storeNextBatch);
}

void LeadImporter::storeRow(Outcome &outcome)
{
    Lead lead = outcome.row.lead;
    QString fingerprint;
    if (lead.orderId.isEmpty()) {
        fingerprint = fingerprintKey(m_profileId, lead);
        const QString earlier = m_journal->metaValue(fingerprint);
        if (!earlier.isEmpty()) {
            outcome.state = State::AlreadyImported;
            outcome.orderId = earlier;
            outcome.reason = tr("Imported before as order %1: not imported again.").arg(earlier);
            return;
        }
    } else if (const std::optional<JournalEntry> stored =
                   m_journal->entryByOrderId(m_profileId, lead.orderId)) {
        // A correction of a lead that is still rejected replaces it; anything else was stored since the
        // preview was checked (the form, another import, a resend from the outbox).
        if (outcome.row.resend && stored->sendState == SendState::Rejected) {
            if (!m_gateway->editAndResend(stored->key, lead)) {
                outcome.state = State::NotStored;
                outcome.reason = tr("The corrected lead could not be resent: %1").arg(m_gateway->lastError());
                return;
            }
            outcome.state = State::Waiting;
            outcome.orderId = lead.orderId;
            outcome.resent = true;
            m_byOrderId.insert(lead.orderId, int(&outcome - m_outcomes.data()));
            return;
        }
        outcome.state = State::AlreadyImported;
        outcome.orderId = lead.orderId;
        outcome.reason =
            tr("Order %1 is already in the journal: it will not be imported again.").arg(lead.orderId);
        return;
    }
    const QString orderId = m_gateway->submit(lead);
    if (orderId.isEmpty()) {
        outcome.state = State::NotStored;
        outcome.reason = m_gateway->lastError();
        return;
    }
    if (!fingerprint.isEmpty())
        m_journal->compareAndSetMeta(fingerprint, QString(), orderId);
    outcome.state = State::Waiting;
    outcome.orderId = orderId;
    m_byOrderId.insert(orderId, int(&outcome - m_outcomes.data()));
}

void LeadImporter::onSent(const QString &orderId)
{
    const auto it = m_byOrderId.constFind(orderId);
    if (it == m_byOrderId.cend())
        return;
    m_outcomes[*it].state = State::Sent;
    m_outcomes[*it].reason.clear();
    emit outcomesChanged();
}

void LeadImporter::onRejected(const QString &orderId, const ApiError &error)
{
    const auto it = m_byOrderId.constFind(orderId);
    if (it == m_byOrderId.cend())
        return;
    m_outcomes[*it].state = State::Rejected;
    m_outcomes[*it].reason = error.message.isEmpty() ? error.code : error.message;
    emit outcomesChanged();
}

int LeadImporter::count(State state) const
{
    int n = 0;
    for (const Outcome &outcome : m_outcomes)
        n += outcome.state == state ? 1 : 0;
    return n;
}

int LeadImporter::resentCount() const
{
    int n = 0;
    for (const Outcome &outcome : m_outcomes)
        n += outcome.resent ? 1 : 0;
    return n;
}

QByteArray LeadImporter::problemRowsCsv() const
{
    auto line = [](const QStringList &cells) -> QByteArray {
        QStringList fields;
        for (const QString &cell : cells)
            fields.append(CsvExport::field(cell));
        return fields.join(u',').toUtf8() + "\r\n";
    };
    QByteArray csv("\xEF\xBB\xBF");
    int columns = int(m_header.size());
    for (const Outcome &outcome : m_outcomes)
        columns = qMax(columns, int(outcome.row.cells.size()));
    QStringList header = m_header;
    while (header.size() < columns)
        header.append(tr("Column %1").arg(header.size() + 1));
    csv += line(header << tr("Reason"));
    for (const Outcome &outcome : m_outcomes) {
        if (outcome.state != State::Invalid && outcome.state != State::Rejected &&
            outcome.state != State::NotStored)
            continue;
        QStringList cells = outcome.row.cells;
        while (cells.size() < columns)
            cells.append(QString());
        csv += line(cells << outcome.reason);
    }
    return csv;
}

bool LeadImporter::saveProblemRows(const QString &filePath, QString *error) const
{
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(problemRowsCsv()) < 0 || !file.commit()) {
        if (error)
            *error = tr("The file could not be saved: %1").arg(file.errorString());
        return false;
    }
    return true;
}

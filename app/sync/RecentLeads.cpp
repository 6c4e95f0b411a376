#include "RecentLeads.h"

#include "LeadGateway.h"
#include "api/ApiTypes.h"
#include "leads/Lead.h"

#include <QLocale>

RecentLeads::RecentLeads(LeadGateway *gateway, QObject *parent)
    : QAbstractListModel(parent), m_gateway(gateway)
{
    if (!m_gateway)
        return;
    connect(m_gateway, &LeadGateway::sent, this, [this](const QString &ourOrderId, const QString &networkId) {
        setAnswer(ourOrderId, Answer::Accepted, networkId, nullptr);
    });
    connect(m_gateway, &LeadGateway::rejected, this,
            [this](const QString &ourOrderId, const ApiError &error) {
                setAnswer(ourOrderId, Answer::Refused, QString(), &error);
            });
    connect(m_gateway, &LeadGateway::deferred, this,
            [this](const QString &ourOrderId, const ApiError &error) {
                setAnswer(ourOrderId, Answer::Waiting, QString(), &error);
            });
}

void RecentLeads::add(const QString &ourOrderId, const Lead &lead)
{
    if (ourOrderId.isEmpty() || rowOf(ourOrderId) >= 0)
        return;
    Entry entry;
    entry.orderId = ourOrderId;
    entry.customer = lead.name.trimmed().isEmpty() ? lead.phone : lead.name.trimmed();
    entry.offer = lead.offer;
    entry.storedAt = QDateTime::currentDateTime();
    beginInsertRows(QModelIndex(), 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
    if (m_entries.size() > MaxKept) {
        beginRemoveRows(QModelIndex(), MaxKept, int(m_entries.size()) - 1);
        m_entries.erase(m_entries.begin() + MaxKept, m_entries.end());
        endRemoveRows();
    }
}

void RecentLeads::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int RecentLeads::rowOf(const QString &ourOrderId) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).orderId == ourOrderId)
            return int(row);
    }
    return -1;
}

RecentLeads::Answer RecentLeads::answerAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).answer : Answer::Sending;
}

QString RecentLeads::orderIdAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).orderId : QString();
}

void RecentLeads::setAnswer(const QString &ourOrderId, Answer answer, const QString &networkOrderId,
                            const ApiError *error)
{
    const int row = rowOf(ourOrderId);
    if (row < 0)
        return; // a lead from before this list, or of another form: the outbox screen shows those
    Entry &entry = m_entries[row];
    entry.answer = answer;
    entry.networkOrderId = networkOrderId;
    entry.reason = error ? (error->message.isEmpty() ? error->code : error->message) : QString();
    entry.code = error ? error->code : QString();
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

QString RecentLeads::answerText(const Entry &entry) const
{
    switch (entry.answer) {
    case Answer::Sending:
        return tr("sending\u2026");
    case Answer::Accepted:
        return tr("accepted, network order %1").arg(entry.networkOrderId);
    case Answer::Refused:
        // The words lead, so that a refusal reads as one without its colour.
        return entry.code.isEmpty() || entry.code == entry.reason
                   ? tr("REFUSED: %1").arg(entry.reason)
                   : tr("REFUSED: %1 (code: %2)").arg(entry.reason, entry.code);
    case Answer::Waiting:
        return tr("not sent yet, retried automatically: %1").arg(entry.reason);
    }
    return QString();
}

QString RecentLeads::lineText(const Entry &entry) const
{
    const QString time = QLocale().toString(entry.storedAt.time(), QLocale::ShortFormat);
    return tr("%1  Order %2, %3, offer %4: %5")
        .arg(time, entry.orderId, entry.customer, entry.offer, answerText(entry));
}

int RecentLeads::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant RecentLeads::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return lineText(entry);
    case Qt::ToolTipRole:
        return entry.answer == Answer::Accepted ? tr("Enter or click: show this lead on the Leads screen")
                                                : tr("Enter or click: show this lead in the outbox, where it "
                                                     "can be corrected and sent again");
    case OrderIdRole:
        return entry.orderId;
    case AnswerRole:
        return int(entry.answer);
    case AnswerTextRole:
        return answerText(entry);
    case NeedsAttentionRole:
        return entry.answer == Answer::Refused;
    default:
        return {};
    }
}

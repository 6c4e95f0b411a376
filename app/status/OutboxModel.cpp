#include "OutboxModel.h"

#include "journal/Journal.h"

#include <QLocale>

#include <algorithm>

namespace {

bool olderFirst(const JournalEntry &left, const JournalEntry &right)
{
    if (left.createdAt != right.createdAt)
        return left.createdAt < right.createdAt;
    return left.key < right.key;
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

OutboxModel::OutboxModel(Journal *journal, QObject *parent) : QAbstractTableModel(parent), m_journal(journal)
{
    connect(m_journal, &Journal::leadsAdded, this, &OutboxModel::onLeadsTouched);
    connect(m_journal, &Journal::leadsChanged, this, &OutboxModel::onLeadsTouched);
    connect(m_journal, &Journal::leadsRemoved, this, &OutboxModel::onLeadsRemoved);
}

bool OutboxModel::belongsInOutbox(SendState state)
{
    return state == SendState::Queued || state == SendState::Sending || state == SendState::Unknown ||
           state == SendState::Rejected;
}

void OutboxModel::setProfile(const QString &profileId)
{
    m_profileId = profileId;
    reload();
}

void OutboxModel::reload()
{
    beginResetModel();
    m_entries = m_profileId.isEmpty() ? QList<JournalEntry>() : m_journal->outboxEntries(m_profileId);
    endResetModel();
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NB_COLUMNS;
}

int OutboxModel::rowOfKey(const QString &key) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).key == key)
            return row;
    }
    return -1;
}

QString OutboxModel::reasonText(const JournalEntry &entry) const
{
    QString text = entry.errorText.isEmpty() ? entry.errorCode : entry.errorText;
    if (entry.maybeDelivered && entry.sendState != SendState::Rejected)
        text = text.isEmpty()
                   ? tr("It may already be on the network; it is checked before any resend.")
                   : tr("%1 It may already be on the network; it is checked before any resend.").arg(text);
    return text;
}

QString OutboxModel::nextTryText(const JournalEntry &entry) const
{
    switch (entry.sendState) {
    case SendState::Sending:
        return tr("now");
    case SendState::Rejected:
        return tr("waits for you");
    default:
        return entry.nextTryAt.isValid() ? timeText(entry.nextTryAt) : tr("waits for you");
    }
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const JournalEntry &entry = m_entries.at(index.row());
    if (role == KeyRole)
        return entry.key;
    if (role == SendStateRole)
        return int(entry.sendState);
    if (role == Qt::ToolTipRole) {
        QStringList lines;
        lines << tr("Order %1: %2")
                     .arg(entry.isAuto() ? tr("(auto)") : entry.orderId,
                          SendStates::displayName(entry.sendState));
        if (!entry.errorCode.isEmpty())
            lines << tr("Code: %1").arg(entry.errorCode);
        if (!entry.errorText.isEmpty())
            lines << entry.errorText;
        if (entry.isAuto())
            lines << tr("Sent with \"auto\": the network picks its id, so a resend cannot be checked for a "
                        "duplicate.");
        return lines.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case OrderId:
        return entry.isAuto() ? tr("(auto)") : entry.orderId;
    case Created:
        return timeText(entry.createdAt);
    case State:
        return SendStates::displayName(entry.sendState);
    case Attempts:
        return entry.attempts;
    case NextTry:
        return nextTryText(entry);
    case Reason:
        return reasonText(entry);
    case Offer:
        return entry.lead.offer;
    case Phone:
        return entry.lead.phone;
    case Name:
        return entry.lead.name;
    default:
        return QVariant();
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case OrderId:
        return tr("Order id");
    case Created:
        return tr("Created");
    case State:
        return tr("State");
    case Attempts:
        return tr("Attempts");
    case NextTry:
        return tr("Next try");
    case Reason:
        return tr("Reason");
    case Offer:
        return tr("Offer");
    case Phone:
        return tr("Phone");
    case Name:
        return tr("Name");
    default:
        return QVariant();
    }
}

void OutboxModel::onLeadsTouched(const QString &profileId, const QStringList &keys)
{
    if (profileId != m_profileId)
        return;
    for (const QString &key : keys) {
        const std::optional<JournalEntry> entry = m_journal->entry(m_profileId, key);
        const int row = rowOfKey(key);
        if (!entry || !belongsInOutbox(entry->sendState)) {
            removeRowOf(key); // sent, or tracked only: no longer the outbox's business
            continue;
        }
        if (row >= 0) {
            m_entries[row] = *entry;
            emit dataChanged(index(row, 0), index(row, NB_COLUMNS - 1));
            continue;
        }
        const auto position = std::upper_bound(m_entries.cbegin(), m_entries.cend(), *entry, olderFirst);
        const int insertAt = int(position - m_entries.cbegin());
        beginInsertRows(QModelIndex(), insertAt, insertAt);
        m_entries.insert(insertAt, *entry);
        endInsertRows();
    }
}

void OutboxModel::onLeadsRemoved(const QString &profileId, const QStringList &keys)
{
    if (profileId != m_profileId)
        return;
    for (const QString &key : keys)
        removeRowOf(key);
}

void OutboxModel::removeRowOf(const QString &key)
{
    const int row = rowOfKey(key);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_entries.removeAt(row);
    endRemoveRows();
}

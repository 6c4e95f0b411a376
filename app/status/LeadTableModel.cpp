#include "LeadTableModel.h"

#include "journal/Journal.h"
#include "journal/StatusProgress.h"
#include "leads/StatusCatalog.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace {

Q_LOGGING_CATEGORY(lcStatusTable, "cpadesk.status", QtWarningMsg)

QString digitsOf(const QString &text)
{
    QString digits;
    digits.reserve(text.size());
    for (const QChar c : text) {
        if (c.isDigit())
            digits.append(c);
    }
    return digits;
}

QString searchTextOf(const JournalRow &lead)
{
    return (lead.orderId % QLatin1Char('\n') % lead.networkOrderId % QLatin1Char('\n') % lead.name).toLower();
}

bool isAllDigits(const QString &text)
{
    if (text.isEmpty())
        return false;
    return std::all_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
}

// The id as a number when it is all digits and fits in 18 of them (so no overflow), else -1.
qint64 numericId(const QString &id)
{
    if (id.size() > 18 || !isAllDigits(id))
        return -1;
    return id.toLongLong();
}

// Leading zeros carry no value, but "007" and "7" must still be told apart: they tie on value and
// then fall back to their text.
QStringView withoutLeadingZeros(const QString &digits)
{
    qsizetype first = 0;
    while (first + 1 < digits.size() && digits.at(first) == QLatin1Char('0'))
        ++first;
    return QStringView(digits).mid(first);
}

template <typename T> int compareValues(const T &left, const T &right)
{
    return left < right ? -1 : (right < left ? 1 : 0);
}

// Pipeline order for sorting: the known stages as the lead moves, then words this version does not
// know, then leads the network has not reported on.
int stageRank(const QString &stage)
{
    return int(StatusCatalog::stageOf(stage));
}

QString timeText(qint64 ms)
{
    if (ms <= 0)
        return QString();
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

QString isoTimeText(qint64 ms)
{
    if (ms <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString outcomeText(const QString &stage, int status, const QString &engineStatusText = QString())
{
    const QString stageName = StatusCatalog::stageName(stage);
    const QString statusName = StatusCatalog::statusName(status, engineStatusText);
    if (stageName.isEmpty())
        return statusName.isEmpty() ? LeadTableModel::tr("nothing yet") : statusName;
    if (statusName.isEmpty())
        return stageName;
    return LeadTableModel::tr("%1, %2").arg(stageName, statusName);
}

// Compares two leads by a column, the way LeadTableModel::compareRows() describes.
int compareLeads(const JournalRow &left, const JournalRow &right, int column)
{
    switch (column) {
    case LeadTableModel::OrderId:
        return LeadTableModel::compareIds(left.orderId, right.orderId);
    case LeadTableModel::NetworkId:
        return LeadTableModel::compareIds(left.networkOrderId, right.networkOrderId);
    case LeadTableModel::Created:
        return compareValues(left.createdAtMs, right.createdAtMs);
    case LeadTableModel::Checked:
        return compareValues(left.checkedAtMs, right.checkedAtMs);
    case LeadTableModel::Changed:
        return compareValues(left.changedAtMs, right.changedAtMs);
    case LeadTableModel::Offer:
        return LeadTableModel::compareIds(left.offer, right.offer);
    case LeadTableModel::Wm:
        return LeadTableModel::compareIds(left.wm, right.wm);
    case LeadTableModel::Phone:
        return LeadTableModel::compareIds(left.phone, right.phone);
    case LeadTableModel::Name:
        return left.name.compare(right.name, Qt::CaseInsensitive);
    case LeadTableModel::Country:
        return left.country.compare(right.country, Qt::CaseInsensitive);
    case LeadTableModel::Comment:
        return left.comment.compare(right.comment, Qt::CaseInsensitive);
    case LeadTableModel::Stage:
        if (const int byStage = compareValues(stageRank(left.stage), stageRank(right.stage)); byStage != 0)
            return byStage;
        // Unknown stage words among themselves, and unreported leads by how far they got.
        if (const int byWord = left.stage.compare(right.stage); byWord != 0)
            return byWord;
        return compareValues(int(left.sendState), int(right.sendState));
    case LeadTableModel::Status:
        return compareValues(left.status, right.status);
    case LeadTableModel::Reason:
        return compareValues(left.reason, right.reason);
    case LeadTableModel::Count:
        return compareValues(left.count, right.count);
    default:
        return 0;
    }
}

} // namespace

LeadTableModel::LeadTableModel(Journal *journal, QObject *parent)
    : QAbstractTableModel(parent), m_journal(journal)
{
    connect(m_journal, &Journal::leadsAdded, this, &LeadTableModel::onLeadsAdded);
    connect(m_journal, &Journal::leadsChanged, this, &LeadTableModel::onLeadsChanged);
    connect(m_journal, &Journal::leadsRemoved, this, &LeadTableModel::onLeadsRemoved);
    connect(m_journal, &Journal::statusesMerged, this, &LeadTableModel::onStatusesMerged);
    connect(m_journal, &Journal::rowsLoaded, this, &LeadTableModel::onRowsLoaded);
    connect(m_journal, &Journal::rowsLoadFailed, this, &LeadTableModel::onRowsLoadFailed);
}

void LeadTableModel::setProfile(const QString &profileId)
{
    m_profileId = profileId;
    reload();
}

void LeadTableModel::reload()
{
    const bool wasLoading = isLoading();
    beginResetModel();
    m_rows.clear();
    m_keys.clear();
    m_order.clear();
    m_historyKey.clear();
    m_removedWhileLoading.clear();
    m_loadTicket = 0;
    if (m_loadInBackground && !m_profileId.isEmpty()) {
        rebuildIndexes();
        m_loadTicket = m_journal->loadRowsInBackground(m_profileId);
        endResetModel();
        if (!wasLoading)
            emit loadingChanged(true);
        return;
    }
    if (!m_profileId.isEmpty())
        m_rows = m_journal->rows(m_profileId);
    m_keys.reserve(m_rows.size());
    for (const JournalRow &lead : std::as_const(m_rows))
        m_keys.append(keysOf(lead));
    m_order.resize(m_rows.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    if (m_sortColumn >= 0)
        std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return slotLess(a, b); });
    rebuildIndexes();
    endResetModel();
    emit distinctValuesMayHaveChanged();
    if (wasLoading)
        emit loadingChanged(false);
}

void LeadTableModel::onRowsLoaded(quint64 ticket, const QString &profileId, const QVector<JournalRow> &rows,
                                  bool last)
{
    if (ticket != m_loadTicket || profileId != m_profileId)
        return;
    // Leads the model heard of while the load ran were read after their change: theirs is the newer
    // copy. Leads removed meanwhile stay removed.
    QVector<JournalRow> fresh;
    fresh.reserve(rows.size());
    for (const JournalRow &lead : rows)
        if (!m_slotByKey.contains(lead.key) && !m_removedWhileLoading.contains(lead.key))
            fresh.append(lead);
    addRows(fresh, false);
    if (last)
        finishLoading();
}

void LeadTableModel::onRowsLoadFailed(quint64 ticket, const QString &profileId, const QString &error)
{
    if (ticket != m_loadTicket || profileId != m_profileId)
        return;
    // The background connection failed (it could not open the file, say): read here instead, once.
    qCWarning(lcStatusTable) << "background load failed; reading the rows at once:" << error;
    m_loadInBackground = false;
    reload();
    m_loadInBackground = true;
}

void LeadTableModel::finishLoading()
{
    m_loadTicket = 0;
    m_removedWhileLoading.clear();
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
    emit distinctValuesMayHaveChanged();
    emit loadingChanged(false);
}

int LeadTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int LeadTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NB_COLUMNS;
}

QVariant LeadTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const JournalRow &lead = leadAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(lead, index.column());
    case ExportRole:
        switch (index.column()) {
        case Created:
            return isoTimeText(lead.createdAtMs);
        case Checked:
            return isoTimeText(lead.checkedAtMs);
        case Changed:
            return isoTimeText(lead.changedAtMs);
        default:
            return displayText(lead, index.column());
        }
    case UnderlyingDataRole:
        return sortValue(lead, index.column());
    case StageRole:
        return lead.stage;
    case KeyRole:
        return lead.key;
    case UnseenRole:
        return lead.unseenChange;
    case Qt::ToolTipRole:
        return toolTip(lead);
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case OrderId:
        case NetworkId:
        case Count:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant();
        }
    default:
        return QVariant();
    }
}

QVariant LeadTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= NB_COLUMNS)
        return QVariant();
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case OrderId:
            return tr("Our order id: the id this desk (or the system that sent the lead) gave it");
        case NetworkId:
            return tr("The network's id for the order");
        case Stage:
            return tr("Where the order stands: waiting, on hold, approved, cancelled or trash");
        case Checked:
            return tr("When the network was last asked about the order");
        case Changed:
            return tr("When the network last reported a change");
        default:
            return QVariant();
        }
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case OrderId:
        return tr("Order id");
    case NetworkId:
        return tr("Network id");
    case Created:
        return tr("Created");
    case Offer:
        return tr("Offer");
    case Wm:
        return tr("Webmaster");
    case Name:
        return tr("Name");
    case Phone:
        return tr("Phone");
    case Country:
        return tr("Country");
    case Stage:
        return tr("Stage");
    case Status:
        return tr("Status");
    case Reason:
        return tr("Reason");
    case Count:
        return tr("Goods");
    case Comment:
        return tr("Comment");
    case Checked:
        return tr("Checked");
    case Changed:
        return tr("Changed");
    default:
        return QVariant();
    }
}

QVariant LeadTableModel::displayText(const JournalRow &lead, int column) const
{
    switch (column) {
    case OrderId:
        return lead.orderId.isEmpty() ? tr("(auto)") : lead.orderId;
    case NetworkId:
        return lead.networkOrderId;
    case Created:
        return timeText(lead.createdAtMs);
    case Offer:
        return lead.offer;
    case Wm:
        return lead.wm;
    case Name:
        return lead.name;
    case Phone:
        return lead.phone;
    case Country:
        return lead.country.toUpper();
    case Stage:
        // Before the network reports on a lead, where it stands on its way there is the news.
        if (lead.stage.isEmpty())
            return SendStates::displayName(lead.sendState);
        return StatusCatalog::stageName(lead.stage);
    case Status:
        return StatusCatalog::statusName(lead.status, lead.statusText);
    case Reason:
        return StatusCatalog::reasonText(lead.reason, lead.reasonText);
    case Count:
        return lead.count >= 0 ? QString::number(lead.count) : QString();
    case Comment:
        return lead.comment;
    case Checked:
        return timeText(lead.checkedAtMs);
    case Changed:
        return timeText(lead.changedAtMs);
    default:
        return QVariant();
    }
}

QVariant LeadTableModel::sortValue(const JournalRow &lead, int column) const
{
    switch (column) {
    case OrderId:
    case NetworkId: {
        const QString &id = column == OrderId ? lead.orderId : lead.networkOrderId;
        // Ids are text (they may exceed any integer); those that fit are given as numbers.
        bool ok = false;
        const qulonglong number = isAllDigits(id) ? id.toULongLong(&ok) : 0;
        return ok ? QVariant(number) : QVariant(id);
    }
    case Created:
        return lead.createdAtMs;
    case Checked:
        return lead.checkedAtMs;
    case Changed:
        return lead.changedAtMs;
    case Stage:
        return stageRank(lead.stage);
    case Status:
        return int(lead.status);
    case Reason:
        return int(lead.reason);
    case Count:
        return lead.count;
    case Country:
        return lead.country.toUpper();
    default:
        return displayText(lead, column);
    }
}

int LeadTableModel::compareIds(const QString &left, const QString &right)
{
    const bool leftNumeric = isAllDigits(left);
    const bool rightNumeric = isAllDigits(right);
    if (leftNumeric != rightNumeric)
        return leftNumeric ? -1 : 1;
    if (leftNumeric) {
        const QStringView leftValue = withoutLeadingZeros(left);
        const QStringView rightValue = withoutLeadingZeros(right);
        if (leftValue.size() != rightValue.size())
            return leftValue.size() < rightValue.size() ? -1 : 1;
        if (const int byValue = leftValue.compare(rightValue); byValue != 0)
            return byValue;
    }
    return left.compare(right);
}

int LeadTableModel::compareRows(int leftRow, int rightRow, int column) const
{
    return compareLeads(leadAt(leftRow), leadAt(rightRow), column);
}

QStringList LeadTableModel::distinctValues(Column column) const
{
    QSet<QString> values;
    for (const JournalRow &lead : m_rows) {
        switch (column) {
        case Offer:
            values.insert(lead.offer);
            break;
        case Wm:
            values.insert(lead.wm);
            break;
        case Country:
            values.insert(lead.country.toUpper());
            break;
        default:
            break;
        }
    }
    values.remove(QString());
    QStringList sorted(values.cbegin(), values.cend());
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return compareIds(a, b) < 0; });
    return sorted;
}

QString LeadTableModel::toolTip(const JournalRow &lead) const
{
    QStringList lines;
    lines << (lead.networkOrderId.isEmpty()
                  ? tr("Order %1").arg(lead.orderId.isEmpty() ? tr("(auto)") : lead.orderId)
                  : tr("Order %1, network order %2").arg(lead.orderId, lead.networkOrderId));
    // Not reported on yet: neither stage nor status (an older engine sends a status above 12 without a
    // stage, and none can be derived from it: that lead has been reported on).
    if (lead.stage.isEmpty() && lead.status == 0) {
        lines << tr("Not reported on by the network yet: %1").arg(SendStates::displayName(lead.sendState));
        if (!lead.errorCode.isEmpty())
            lines << tr("Last error: %1").arg(lead.errorCode);
    } else {
        if (!lead.stage.isEmpty())
            lines << tr("Stage: %1 (code \"%2\")").arg(StatusCatalog::stageName(lead.stage), lead.stage);
        if (lead.stageDerived)
            lines << tr("The network sent no stage: this one was derived from the status.");
        if (!lead.stageText.isEmpty())
            lines << tr("The network's words for the stage: %1").arg(lead.stageText);
        if (lead.status != 0)
            lines << tr("Status: %1 (code %2)")
                         .arg(StatusCatalog::statusName(lead.status, lead.statusText))
                         .arg(lead.status);
        if (!lead.statusText.isEmpty())
            lines << tr("The network's words for the status: %1").arg(lead.statusText);
        if (lead.reason != 0)
            lines << tr("Reason: %1 (code %2)").arg(StatusCatalog::reasonText(lead.reason)).arg(lead.reason);
        if (!lead.reasonText.isEmpty())
            lines << tr("The network's words for the reason: %1").arg(lead.reasonText);
        if (StatusProgress::isFinal(lead.stage, lead.status))
            lines << tr("This outcome is final.");
    }
    if (!lead.comment.isEmpty())
        lines << tr("Comment: %1").arg(lead.comment);
    if (lead.unseenChange)
        lines << tr("Changed since you last looked.");
    const QString history = historyText(lead);
    if (!history.isEmpty())
        lines << QString() << tr("History:") << history;
    return lines.join(QLatin1Char('\n'));
}

QString LeadTableModel::historyText(const JournalRow &lead) const
{
    if (lead.changedAtMs <= 0)
        return QString(); // no change was ever recorded: spare the journal a query
    if (m_historyKey == lead.key)
        return m_historyText;
    QStringList lines;
    const QList<StatusChange> changes = m_journal->history(m_profileId, lead.key);
    for (const StatusChange &change : changes) {
        QString line = tr("%1: %2 → %3")
                           .arg(QLocale().toString(change.changedAt.toLocalTime(), QLocale::ShortFormat),
                                outcomeText(change.previousStage, change.previousStatus),
                                outcomeText(change.stage, change.status, change.statusText));
        if (change.reason != 0)
            line += tr(" (%1)").arg(StatusCatalog::reasonText(change.reason));
        lines << line;
    }
    m_historyKey = lead.key;
    m_historyText = lines.join(QLatin1Char('\n'));
    return m_historyText;
}

int LeadTableModel::rowOfKey(const QString &key) const
{
    const int slot = m_slotByKey.value(key, -1);
    return slot < 0 ? -1 : m_rowOfSlot.at(slot);
}

void LeadTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= NB_COLUMNS)
        column = -1;
    reorder([&] {
        m_sortColumn = column;
        m_sortOrder = order;
        std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return slotLess(a, b); });
    });
}

void LeadTableModel::reorder(const std::function<void()> &rearrangeOrder)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Persistent indexes follow their lead: remember each one's slot, find its row again afterwards.
    const QModelIndexList before = persistentIndexList();
    QVector<int> slotsBefore;
    slotsBefore.reserve(before.size());
    for (const QModelIndex &index : before)
        slotsBefore.append(m_order.at(index.row()));
    rearrangeOrder();
    rebuildRowOfSlot();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(m_rowOfSlot.at(slotsBefore.at(i)), before.at(i).column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool LeadTableModel::slotLess(int leftSlot, int rightSlot) const
{
    if (m_sortColumn >= 0) {
        int byColumn = 0;
        // Ids that fit a number compare as numbers without touching their text: the common sort,
        // kept cheap for 100,000 rows. Equal numbers ("007", "7") fall through to the full rule.
        const LeadKeys &left = m_keys.at(leftSlot);
        const LeadKeys &right = m_keys.at(rightSlot);
        if (m_sortColumn == OrderId && left.orderNumber >= 0 && right.orderNumber >= 0)
            byColumn = compareValues(left.orderNumber, right.orderNumber);
        else if (m_sortColumn == NetworkId && left.networkNumber >= 0 && right.networkNumber >= 0)
            byColumn = compareValues(left.networkNumber, right.networkNumber);
        else if (m_sortColumn == Name)
            byColumn = left.nameKey.compare(right.nameKey);
        if (byColumn == 0)
            byColumn = compareLeads(m_rows.at(leftSlot), m_rows.at(rightSlot), m_sortColumn);
        if (m_sortOrder == Qt::DescendingOrder)
            byColumn = -byColumn;
        if (byColumn != 0)
            return byColumn < 0;
    }
    // Ties (and the unsorted state) keep the journal's order: oldest first, new arrivals last.
    return leftSlot < rightSlot;
}

bool LeadTableModel::isInPlace(int row) const
{
    const int slot = m_order.at(row);
    if (row > 0 && slotLess(slot, m_order.at(row - 1)))
        return false;
    return row + 1 >= m_order.size() || !slotLess(m_order.at(row + 1), slot);
}

int LeadTableModel::sortedInsertPosition(int slot) const
{
    const auto position = std::lower_bound(m_order.cbegin(), m_order.cend(), slot,
                                           [this](int a, int b) { return slotLess(a, b); });
    return int(position - m_order.cbegin());
}

void LeadTableModel::reposition(const QList<int> &rows)
{
    reorder([&] {
        // A few rows are taken out and put back where they belong; many at once are cheaper to sort.
        constexpr int fewRows = 256;
        if (rows.size() > fewRows) {
            std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return slotLess(a, b); });
            return;
        }
        QVector<int> moving;
        moving.reserve(rows.size());
        QVector<bool> isMoving(m_rows.size(), false);
        for (const int row : rows) {
            const int slot = m_order.at(row);
            if (!isMoving.at(slot)) {
                isMoving[slot] = true;
                moving.append(slot);
            }
        }
        m_order.erase(
            std::remove_if(m_order.begin(), m_order.end(), [&](int slot) { return isMoving.at(slot); }),
            m_order.end());
        for (const int slot : std::as_const(moving))
            m_order.insert(sortedInsertPosition(slot), slot);
    });
}

void LeadTableModel::onLeadsAdded(const QString &profileId, const QStringList &keys)
{
    if (profileId != m_profileId || keys.isEmpty())
        return;
    // A key the model already holds (a re-announced lead) is a change, not a second row.
    QStringList known;
    QStringList fresh;
    for (const QString &key : keys)
        (m_slotByKey.contains(key) ? known : fresh).append(key);
    if (!fresh.isEmpty())
        addRows(m_journal->rows(m_profileId, fresh));
    if (!known.isEmpty())
        onLeadsChanged(profileId, known);
}

void LeadTableModel::onLeadsChanged(const QString &profileId, const QStringList &keys)
{
    if (profileId != m_profileId || keys.isEmpty())
        return;
    applyFreshRows(m_journal->rows(m_profileId, keys));
}

void LeadTableModel::onStatusesMerged(quint64, const QString &profileId, const StatusMergeBatch &batch)
{
    if (profileId != m_profileId || !batch.ok)
        return;
    applyStatusUpdates(batch.changedStatuses, batch.checkedAtMs);
    // Every lead asked about was checked just now, changed or not: only that column moves.
    QList<int> checkedRows;
    for (const QString &key : batch.checkedKeys) {
        const int slot = m_slotByKey.value(key, -1);
        if (slot < 0 || m_rows.at(slot).checkedAtMs == batch.checkedAtMs)
            continue;
        m_rows[slot].checkedAtMs = batch.checkedAtMs;
        checkedRows.append(m_rowOfSlot.at(slot));
    }
    emitRowsChanged(checkedRows, Checked);
    if (m_sortColumn == Checked && !checkedRows.isEmpty())
        reposition(checkedRows);
}

void LeadTableModel::applyStatusUpdates(const QVector<StatusUpdate> &updates, qint64 checkedAtMs)
{
    QVector<JournalRow> fresh;
    fresh.reserve(updates.size());
    QStringList missing; // changed before this model heard it was added: read whole
    for (const StatusUpdate &update : updates) {
        const int slot = m_slotByKey.value(update.key, -1);
        if (slot < 0) {
            missing.append(update.key);
            continue;
        }
        JournalRow row = m_rows.at(slot);
        update.applyTo(row);
        row.checkedAtMs = checkedAtMs; // one change of the row, not two
        fresh.append(std::move(row));
    }
    if (!missing.isEmpty())
        fresh.append(m_journal->rows(m_profileId, missing));
    applyFreshRows(fresh);
}

void LeadTableModel::applyFreshRows(const QVector<JournalRow> &fresh)
{
    if (fresh.isEmpty())
        return;
    QVector<JournalRow> missing;
    QList<int> changedRows;
    changedRows.reserve(fresh.size());
    for (const JournalRow &lead : fresh) {
        const int slot = m_slotByKey.value(lead.key, -1);
        if (slot < 0) {
            missing.append(lead); // changed before this model heard it was added
            continue;
        }
        storeInSlot(slot, lead);
        changedRows.append(m_rowOfSlot.at(slot));
        if (lead.key == m_historyKey)
            m_historyKey.clear();
    }
    emitRowsChanged(changedRows);
    if (m_sortColumn >= 0) {
        const bool sorted =
            std::all_of(changedRows.cbegin(), changedRows.cend(), [this](int row) { return isInPlace(row); });
        if (!sorted)
            reposition(changedRows);
    }
    if (!missing.isEmpty())
        addRows(missing);
}

void LeadTableModel::onLeadsRemoved(const QString &profileId, const QStringList &keys)
{
    if (profileId != m_profileId)
        return;
    if (isLoading())
        m_removedWhileLoading.unite(QSet<QString>(keys.cbegin(), keys.cend()));
    QList<int> rows;
    QVector<bool> removedSlot(m_rows.size(), false);
    for (const QString &key : keys) {
        const int slot = m_slotByKey.value(key, -1);
        if (slot >= 0 && !removedSlot.at(slot)) {
            removedSlot[slot] = true;
            rows.append(m_rowOfSlot.at(slot));
        }
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    // Remove runs of neighbouring rows from the bottom up so earlier row numbers stay valid.
    for (qsizetype i = 0; i < rows.size();) {
        const int last = rows.at(i);
        int first = last;
        while (++i < rows.size() && rows.at(i) == first - 1)
            first = rows.at(i);
        beginRemoveRows(QModelIndex(), first, last);
        m_order.remove(first, last - first + 1);
        endRemoveRows();
    }
    // Then close the gaps in storage; the rows shown do not move.
    QVector<int> newSlot(m_rows.size(), -1);
    int kept = 0;
    for (int slot = 0; slot < m_rows.size(); ++slot) {
        if (removedSlot.at(slot))
            continue;
        newSlot[slot] = kept;
        if (kept != slot) {
            m_rows[kept] = std::move(m_rows[slot]);
            m_keys[kept] = std::move(m_keys[slot]);
        }
        ++kept;
    }
    m_rows.resize(kept);
    m_keys.resize(kept);
    for (int &slot : m_order)
        slot = newSlot.at(slot);
    m_historyKey.clear();
    rebuildIndexes();
}

void LeadTableModel::addRows(const QVector<JournalRow> &rows, bool keepSorted)
{
    if (rows.isEmpty())
        return;
    const int firstSlot = int(m_rows.size());
    for (const JournalRow &lead : rows) {
        m_slotByKey.insert(lead.key, int(m_rows.size()));
        m_rows.append(lead);
        m_keys.append(keysOf(lead));
        m_rowOfSlot.append(-1);
    }
    const int added = int(rows.size());
    // A few new leads go straight to their sorted place; a big import is appended, then sorted.
    constexpr int fewRows = 64;
    if (keepSorted && m_sortColumn >= 0 && added <= fewRows) {
        for (int slot = firstSlot; slot < firstSlot + added; ++slot) {
            const int row = sortedInsertPosition(slot);
            beginInsertRows(QModelIndex(), row, row);
            m_order.insert(row, slot);
            rebuildRowOfSlot();
            endInsertRows();
        }
    } else {
        const int firstRow = int(m_order.size());
        beginInsertRows(QModelIndex(), firstRow, firstRow + added - 1);
        for (int slot = firstSlot; slot < firstSlot + added; ++slot) {
            m_rowOfSlot[slot] = int(m_order.size());
            m_order.append(slot);
        }
        endInsertRows();
        if (keepSorted && m_sortColumn >= 0) {
            QList<int> newRows(added);
            std::iota(newRows.begin(), newRows.end(), firstRow);
            reposition(newRows);
        }
    }
    if (!isLoading())
        emit distinctValuesMayHaveChanged();
}

void LeadTableModel::storeInSlot(int slot, const JournalRow &lead)
{
    m_rows[slot] = lead;
    m_keys[slot] = keysOf(lead);
}

LeadTableModel::LeadKeys LeadTableModel::keysOf(const JournalRow &lead)
{
    LeadKeys keys;
    keys.searchText = searchTextOf(lead);
    keys.phoneDigits = digitsOf(lead.phone);
    keys.nameKey = lead.name.toLower();
    keys.orderNumber = numericId(lead.orderId);
    keys.networkNumber = numericId(lead.networkOrderId);
    return keys;
}

void LeadTableModel::rebuildIndexes()
{
    m_slotByKey.clear();
    m_slotByKey.reserve(m_rows.size());
    for (int slot = 0; slot < m_rows.size(); ++slot)
        m_slotByKey.insert(m_rows.at(slot).key, slot);
    rebuildRowOfSlot();
}

void LeadTableModel::rebuildRowOfSlot()
{
    m_rowOfSlot.resize(m_rows.size());
    for (int row = 0; row < m_order.size(); ++row)
        m_rowOfSlot[m_order.at(row)] = row;
}

void LeadTableModel::emitRowsChanged(QList<int> rows, int column)
{
    // One signal per run of neighbouring rows: a proxy re-filters whatever range it is told changed,
    // so neither one signal per row nor one huge range over unchanged rows.
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (qsizetype i = 0; i < rows.size();) {
        const int first = rows.at(i);
        int last = first;
        while (++i < rows.size() && rows.at(i) == last + 1)
            last = rows.at(i);
        emit dataChanged(index(first, column < 0 ? 0 : column),
                         index(last, column < 0 ? NB_COLUMNS - 1 : column));
    }
}

QStringList LeadTableModel::catalogueWords(int column)
{
    QStringList words;
    switch (column) {
    case LeadTableModel::Stage:
        for (const QString &code : StatusCatalog::knownStageCodes())
            words << StatusCatalog::stageName(code);
        for (SendState state : {SendState::Queued, SendState::Sending, SendState::Sent, SendState::Rejected,
                                SendState::Unknown, SendState::External})
            words << SendStates::displayName(state);
        break;
    case LeadTableModel::Status:
        for (int status = 1; status <= StatusCatalog::LastKnownStatus; ++status)
            words << StatusCatalog::statusName(status);
        break;
    case LeadTableModel::Reason:
        for (int reason = 1; reason <= StatusCatalog::LastKnownReason; ++reason)
            words << StatusCatalog::reasonText(reason);
        break;
    default:
        break;
    }
    return words;
}

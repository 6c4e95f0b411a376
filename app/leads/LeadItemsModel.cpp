#include "LeadItemsModel.h"

#include "LeadValidator.h"

LeadItemsModel::LeadItemsModel(QObject *parent) : QAbstractTableModel(parent) {}

void LeadItemsModel::setItems(const QList<LeadItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

void LeadItemsModel::setPriceDecimals(int decimals)
{
    if (decimals == m_priceDecimals)
        return;
    m_priceDecimals = decimals;
    if (!m_items.isEmpty())
        emit dataChanged(index(0, PriceColumn), index(rowCount() - 1, PriceColumn), {Qt::DisplayRole});
}

void LeadItemsModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (!m_items.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
}

int LeadItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int LeadItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeadItemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const LeadItem &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return item.id;
        case PriceColumn:
            return m_locale.toString(item.price, 'f', m_priceDecimals);
        case CountColumn:
            return m_locale.toString(item.count);
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case IdColumn:
            return item.id;
        case PriceColumn:
            return item.price;
        case CountColumn:
            return item.count;
        }
        break;
    case Qt::ToolTipRole: {
        const QString problem = LeadValidator::checkItem(item);
        return problem.isEmpty() ? QVariant() : QVariant(problem);
    }
    case Qt::TextAlignmentRole:
        if (index.column() != IdColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return QVariant();
}

QVariant LeadItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QVariant();
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case IdColumn:
        return tr("Good id");
    case PriceColumn:
        return tr("Unit price");
    case CountColumn:
        return tr("Quantity");
    }
    return QVariant();
}

bool LeadItemsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    LeadItem &item = m_items[index.row()];
    bool ok = true;
    switch (index.column()) {
    case IdColumn:
        item.id = value.toString().trimmed();
        break;
    case PriceColumn: {
        const double price = value.toDouble(&ok);
        if (!ok)
            return false;
        item.price = price;
        break;
    }
    case CountColumn: {
        const int count = value.toInt(&ok);
        if (!ok)
            return false;
        item.count = count;
        break;
    }
    default:
        return false;
    }
    // The tooltip depends on the whole row, so the whole row changed.
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags LeadItemsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

bool LeadItemsModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > rowCount() || count < 1)
        return false;
    beginInsertRows(QModelIndex(), row, row + count - 1);
    m_items.insert(row, count, LeadItem{});
    endInsertRows();
    return true;
}

bool LeadItemsModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > rowCount())
        return false;
    beginRemoveRows(QModelIndex(), row, row + count - 1);
    m_items.remove(row, count);
    endRemoveRows();
    return true;
}

bool LeadItemsModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                              const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count < 1 || sourceRow < 0 ||
        sourceRow + count > rowCount() || destinationChild < 0 || destinationChild > rowCount())
        return false;
    // beginMoveRows refuses moves onto the moved block itself (and returns false for them).
    if (!beginMoveRows(QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(), destinationChild))
        return false;
    const QList<LeadItem> moved = m_items.mid(sourceRow, count);
    m_items.remove(sourceRow, count);
    const int insertAt = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        m_items.insert(insertAt + i, moved.at(i));
    endMoveRows();
    return true;
}

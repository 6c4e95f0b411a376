#include "LeadItemsModel.h"

#include "LeadValidator.h"

LeadItemsModel::LeadItemsModel(QObject *parent) : EditableRowsModel(parent) {}

void LeadItemsModel::setItems(const QList<LeadItem> &items)
{
    resetRows(items);
}

void LeadItemsModel::setPriceDecimals(int decimals)
{
    if (decimals == m_priceDecimals)
        return;
    m_priceDecimals = decimals;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, PriceColumn), index(rowCount() - 1, PriceColumn), {Qt::DisplayRole});
}

void LeadItemsModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
}

int LeadItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeadItemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const LeadItem &item = m_rows.at(index.row());
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
    LeadItem &item = m_rows[index.row()];
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

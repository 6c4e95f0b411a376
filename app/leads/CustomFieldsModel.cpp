#include "CustomFieldsModel.h"

#include "LeadValidator.h"

CustomFieldsModel::CustomFieldsModel(QObject *parent) : QAbstractTableModel(parent) {}

void CustomFieldsModel::setFields(const QList<Field> &fields)
{
    beginResetModel();
    m_fields = fields;
    endResetModel();
}

int CustomFieldsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_fields.size());
}

int CustomFieldsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomFieldsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Field &field = m_fields.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == KeyColumn ? field.first : field.second;
    case Qt::ToolTipRole:
        for (const LeadProblem &problem : LeadValidator::checkParams(m_fields)) {
            if (problem.row == index.row())
                return problem.message;
        }
        break;
    }
    return QVariant();
}

QVariant CustomFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QVariant();
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case KeyColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    }
    return QVariant();
}

bool CustomFieldsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Field &field = m_fields[index.row()];
    if (index.column() == KeyColumn) {
        field.first = value.toString().trimmed();
        // A key change can make another row a duplicate or stop it being one: every tooltip may change.
        emitAllKeysChanged();
    } else {
        field.second = value.toString();
        emit dataChanged(index, index);
    }
    return true;
}

Qt::ItemFlags CustomFieldsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

bool CustomFieldsModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > rowCount() || count < 1)
        return false;
    beginInsertRows(QModelIndex(), row, row + count - 1);
    m_fields.insert(row, count, Field());
    endInsertRows();
    emitAllKeysChanged();
    return true;
}

bool CustomFieldsModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > rowCount())
        return false;
    beginRemoveRows(QModelIndex(), row, row + count - 1);
    m_fields.remove(row, count);
    endRemoveRows();
    emitAllKeysChanged();
    return true;
}

bool CustomFieldsModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                 const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count < 1 || sourceRow < 0 ||
        sourceRow + count > rowCount() || destinationChild < 0 || destinationChild > rowCount())
        return false;
    if (!beginMoveRows(QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(), destinationChild))
        return false;
    const QList<Field> moved = m_fields.mid(sourceRow, count);
    m_fields.remove(sourceRow, count);
    const int insertAt = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        m_fields.insert(insertAt + i, moved.at(i));
    endMoveRows();
    // Which of two equal keys counts as "used twice" depends on the order.
    emitAllKeysChanged();
    return true;
}

void CustomFieldsModel::emitAllKeysChanged()
{
    if (!m_fields.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ToolTipRole});
}

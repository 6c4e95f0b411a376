#include "CustomFieldsModel.h"

#include "LeadValidator.h"

CustomFieldsModel::CustomFieldsModel(QObject *parent) : EditableRowsModel(parent) {}

void CustomFieldsModel::setFields(const QList<Field> &fields)
{
    resetRows(fields);
}

int CustomFieldsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomFieldsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Field &field = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == KeyColumn ? field.first : field.second;
    case Qt::ToolTipRole:
        for (const LeadProblem &problem : LeadValidator::checkParams(m_rows)) {
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
    Field &field = m_rows[index.row()];
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

void CustomFieldsModel::emitAllKeysChanged()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ToolTipRole});
}

#pragma once

#include <QAbstractTableModel>
#include <QList>

// The row bookkeeping shared by the lead form's editable tables: a flat QList of Row values that a view
// may insert into, remove from and reorder. Subclasses supply the columns (data, setData, headerData);
// rowsRearranged() lets one react once the rows have changed (CustomFieldsModel's tooltips depend on the
// order of the keys). A template, so it lives in the header.
template <typename Row> class EditableRowsModel : public QAbstractTableModel
{
public:
    explicit EditableRowsModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        if (!index.isValid())
            return Qt::NoItemFlags;
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
    }

    bool insertRows(int row, int count, const QModelIndex &parent = QModelIndex()) override
    {
        if (parent.isValid() || row < 0 || row > rowCount() || count < 1)
            return false;
        beginInsertRows(QModelIndex(), row, row + count - 1);
        m_rows.insert(row, count, Row{});
        endInsertRows();
        rowsRearranged();
        return true;
    }

    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override
    {
        if (parent.isValid() || row < 0 || count < 1 || row + count > rowCount())
            return false;
        beginRemoveRows(QModelIndex(), row, row + count - 1);
        m_rows.remove(row, count);
        endRemoveRows();
        rowsRearranged();
        return true;
    }

    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override
    {
        if (sourceParent.isValid() || destinationParent.isValid() || count < 1 || sourceRow < 0 ||
            sourceRow + count > rowCount() || destinationChild < 0 || destinationChild > rowCount())
            return false;
        // beginMoveRows refuses moves onto the moved block itself (and returns false for them).
        if (!beginMoveRows(QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(), destinationChild))
            return false;
        const QList<Row> moved = m_rows.mid(sourceRow, count);
        m_rows.remove(sourceRow, count);
        const int insertAt = destinationChild > sourceRow ? destinationChild - count : destinationChild;
        for (int i = 0; i < count; ++i)
            m_rows.insert(insertAt + i, moved.at(i));
        endMoveRows();
        rowsRearranged();
        return true;
    }

protected:
    void resetRows(const QList<Row> &rows)
    {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }

    // Called after rows were inserted, removed or moved (not after resetRows: a reset says it all).
    virtual void rowsRearranged() {}

    QList<Row> m_rows;
};

#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <utility>

// The custom fields of a lead (`params`) as an editable key/value table, in the order the operator gave
// them. Rows can be inserted, removed and moved. Rows whose key is empty or used twice say why in their
// tooltip; LeadValidator::checkParams gives the same reasons for the form.
class CustomFieldsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KeyColumn,
        ValueColumn,
        ColumnCount
    };
    using Field = std::pair<QString, QString>;

    explicit CustomFieldsModel(QObject *parent = nullptr);

    QList<Field> fields() const { return m_fields; }
    void setFields(const QList<Field> &fields);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool insertRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

private:
    void emitAllKeysChanged();

    QList<Field> m_fields;
};

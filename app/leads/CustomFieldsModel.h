#pragma once

#include "EditableRowsModel.h"

#include <QList>
#include <QString>

#include <utility>

// The custom fields of a lead (`params`) as an editable key/value table, in the order the operator gave
// them. Rows can be inserted, removed and moved. Rows whose key is empty or used twice say why in their
// tooltip; LeadValidator::checkParams gives the same reasons for the form.
class CustomFieldsModel : public EditableRowsModel<std::pair<QString, QString>>
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

    QList<Field> fields() const { return m_rows; }
    void setFields(const QList<Field> &fields);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    // Which of two equal keys counts as "used twice" depends on the order: every tooltip may change.
    void rowsRearranged() override { emitAllKeysChanged(); }
    void emitAllKeysChanged();
};

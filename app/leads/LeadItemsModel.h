#pragma once

#include "EditableRowsModel.h"
#include "Lead.h"

#include <QList>
#include <QLocale>

// The nested goods of a lead (`items`) as an editable table: id, unit price, quantity. Rows can be
// inserted, removed and moved, so that a view can offer all of that from the keyboard. Display text follows
// the locale; EditRole gives the raw values (QString, double, int) so that a delegate picks numeric editors.
class LeadItemsModel : public EditableRowsModel<LeadItem>
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        PriceColumn,
        CountColumn,
        ColumnCount
    };

    explicit LeadItemsModel(QObject *parent = nullptr);

    QList<LeadItem> items() const { return m_rows; }
    void setItems(const QList<LeadItem> &items);
    // Decimals shown for prices: the minor units of the lead's currency.
    void setPriceDecimals(int decimals);
    int priceDecimals() const { return m_priceDecimals; }
    void setLocale(const QLocale &locale);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    int m_priceDecimals = 2;
    QLocale m_locale;
};

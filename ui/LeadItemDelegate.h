#pragma once

#include <QStyledItemDelegate>

// Numeric editors for the goods table: a QDoubleSpinBox for the unit price (never negative, with the
// currency's decimals) and a QSpinBox for the quantity (at least 1). The id stays a plain line edit.
class LeadItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setPriceDecimals(int decimals) { m_priceDecimals = decimals; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;

private:
    int m_priceDecimals = 2;
};

#include "LeadItemDelegate.h"

#include "AccessibleNames.h"
#include "leads/LeadItemsModel.h"

#include <QDoubleSpinBox>
#include <QSpinBox>

namespace {

// Far above any real order, far below where a double stops holding cents exactly.
constexpr double kMaxPrice = 1e12;
constexpr int kMaxQuantity = 1000000;

} // namespace

QWidget *LeadItemDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    QWidget *editor = nullptr;
    switch (index.column()) {
    case LeadItemsModel::PriceColumn: {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setObjectName(QStringLiteral("itemPriceSpinBox"));
        spin->setDecimals(m_priceDecimals);
        spin->setRange(0, kMaxPrice);
        spin->setGroupSeparatorShown(false);
        spin->setFrame(false);
        editor = spin;
        break;
    }
    case LeadItemsModel::CountColumn: {
        auto *spin = new QSpinBox(parent);
        spin->setObjectName(QStringLiteral("itemCountSpinBox"));
        spin->setRange(1, kMaxQuantity);
        spin->setFrame(false);
        editor = spin;
        break;
    }
    default:
        editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (editor)
            editor->setObjectName(QStringLiteral("itemIdEdit"));
        break;
    }
    if (editor) {
        editor->setAccessibleName(index.model()->headerData(index.column(), Qt::Horizontal).toString());
        AccessibleNames::nameInnerEditor(editor);
    }
    return editor;
}

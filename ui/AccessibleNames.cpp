#include "AccessibleNames.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLineEdit>

namespace AccessibleNames {

void nameInnerEditor(QWidget *input)
{
    QLineEdit *inner = nullptr;
    if (auto *combo = qobject_cast<QComboBox *>(input))
        inner = combo->lineEdit();
    else if (qobject_cast<QAbstractSpinBox *>(input)) // its lineEdit() is protected
        inner = input->findChild<QLineEdit *>(QString(), Qt::FindDirectChildrenOnly);
    if (inner)
        inner->setAccessibleName(input->accessibleName());
}

} // namespace AccessibleNames

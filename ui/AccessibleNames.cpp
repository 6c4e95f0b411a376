#include "AccessibleNames.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLabel>
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

QString fromLabel(QString labelText)
{
    labelText.remove(QLatin1Char('&'));
    if (labelText.endsWith(QLatin1Char(':')))
        labelText.chop(1);
    return labelText.trimmed();
}

QLabel *labelFor(const QString &labelText, QWidget *input, QWidget *parent)
{
    auto *label = new QLabel(labelText, parent);
    label->setBuddy(input);
    input->setAccessibleName(fromLabel(labelText));
    nameInnerEditor(input);
    return label;
}

} // namespace AccessibleNames

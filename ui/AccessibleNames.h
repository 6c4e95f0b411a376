#pragma once

#include <QString>

class QLabel;
class QWidget;

// Names for the parts of an input that a screen reader meets on their own.
namespace AccessibleNames {

// An editable combo box or a spin box holds a text box of its own, which is where the focus and the
// reader go: it gets the input's accessible name (set that first), so that it is not announced
// nameless. Safe to call on any widget; does nothing when there is no such text box.
void nameInnerEditor(QWidget *input);

// A label's text as a screen reader should say it: "&Host:" → "Host".
QString fromLabel(QString labelText);

// A label for `input` (its buddy, so its access key reaches the input) that also names the input, and
// the input's own text box, by its words.
QLabel *labelFor(const QString &labelText, QWidget *input, QWidget *parent);

} // namespace AccessibleNames

#pragma once

#include <QString>

class QWidget;

// The questions a screen asks its user in a modal dialog (confirmations, file names). Screens take a
// UserPrompts pointer so that tests can script the answers and never block on a dialog.
class UserPrompts
{
public:
    virtual ~UserPrompts() = default;

    // `acceptText` labels the button that says yes ("Discard"); the other one cancels.
    virtual bool confirm(QWidget *parent, const QString &title, const QString &question,
                         const QString &acceptText);
    // Empty when the user cancelled.
    virtual QString saveFileName(QWidget *parent, const QString &title, const QString &suggestedPath,
                                 const QString &filter);
    virtual QString openFileName(QWidget *parent, const QString &title, const QString &filter);

    // The real dialogs.
    static UserPrompts *standard();
};

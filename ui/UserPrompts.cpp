#include "UserPrompts.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

bool UserPrompts::confirm(QWidget *parent, const QString &title, const QString &question,
                          const QString &acceptText)
{
    QMessageBox box(QMessageBox::Question, title, question, QMessageBox::Cancel, parent);
    QPushButton *accept = box.addButton(acceptText, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel); // a destructive answer is never the default
    box.exec();
    return box.clickedButton() == accept;
}

QString UserPrompts::saveFileName(QWidget *parent, const QString &title, const QString &suggestedPath,
                                  const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, title, suggestedPath, filter);
}

QString UserPrompts::openFileName(QWidget *parent, const QString &title, const QString &filter)
{
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

UserPrompts *UserPrompts::standard()
{
    static UserPrompts prompts;
    return &prompts;
}

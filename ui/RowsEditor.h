#pragma once

#include <QWidget>

class QAbstractItemModel;
class QAction;
class QPushButton;
class QTableView;

// A table of rows on an editable model with the keyboard at its centre: Insert adds a row after the
// current one and starts editing it, Delete removes the current row, Ctrl+Up/Down (or Alt+Up/Down) move
// it. Tab leaves the table instead of walking its cells, so the form's tab order stays the reading order.
// The buttons do the same for the mouse.
class RowsEditor : public QWidget
{
    Q_OBJECT

public:
    struct Names
    {
        QString table;   // object name of the table, e.g. "itemsTable"
        QString rowNoun; // part of the buttons' object names, e.g. "Item" -> addItemButton
        QString addText; // translated button texts
        QString removeText;
    };

    RowsEditor(QAbstractItemModel *model, const Names &names, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    // The table and the buttons that take the focus, in tab order.
    QList<QWidget *> focusWidgets() const { return m_focusWidgets; }

public slots:
    void addRow();
    void removeCurrentRow();
    void moveCurrentRow(int delta);

private:
    QAction *addAction(const QString &text, const QList<QKeySequence> &keys, const QString &objectName);
    void updateActions();

    QAbstractItemModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_upAction = nullptr;
    QAction *m_downAction = nullptr;
    QList<QWidget *> m_focusWidgets;
};

#include "RowsEditor.h"

#include "AccessibleNames.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// A cell editor is an input like any other: a screen reader must say which column it edits. Tables
// that need their own editors (the goods table) set a delegate of their own that names them too.
class ColumnNamedDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (editor) {
            editor->setAccessibleName(index.model()->headerData(index.column(), Qt::Horizontal).toString());
            AccessibleNames::nameInnerEditor(editor);
        }
        return editor;
    }
};

QString shortcutHint(const QList<QKeySequence> &keys)
{
    QStringList texts;
    for (const QKeySequence &key : keys)
        texts.append(key.toString(QKeySequence::NativeText));
    return texts.join(QStringLiteral(", "));
}

} // namespace

RowsEditor::RowsEditor(QAbstractItemModel *model, const Names &names, QWidget *parent)
    : QWidget(parent), m_model(model), m_view(new QTableView(this))
{
    m_view->setObjectName(names.table);
    m_view->setModel(model);
    m_view->setItemDelegate(new ColumnNamedDelegate(m_view));
    m_view->setTabKeyNavigation(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Numbers take the width their header needs (long in Russian); the id or name column takes the rest.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    // Room for a few rows from the start, measured in rows of the current font rather than pixels.
    m_view->setMinimumHeight(m_view->horizontalHeader()->sizeHint().height() +
                             4 * m_view->verticalHeader()->defaultSectionSize() + 2 * m_view->frameWidth());

    const QString noun = names.rowNoun;
    m_addAction =
        addAction(names.addText, {QKeySequence(Qt::Key_Insert)},
                  QStringLiteral("add") + noun + QStringLiteral("Action")); // check-tr: ok (object name)
    m_removeAction =
        addAction(names.removeText, {QKeySequence(Qt::Key_Delete)},
                  QStringLiteral("remove") + noun + QStringLiteral("Action")); // check-tr: ok (object name)
    m_upAction =
        addAction(tr("Move up"), {QKeySequence(Qt::CTRL | Qt::Key_Up), QKeySequence(Qt::ALT | Qt::Key_Up)},
                  QStringLiteral("move") + noun + QStringLiteral("UpAction")); // check-tr: ok (object name)
    m_downAction = addAction(
        tr("Move down"), {QKeySequence(Qt::CTRL | Qt::Key_Down), QKeySequence(Qt::ALT | Qt::Key_Down)},
        QStringLiteral("move") + noun + QStringLiteral("DownAction")); // check-tr: ok (object name)
    connect(m_addAction, &QAction::triggered, this, &RowsEditor::addRow);
    connect(m_removeAction, &QAction::triggered, this, &RowsEditor::removeCurrentRow);
    connect(m_upAction, &QAction::triggered, this, [this] { moveCurrentRow(-1); });
    connect(m_downAction, &QAction::triggered, this, [this] { moveCurrentRow(+1); });

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    const QList<std::pair<QAction *, QString>> buttonSpecs = {
        {m_addAction, QStringLiteral("add") + noun + QStringLiteral("Button")},
        {m_removeAction, QStringLiteral("remove") + noun + QStringLiteral("Button")},
        {m_upAction, QStringLiteral("move") + noun + QStringLiteral("UpButton")},
        {m_downAction, QStringLiteral("move") + noun + QStringLiteral("DownButton")},
    };
    m_focusWidgets.append(m_view);
    for (const auto &[action, objectName] : buttonSpecs) {
        auto *button = new QToolButton(this);
        button->setObjectName(objectName);
        button->setDefaultAction(action);
        button->setAccessibleName(action->text());
        // Moving has no tab stop of its own (Ctrl+Up/Down in the table is quicker); adding and removing
        // do, so that a keyboard user finds them.
        if (action == m_upAction || action == m_downAction)
            button->setFocusPolicy(Qt::NoFocus);
        else
            m_focusWidgets.append(button);
        buttons->addWidget(button);
    }
    m_view->setAccessibleDescription(tr("Insert adds a row, Delete removes the current row, Ctrl+Up and "
                                        "Ctrl+Down move it. F2 edits a cell."));
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &RowsEditor::updateActions);
    connect(model, &QAbstractItemModel::rowsInserted, this, &RowsEditor::updateActions);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &RowsEditor::updateActions);
    connect(model, &QAbstractItemModel::rowsMoved, this, &RowsEditor::updateActions);
    connect(model, &QAbstractItemModel::modelReset, this, &RowsEditor::updateActions);
    updateActions();
}

QAction *RowsEditor::addAction(const QString &text, const QList<QKeySequence> &keys,
                               const QString &objectName)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcuts(keys);
    // Only while the table itself has the focus: Delete in an open cell editor must delete text, not rows.
    action->setShortcutContext(Qt::WidgetShortcut);
    action->setToolTip(tr("%1 (%2)").arg(text, shortcutHint(keys)));
    m_view->addAction(action);
    return action;
}

void RowsEditor::addRow()
{
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? current.row() + 1 : m_model->rowCount();
    if (!m_model->insertRow(row))
        return;
    const QModelIndex first = m_model->index(row, 0);
    m_view->setFocus(Qt::OtherFocusReason);
    m_view->setCurrentIndex(first);
    m_view->edit(first);
}

void RowsEditor::removeCurrentRow()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const int row = current.row();
    const int column = current.column();
    m_model->removeRow(row);
    const int rows = m_model->rowCount();
    if (rows > 0)
        m_view->setCurrentIndex(m_model->index(qMin(row, rows - 1), column));
}

void RowsEditor::moveCurrentRow(int delta)
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const int row = current.row();
    const int target = row + delta;
    if (target < 0 || target >= m_model->rowCount())
        return;
    // moveRow's destination is "before this row" in the old numbering: one further when moving down.
    if (!m_model->moveRow(QModelIndex(), row, QModelIndex(), delta > 0 ? target + 1 : target))
        return;
    m_view->setCurrentIndex(m_model->index(target, current.column()));
}

void RowsEditor::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const bool hasCurrent = current.isValid();
    m_removeAction->setEnabled(hasCurrent);
    m_upAction->setEnabled(hasCurrent && current.row() > 0);
    m_downAction->setEnabled(hasCurrent && current.row() < m_model->rowCount() - 1);
}

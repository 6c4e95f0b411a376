#include "VisibleRowsWatcher.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QScrollBar>

VisibleRowsWatcher::VisibleRowsWatcher(QAbstractItemView *view,
                                       std::function<QString(const QModelIndex &)> idOf, QObject *parent)
    : QObject(parent), m_view(view), m_idOf(std::move(idOf))
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleMs);
    connect(&m_settle, &QTimer::timeout, this, &VisibleRowsWatcher::update);
    QScrollBar *scrollBar = view->verticalScrollBar();
    connect(scrollBar, &QScrollBar::valueChanged, this, &VisibleRowsWatcher::schedule);
    connect(scrollBar, &QScrollBar::rangeChanged, this, &VisibleRowsWatcher::schedule);
    view->viewport()->installEventFilter(this); // resized, shown
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &VisibleRowsWatcher::schedule);
    connect(model, &QAbstractItemModel::layoutChanged, this, &VisibleRowsWatcher::schedule);
    connect(model, &QAbstractItemModel::rowsInserted, this, &VisibleRowsWatcher::schedule);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &VisibleRowsWatcher::schedule);
}

void VisibleRowsWatcher::schedule()
{
    m_settle.start();
}

bool VisibleRowsWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize || event->type() == QEvent::Show)
        schedule();
    return QObject::eventFilter(watched, event);
}

void VisibleRowsWatcher::update()
{
    QStringList ids;
    const QAbstractItemModel *model = m_view->model();
    const int rowCount = model->rowCount();
    if (m_view->isVisible() && rowCount > 0) {
        const QRect area = m_view->viewport()->rect();
        const int first = m_view->indexAt(area.topLeft()).row();
        int last = m_view->indexAt(QPoint(area.left(), area.bottom())).row();
        if (last < 0) // the rows end above the bottom of the view
            last = rowCount - 1;
        for (int row = qMax(0, first); first >= 0 && row <= last; ++row) {
            const QString id = m_idOf(model->index(row, 0));
            if (!id.isEmpty())
                ids << id;
        }
    }
    if (ids == m_ids)
        return;
    m_ids = ids;
    emit visibleIdsChanged(m_ids);
}

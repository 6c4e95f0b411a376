#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

class QAbstractItemView;
class QModelIndex;

// Which rows of a view are on screen, as ids: told after the user scrolls, the view is resized or its rows
// change, once things settle (a scroll is many steps), and only when the set changed. The status screen
// uses it so that a refresh asks about the leads on screen first; the view itself never acts on it.
class VisibleRowsWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int SettleMs = 150;

    // `idOf` gives the id of a row of the view's model (column 0's index); empty ids are left out.
    VisibleRowsWatcher(QAbstractItemView *view, std::function<QString(const QModelIndex &)> idOf,
                       QObject *parent = nullptr);

    QStringList visibleIds() const { return m_ids; }
    void schedule(); // the rows on screen may have changed: look again once things settle

signals:
    void visibleIdsChanged(const QStringList &ids);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();

    QAbstractItemView *m_view;
    std::function<QString(const QModelIndex &)> m_idOf;
    QTimer m_settle;
    QStringList m_ids;
};

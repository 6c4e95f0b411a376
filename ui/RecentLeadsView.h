#pragma once

#include <QWidget>

class QListView;
class RecentLeads;

// The strip under the lead form: the leads sent lately, newest first, each with its answer in words.
// A refused lead stands out by its words ("REFUSED: ..."), a warning icon and bold type, its colour
// only adding to them. Enter or a click on a lead asks to open it (the main window shows it on the
// Leads screen or in the outbox). It only shows RecentLeads; it reads nothing itself.
class RecentLeadsView : public QWidget
{
    Q_OBJECT

public:
    explicit RecentLeadsView(RecentLeads *recentLeads, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }

signals:
    void openRequested(const QString &ourOrderId, bool accepted);

private:
    void open(int row);

    RecentLeads *m_recentLeads;
    QListView *m_list;
};

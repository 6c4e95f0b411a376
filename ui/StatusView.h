#pragma once

#include "status/LeadStats.h"
#include "team/TeamLeadsModel.h"

#include <QByteArray>
#include <QPointer>
#include <QWidget>

struct ApiError;
struct LeadFilter;
class Journal;
class LeadFilterProxy;
class LeadStyleProxy;
class LeadTableModel;
class LeadTracking;
class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QFrame;
class QItemSelection;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;
class QToolButton;
class QStackedWidget;
class StatusPoller;
class UserPrompts;

// The status screen: every lead of the profile with its outcome in words and colour, filters, the
// figures for what is shown, refreshing from the network, export and tracking of outside order ids.
//
// It reads the journal (through LeadTableModel) and asks a StatusPoller to refresh; it never touches
// the network itself. A failed refresh is one calm banner above a table that keeps what it knew.
class StatusView : public QWidget
{
    Q_OBJECT

public:
    // Shows `model` (the caller keeps it); what the user marks seen or tracks goes through `tracking`.
    // The view never holds the journal.
    StatusView(LeadTableModel *model, LeadTracking *tracking, QWidget *parent = nullptr);
    ~StatusView() override;

    // The profile whose leads are shown (a full reload).
    void setProfile(const QString &profileId);
    // The poller of the same profile; the refresh actions stay disabled without one.
    void setPoller(StatusPoller *poller);
    // Where confirmations and file names are asked (default: the real dialogs).
    void setPrompts(UserPrompts *prompts);
    // The team's leads, when the profile has a team server (the caller keeps the model): the scope
    // switch "My leads / Team" appears. Null hides it and goes back to the profile's own leads.
    void setTeamModel(TeamLeadsModel *model);
    TeamLeadsModel *teamModel() const { return m_teamModel; }
    // Team: the table, filters, sorting, summary and export read the team database.
    void setTeamScope(bool team);
    bool isTeamScope() const;
    QTableView *teamTable() const { return m_teamTable; }

    // Column order, widths, hidden columns and sort, for the main window to keep between runs. Empty
    // until the user has changed any of them: until then the columns fit their contents at every start.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);
    // The columns to show, as checkable actions: the header's context menu, and the main window's
    // Leads menu (so that it is reachable from the keyboard).
    QMenu *columnsMenu() const { return m_columnsMenu; }

    LeadTableModel *leadModel() const { return m_model; }
    LeadFilterProxy *filterProxy() const { return m_filter; }
    QTableView *table() const { return m_table; }
    // Selects the lead with this journal key; false when it is not shown
    // (not in the journal, or hidden by the filters).
    bool showLead(const QString &key);

    // The logical columns shown, in the order shown (what an export writes).
    QList<int> visibleColumns() const;
    // Writes what is shown to a CSV file; on failure says why in `error`.
    bool exportTo(const QString &filePath, QString *error);
    // Adds order ids of leads sent elsewhere to the table (and asks about them at once when a poller
    // is set). Stored on the journal's background connection: orderIdsTracked() says how many were
    // new, or a banner says why none could be stored.
    void trackOrderIds(const QStringList &orderIds);
    // Shows exactly the leads a filter describes (the Analytics screen opens the leads behind a bar):
    // the filter widgets show what of it they can, and the next change of any of them replaces it.
    void showLeads(const LeadFilter &filter);

signals:
    // A one-line result for the main window's status bar ("Exported 120 leads to ...").
    void message(const QString &text);
    // trackOrderIds() stored its ids: `added` of them were new.
    void orderIdsTracked(int added);
    // The user moved, resized, hid, showed or sorted a column: saveState() has something to keep.
    void tableLayoutChanged();
    // The order ids of the rows on screen changed (scrolled, resized, filtered, reloaded; told once it
    // settles): the session's poller asks about these first.
    void visibleOrderIdsChanged(const QStringList &orderIds);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildFilterBar(QWidget *bar);
    void buildActions();
    void buildSummaryBar(QWidget *bar);
    void buildTable();
    void buildTeamTable();
    void applyTeamQuery();
    void onTeamExportFinished(bool ok, int rows, const QString &filePath, const QString &error);
    void applyFilters();
    void repopulateFilterLists();
    void scheduleSummary();
    void updateSummary();
    void updateActions();
    void markSelectionSeen(const QItemSelection &selected);
    QStringList selectedOrderIds() const;
    void refreshAll();
    void refreshSelected();
    void exportWithDialog();
    void openTrackDialog();
    void markAllSeen();
    void showColumnMenu(const QPoint &position);
    void buildColumnsMenu();
    void syncColumnsMenu();
    void onUserChangedLayout();
    // The width that shows every word the status catalogue can put in `column` (stage, status, reason);
    // 0 for other columns.
    int catalogueWidth(int column) const;

    void onRefreshStarted(int leadCount);
    void onLoadingChanged(bool loading);
    void markSeen(const QStringList &keys);
    void onOrderIdsTracked(const QStringList &orderIds, int added);
    void fitColumnsToRows();
    void onRefreshProgress(int done, int total);
    void onRefreshFailed(const ApiError &error);
    void onRefreshFinished(bool complete);
    void showBanner(const QString &text);
    void hideBanner();

    LeadTracking *m_tracking;
    QPointer<StatusPoller> m_poller;
    UserPrompts *m_prompts;
    LeadTableModel *m_model;
    LeadFilterProxy *m_filter;
    LeadStyleProxy *m_style;
    QTimer *m_summaryTimer;
    QTimer *m_filterListsTimer;

    QFrame *m_banner = nullptr;
    QLabel *m_bannerLabel = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QToolButton *m_stageButton = nullptr;
    QMenu *m_stageMenu = nullptr;
    QComboBox *m_offerCombo = nullptr;
    QComboBox *m_wmCombo = nullptr;
    QComboBox *m_countryCombo = nullptr;
    QCheckBox *m_dateCheck = nullptr;
    QDateEdit *m_fromDateEdit = nullptr;
    QDateEdit *m_toDateEdit = nullptr;
    QTableView *m_table = nullptr;
    QPointer<TeamLeadsModel> m_teamModel;
    LeadStyleProxy *m_teamStyle = nullptr;
    QTableView *m_teamTable = nullptr;
    QStackedWidget *m_tables = nullptr;
    QLabel *m_scopeLabel = nullptr;
    QComboBox *m_scopeCombo = nullptr;
    QLabel *m_operatorLabel = nullptr;
    QComboBox *m_operatorCombo = nullptr;
    QLabel *m_wmLabel = nullptr;
    QAction *m_refreshAllAction = nullptr;
    QAction *m_refreshSelectedAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_trackAction = nullptr;
    QAction *m_markSeenAction = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_refreshLabel = nullptr;
    QList<QLabel *> m_stageCountLabels; // wait..trash
    QLabel *m_otherStagesLabel = nullptr;
    QLabel *m_shownLabel = nullptr;
    QMenu *m_columnsMenu = nullptr;
    bool m_userLayout = false;       // the user set the columns (now or in an earlier run): no more fitting
    bool m_fitting = false;          // the view itself is sizing columns: not the user's doing
    bool m_nothingToRefresh = false; // the refresh ending now had no lead to ask about
    bool m_leftToTeam = false;       // the refresh ending now was left to the team's (issue 19)
    bool m_refreshAsked = false;     // ... and the user asked for it (not the automatic refresh)
    QLabel *m_approvalLabel = nullptr;
    QLabel *m_approvalNoTrashLabel = nullptr;
    QLabel *m_trashLabel = nullptr;
    QLabel *m_buyoutLabel = nullptr;
    LeadStats m_stats;
};

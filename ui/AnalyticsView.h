#pragma once

#include "status/AnalyticsFigures.h"

#include <QWidget>

class AnalyticsSource;
class AnalyticsTableModel;
class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QModelIndex;
class QTableView;
class QTimer;
class UserPrompts;

// The Analytics screen: the outcomes of the leads by offer, webmaster, country or period of creation,
// as charts with their numbers in a table beside them. The figures come from an AnalyticsSource
// (computed off the GUI thread); the screen only asks and draws.
//
// Clicking a bar (or activating a cell of the table) asks for the leads behind it: leadsRequested()
// carries exactly the filter those leads were counted with, and whether they are the team's.
//
// With a team source (a team server is set) the scope switch "My leads / Team" appears; Team counts
// every operator's leads in the team database and adds the Operator breakdown and filter. The screen
// does not know where figures come from: each source says which breakdowns it can count and which
// values its filters offer.
class AnalyticsView : public QWidget
{
    Q_OBJECT

public:
    enum class Chart
    {
        Stages,  // stages stacked per group
        Rates,   // approval and trash rate per group
        Funnel,  // sent -> approved -> completed
        Cohorts, // approved within 1, 3, 7, 14 days, per day of creation
    };
    Q_ENUM(Chart)

    // `source`: the figures of this workstation's own leads ("My leads").
    explicit AnalyticsView(AnalyticsSource *source, QWidget *parent = nullptr);

    // The team's figures, when the profile has a team server (the caller keeps the source): the scope
    // switch appears. Null hides it and goes back to My leads.
    void setTeamSource(AnalyticsSource *teamSource);
    void setTeamScope(bool team);
    bool isTeamScope() const { return m_teamScope; }

    void setPrompts(UserPrompts *prompts);
    // How many offers, webmasters or countries get a bar of their own; the rest share one.
    static constexpr int TopGroups = 10;

    QChartView *chartView() const { return m_chartView; }
    AnalyticsTableModel *tableModel() const { return m_tableModel; }
    const AnalyticsFigures &figures() const { return m_figures; }
    bool isComputing() const { return m_pendingTicket != 0; }
    // The groups the chart shows, in order (top groups and "Other").
    const QVector<AnalyticsGroup> &shownGroups() const { return m_shownGroups; }

    bool exportChart(const QString &filePath, QString *error); // .svg as SVG, anything else as PNG
    bool exportTable(const QString &filePath, QString *error); // CSV
    void copyTable();

signals:
    // `team`: the leads are the team's (the Leads screen's Team scope), the filter's operators included.
    void leadsRequested(const LeadFilter &filter, const QString &description, bool team);
    // A one-line result for the main window's status bar.
    void message(const QString &text);
    // New figures are on screen (tests and the benchmark wait on it).
    void figuresShown();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildFilterBar();
    QWidget *buildButtons();
    void repopulateFilterLists();
    void repopulateBreakdowns();
    AnalyticsSource *currentSource() const;
    AnalyticsQuery currentQuery() const;
    void requestFigures();
    void onFiguresReady(AnalyticsSource *source, quint64 ticket, const AnalyticsFigures &figures);
    void onFailed(AnalyticsSource *source, quint64 ticket, const QString &reason);
    void showFigures(const AnalyticsFigures &figures);
    void emitLeadsRequested(const LeadFilter &filter, const QString &description);
    void showChart();
    QChart *stagesChart();
    QChart *ratesChart();
    QChart *funnelChart();
    QChart *cohortsChart();
    void fillTable();
    void openGroup(int groupIndex, const QString &stageCode, bool byStage);
    void openTableCell(const QModelIndex &index);
    void exportChartWithDialog();
    void exportTableWithDialog();

    AnalyticsSource *m_source;
    AnalyticsSource *m_teamSource = nullptr;
    bool m_teamScope = false;
    UserPrompts *m_prompts;
    AnalyticsTableModel *m_tableModel;
    QTimer *m_requestTimer;
    QTimer *m_slowTimer; // a team server still counting after a while: the screen says so
    AnalyticsFigures m_figures;
    QVector<AnalyticsGroup> m_shownGroups;
    AnalyticsSource *m_pendingSource = nullptr; // who was asked last, and with which ticket
    quint64 m_pendingTicket = 0;
    bool m_stale = true; // the figures on screen are older than the leads or the filters

    QLabel *m_scopeLabel = nullptr;
    QComboBox *m_scopeCombo = nullptr;
    QLabel *m_operatorLabel = nullptr;
    QComboBox *m_operatorCombo = nullptr;
    QLabel *m_wmLabel = nullptr;
    QLabel *m_noticeLabel = nullptr; // why the team's figures are missing or late
    QComboBox *m_breakdownCombo = nullptr;
    QComboBox *m_chartCombo = nullptr;
    QComboBox *m_offerCombo = nullptr;
    QComboBox *m_wmCombo = nullptr;
    QComboBox *m_countryCombo = nullptr;
    QCheckBox *m_dateCheck = nullptr;
    QDateEdit *m_fromDateEdit = nullptr;
    QDateEdit *m_toDateEdit = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QChartView *m_chartView = nullptr;
    QTableView *m_table = nullptr;
};

#pragma once

#include "status/AnalyticsFigures.h"

#include <QWidget>

class AnalyticsSource;
class AnalyticsTableModel;
class LeadTableModel;
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
// carries exactly the filter those leads were counted with.
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

    // `leads`: the Leads screen's model, for the offers, webmasters and countries to filter by.
    AnalyticsView(AnalyticsSource *source, LeadTableModel *leads, QWidget *parent = nullptr);

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
    void leadsRequested(const LeadFilter &filter, const QString &description);
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
    AnalyticsQuery currentQuery() const;
    void requestFigures();
    void onFiguresReady(quint64 ticket, const AnalyticsFigures &figures);
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
    LeadTableModel *m_leads;
    UserPrompts *m_prompts;
    AnalyticsTableModel *m_tableModel;
    QTimer *m_requestTimer;
    AnalyticsFigures m_figures;
    QVector<AnalyticsGroup> m_shownGroups;
    quint64 m_pendingTicket = 0;
    bool m_stale = true; // the figures on screen are older than the leads or the filters

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

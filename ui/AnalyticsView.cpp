#include "AnalyticsView.h"

#include "AccessibleNames.h"
#include "StageStyle.h"
#include "UserPrompts.h"
#include "status/AnalyticsSource.h"
#include "status/AnalyticsTableModel.h"
#include "status/CsvExport.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCursor>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QTableView>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace {

using Stage = StatusCatalog::Stage;

// The stages a stacked bar shows, bottom up; unknown stage words and leads not reported on yet
// follow them.
constexpr Stage stackedStages[] = {Stage::Approve, Stage::Hold,  Stage::Wait, Stage::Cancel,
                                   Stage::Trash,   Stage::Other, Stage::None};

QString stageSetName(Stage stage)
{
    if (stage == Stage::None)
        return AnalyticsView::tr("Not reported yet");
    if (stage == Stage::Other)
        return AnalyticsView::tr("Other stages");
    return StatusCatalog::stageName(stage);
}

// An x axis for points at 0, 1, 2...: a label every few points, so that 90 days stay readable
// (a bar category axis would cut every one of them to "3/...").
QCategoryAxis *indexAxis(const QStringList &labels, QChart *chart)
{
    auto *axis = new QCategoryAxis(chart);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int step = std::max(1, int(std::ceil(labels.size() / 8.0)));
    for (int index = 0; index < labels.size(); index += step)
        axis->append(labels.at(index), index);
    axis->setRange(-0.5, std::max(0.5, labels.size() - 0.5));
    axis->setGridLineVisible(false);
    return axis;
}

double percent(std::optional<double> rate)
{
    return rate ? *rate * 100.0 : 0.0;
}

} // namespace

AnalyticsView::AnalyticsView(AnalyticsSource *source, QWidget *parent)
    : QWidget(parent), m_source(source), m_prompts(UserPrompts::standard()),
      m_tableModel(new AnalyticsTableModel(this)), m_requestTimer(new QTimer(this)),
      m_slowTimer(new QTimer(this))
{
    // Leads arriving in a refresh come in batches: one recount after they settle.
    m_requestTimer->setSingleShot(true);
    m_requestTimer->setInterval(300);
    connect(m_requestTimer, &QTimer::timeout, this, &AnalyticsView::requestFigures);
    connect(m_source, &AnalyticsSource::figuresReady, this,
            [this](quint64 ticket, const AnalyticsFigures &figures) {
                onFiguresReady(m_source, ticket, figures);
            });
    connect(m_source, &AnalyticsSource::failed, this,
            [this](quint64 ticket, const QString &message) { onFailed(m_source, ticket, message); });
    connect(m_source, &AnalyticsSource::dataChanged, this, [this] {
        if (m_teamScope)
            return;
        m_stale = true;
        if (isVisible())
            m_requestTimer->start();
    });
    connect(m_source, &AnalyticsSource::choicesChanged, this, [this] {
        if (!m_teamScope)
            repopulateFilterLists();
    });
    // A server that has not answered in two seconds: say that the screen waits for it.
    m_slowTimer->setSingleShot(true);
    m_slowTimer->setInterval(2000);
    connect(m_slowTimer, &QTimer::timeout, this, [this] {
        if (m_pendingTicket != 0 && m_pendingSource == m_teamSource) {
            m_noticeLabel->setText(tr("Waiting for the team server to count the leads…"));
            m_noticeLabel->show();
        }
    });

    m_noticeLabel = new QLabel(this);
    m_noticeLabel->setObjectName(QStringLiteral("analyticsNoticeLabel"));
    m_noticeLabel->setWordWrap(true);
    m_noticeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_noticeLabel->hide();

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("analyticsSummaryLabel"));
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_chartView = new QChartView(this);
    m_chartView->setObjectName(QStringLiteral("analyticsChartView"));
    m_chartView->setAccessibleName(tr("Chart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(fontMetrics().height() * 16);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("analyticsTable"));
    m_table->setAccessibleName(tr("Figures"));
    m_table->setModel(m_tableModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setToolTip(tr("Press Enter on a row or a stage count to open those leads."));
    connect(m_table, &QTableView::activated, this, &AnalyticsView::openTableCell);

    auto *copyAction = new QAction(tr("&Copy table"), this);
    copyAction->setObjectName(QStringLiteral("copyTableAction"));
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyAction, &QAction::triggered, this, &AnalyticsView::copyTable);
    m_table->addAction(copyAction);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("analyticsSplitter"));
    splitter->addWidget(m_chartView);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({500, 400}); // the chart first; scaled to the window when shown

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildFilterBar());
    layout->addWidget(m_noticeLabel);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(splitter, 1);
    layout->addWidget(buildButtons());

    repopulateFilterLists();
}

QWidget *AnalyticsView::buildFilterBar()
{
    auto *bar = new QWidget(this);
    // Shown only with a team source (setTeamSource()).
    m_scopeCombo = new QComboBox(bar);
    m_scopeCombo->setObjectName(QStringLiteral("analyticsScopeCombo"));
    m_scopeCombo->addItem(tr("My leads"));
    m_scopeCombo->addItem(tr("Team"));
    m_scopeCombo->setToolTip(tr("Team counts every operator's leads as the team server holds them"));
    m_scopeLabel = AccessibleNames::labelFor(tr("Vi&ew:"), m_scopeCombo, bar);
    connect(m_scopeCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setTeamScope(index == 1); });
    m_scopeLabel->hide();
    m_scopeCombo->hide();

    m_breakdownCombo = new QComboBox(bar);
    m_breakdownCombo->setObjectName(QStringLiteral("breakdownCombo"));
    repopulateBreakdowns();
    QLabel *breakdownLabel = AccessibleNames::labelFor(tr("&Breakdown:"), m_breakdownCombo, bar);

    m_chartCombo = new QComboBox(bar);
    m_chartCombo->setObjectName(QStringLiteral("chartCombo"));
    m_chartCombo->addItem(tr("Stages"), int(Chart::Stages));
    m_chartCombo->addItem(tr("Approval and trash rate"), int(Chart::Rates));
    m_chartCombo->addItem(tr("Funnel"), int(Chart::Funnel));
    m_chartCombo->addItem(tr("Approval cohorts"), int(Chart::Cohorts));
    QLabel *chartLabel = AccessibleNames::labelFor(tr("Cha&rt:"), m_chartCombo, bar);

    auto makeCombo = [bar, this](const char *objectName) {
        auto *combo = new QComboBox(bar);
        combo->setObjectName(QLatin1String(objectName));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->addItem(tr("All"), QString());
        connect(combo, &QComboBox::currentIndexChanged, this, &AnalyticsView::requestFigures);
        return combo;
    };
    m_offerCombo = makeCombo("analyticsOfferCombo");
    m_wmCombo = makeCombo("analyticsWmCombo");
    m_countryCombo = makeCombo("analyticsCountryCombo");
    m_operatorCombo = makeCombo("analyticsOperatorCombo");
    QLabel *offerLabel = AccessibleNames::labelFor(tr("&Offer:"), m_offerCombo, bar);
    QLabel *wmLabel = AccessibleNames::labelFor(tr("&Webmaster:"), m_wmCombo, bar);
    m_wmLabel = wmLabel;
    m_operatorLabel = AccessibleNames::labelFor(tr("O&perator:"), m_operatorCombo, bar);
    m_operatorLabel->hide();
    m_operatorCombo->hide();
    QLabel *countryLabel = AccessibleNames::labelFor(tr("Co&untry:"), m_countryCombo, bar);

    m_dateCheck = new QCheckBox(tr("&Created between"), bar);
    m_dateCheck->setObjectName(QStringLiteral("analyticsDateCheckBox"));
    m_dateCheck->setAccessibleName(tr("Filter by creation date"));
    const QDate today = QDate::currentDate();
    m_fromDateEdit = new QDateEdit(today.addDays(-30), bar);
    m_fromDateEdit->setObjectName(QStringLiteral("analyticsFromDateEdit"));
    m_fromDateEdit->setAccessibleName(tr("Created from"));
    m_toDateEdit = new QDateEdit(today, bar);
    m_toDateEdit->setObjectName(QStringLiteral("analyticsToDateEdit"));
    auto *andLabel = AccessibleNames::labelFor(tr("&and"), m_toDateEdit, bar);
    m_toDateEdit->setAccessibleName(tr("Created until"));
    for (QDateEdit *edit : {m_fromDateEdit, m_toDateEdit}) {
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        AccessibleNames::nameInnerEditor(edit);
        connect(edit, &QDateEdit::dateChanged, this, &AnalyticsView::requestFigures);
    }
    connect(m_dateCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_fromDateEdit->setEnabled(on);
        m_toDateEdit->setEnabled(on);
        requestFigures();
    });
    connect(m_breakdownCombo, &QComboBox::currentIndexChanged, this, &AnalyticsView::requestFigures);
    connect(m_chartCombo, &QComboBox::currentIndexChanged, this, [this] {
        showChart();
        fillTable();
    });

    // Two rows, what to show above what to count: in one row the filters alone made the whole window
    // wider than a 1,100-pixel screen allows (more so in Russian).
    auto *layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto addRow = [layout](std::initializer_list<QWidget *> widgets) {
        auto *row = new QHBoxLayout;
        for (QWidget *widget : widgets)
            row->addWidget(widget);
        row->addStretch(1);
        layout->addLayout(row);
    };
    addRow({m_scopeLabel, m_scopeCombo, breakdownLabel, m_breakdownCombo, chartLabel, m_chartCombo});
    addRow({offerLabel, m_offerCombo, wmLabel, m_wmCombo, m_operatorLabel, m_operatorCombo, countryLabel,
            m_countryCombo, m_dateCheck, m_fromDateEdit, andLabel, m_toDateEdit});
    return bar;
}

QWidget *AnalyticsView::buildButtons()
{
    auto *bar = new QWidget(this);
    auto *exportChartButton = new QPushButton(tr("Export chart (PNG, SVG)…"), bar);
    exportChartButton->setObjectName(QStringLiteral("exportChartButton"));
    connect(exportChartButton, &QPushButton::clicked, this, &AnalyticsView::exportChartWithDialog);
    auto *exportTableButton = new QPushButton(tr("Export table (CSV)…"), bar);
    exportTableButton->setObjectName(QStringLiteral("exportTableButton"));
    connect(exportTableButton, &QPushButton::clicked, this, &AnalyticsView::exportTableWithDialog);
    auto *copyButton = new QPushButton(tr("Copy table"), bar);
    copyButton->setObjectName(QStringLiteral("copyTableButton"));
    connect(copyButton, &QPushButton::clicked, this, &AnalyticsView::copyTable);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(1);
    layout->addWidget(exportChartButton);
    layout->addWidget(exportTableButton);
    layout->addWidget(copyButton);
    return bar;
}

void AnalyticsView::setPrompts(UserPrompts *prompts)
{
    m_prompts = prompts ? prompts : UserPrompts::standard();
}

void AnalyticsView::setTeamSource(AnalyticsSource *teamSource)
{
    if (m_teamSource == teamSource)
        return;
    setTeamScope(false);
    if (m_teamSource)
        m_teamSource->disconnect(this);
    m_teamSource = teamSource;
    m_scopeLabel->setVisible(teamSource != nullptr);
    m_scopeCombo->setVisible(teamSource != nullptr);
    if (!teamSource)
        return;
    connect(teamSource, &AnalyticsSource::figuresReady, this,
            [this, teamSource](quint64 ticket, const AnalyticsFigures &figures) {
                onFiguresReady(teamSource, ticket, figures);
            });
    connect(teamSource, &AnalyticsSource::failed, this,
            [this, teamSource](quint64 ticket, const QString &message) {
                onFailed(teamSource, ticket, message);
            });
    connect(teamSource, &AnalyticsSource::choicesChanged, this, [this] {
        if (m_teamScope)
            repopulateFilterLists();
    });
    connect(teamSource, &QObject::destroyed, this, [this] { setTeamSource(nullptr); });
}

void AnalyticsView::setTeamScope(bool team)
{
    team = team && m_teamSource;
    {
        const QSignalBlocker blocker(m_scopeCombo);
        m_scopeCombo->setCurrentIndex(team ? 1 : 0);
    }
    if (team == m_teamScope)
        return;
    m_teamScope = team;
    // The team database keeps no webmaster; only the team's leads have an operator.
    m_wmLabel->setVisible(!team);
    m_wmCombo->setVisible(!team);
    m_operatorLabel->setVisible(team);
    m_operatorCombo->setVisible(team);
    m_noticeLabel->hide();
    repopulateBreakdowns();
    repopulateFilterLists();
    // Figures of the other scope are not left on screen while these are counted.
    m_figures = AnalyticsFigures();
    m_shownGroups.clear();
    m_summaryLabel->clear();
    showChart();
    fillTable();
    if (isVisible())
        requestFigures();
    else
        m_stale = true;
}

AnalyticsSource *AnalyticsView::currentSource() const
{
    return m_teamScope && m_teamSource ? m_teamSource : m_source;
}

void AnalyticsView::repopulateBreakdowns()
{
    const QVariant current = m_breakdownCombo->currentData();
    const QSignalBlocker blocker(m_breakdownCombo);
    m_breakdownCombo->clear();
    for (AnalyticsBreakdown breakdown :
         {AnalyticsBreakdown::Offer, AnalyticsBreakdown::Webmaster, AnalyticsBreakdown::Country,
          AnalyticsBreakdown::Operator, AnalyticsBreakdown::Day, AnalyticsBreakdown::Week,
          AnalyticsBreakdown::Month}) {
        if (currentSource()->supports(breakdown))
            m_breakdownCombo->addItem(AnalyticsBreakdowns::displayName(breakdown), int(breakdown));
    }
    m_breakdownCombo->setCurrentIndex(std::max(0, m_breakdownCombo->findData(current)));
}

void AnalyticsView::repopulateFilterLists()
{
    const std::pair<QComboBox *, AnalyticsBreakdown> lists[] = {
        {m_offerCombo, AnalyticsBreakdown::Offer},
        {m_wmCombo, AnalyticsBreakdown::Webmaster},
        {m_countryCombo, AnalyticsBreakdown::Country},
        {m_operatorCombo, AnalyticsBreakdown::Operator},
    };
    for (const auto &[combo, dimension] : lists) {
        const QString current = combo->currentData().toString();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(tr("All"), QString());
        const QStringList values = currentSource()->choices(dimension);
        for (const QString &value : values) {
            if (!value.isEmpty()) // the empty value is "All"'s
                combo->addItem(value, value);
        }
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    }
}

AnalyticsQuery AnalyticsView::currentQuery() const
{
    AnalyticsQuery query;
    query.breakdown = AnalyticsBreakdown(m_breakdownCombo->currentData().toInt());
    auto oneOrAll = [](const QComboBox *combo) {
        const QString value = combo->currentData().toString();
        return value.isEmpty() ? QSet<QString>() : QSet<QString>{value};
    };
    query.filter.offers = oneOrAll(m_offerCombo);
    query.filter.countries = oneOrAll(m_countryCombo);
    if (m_teamScope)
        query.filter.operators = oneOrAll(m_operatorCombo);
    else
        query.filter.wms = oneOrAll(m_wmCombo);
    if (m_dateCheck->isChecked()) {
        query.filter.createdFrom = m_fromDateEdit->date();
        query.filter.createdTo = m_toDateEdit->date();
    }
    return query;
}

void AnalyticsView::requestFigures()
{
    m_requestTimer->stop();
    m_stale = false;
    m_pendingSource = currentSource();
    m_pendingTicket = m_pendingSource->request(currentQuery());
    if (m_pendingSource == m_teamSource)
        m_slowTimer->start();
}

void AnalyticsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        requestFigures();
}

void AnalyticsView::onFiguresReady(AnalyticsSource *source, quint64 ticket, const AnalyticsFigures &figures)
{
    if (source != m_pendingSource || ticket != m_pendingTicket)
        return; // overtaken by a newer question
    m_pendingTicket = 0;
    m_slowTimer->stop();
    m_noticeLabel->hide();
    showFigures(figures);
}

void AnalyticsView::onFailed(AnalyticsSource *source, quint64 ticket, const QString &reason)
{
    if (source != m_pendingSource || ticket != m_pendingTicket)
        return;
    m_pendingTicket = 0;
    m_slowTimer->stop();
    // No figures rather than figures of something else: the screen says why.
    AnalyticsFigures none;
    none.query = currentQuery();
    showFigures(none);
    m_summaryLabel->clear();
    m_noticeLabel->setText(
        source == m_teamSource
            ? tr("The team server could not be read, so the team's figures are not shown: %1").arg(reason)
            : tr("The figures could not be counted: %1").arg(reason));
    m_noticeLabel->show();
    emit message(m_noticeLabel->text());
}

void AnalyticsView::showFigures(const AnalyticsFigures &figures)
{
    m_figures = figures;
    m_shownGroups = figures.topGroups(TopGroups);
    const LeadStats &total = figures.total.stats;
    m_summaryLabel->setText(
        tr("%Ln lead(s): approval %1, approval without trash %2, trash %3, buyout %4.", nullptr,
           total.shown())
            .arg(LeadStats::percentText(total.rate(LeadStats::Rate::Approval)),
                 LeadStats::percentText(total.rate(LeadStats::Rate::ApprovalWithoutTrash)),
                 LeadStats::percentText(total.rate(LeadStats::Rate::Trash)),
                 LeadStats::percentText(total.rate(LeadStats::Rate::Buyout))));
    showChart();
    fillTable();
    emit figuresShown();
}

void AnalyticsView::showChart()
{
    QChart *chart = nullptr;
    switch (Chart(m_chartCombo->currentData().toInt())) {
    case Chart::Stages:
        chart = stagesChart();
        break;
    case Chart::Rates:
        chart = ratesChart();
        break;
    case Chart::Funnel:
        chart = funnelChart();
        break;
    case Chart::Cohorts:
        chart = cohortsChart();
        break;
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    // Follow the desktop: the chart's own themes ignore the palette.
    const QPalette palette = this->palette();
    chart->setBackgroundBrush(palette.base());
    chart->setTitleBrush(palette.text());
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.text());
    }
    // Many days or weeks: labels slanted rather than cut to "3/...".
    for (QAbstractAxis *axis : chart->axes(Qt::Horizontal)) {
        if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis); categories && categories->count() > 8)
            categories->setLabelsAngle(-60);
    }
    QChart *old = m_chartView->chart();
    m_chartView->setChart(chart);
    delete old;
}

QChart *AnalyticsView::stagesChart()
{
    const AnalyticsBreakdown breakdown = m_figures.query.breakdown;
    const StageStyle style(palette());
    auto *chart = new QChart;
    chart->setTitle(tr("Leads by stage, per %1").arg(AnalyticsBreakdowns::displayName(breakdown).toLower()));
    auto *series = new QStackedBarSeries(chart);
    QStringList categories;
    for (const AnalyticsGroup &group : std::as_const(m_shownGroups))
        categories << group.label(breakdown);
    for (const Stage stage : stackedStages) {
        auto *set = new QBarSet(stageSetName(stage), series);
        for (const AnalyticsGroup &group : std::as_const(m_shownGroups))
            set->append(group.stats.count(stage));
        const QColor colour = style.background(stage);
        if (colour.isValid()) {
            set->setColor(colour);
        } else {
            // No stage colour for these two: a neutral fill, hatched for unknown stage words.
            set->setBrush(stage == Stage::Other ? QBrush(palette().color(QPalette::Text), Qt::BDiagPattern)
                                                : palette().button());
        }
        set->setBorderColor(palette().color(QPalette::Text));
        connect(set, &QBarSet::hovered, this, [this, set, stage](bool on, int index) {
            if (!on || index < 0 || index >= m_shownGroups.size())
                return;
            const AnalyticsGroup &group = m_shownGroups.at(index);
            QToolTip::showText(QCursor::pos(),
                               tr("%1 — %2: %n lead(s) of %3", nullptr, group.stats.count(stage))
                                   .arg(group.label(m_figures.query.breakdown), set->label())
                                   .arg(group.stats.shown()),
                               m_chartView);
        });
        // Unknown stage words cannot be listed in a filter: that part of a bar opens nothing.
        if (stage != Stage::Other) {
            connect(set, &QBarSet::clicked, this,
                    [this, stage](int index) { openGroup(index, StatusCatalog::stageCode(stage), true); });
        }
        series->append(set);
    }
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis(chart);
    axisX->append(categories);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis(chart);
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setTitleText(tr("Leads"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    axisY->applyNiceNumbers();
    return chart;
}

QChart *AnalyticsView::ratesChart()
{
    const AnalyticsBreakdown breakdown = m_figures.query.breakdown;
    const StageStyle style(palette());
    auto *chart = new QChart;
    chart->setTitle(
        tr("Approval and trash rate, per %1").arg(AnalyticsBreakdowns::displayName(breakdown).toLower()));
    QStringList categories;
    for (const AnalyticsGroup &group : std::as_const(m_shownGroups))
        categories << group.label(breakdown);
    const std::pair<LeadStats::Rate, Stage> rates[] = {{LeadStats::Rate::Approval, Stage::Approve},
                                                       {LeadStats::Rate::Trash, Stage::Trash}};
    QAbstractAxis *axisX = nullptr;
    if (AnalyticsBreakdowns::isPeriod(breakdown)) {
        axisX = indexAxis(categories, chart);
    } else {
        auto *bars = new QBarCategoryAxis(chart);
        bars->append(categories);
        axisX = bars;
    }
    chart->addAxis(axisX, Qt::AlignBottom);
    auto *axisY = new QValueAxis(chart);
    axisY->setRange(0, 100);
    axisY->setLabelFormat(QStringLiteral("%d %%"));
    axisY->setTitleText(tr("Rate"));
    chart->addAxis(axisY, Qt::AlignLeft);
    // Offers, webmasters, countries: bars side by side; periods: lines over time.
    if (!AnalyticsBreakdowns::isPeriod(breakdown)) {
        auto *series = new QBarSeries(chart);
        for (const auto &[rate, stage] : rates) {
            auto *set = new QBarSet(
                rate == LeadStats::Rate::Trash ? tr("Trash rate") : LeadStats::rateName(rate), series);
            for (const AnalyticsGroup &group : std::as_const(m_shownGroups))
                set->append(percent(group.stats.rate(rate)));
            set->setColor(style.background(stage));
            set->setBorderColor(palette().color(QPalette::Text));
            if (stage == Stage::Trash) // colour is never the only cue: trash is hatched too
                set->setBrush(QBrush(style.background(stage), Qt::Dense4Pattern));
            const LeadStats::Rate shownRate = rate;
            connect(set, &QBarSet::hovered, this, [this, shownRate](bool on, int index) {
                if (!on || index < 0 || index >= m_shownGroups.size())
                    return;
                const LeadStats &stats = m_shownGroups.at(index).stats;
                QToolTip::showText(QCursor::pos(),
                                   tr("%1 — %2: %3 (%4 of %5)")
                                       .arg(m_shownGroups.at(index).label(m_figures.query.breakdown),
                                            shownRate == LeadStats::Rate::Trash
                                                ? tr("Trash rate")
                                                : LeadStats::rateName(shownRate),
                                            LeadStats::percentText(stats.rate(shownRate)))
                                       .arg(stats.numerator(shownRate))
                                       .arg(stats.denominator(shownRate)),
                                   m_chartView);
            });
            connect(set, &QBarSet::clicked, this, [this](int index) { openGroup(index, QString(), false); });
            series->append(set);
        }
        chart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
        return chart;
    }
    for (const auto &[rate, stage] : rates) {
        auto *series = new QLineSeries(chart);
        series->setName(rate == LeadStats::Rate::Trash ? tr("Trash rate") : LeadStats::rateName(rate));
        for (int index = 0; index < m_shownGroups.size(); ++index)
            series->append(index, percent(m_shownGroups.at(index).stats.rate(rate)));
        QPen pen(style.foreground(stage).isValid() ? style.background(stage).darker(130)
                                                   : palette().color(QPalette::Text));
        pen.setWidthF(fontMetrics().height() / 6.0);
        // Colour is never the only cue: trash is dashed, and the legend names both.
        if (stage == Stage::Trash)
            pen.setStyle(Qt::DashLine);
        series->setPen(pen);
        series->setPointsVisible(true);
        connect(series, &QLineSeries::hovered, this, [this, rate](const QPointF &point, bool on) {
            const int index = int(std::lround(point.x()));
            if (!on || index < 0 || index >= m_shownGroups.size())
                return;
            const LeadStats &stats = m_shownGroups.at(index).stats;
            QToolTip::showText(
                QCursor::pos(),
                tr("%1 — %2: %3 (%4 of %5)")
                    .arg(m_shownGroups.at(index).label(m_figures.query.breakdown),
                         rate == LeadStats::Rate::Trash ? tr("Trash rate") : LeadStats::rateName(rate),
                         LeadStats::percentText(stats.rate(rate)))
                    .arg(stats.numerator(rate))
                    .arg(stats.denominator(rate)),
                m_chartView);
        });
        connect(series, &QLineSeries::clicked, this,
                [this](const QPointF &point) { openGroup(int(std::lround(point.x())), QString(), false); });
        chart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }
    return chart;
}

QChart *AnalyticsView::funnelChart()
{
    const StageStyle style(palette());
    const LeadStats &total = m_figures.total.stats;
    auto *chart = new QChart;
    chart->setTitle(tr("Funnel: sent → approved → completed"));
    auto *series = new QBarSeries(chart);
    auto *set = new QBarSet(tr("Leads"), series);
    *set << total.sent() << total.count(Stage::Approve) << total.completed();
    set->setColor(style.background(Stage::Approve));
    set->setBorderColor(palette().color(QPalette::Text));
    connect(set, &QBarSet::hovered, this, [this](bool on, int index) {
        if (on && index >= 0 && index < m_tableModel->rowCount() &&
            m_tableModel->table() == AnalyticsTableModel::Table::Funnel)
            QToolTip::showText(QCursor::pos(),
                               tr("%1: %2 (%3 of sent)")
                                   .arg(m_tableModel->index(index, 0).data().toString(),
                                        m_tableModel->index(index, 1).data().toString(),
                                        m_tableModel->index(index, 2).data().toString()),
                               m_chartView);
    });
    connect(set, &QBarSet::clicked, this, [this](int index) {
        if (index == 1) // the approved leads; "sent" and "completed" are not stages a filter knows
            openGroup(-1, StatusCatalog::stageCode(Stage::Approve), true);
    });
    series->append(set);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis(chart);
    axisX->append({tr("Sent"), tr("Approved"), tr("Completed")});
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis(chart);
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    axisY->applyNiceNumbers();
    chart->legend()->hide(); // one series, named by its axis
    return chart;
}

QChart *AnalyticsView::cohortsChart()
{
    auto *chart = new QChart;
    chart->setTitle(tr("Approved within 1, 3, 7 and 14 days, by day of creation"));
    QStringList categories;
    for (const CohortRow &cohort : std::as_const(m_figures.cohorts))
        categories << QLocale().toString(cohort.day, QLocale::ShortFormat);
    QCategoryAxis *axisX = indexAxis(categories, chart);
    chart->addAxis(axisX, Qt::AlignBottom);
    auto *axisY = new QValueAxis(chart);
    axisY->setRange(0, 100);
    axisY->setLabelFormat(QStringLiteral("%d %%"));
    axisY->setTitleText(tr("Approved"));
    chart->addAxis(axisY, Qt::AlignLeft);
    const Qt::PenStyle styles[] = {Qt::DotLine, Qt::DashDotLine, Qt::DashLine, Qt::SolidLine};
    const StageStyle style(palette());
    const QColor strong = style.foreground(Stage::Approve);
    const QColor soft = style.background(Stage::Approve).darker(140);
    auto blend = [&strong, &soft](double weight) {
        return QColor::fromRgbF(float(strong.redF() * weight + soft.redF() * (1 - weight)),
                                float(strong.greenF() * weight + soft.greenF() * (1 - weight)),
                                float(strong.blueF() * weight + soft.blueF() * (1 - weight)));
    };
    for (std::size_t column = 0; column < CohortRow::days.size(); ++column) {
        auto *series = new QLineSeries(chart);
        series->setName(tr("%n day(s)", nullptr, CohortRow::days.at(column)));
        for (int index = 0; index < m_figures.cohorts.size(); ++index) {
            const std::optional<double> share = m_figures.cohorts.at(index).share(column);
            if (share) // days too recent to judge are left out, not drawn as 0 %
                series->append(index, *share * 100.0);
        }
        QPen pen(blend(double(column + 1) / double(CohortRow::days.size())));
        pen.setWidthF(fontMetrics().height() / 6.0);
        pen.setStyle(styles[column]);
        series->setPen(pen);
        series->setPointsVisible(true);
        connect(series, &QLineSeries::hovered, this, [this, column](const QPointF &point, bool on) {
            const int index = int(std::lround(point.x()));
            if (!on || index < 0 || index >= m_figures.cohorts.size())
                return;
            const CohortRow &cohort = m_figures.cohorts.at(index);
            QToolTip::showText(QCursor::pos(),
                               tr("%1: %2 of %n lead(s) approved within %3", nullptr, cohort.leads)
                                   .arg(QLocale().toString(cohort.day, QLocale::ShortFormat))
                                   .arg(cohort.approvedWithin.at(column))
                                   .arg(tr("%n day(s)", nullptr, CohortRow::days.at(column))),
                               m_chartView);
        });
        chart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }
    return chart;
}

void AnalyticsView::fillTable()
{
    switch (Chart(m_chartCombo->currentData().toInt())) {
    case Chart::Stages:
    case Chart::Rates:
        m_tableModel->showGroups(m_shownGroups, m_figures.total, m_figures.query.breakdown);
        break;
    case Chart::Funnel:
        m_tableModel->showFunnel(m_figures.total.stats);
        break;
    case Chart::Cohorts:
        m_tableModel->showCohorts(m_figures.cohorts);
        break;
    }
}

void AnalyticsView::openGroup(int groupIndex, const QString &stageCode, bool byStage)
{
    const bool isTotal = groupIndex < 0 || groupIndex >= m_shownGroups.size();
    const AnalyticsGroup &group = isTotal ? m_figures.total : m_shownGroups.at(groupIndex);
    LeadFilter filter = group.filter;
    QString description = isTotal ? tr("all leads counted") : group.label(m_figures.query.breakdown);
    if (byStage) {
        LeadFilter stage;
        stage.stages = {stageCode};
        filter = filter.narrowedBy(stage);
        description = tr("%1, %2").arg(description, stageSetName(StatusCatalog::stageOf(stageCode)));
    }
    emitLeadsRequested(filter, description);
}

void AnalyticsView::openTableCell(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    switch (m_tableModel->table()) {
    case AnalyticsTableModel::Table::Groups: {
        static const std::pair<int, Stage> stageColumns[] = {{AnalyticsTableModel::Waiting, Stage::Wait},
                                                             {AnalyticsTableModel::OnHold, Stage::Hold},
                                                             {AnalyticsTableModel::Approved, Stage::Approve},
                                                             {AnalyticsTableModel::Cancelled, Stage::Cancel},
                                                             {AnalyticsTableModel::Trash, Stage::Trash}};
        for (const auto &[column, stage] : stageColumns) {
            if (index.column() == column) {
                openGroup(index.row(), StatusCatalog::stageCode(stage), true);
                return;
            }
        }
        openGroup(index.row(), QString(), false);
        return;
    }
    case AnalyticsTableModel::Table::Funnel:
        if (index.row() == 1)
            openGroup(-1, StatusCatalog::stageCode(Stage::Approve), true);
        return;
    case AnalyticsTableModel::Table::Cohorts: {
        if (index.row() >= m_figures.cohorts.size())
            return;
        LeadFilter day;
        day.createdFrom = day.createdTo = m_figures.cohorts.at(index.row()).day;
        emitLeadsRequested(m_figures.total.filter.narrowedBy(day),
                           QLocale().toString(day.createdFrom, QLocale::ShortFormat));
        return;
    }
    }
}

void AnalyticsView::emitLeadsRequested(const LeadFilter &filter, const QString &description)
{
    emit leadsRequested(filter, description, m_teamScope);
}

bool AnalyticsView::exportChart(const QString &filePath, QString *error)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (filePath.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(m_chartView->size());
        generator.setViewBox(m_chartView->rect());
        generator.setTitle(m_chartView->chart() ? m_chartView->chart()->title() : QString());
        QPainter painter(&generator);
        m_chartView->render(&painter);
        painter.end();
    } else {
        m_chartView->grab().save(&buffer, "PNG");
    }
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(buffer.data()) != buffer.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool AnalyticsView::exportTable(const QString &filePath, QString *error)
{
    QList<int> columns;
    for (int column = 0; column < m_tableModel->columnCount(); ++column)
        columns << column;
    return CsvExport::writeFile(*m_tableModel, columns, Qt::DisplayRole, filePath, error);
}

void AnalyticsView::copyTable()
{
    QGuiApplication::clipboard()->setText(m_tableModel->tabSeparatedText());
    emit message(tr("Copied %n row(s) to the clipboard.", nullptr, m_tableModel->rowCount()));
}

void AnalyticsView::exportChartWithDialog()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        m_prompts->saveFileName(this, tr("Export chart"), QDir(folder).filePath(tr("analytics.png")),
                                tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportChart(path, &error))
        emit message(tr("Exported the chart to %1").arg(QDir::toNativeSeparators(path)));
    else
        emit message(tr("Could not export the chart: %1").arg(error));
}

void AnalyticsView::exportTableWithDialog()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = m_prompts->saveFileName(
        this, tr("Export table"), QDir(folder).filePath(tr("analytics.csv")), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportTable(path, &error))
        emit message(tr("Exported %n row(s) to %1", nullptr, m_tableModel->rowCount())
                         .arg(QDir::toNativeSeparators(path)));
    else
        emit message(tr("Could not export the table: %1").arg(error));
}

void AnalyticsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // A light or dark desktop: the stage colours and the chart's background follow.
    if (event->type() == QEvent::PaletteChange && m_chartView && m_chartView->chart())
        showChart();
}

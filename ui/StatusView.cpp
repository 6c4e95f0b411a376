#include "StatusView.h"

#include "AccessibleNames.h"
#include "ImportIdsDialog.h"
#include "LeadStyleProxy.h"
#include "StageStyle.h"
#include "UserPrompts.h"
#include "VisibleRowsWatcher.h"
#include "api/ApiTypes.h"
#include "status/CsvExport.h"
#include "status/LeadFilterProxy.h"
#include "status/LeadTableModel.h"
#include "status/LeadTracking.h"
#include "sync/StatusPoller.h"
#include "team/TeamLeadsModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QShowEvent>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>
#include <utility>

namespace {

// Waiting for the user to pause before recounting: the figures visit every row shown.
constexpr int summaryDelayMs = 80;
// Marks the header states saved once the user had set something. States saved before (at every close,
// whatever the widths were) are not restored: they kept words cut off for good.
const QByteArray kLayoutStateTag = QByteArrayLiteral("cpadesk-columns-2:");

QIcon actionIcon(const char *name)
{
    const QString path = QStringLiteral(":/icons/actions/") + QLatin1String(name) + QStringLiteral(".svg");
    return QFileInfo::exists(path) ? QIcon(path) : QIcon();
}

QString stageTip(StatusCatalog::Stage stage)
{
    switch (stage) {
    case StatusCatalog::Stage::Wait:
        return StatusView::tr("Leads the call centre has not decided on yet");
    case StatusCatalog::Stage::Hold:
        return StatusView::tr("Leads put on hold (a callback, a question to the customer)");
    case StatusCatalog::Stage::Approve:
        return StatusView::tr("Leads confirmed by the customer: orders on their way or delivered");
    case StatusCatalog::Stage::Cancel:
        return StatusView::tr(
            "Leads cancelled for an ordinary reason (changed their mind, too expensive...)");
    case StatusCatalog::Stage::Trash:
        return StatusView::tr("Leads cancelled as worthless: wrong number, fake, duplicate...");
    default:
        return QString();
    }
}

} // namespace

StatusView::StatusView(LeadTableModel *model, LeadTracking *tracking, QWidget *parent)
    : QWidget(parent), m_tracking(tracking), m_prompts(UserPrompts::standard()), m_model(model),
      m_filter(new LeadFilterProxy(this)), m_style(new LeadStyleProxy(this)),
      m_summaryTimer(new QTimer(this)), m_filterListsTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("statusView"));
    // 100,000 leads take a second or more to read: the window stays usable and fills as they come.
    m_model->setLoadInBackground(true);
    connect(m_tracking, &LeadTracking::markSeenFailed, this, [this](const QString &error) {
        showBanner(tr("Could not mark the leads as seen: %1").arg(error));
    });
    connect(m_tracking, &LeadTracking::orderIdsTracked, this, &StatusView::onOrderIdsTracked);
    connect(m_tracking, &LeadTracking::trackingFailed, this, [this](const QString &error) {
        showBanner(tr("The order ids could not be stored: %1").arg(error));
    });
    m_filter->setSourceModel(m_model);
    m_style->setSourceModel(m_filter);
    m_style->setStageStyle(StageStyle(palette()));

    m_summaryTimer->setSingleShot(true);
    m_summaryTimer->setInterval(summaryDelayMs);
    connect(m_summaryTimer, &QTimer::timeout, this, &StatusView::updateSummary);
    m_filterListsTimer->setSingleShot(true);
    m_filterListsTimer->setInterval(0);
    connect(m_filterListsTimer, &QTimer::timeout, this, &StatusView::repopulateFilterLists);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("bannerFrame"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setAutoFillBackground(true);
    m_bannerLabel = new QLabel(m_banner);
    m_bannerLabel->setObjectName(QStringLiteral("bannerLabel"));
    m_bannerLabel->setWordWrap(true);
    m_bannerLabel->setTextFormat(Qt::PlainText);
    m_bannerLabel->setForegroundRole(QPalette::ToolTipText);
    auto *hideBanner = new QToolButton(m_banner);
    hideBanner->setObjectName(QStringLiteral("hideBannerButton"));
    hideBanner->setText(tr("H&ide"));
    hideBanner->setAccessibleName(tr("Hide the message"));
    connect(hideBanner, &QToolButton::clicked, this, &StatusView::hideBanner);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerLabel, 1);
    bannerLayout->addWidget(hideBanner);
    m_banner->hide();

    auto *filterBar = new QWidget(this);
    buildFilterBar(filterBar);
    buildActions();
    auto *toolBar = new QToolBar(this);
    toolBar->setObjectName(QStringLiteral("statusToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_refreshAllAction);
    toolBar->addAction(m_refreshSelectedAction);
    toolBar->addSeparator();
    toolBar->addAction(m_trackAction);
    toolBar->addAction(m_exportAction);
    toolBar->addAction(m_markSeenAction);

    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("refreshProgressBar"));
    m_progressBar->setAccessibleName(tr("Refresh progress"));
    m_progressBar->hide();
    m_cancelButton = new QPushButton(tr("&Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelRefreshButton"));
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_poller)
            m_poller->cancel();
    });
    m_refreshLabel = new QLabel(this);
    m_refreshLabel->setObjectName(QStringLiteral("refreshLabel"));
    m_refreshLabel->setTextFormat(Qt::PlainText);

    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(toolBar);
    actionRow->addStretch(1);
    actionRow->addWidget(m_refreshLabel);
    actionRow->addWidget(m_progressBar);
    actionRow->addWidget(m_cancelButton);

    buildTable();
    buildTeamTable();
    buildColumnsMenu();
    toolBar->addSeparator();
    toolBar->addAction(m_columnsMenu->menuAction());
    if (auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(m_columnsMenu->menuAction())))
        button->setPopupMode(QToolButton::InstantPopup);
    auto *summaryBar = new QWidget(this);
    buildSummaryBar(summaryBar);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(filterBar);
    layout->addLayout(actionRow);
    layout->addWidget(m_tables, 1);
    layout->addWidget(summaryBar);

    connect(m_model, &LeadTableModel::distinctValuesMayHaveChanged, m_filterListsTimer,
            qOverload<>(&QTimer::start));
    connect(m_model, &LeadTableModel::loadingChanged, this, &StatusView::onLoadingChanged);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &StatusView::scheduleSummary);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &StatusView::scheduleSummary);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &StatusView::scheduleSummary);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &StatusView::scheduleSummary);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &StatusView::scheduleSummary);

    updateActions();
    updateSummary();
}

StatusView::~StatusView() = default;

void StatusView::buildFilterBar(QWidget *bar)
{
    m_searchEdit = new QLineEdit(bar);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setPlaceholderText(tr("Order id, name or phone"));
    // Room for what it asks for: squeezed by the filters beside it, it read "Ord..." in Russian.
    m_searchEdit->setMinimumWidth(
        m_searchEdit->fontMetrics().horizontalAdvance(m_searchEdit->placeholderText()) +
        4 * m_searchEdit->fontMetrics().averageCharWidth());
    QLabel *searchLabel = AccessibleNames::labelFor(tr("&Search:"), m_searchEdit, bar);
    connect(m_searchEdit, &QLineEdit::textChanged, m_filter, &LeadFilterProxy::setSearchText);
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this] {
        if (isTeamScope())
            applyTeamQuery();
    });

    // Shown only when the profile has a team server (setTeamModel()).
    m_scopeCombo = new QComboBox(bar);
    m_scopeCombo->setObjectName(QStringLiteral("scopeCombo"));
    m_scopeCombo->addItem(tr("My leads"));
    m_scopeCombo->addItem(tr("Team"));
    m_scopeCombo->setToolTip(tr("Team shows every operator's leads as the team server holds them"));
    m_scopeLabel = AccessibleNames::labelFor(tr("Vi&ew:"), m_scopeCombo, bar);
    connect(m_scopeCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setTeamScope(index == 1); });

    m_stageButton = new QToolButton(bar);
    m_stageButton->setObjectName(QStringLiteral("stageFilterButton"));
    m_stageButton->setPopupMode(QToolButton::InstantPopup);
    m_stageButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_stageMenu = new QMenu(m_stageButton);
    m_stageMenu->setObjectName(QStringLiteral("stageFilterMenu"));
    QStringList codes = StatusCatalog::knownStageCodes();
    codes << QString(); // leads the network has not reported on yet
    for (const QString &code : std::as_const(codes)) {
        const QString text = code.isEmpty() ? tr("Not reported yet") : StatusCatalog::stageName(code);
        QAction *action = m_stageMenu->addAction(text);
        action->setObjectName(QStringLiteral("stageFilterAction_") +
                              (code.isEmpty() ? QStringLiteral("none") : code));
        action->setCheckable(true);
        action->setData(code);
        if (!code.isEmpty())
            action->setIcon(StageStyle::icon(StatusCatalog::stageOf(code)));
        connect(action, &QAction::toggled, this, &StatusView::applyFilters);
    }
    m_stageButton->setMenu(m_stageMenu);
    m_stageButton->setText(tr("All stages"));
    QLabel *stageLabel = AccessibleNames::labelFor(tr("St&ages:"), m_stageButton, bar);

    auto makeCombo = [bar, this](const char *objectName) {
        auto *combo = new QComboBox(bar);
        combo->setObjectName(QLatin1String(objectName));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->addItem(tr("All"), QString());
        connect(combo, &QComboBox::currentIndexChanged, this, &StatusView::applyFilters);
        return combo;
    };
    m_offerCombo = makeCombo("offerCombo");
    m_wmCombo = makeCombo("wmCombo");
    m_countryCombo = makeCombo("countryCombo");
    m_operatorCombo = makeCombo("operatorCombo");
    QLabel *offerLabel = AccessibleNames::labelFor(tr("&Offer:"), m_offerCombo, bar);
    QLabel *wmLabel = AccessibleNames::labelFor(tr("&Webmaster:"), m_wmCombo, bar);
    m_wmLabel = wmLabel;
    m_operatorLabel = AccessibleNames::labelFor(tr("O&perator:"), m_operatorCombo, bar);
    QLabel *countryLabel = AccessibleNames::labelFor(tr("Co&untry:"), m_countryCombo, bar);

    m_dateCheck = new QCheckBox(tr("Filter by creation &date"), bar);
    m_dateCheck->setObjectName(QStringLiteral("dateFilterCheckBox"));
    m_dateCheck->setAccessibleName(tr("Filter by creation date"));
    const QDate today = QDate::currentDate();
    m_fromDateEdit = new QDateEdit(today.addDays(-30), bar);
    m_fromDateEdit->setObjectName(QStringLiteral("fromDateEdit"));
    m_toDateEdit = new QDateEdit(today, bar);
    m_toDateEdit->setObjectName(QStringLiteral("toDateEdit"));
    QLabel *fromLabel = AccessibleNames::labelFor(tr("Fro&m:"), m_fromDateEdit, bar);
    QLabel *toLabel = AccessibleNames::labelFor(tr("U&ntil:"), m_toDateEdit, bar);
    for (QDateEdit *edit : {m_fromDateEdit, m_toDateEdit}) {
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        connect(edit, &QDateEdit::dateChanged, this, &StatusView::applyFilters);
    }
    connect(m_dateCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_fromDateEdit->setEnabled(on);
        m_toDateEdit->setEnabled(on);
        applyFilters();
    });

    // Two rows: in one, the filters squeezed the search box to "Ord..." (in Russian, below 1300 pixels)
    // and set the window's least width.
    auto *layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scopeLabel);
    layout->addWidget(m_scopeCombo);
    layout->addWidget(searchLabel);
    layout->addWidget(m_searchEdit, 2);
    layout->addWidget(stageLabel);
    layout->addWidget(m_stageButton);
    layout->addWidget(offerLabel);
    layout->addWidget(m_offerCombo);
    layout->addWidget(wmLabel);
    layout->addWidget(m_wmCombo);
    layout->addWidget(m_operatorLabel);
    layout->addWidget(m_operatorCombo);
    layout->addWidget(countryLabel);
    layout->addWidget(m_countryCombo);
    layout->addStretch(1);
    auto *dates = new QHBoxLayout;
    dates->setContentsMargins(0, 0, 0, 0);
    dates->addWidget(m_dateCheck);
    dates->addWidget(fromLabel);
    dates->addWidget(m_fromDateEdit);
    dates->addWidget(toLabel);
    dates->addWidget(m_toDateEdit);
    dates->addStretch(1);
    for (QWidget *teamOnly :
         {static_cast<QWidget *>(m_scopeLabel), static_cast<QWidget *>(m_scopeCombo),
          static_cast<QWidget *>(m_operatorLabel), static_cast<QWidget *>(m_operatorCombo)})
        teamOnly->hide();
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addLayout(layout);
    rows->addLayout(dates);

    auto *findAction = new QAction(tr("Find"), this);
    findAction->setObjectName(QStringLiteral("findAction"));
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, m_searchEdit, [this] {
        m_searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_searchEdit->selectAll();
    });
    addAction(findAction);
}

void StatusView::buildActions()
{
    m_refreshAllAction = new QAction(actionIcon("refresh"), tr("&Refresh"), this);
    m_refreshAllAction->setObjectName(QStringLiteral("refreshAllAction"));
    m_refreshAllAction->setToolTip(tr("Ask the network about every lead whose outcome is not final yet"));
    m_refreshAllAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAllAction, &QAction::triggered, this, &StatusView::refreshAll);

    m_refreshSelectedAction = new QAction(tr("Refresh s&elected"), this);
    m_refreshSelectedAction->setObjectName(QStringLiteral("refreshSelectedAction"));
    m_refreshSelectedAction->setToolTip(tr("Ask the network about the selected leads only"));
    connect(m_refreshSelectedAction, &QAction::triggered, this, &StatusView::refreshSelected);

    m_trackAction = new QAction(tr("Track order &ids..."), this);
    m_trackAction->setObjectName(QStringLiteral("trackIdsAction"));
    m_trackAction->setToolTip(tr("Follow leads sent by other systems by their order ids"));
    connect(m_trackAction, &QAction::triggered, this, &StatusView::openTrackDialog);

    m_exportAction = new QAction(actionIcon("export"), tr("E&xport CSV..."), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setToolTip(tr("Save the leads shown, with the columns shown, as a CSV file"));
    connect(m_exportAction, &QAction::triggered, this, &StatusView::exportWithDialog);

    m_markSeenAction = new QAction(tr("Mark all as see&n"), this);
    m_markSeenAction->setObjectName(QStringLiteral("markAllSeenAction"));
    m_markSeenAction->setToolTip(tr("Stop highlighting the leads that changed"));
    connect(m_markSeenAction, &QAction::triggered, this, &StatusView::markAllSeen);

    for (QAction *action : {m_refreshAllAction, m_refreshSelectedAction, m_trackAction, m_exportAction})
        addAction(action); // their shortcuts work while the view has focus
}

void StatusView::buildTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("leadsTable"));
    m_table->setAccessibleName(tr("Leads"));
    m_table->setModel(m_style);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &StatusView::showColumnMenu);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LeadTableModel::Created, Qt::DescendingOrder);
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_fitting)
            onUserChangedLayout();
    });
    connect(header, &QHeaderView::sectionMoved, this, &StatusView::onUserChangedLayout);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this] {
        if (!m_fitting)
            onUserChangedLayout();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this](const QItemSelection &selected) {
                markSelectionSeen(selected);
                updateActions();
            });
    auto *onScreen = new VisibleRowsWatcher(
        m_table,
        [this](const QModelIndex &index) {
            const QModelIndex source = m_filter->mapToSource(m_style->mapToSource(index));
            return source.isValid() ? m_model->leadAt(source.row()).orderId : QString();
        },
        this);
    connect(onScreen, &VisibleRowsWatcher::visibleIdsChanged, this, &StatusView::visibleOrderIdsChanged);
}

void StatusView::buildTeamTable()
{
    m_teamStyle = new LeadStyleProxy(this);
    m_teamStyle->setStageStyle(StageStyle(palette()));
    m_teamTable = new QTableView(this);
    m_teamTable->setObjectName(QStringLiteral("teamLeadsTable"));
    m_teamTable->setAccessibleName(tr("Team leads"));
    m_teamTable->setModel(m_teamStyle);
    m_teamTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_teamTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_teamTable->setWordWrap(false);
    m_teamTable->setTextElideMode(Qt::ElideRight);
    m_teamTable->verticalHeader()->hide();
    m_teamTable->horizontalHeader()->setHighlightSections(false);
    m_teamTable->setSortingEnabled(true);
    m_tables = new QStackedWidget(this);
    m_tables->addWidget(m_table);
    m_tables->addWidget(m_teamTable);
}

void StatusView::setTeamModel(TeamLeadsModel *model)
{
    if (m_teamModel == model)
        return;
    if (m_teamModel)
        m_teamModel->disconnect(this);
    setTeamScope(false);
    m_teamModel = model;
    m_teamStyle->setSourceModel(model);
    const bool available = model != nullptr;
    m_scopeLabel->setVisible(available);
    m_scopeCombo->setVisible(available);
    if (!model)
        return;
    m_teamTable->sortByColumn(TeamLeadsQuery::Created, Qt::DescendingOrder);
    connect(model, &TeamLeadsModel::summaryChanged, this, [this] {
        if (isTeamScope())
            updateSummary();
    });
    connect(model, &TeamLeadsModel::choicesChanged, this, [this] {
        if (isTeamScope())
            repopulateFilterLists();
    });
    connect(model, &TeamLeadsModel::loadFailed, this, [this](const QString &error) {
        if (isTeamScope())
            showBanner(tr("The team server could not be read: %1").arg(error));
    });
    connect(model, &TeamLeadsModel::pageLoaded, this, [this] {
        if (isTeamScope() && !m_userLayout)
            m_teamTable->resizeColumnsToContents();
    });
    connect(model, &TeamLeadsModel::exportFinished, this, &StatusView::onTeamExportFinished);
}

bool StatusView::isTeamScope() const
{
    return m_teamModel && m_tables->currentWidget() == m_teamTable;
}

void StatusView::setTeamScope(bool team)
{
    team = team && m_teamModel;
    {
        const QSignalBlocker blocker(m_scopeCombo);
        m_scopeCombo->setCurrentIndex(team ? 1 : 0);
    }
    if (team == isTeamScope())
        return;
    hideBanner();
    m_tables->setCurrentWidget(team ? m_teamTable : m_table);
    m_wmLabel->setVisible(!team);
    m_wmCombo->setVisible(!team);
    m_operatorLabel->setVisible(team);
    m_operatorCombo->setVisible(team);
    if (team) {
        m_teamModel->requestChoices();
        m_teamModel->reload(); // what the team shared since the last look
    }
    repopulateFilterLists();
    if (team)
        applyFilters(); // the team's lists may be the same as before: the query follows the widgets
    updateSummary();
    updateActions();
}

void StatusView::onTeamExportFinished(bool ok, int rows, const QString &filePath, const QString &error)
{
    if (!ok) {
        m_refreshLabel->clear();
        showBanner(tr("The team's leads could not be exported: %1").arg(error));
        return;
    }
    const QString text =
        tr("Exported %n lead(s) to %1", nullptr, rows).arg(QDir::toNativeSeparators(filePath));
    m_refreshLabel->setText(text);
    emit message(text);
}

void StatusView::buildSummaryBar(QWidget *bar)
{
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_shownLabel = new QLabel(bar);
    m_shownLabel->setObjectName(QStringLiteral("shownCountLabel"));
    layout->addWidget(m_shownLabel);
    for (const QString &code : StatusCatalog::knownStageCodes()) {
        auto *label = new QLabel(bar);
        label->setObjectName(code + QStringLiteral("CountLabel"));
        label->setTextFormat(Qt::RichText);
        label->setToolTip(stageTip(StatusCatalog::stageOf(code)));
        m_stageCountLabels.append(label);
        layout->addWidget(label);
    }
    m_otherStagesLabel = new QLabel(bar);
    m_otherStagesLabel->setObjectName(QStringLiteral("otherCountLabel"));
    m_otherStagesLabel->setToolTip(
        tr("Leads at a stage this version of CPA Desk does not know; the table shows "
           "the network's word for it"));
    layout->addWidget(m_otherStagesLabel);
    layout->addStretch(1);
    auto addRate = [bar, layout](const char *objectName) {
        auto *label = new QLabel(bar);
        label->setObjectName(QLatin1String(objectName));
        label->setTextFormat(Qt::PlainText);
        layout->addWidget(label);
        return label;
    };
    m_approvalLabel = addRate("approvalRateLabel");
    m_approvalNoTrashLabel = addRate("approvalWithoutTrashRateLabel");
    m_trashLabel = addRate("trashRateLabel");
    m_buyoutLabel = addRate("buyoutRateLabel");
}

void StatusView::setProfile(const QString &profileId)
{
    hideBanner();
    m_refreshLabel->clear();
    m_model->setProfile(profileId);
    if (!m_model->isLoading())
        fitColumnsToRows();
    updateActions();
}

void StatusView::fitColumnsToRows()
{
    if (m_userLayout)
        return;
    m_fitting = true;
    m_table->resizeColumnsToContents(); // looks at the rows on screen only: cheap at any size
    // Stage, status and reason words change as the network reports: room for the longest from the start,
    // so that a column does not cut a word the rows shown so far did not have.
    QHeaderView *header = m_table->horizontalHeader();
    for (int column : {int(LeadTableModel::Stage), int(LeadTableModel::Status), int(LeadTableModel::Reason)})
        header->resizeSection(column, qMax(header->sectionSize(column), catalogueWidth(column)));
    m_fitting = false;
}

int StatusView::catalogueWidth(int column) const
{
    const QStringList words = LeadTableModel::catalogueWords(column);
    if (words.isEmpty())
        return 0;
    QFont bold = m_table->font(); // leads that changed are shown in bold
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int widest = 0;
    for (const QString &word : std::as_const(words))
        widest = qMax(widest, metrics.horizontalAdvance(word));
    // The cell's own margins and, in the stage column, its icon: as the view's style measures them.
    const int margin = m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1;
    const int icon =
        column == LeadTableModel::Stage
            ? m_table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table) + 2 * margin
            : 0;
    return widest + icon + 4 * margin;
}

void StatusView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Rows read while the screen was hidden were measured against a view of no size: measure again,
    // once laid out.
    if (!m_userLayout)
        QTimer::singleShot(0, this, &StatusView::fitColumnsToRows);
}

void StatusView::onUserChangedLayout()
{
    m_userLayout = true;
    emit tableLayoutChanged();
}

void StatusView::onLoadingChanged(bool loading)
{
    if (loading) {
        if (!m_poller || !m_poller->isRunning())
            m_refreshLabel->setText(tr("Loading leads..."));
        return;
    }
    if (!m_poller || !m_poller->isRunning())
        m_refreshLabel->clear();
    fitColumnsToRows();
}

void StatusView::setPoller(StatusPoller *poller)
{
    if (m_poller)
        m_poller->disconnect(this);
    m_poller = poller;
    if (m_poller) {
        connect(m_poller, &StatusPoller::started, this, &StatusView::onRefreshStarted);
        connect(m_poller, &StatusPoller::progress, this, &StatusView::onRefreshProgress);
        connect(m_poller, &StatusPoller::refreshFailed, this, &StatusView::onRefreshFailed);
        connect(m_poller, &StatusPoller::finished, this, &StatusView::onRefreshFinished);
        connect(m_poller, &StatusPoller::nothingToRefresh, this, [this] { m_nothingToRefresh = true; });
        connect(m_poller, &StatusPoller::leftToTeam, this, [this] { m_leftToTeam = true; });
    }
    m_progressBar->hide();
    m_cancelButton->hide();
    updateActions();
}

void StatusView::setPrompts(UserPrompts *prompts)
{
    m_prompts = prompts ? prompts : UserPrompts::standard();
}

QByteArray StatusView::saveState() const
{
    return m_userLayout ? kLayoutStateTag + m_table->horizontalHeader()->saveState() : QByteArray();
}

bool StatusView::restoreState(const QByteArray &state)
{
    if (!state.startsWith(kLayoutStateTag))
        return false;
    QHeaderView *header = m_table->horizontalHeader();
    m_fitting = true;
    const bool restored = header->restoreState(state.mid(kLayoutStateTag.size()));
    m_fitting = false;
    if (!restored)
        return false;
    m_userLayout = true;
    // The header remembers the sort indicator; the rows have to be put in that order too.
    m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    return true;
}

QList<int> StatusView::visibleColumns() const
{
    const QHeaderView *header = (isTeamScope() ? m_teamTable : m_table)->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    return columns;
}

void StatusView::applyFilters()
{
    QSet<QString> stages;
    QStringList names;
    for (QAction *action : m_stageMenu->actions()) {
        if (action->isChecked()) {
            stages.insert(action->data().toString());
            names << action->text();
        }
    }
    m_stageButton->setText(names.isEmpty() ? tr("All stages") : names.join(QStringLiteral(", ")));
    m_filter->setStages(stages);
    m_filter->setOffer(m_offerCombo->currentData().toString());
    m_filter->setWm(m_wmCombo->currentData().toString());
    m_filter->setCountry(m_countryCombo->currentData().toString());
    if (m_dateCheck->isChecked())
        m_filter->setCreatedRange(m_fromDateEdit->date(), m_toDateEdit->date());
    else
        m_filter->setCreatedRange(QDate(), QDate());
    if (isTeamScope())
        applyTeamQuery();
}

void StatusView::applyTeamQuery()
{
    if (!m_teamModel)
        return;
    // The same widgets as the profile's own leads, read into the server's query; the team database
    // keeps no webmaster, and the header's sort stays as it is.
    TeamLeadsQuery query = m_teamModel->query();
    query.filter = LeadFilter();
    query.filter.stages = m_filter->stages();
    const std::pair<QComboBox *, QSet<QString> *> lists[] = {{m_offerCombo, &query.filter.offers},
                                                             {m_countryCombo, &query.filter.countries},
                                                             {m_operatorCombo, &query.operators}};
    for (const auto &[combo, values] : lists) {
        values->clear();
        if (combo->currentIndex() > 0)
            values->insert(combo->currentData().toString());
    }
    if (m_dateCheck->isChecked()) {
        query.filter.createdFrom = m_fromDateEdit->date();
        query.filter.createdTo = m_toDateEdit->date();
    }
    query.searchText = m_searchEdit->text();
    m_teamModel->setQuery(query);
}

void StatusView::showLeads(const LeadFilter &filter)
{
    const QSignalBlocker searchBlocker(m_searchEdit);
    m_searchEdit->clear();
    m_filter->setSearchText(QString());
    QStringList names;
    for (QAction *action : m_stageMenu->actions()) {
        const QSignalBlocker blocker(action);
        action->setChecked(filter.stages.contains(action->data().toString()));
        if (action->isChecked())
            names << action->text();
    }
    m_stageButton->setText(names.isEmpty() ? tr("All stages") : names.join(QStringLiteral(", ")));
    const std::pair<QComboBox *, QSet<QString>> lists[] = {{m_offerCombo, filter.offers},
                                                           {m_wmCombo, filter.wms},
                                                           {m_countryCombo, filter.countries},
                                                           {m_operatorCombo, filter.operators}};
    for (const auto &[combo, values] : lists) {
        const QSignalBlocker blocker(combo);
        int index = values.size() == 1 ? combo->findData(*values.cbegin()) : -1;
        // The team's lists arrive from the server: a value not listed yet is shown all the same.
        if (index < 0 && values.size() == 1 && !values.cbegin()->isEmpty() && isTeamScope()) {
            combo->addItem(*values.cbegin(), *values.cbegin());
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(std::max(index, 0));
    }
    const bool byDate = filter.createdFrom.isValid() || filter.createdTo.isValid();
    {
        const QSignalBlocker checkBlocker(m_dateCheck);
        const QSignalBlocker fromBlocker(m_fromDateEdit);
        const QSignalBlocker toBlocker(m_toDateEdit);
        m_dateCheck->setChecked(byDate);
        m_fromDateEdit->setEnabled(byDate);
        m_toDateEdit->setEnabled(byDate);
        if (filter.createdFrom.isValid())
            m_fromDateEdit->setDate(filter.createdFrom);
        if (filter.createdTo.isValid())
            m_toDateEdit->setDate(filter.createdTo);
    }
    m_filter->setFilter(filter);
    if (isTeamScope()) {
        // Exactly these leads (a group folded into "Other" lists several offers), not what the widgets
        // can show of them; the team database keeps no webmaster.
        TeamLeadsQuery query = m_teamModel->query();
        query.filter = filter;
        query.filter.wms.clear();
        query.operators.clear();
        query.searchText.clear();
        m_teamModel->setQuery(query);
    }
}

void StatusView::repopulateFilterLists()
{
    if (isTeamScope()) {
        const std::pair<QComboBox *, QStringList> teamLists[] = {
            {m_offerCombo, m_teamModel->offers()},
            {m_countryCombo, m_teamModel->countries()},
            {m_operatorCombo, m_teamModel->operators()},
        };
        bool changed = false;
        for (const auto &[combo, values] : teamLists) {
            const QString current = combo->currentData().toString();
            const QSignalBlocker blocker(combo);
            while (combo->count() > 1)
                combo->removeItem(1);
            for (const QString &value : values)
                combo->addItem(value.isEmpty() ? tr("(none)") : value, value);
            // A value chosen before the list arrived (a bar of the Analytics screen) stays chosen even
            // when the list lacks it: operators are listed by workstation, a lead keeps its own name.
            if (!current.isEmpty() && combo->findData(current) < 0)
                combo->addItem(current, current);
            const int index = combo->findData(current);
            combo->setCurrentIndex(index >= 0 ? index : 0);
            changed = changed || combo->currentData().toString() != current;
        }
        // The same choices shown: the query stays, exactly as showLeads() may have set it.
        if (changed)
            applyFilters();
        return;
    }
    const std::pair<QComboBox *, LeadTableModel::Column> lists[] = {
        {m_offerCombo, LeadTableModel::Offer},
        {m_wmCombo, LeadTableModel::Wm},
        {m_countryCombo, LeadTableModel::Country},
    };
    for (const auto &[combo, column] : lists) {
        const QString current = combo->currentData().toString();
        const QSignalBlocker blocker(combo);
        while (combo->count() > 1)
            combo->removeItem(1);
        for (const QString &value : m_model->distinctValues(column))
            combo->addItem(value, value);
        const int index = combo->findData(current);
        combo->setCurrentIndex(index >= 0 ? index : 0);
    }
    applyFilters();
}

void StatusView::scheduleSummary()
{
    m_summaryTimer->start();
}

void StatusView::updateSummary()
{
    // The team's figures are counted by the server, over every lead the filters select.
    m_stats = isTeamScope() ? m_teamModel->summary() : LeadStats::ofVisibleRows(*m_filter);
    const StageStyle style(palette());
    m_shownLabel->setText(tr("%n lead(s) shown", nullptr, m_stats.shown()));
    m_shownLabel->setToolTip(tr("%1 of them reported on by the network; %2 not yet (still in the outbox, "
                                "or not checked yet)")
                                 .arg(m_stats.reported())
                                 .arg(m_stats.count(StatusCatalog::Stage::None)));
    for (int i = 0; i < m_stageCountLabels.size(); ++i) {
        const auto stage = StatusCatalog::Stage(i);
        // The word is always there; the colour repeats what it says.
        m_stageCountLabels.at(i)->setText(
            QStringLiteral("<span style=\"background-color:%1; color:%2\">&nbsp;%3&nbsp;</span> %4")
                .arg(style.background(stage).name(), style.foreground(stage).name(),
                     StatusCatalog::stageName(stage).toHtmlEscaped())
                .arg(m_stats.count(stage)));
    }
    const int other = m_stats.count(StatusCatalog::Stage::Other);
    m_otherStagesLabel->setText(tr("Other: %1").arg(other));
    m_otherStagesLabel->setVisible(other > 0);
    const std::pair<QLabel *, LeadStats::Rate> rates[] = {
        {m_approvalLabel, LeadStats::Rate::Approval},
        {m_approvalNoTrashLabel, LeadStats::Rate::ApprovalWithoutTrash},
        {m_trashLabel, LeadStats::Rate::Trash},
        {m_buyoutLabel, LeadStats::Rate::Buyout},
    };
    for (const auto &[label, rate] : rates) {
        label->setText(
            tr("%1: %2").arg(LeadStats::rateName(rate), LeadStats::percentText(m_stats.rate(rate))));
        label->setToolTip(m_stats.explanation(rate));
    }
}

void StatusView::updateActions()
{
    // Refreshing, tracking and marking seen are the operator's own leads' business: the team's statuses
    // come from whoever holds the team's refresh lease.
    const bool own = !isTeamScope();
    const bool canRefresh = own && m_poller && !m_poller->isRunning() && !m_model->profileId().isEmpty();
    m_refreshAllAction->setEnabled(canRefresh);
    m_refreshSelectedAction->setEnabled(canRefresh && m_table->selectionModel()->hasSelection());
    m_trackAction->setEnabled(own && !m_model->profileId().isEmpty());
    m_markSeenAction->setEnabled(own);
    m_columnsMenu->menuAction()->setEnabled(own);
}

QStringList StatusView::selectedOrderIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(LeadTableModel::OrderId);
    for (const QModelIndex &index : rows) {
        const QModelIndex source = m_filter->mapToSource(m_style->mapToSource(index));
        const QString id = m_model->leadAt(source.row()).orderId;
        if (!id.isEmpty()) // an "auto" lead the network has not named yet cannot be asked about
            ids << id;
    }
    return ids;
}

void StatusView::markSelectionSeen(const QItemSelection &selected)
{
    QStringList keys;
    for (const QModelIndex &index : selected.indexes()) {
        if (index.column() == 0 && index.data(LeadTableModel::UnseenRole).toBool())
            keys << index.data(LeadTableModel::KeyRole).toString();
    }
    markSeen(keys);
}

void StatusView::markSeen(const QStringList &keys)
{
    if (keys.isEmpty())
        return;
    m_tracking->markSeen(m_model->profileId(), keys);
}

void StatusView::markAllSeen()
{
    QStringList keys;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const JournalRow &lead = m_model->leadAt(row);
        if (lead.unseenChange)
            keys << lead.key;
    }
    markSeen(keys);
}

void StatusView::refreshAll()
{
    if (m_poller && m_poller->refreshAll()) {
        m_refreshAsked = true;
        updateActions(); // disabled while the poller reads which leads to ask about
    }
}

void StatusView::refreshSelected()
{
    const QStringList ids = selectedOrderIds();
    if (!m_poller || m_poller->isRunning() || ids.isEmpty())
        return;
    m_poller->refresh(ids);
}

void StatusView::onRefreshStarted(int leadCount)
{
    m_refreshLabel->setText(tr("Refreshing %n lead(s)...", nullptr, leadCount));
    m_progressBar->setRange(0, 0); // busy until the first batch says how many there are
    m_progressBar->show();
    m_cancelButton->show();
    updateActions();
}

void StatusView::onRefreshProgress(int done, int total)
{
    m_progressBar->setRange(0, total);
    m_progressBar->setValue(done);
}

void StatusView::onRefreshFailed(const ApiError &error)
{
    // ApiError::message is written for the user and never holds the key.
    showBanner(tr("The network could not be reached for a refresh: %1 The table shows what was known "
                  "before; the next refresh will try again.")
                   .arg(error.message.isEmpty() ? error.code : error.message));
}

void StatusView::onRefreshFinished(bool complete)
{
    m_progressBar->hide();
    m_cancelButton->hide();
    const bool nothingAsked = std::exchange(m_nothingToRefresh, false);
    const bool leftToTeam = std::exchange(m_leftToTeam, false);
    const bool userAsked = std::exchange(m_refreshAsked, false);
    if (complete && leftToTeam) {
        // An automatic round that left every lead to the team's refresh asked nothing, so "Refreshed at"
        // would be untrue; the holder's answers arrive by themselves. (The user's Refresh asks the
        // network itself, so this is never the answer to a click.)
    } else if (complete && nothingAsked) {
        // Said when the user asked; an automatic refresh with nothing to do leaves the line alone.
        if (userAsked)
            m_refreshLabel->setText(
                tr("Nothing to refresh: every lead's outcome is final, or none has been sent."));
    } else if (complete) {
        hideBanner();
        m_refreshLabel->setText(
            tr("Refreshed at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    } else if (m_banner->isHidden()) {
        m_refreshLabel->setText(tr("Refresh cancelled"));
    } else {
        m_refreshLabel->clear();
    }
    updateActions();
}

void StatusView::showBanner(const QString &text)
{
    m_bannerLabel->setText(text);
    m_banner->show();
}

void StatusView::hideBanner()
{
    m_banner->hide();
    m_bannerLabel->clear();
}

bool StatusView::exportTo(const QString &filePath, QString *error)
{
    if (isTeamScope()) {
        // Streamed from the server on the team model's thread: onTeamExportFinished() tells.
        m_teamModel->exportTo(filePath, visibleColumns());
        return true;
    }
    return CsvExport::writeFile(*m_filter, visibleColumns(), LeadTableModel::ExportRole, filePath, error);
}

void StatusView::exportWithDialog()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested =
        QDir(folder).filePath(tr("leads-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path =
        m_prompts->saveFileName(this, tr("Export Leads"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error)) {
        showBanner(error);
        return;
    }
    if (isTeamScope()) {
        m_refreshLabel->setText(tr("Exporting the team's leads..."));
        return;
    }
    const QString text =
        tr("Exported %n lead(s) to %1", nullptr, m_filter->rowCount()).arg(QDir::toNativeSeparators(path));
    m_refreshLabel->setText(text);
    emit message(text);
}

void StatusView::openTrackDialog()
{
    auto *dialog = new ImportIdsDialog(m_prompts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { trackOrderIds(dialog->orderIds()); });
    dialog->open(); // window-modal, without a nested event loop
}

void StatusView::trackOrderIds(const QStringList &orderIds)
{
    const QString profileId = m_model->profileId();
    if (orderIds.isEmpty() || profileId.isEmpty())
        return;
    m_tracking->trackOrderIds(profileId, orderIds);
}

void StatusView::onOrderIdsTracked(const QStringList &orderIds, int added)
{
    const int known = int(orderIds.size()) - added;
    const QString text =
        known > 0 ? tr("%n order id(s) added to the table; %1 were there already.", nullptr, added).arg(known)
                  : tr("%n order id(s) added to the table.", nullptr, added);
    m_refreshLabel->setText(text);
    emit message(text);
    emit orderIdsTracked(added);
    if (m_poller && !m_poller->isRunning())
        m_poller->refresh(orderIds);
}

void StatusView::buildColumnsMenu()
{
    m_columnsMenu = new QMenu(tr("&Columns"), this);
    m_columnsMenu->setObjectName(QStringLiteral("columnsMenu"));
    m_columnsMenu->menuAction()->setObjectName(QStringLiteral("columnsAction"));
    m_columnsMenu->menuAction()->setToolTip(tr("Choose the columns the table shows"));
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < LeadTableModel::NB_COLUMNS; ++column) {
        QAction *action = m_columnsMenu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setData(column);
        connect(action, &QAction::toggled, this, [this, header, column](bool shown) {
            if (header->isSectionHidden(column) == !shown)
                return;
            header->setSectionHidden(column, !shown);
            if (shown && header->sectionSize(column) < header->minimumSectionSize() * 2)
                m_table->resizeColumnToContents(column);
            onUserChangedLayout();
            syncColumnsMenu();
        });
    }
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &StatusView::syncColumnsMenu);
    syncColumnsMenu();
}

void StatusView::syncColumnsMenu()
{
    const QHeaderView *header = m_table->horizontalHeader();
    // Never hide the last visible column: the table would have nothing to right-click.
    const bool lastOne = header->count() - header->hiddenSectionCount() <= 1;
    for (QAction *action : m_columnsMenu->actions()) {
        const bool shown = !header->isSectionHidden(action->data().toInt());
        const QSignalBlocker quiet(action);
        action->setChecked(shown);
        action->setEnabled(!(shown && lastOne));
    }
}

void StatusView::showColumnMenu(const QPoint &position)
{
    m_columnsMenu->exec(m_table->horizontalHeader()->mapToGlobal(position));
}

void StatusView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_style->setStageStyle(StageStyle(palette()));
        m_teamStyle->setStageStyle(StageStyle(palette()));
        updateSummary();
    }
    QWidget::changeEvent(event);
}

bool StatusView::showLead(const QString &key)
{
    QAbstractItemModel *model = m_table->model();
    const QModelIndexList found =
        model->match(model->index(0, 0), LeadTableModel::KeyRole, key, 1, Qt::MatchExactly);
    if (found.isEmpty())
        return false;
    m_table->selectionModel()->setCurrentIndex(found.first(), QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
    m_table->scrollTo(found.first());
    return true;
}

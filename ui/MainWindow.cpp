#include "MainWindow.h"

#include "AnalyticsView.h"
#include "ImportDialog.h"
#include "LeadForm.h"
#include "OutboxView.h"
#include "ProfileSwitcher.h"
#include "RecentLeadsView.h"
#include "SettingsDialog.h"
#include "StatusView.h"
#include "leads/LeadFormDefaults.h"
#include "leads/StatusCatalog.h"
#include "sandbox/Sandbox.h"
#include "session/AppSession.h"
#include "session/ResendGateway.h"
#include "session/TeamSession.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "status/LeadTableModel.h"
#include "status/LeadTracking.h"
#include "status/LocalAnalyticsSource.h"
#include "status/OutboxModel.h"
#include "sync/Outbox.h"
#include "sync/RecentLeads.h"
#include "sync/StatusPoller.h"
#include "team/TeamAnalyticsSource.h"
#include "team/TeamLeadsModel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

MainWindow::MainWindow(AppSession *session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CPA Desk"));

    const Profile profile = session->activeProfile();
    m_leadForm = new LeadForm(session->gateway(), formDefaults(profile), this);
    m_leadForm->setObjectName(QStringLiteral("leadForm"));
    connect(m_leadForm, &LeadForm::recentOffersChanged, this, [this](const QStringList &offers) {
        m_session->settings()->setValue(Settings::Key::RecentOffers, offers);
    });

    // The form is free for the next call as soon as a lead is stored; the answers arrive below it.
    m_recentLeads = new RecentLeads(session->gateway(), this);
    connect(m_leadForm, &LeadForm::leadSubmitted, m_recentLeads, &RecentLeads::add);
    m_recentLeadsView = new RecentLeadsView(m_recentLeads, this);
    connect(m_recentLeadsView, &RecentLeadsView::openRequested, this, &MainWindow::openRecentLead);
    auto *leadPage = new QSplitter(Qt::Vertical, this);
    leadPage->setObjectName(QStringLiteral("leadPageSplitter"));
    leadPage->setChildrenCollapsible(false);
    leadPage->addWidget(m_leadForm);
    leadPage->addWidget(m_recentLeadsView);
    leadPage->setStretchFactor(0, 1);

    m_tabs->setObjectName(QStringLiteral("mainTabWidget"));
    m_tabs->setAccessibleName(tr("Screens"));
    m_tabs->addTab(leadPage,
                   tr("New lead")); // Ctrl+1..3 switch screens: tab mnemonics would clash with the form's

    // The screens get core objects to show and to act through, never the journal itself.
    m_statusView = new StatusView(new LeadTableModel(session->journal(), this),
                                  new LeadTracking(session->journal(), nullptr, this), this);
    m_statusView->setObjectName(QStringLiteral("statusView"));
    connect(m_statusView, &StatusView::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    m_tabs->addTab(m_statusView, tr("Leads"));

    m_outboxView = new OutboxView(new OutboxModel(session->journal(), this), this);
    m_outboxView->setObjectName(QStringLiteral("outboxView"));
    connect(m_outboxView, &OutboxView::editRequested, this, &MainWindow::editAndResend);
    m_tabs->addTab(m_outboxView, tr("Outbox"));

    // Analytics of this workstation's leads; the team's (PostgreSQL) join with a team server
    // (attachTeamLeads()).
    auto *analyticsSource =
        new LocalAnalyticsSource(m_statusView->leadModel(), session->journal()->filePath(), this);
    auto *analyticsView = new AnalyticsView(analyticsSource, this);
    analyticsView->setObjectName(QStringLiteral("analyticsView"));
    m_analyticsView = analyticsView;
    connect(analyticsView, &AnalyticsView::leadsRequested, this,
            [this](const LeadFilter &filter, const QString &description, bool team) {
                m_statusView->setTeamScope(team);
                m_statusView->showLeads(filter);
                m_tabs->setCurrentWidget(m_statusView);
                statusBar()->showMessage(tr("Leads of %1, from Analytics").arg(description), 10000);
            });
    connect(analyticsView, &AnalyticsView::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    m_tabs->addTab(analyticsView, tr("Analytics"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createSandboxBanner());
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    createActions();
    createMenus();
    createToolBar();

    m_profileLabel = new QLabel(this);
    m_profileLabel->setObjectName(QStringLiteral("profileStatusLabel"));
    m_waitingLabel = new QLabel(this);
    m_waitingLabel->setObjectName(QStringLiteral("waitingStatusLabel"));
    m_teamLabel = new QLabel(this);
    m_teamLabel->setObjectName(QStringLiteral("teamStatusLabel"));
    m_teamLabel->setVisible(false);
    statusBar()->addPermanentWidget(m_teamLabel);
    statusBar()->addPermanentWidget(m_waitingLabel);
    statusBar()->addPermanentWidget(m_profileLabel);
    statusBar()->showMessage(tr("Ready"), 3000);

    connect(session, &AppSession::profileActivated, this, &MainWindow::onProfileActivated);
    if (TeamSession *team = session->team()) {
        const auto showTeamSharing = [this, team] {
            const QString text = team->statusText();
            m_teamLabel->setText(text);
            m_teamLabel->setVisible(!text.isEmpty());
            m_outboxView->setTeamSharing(team->isSharing(), team->waitingLeads());
        };
        connect(team, &TeamSession::changed, this, showTeamSharing);
        connect(team, &TeamSession::serverChanged, this, &MainWindow::attachTeamLeads);
        showTeamSharing(); // sharing may have started before this window
        attachTeamLeads();
    }
    connect(session, &AppSession::problem, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    // Queued: the form first shows why the lead was refused, then the settings open over it.
    connect(session, &AppSession::credentialsNeeded, this, &MainWindow::openSettingsForCredentials,
            Qt::QueuedConnection);
    if (session->outbox())
        onProfileActivated(session->activeProfile());

    if (!restoreGeometry(session->settings()->bytes(Settings::Key::MainWindowGeometry)))
        takeFirstStartGeometry();
    restoreState(session->settings()->bytes(Settings::Key::MainWindowState));
    m_statusView->restoreState(session->settings()->bytes(Settings::Key::StatusTableState));
    // A refresh asks about the rows on screen first.
    connect(m_statusView, &StatusView::visibleOrderIdsChanged, m_session, &AppSession::setVisibleOrderIds);
    // Kept as soon as the user sets it, not only at a clean close.
    connect(m_statusView, &StatusView::tableLayoutChanged, this, [this] {
        m_session->settings()->setValue(Settings::Key::StatusTableState, m_statusView->saveState());
    });
}

void MainWindow::takeFirstStartGeometry()
{
    // Most of the screen, centred: the Leads table has many columns, and a fixed size is either too
    // small on a large screen or too large on a small one.
    const QRect available = QApplication::primaryScreen()->availableGeometry();
    const QSize size(available.width() * 4 / 5, available.height() * 4 / 5);
    resize(size);
    move(available.center() - QPoint(size.width() / 2, size.height() / 2));
}

QWidget *MainWindow::createSandboxBanner()
{
    m_sandboxBanner = new QFrame(this);
    m_sandboxBanner->setObjectName(QStringLiteral("sandboxBannerFrame"));
    m_sandboxBanner->setAutoFillBackground(true);
    QPalette palette = m_sandboxBanner->palette();
    // Amber in both light and dark themes: the one colour that reads as "caution, not real".
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::Window, dark ? QColor(0x5c, 0x45, 0x00) : QColor(0xff, 0xe0, 0x82));
    palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xf3, 0xd0) : QColor(0x3e, 0x2c, 0x00));
    m_sandboxBanner->setPalette(palette);

    auto *layout = new QHBoxLayout(m_sandboxBanner);
    m_sandboxLabel = new QLabel(m_sandboxBanner);
    m_sandboxLabel->setObjectName(QStringLiteral("sandboxBannerLabel"));
    m_sandboxLabel->setWordWrap(true);
    m_sandboxLabel->setText(tr("<b>Sandbox mode.</b> You are working with the built-in emulator of the API "
                               "on this computer: nothing is sent to a real affiliate network."));
    auto *leave = new QPushButton(tr("Use a real account…"), m_sandboxBanner);
    leave->setObjectName(QStringLiteral("leaveSandboxButton"));
    leave->setToolTip(tr("Open the settings to add or choose a profile with your network's user id and key"));
    connect(leave, &QPushButton::clicked, this, &MainWindow::openSettingsForNewAccount);
    layout->addWidget(m_sandboxLabel, 1);
    layout->addWidget(leave);
    m_sandboxBanner->setVisible(m_session->isSandboxMode());
    return m_sandboxBanner;
}

void MainWindow::createActions()
{
    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setIcon(QIcon(QStringLiteral(":/icons/actions/settings.svg")));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_importAction = new QAction(tr("&Import leads…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(m_importAction, &QAction::triggered, this, [this] { openImport(); });
    setAcceptDrops(true); // a CSV file dropped on the window is imported

    m_switchProfileAction = new QAction(tr("Switch &profile…"), this);
    m_switchProfileAction->setObjectName(QStringLiteral("switchProfileAction"));
    m_switchProfileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_switchProfileAction, &QAction::triggered, this, [this] { m_profileSwitcher->openList(); });

    m_aboutAction = new QAction(tr("&About CPA Desk"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    // Ctrl+1.. jumps to a screen: an operator switches between typing and checking all day.
    for (int index = 0; index < m_tabs->count(); ++index) {
        auto *action = new QAction(m_tabs->tabText(index).remove(QLatin1Char('&')), this);
        action->setObjectName(QStringLiteral("showScreen%1Action").arg(index + 1));
        action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + index)));
        connect(action, &QAction::triggered, this, [this, index] { m_tabs->setCurrentIndex(index); });
        m_screenActions << action;
    }
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_leadForm->newLeadAction());
    fileMenu->addAction(m_leadForm->submitAction());
    fileMenu->addAction(m_importAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu *leadsMenu = menuBar()->addMenu(tr("&Leads"));
    for (const char *name : {"refreshAllAction", "refreshSelectedAction", "trackIdsAction", "exportAction",
                             "markAllSeenAction"}) {
        if (QAction *action = m_statusView->findChild<QAction *>(QLatin1String(name)))
            leadsMenu->addAction(action);
    }
    leadsMenu->addSeparator();
    leadsMenu->addMenu(m_statusView->columnsMenu());

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addActions(m_screenActions);

    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    toolsMenu->addAction(m_switchProfileAction);
    toolsMenu->addAction(m_settingsAction);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_aboutAction);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));

    // Every shortcut is listed in the tooltip too, not only in the menu.
    for (QAction *action : findChildren<QAction *>()) {
        if (!action->shortcut().isEmpty())
            action->setToolTip(tr("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                 action->shortcut().toString(QKeySequence::NativeText)));
    }
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_profileSwitcher = new ProfileSwitcher(m_session->profiles(), toolBar);
    m_profileSwitcher->setObjectName(QStringLiteral("profileSwitcher"));
    // Through the session, which also knows this run's unsaved "Command line" profile.
    connect(m_profileSwitcher, &ProfileSwitcher::profileChosen, this,
            [this](const QString &id) { m_session->activateProfile(id); });
    toolBar->addWidget(m_profileSwitcher);
    toolBar->addSeparator();
    toolBar->addAction(m_settingsAction);
}

void MainWindow::onProfileActivated(const Profile &profile)
{
    m_sandboxBanner->setVisible(profile.isSandbox);
    m_leadForm->setDefaults(formDefaults(profile));
    m_recentLeads->clear(); // the answers still to come belong to the outbox just replaced
    // One name in the switcher, the status bar and the title (never the key).
    m_profileSwitcher->showActiveProfile(profile);
    m_profileLabel->setText(tr("Profile: %1").arg(profile.displayName()));
    setWindowTitle(tr("CPA Desk — %1").arg(profile.displayName()));
    Outbox *outbox = m_session->outbox();
    connect(outbox, &Outbox::waitingCountChanged, this, &MainWindow::updateWaitingCount);
    updateWaitingCount(outbox->waitingCount());
    m_statusView->setProfile(profile.id);
    m_statusView->setPoller(m_session->poller());
    m_outboxView->setOutbox(outbox, profile.id);
    connect(m_session->poller(), &StatusPoller::stagesChanged, this, &MainWindow::notifyStageChanges);
}

void MainWindow::editAndResend(const QString &key, const Lead &lead)
{
    Outbox *outbox = m_session->outbox();
    if (!outbox)
        return;
    const QList<JournalEntry> entries = outbox->entries();
    const auto entry = std::find_if(entries.cbegin(), entries.cend(),
                                    [&key](const JournalEntry &candidate) { return candidate.key == key; });
    if (entry == entries.cend())
        return;
    // The correction happens in the form the operator knows, but its "send" replaces this lead under
    // its own order id (ResendGateway), so a corrected lead never becomes a second order.
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("editLeadDialog"));
    dialog.setWindowTitle(tr("Correct order %1").arg(entry->orderId.isEmpty() ? key : entry->orderId));
    ResendGateway gateway(outbox, key, entry->orderId);
    auto *form = new LeadForm(&gateway, formDefaults(m_session->activeProfile()), &dialog);
    form->setObjectName(QStringLiteral("editLeadForm"));
    form->loadLead(lead);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    connect(form, &LeadForm::leadSubmitted, &dialog, &QDialog::accept);
    dialog.resize(size() * 0.9);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("The corrected lead is queued for sending."), 10000);
}

void MainWindow::notifyStageChanges(const QList<StageChange> &changes)
{
    if (changes.isEmpty() || isActiveWindow() ||
        !m_session->settings()->flag(Settings::Key::NotificationsEnabled) ||
        !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_trayIcon) {
        m_trayIcon = new QSystemTrayIcon(windowIcon(), this);
        m_trayIcon->setToolTip(tr("CPA Desk"));
        connect(m_trayIcon, &QSystemTrayIcon::messageClicked, this, [this] {
            m_tabs->setCurrentWidget(m_statusView);
            showNormal();
            activateWindow();
        });
        m_trayIcon->show();
    }
    const StageChange &first = changes.first();
    const QString text =
        changes.size() == 1
            ? tr("Order %1 is now: %2").arg(first.orderId, StatusCatalog::stageName(first.stage))
            : tr("%n lead(s) changed stage.", nullptr, int(changes.size()));
    m_trayIcon->showMessage(tr("Lead status changed"), text);
}

void MainWindow::updateOutboxTabTitle(int count)
{
    const int index = m_tabs->indexOf(m_outboxView);
    m_tabs->setTabText(index, count == 0 ? tr("Outbox") : tr("Outbox (%1)").arg(count));
}

void MainWindow::openRecentLead(const QString &ourOrderId, bool accepted)
{
    // Not accepted (yet): the outbox is where it can be retried or corrected. Once it has left the
    // outbox (sent since), the Leads screen has it.
    if (!accepted && m_outboxView->showLead(ourOrderId)) {
        m_tabs->setCurrentWidget(m_outboxView);
        m_outboxView->table()->setFocus(Qt::OtherFocusReason);
    } else if (m_statusView->showLead(ourOrderId)) {
        m_tabs->setCurrentWidget(m_statusView);
        m_statusView->table()->setFocus(Qt::OtherFocusReason);
    } else {
        statusBar()->showMessage(
            tr("Order %1 is not shown on the Leads screen: clear its filters to see it.").arg(ourOrderId),
            10000);
    }
}

void MainWindow::updateWaitingCount(int count)
{
    updateOutboxTabTitle(count);
    const bool noCredentials = m_session->outbox() && m_session->outbox()->credentialsMissing();
    m_waitingLabel->setText(count == 0 ? tr("Outbox empty")
                            : noCredentials
                                ? tr("%n lead(s) waiting for the account's user id and key", nullptr, count)
                                : tr("%n lead(s) waiting to be sent", nullptr, count));
}

LeadFormDefaults MainWindow::formDefaults(const Profile &profile) const
{
    const Settings *settings = m_session->settings();
    LeadFormDefaults defaults;
    defaults.wm = profile.defaultWm;
    defaults.ip = profile.defaultIp;
    defaults.ua = profile.defaultUserAgent;
    defaults.country = profile.defaultCountry;
    defaults.currency = profile.defaultCurrency;
    defaults.stickyFields = settings->stringList(Settings::Key::StickyLeadFields);
    defaults.recentOffers = settings->stringList(Settings::Key::RecentOffers);
    if (profile.isSandbox && defaults.recentOffers.isEmpty() && m_session->sandbox())
        defaults.recentOffers = m_session->sandbox()->demoOffers();
    return defaults;
}

void MainWindow::openSettings()
{
    const QList<Profile> profiles = m_session->profiles()->profiles();
    const bool anyAccount = std::any_of(profiles.cbegin(), profiles.cend(),
                                        [](const Profile &profile) { return !profile.isSandbox; });
    if (!anyAccount) {
        openSettingsForNewAccount();
        return;
    }
    SettingsDialog dialog(m_session->settings(), m_session->profiles(), m_session->credentials(),
                          m_session->connectionTester(), this);
    if (!m_session->isSandboxMode())
        dialog.showProfile(m_session->activeProfile().id);
    runSettings(dialog);
}

void MainWindow::openSettingsForNewAccount()
{
    SettingsDialog dialog(m_session->settings(), m_session->profiles(), m_session->credentials(),
                          m_session->connectionTester(), this);
    dialog.startNewProfile();
    runSettings(dialog);
}

void MainWindow::openSettingsForCredentials(const Profile &profile)
{
    if (findChild<SettingsDialog *>())
        return; // already open
    SettingsDialog dialog(m_session->settings(), m_session->profiles(), m_session->credentials(),
                          m_session->connectionTester(), this);
    if (m_session->profiles()->contains(profile.id)) {
        dialog.showProfile(profile.id);
    } else {
        // This run's "Command line" profile is not stored: it becomes a real one, on the same address.
        Profile preset;
        preset.baseUrl = m_session->apiUrlOverride();
        preset.name = preset.baseUrl.host();
        dialog.startNewProfile(preset);
    }
    dialog.focusCredentials();
    runSettings(dialog);
}

void MainWindow::runSettings(SettingsDialog &dialog)
{
    Journal *journal = m_session->journal();
    dialog.setWaitingLeadsCounter(
        [journal](const QString &profileId) { return journal->waitingCount(profileId); });
    dialog.setTeamSettings(m_session->teamSettings());
    connect(&dialog, &SettingsDialog::applied, this, [this] {
        m_leadForm->setDefaults(formDefaults(m_session->activeProfile()));
        if (m_session->team())
            m_session->team()->reload(); // its team server may have changed
    });
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About CPA Desk"),
                       tr("<p><b>CPA Desk</b> %1</p><p>Send leads to an affiliate network and follow what "
                          "became of them.</p><p>Licensed under the GNU GPL, version 3.</p>")
                           .arg(QStringLiteral(CPADESK_VERSION)));
}

void MainWindow::openImport(const QString &filePath)
{
    ImportDialog::Services services;
    services.target = ImportTarget(m_session->journal(), m_session->gateway(), m_session->activeProfile().id);
    services.mappingMemoryPath =
        QFileInfo(m_session->settings()->filePath()).dir().filePath(QStringLiteral("import-mappings.ini"));
    auto *dialog = new ImportDialog(services, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The import works on the profile it was opened for.
    connect(m_session, &AppSession::profileAboutToChange, dialog, &QDialog::reject);
    dialog->open();
    if (!filePath.isEmpty())
        dialog->openFile(filePath);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    openImport(urls.first().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_session->settings()->setValue(Settings::Key::MainWindowGeometry, saveGeometry());
    m_session->settings()->setValue(Settings::Key::MainWindowState, saveState());
    m_session->settings()->setValue(Settings::Key::StatusTableState, m_statusView->saveState());
    m_session->settings()->save();
    QMainWindow::closeEvent(event);
}

void MainWindow::attachTeamLeads()
{
    m_statusView->setTeamModel(nullptr);
    delete m_teamLeads;
    m_analyticsView->setTeamSource(nullptr);
    delete m_teamAnalytics;
    // The session knows the active profile's team server, password included; the model opens no
    // connection before Team is chosen.
    const std::optional<TeamServerConfig> server =
        m_session->team() ? m_session->team()->server() : std::nullopt;
    if (!server)
        return;
    m_teamLeads = new TeamLeadsModel(*server, this);
    // Other workstations and the team refresh change leads: what the Team view shows follows.
    connect(m_session->team(), &TeamSession::teamLeadsChanged, m_teamLeads, &TeamLeadsModel::refreshLoaded);
    m_statusView->setTeamModel(m_teamLeads);
    m_teamAnalytics = new TeamAnalyticsSource(*server, this);
    m_analyticsView->setTeamSource(m_teamAnalytics);
}

#pragma once

#include "team/TeamAnalyticsSource.h"
#include "team/TeamLeadsModel.h"

#include <QMainWindow>
#include <QPointer>

class AnalyticsView;
class AppSession;
class LeadForm;
class OutboxView;
class RecentLeads;
class RecentLeadsView;
class ProfileSwitcher;
class SettingsDialog;
class QSystemTrayIcon;
class StatusView;
struct StageChange;
class QAction;
class QLabel;
class QPushButton;
class QTabWidget;
struct Lead;
struct LeadFormDefaults;
struct Profile;

// The application's main window: the lead entry, status and outbox screens as tabs, the profile
// switcher, the sandbox banner, the menus and the status bar. It wires widgets to the session's core
// objects; it does no work of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppSession *session, QWidget *parent = nullptr);

    LeadForm *leadForm() const { return m_leadForm; }
    RecentLeads *recentLeads() const { return m_recentLeads; }
    StatusView *statusView() const { return m_statusView; }
    OutboxView *outboxView() const { return m_outboxView; }

public slots:
    // The first time (no real account yet) it opens on a new profile, as openSettingsForNewAccount().
    void openSettings();
    // "Use a real account…": straight to a new profile; OK makes it the active one.
    void openSettingsForNewAccount();
    // File → Import leads…, or a file dropped on the window: the import dialog, on `filePath` if given.
    void openImport(const QString &filePath = QString());

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // The team's leads for the Leads screen's Team scope, when the profile has a team server.
    void attachTeamLeads(); // the Team view of the Leads screen, for the team server the session shares with
    QWidget *createSandboxBanner();
    void takeFirstStartGeometry();
    void createActions();
    void createMenus();
    void createToolBar();
    void onProfileActivated(const Profile &profile);
    void openSettingsForCredentials(const Profile &profile);
    void runSettings(SettingsDialog &dialog);
    void updateWaitingCount(int count);
    LeadFormDefaults formDefaults(const Profile &profile) const;
    void showAbout();
    void editAndResend(const QString &key, const Lead &lead);
    void notifyStageChanges(const QList<StageChange> &changes);
    void updateOutboxTabTitle(int count);
    void openRecentLead(const QString &ourOrderId, bool accepted);

    AppSession *m_session;
    QTabWidget *m_tabs = nullptr;
    LeadForm *m_leadForm = nullptr;
    StatusView *m_statusView = nullptr;
    QPointer<TeamLeadsModel> m_teamLeads;
    QPointer<TeamAnalyticsSource> m_teamAnalytics; // the Analytics screen's Team scope
    AnalyticsView *m_analyticsView = nullptr;
    OutboxView *m_outboxView = nullptr;
    RecentLeads *m_recentLeads = nullptr;
    RecentLeadsView *m_recentLeadsView = nullptr;
    QSystemTrayIcon *m_trayIcon = nullptr;
    QWidget *m_sandboxBanner = nullptr;
    QLabel *m_sandboxLabel = nullptr;
    QLabel *m_waitingLabel = nullptr;
    QLabel *m_teamLabel = nullptr; // where team sharing stands (issue 19); hidden without a team server
    QLabel *m_profileLabel = nullptr;
    ProfileSwitcher *m_profileSwitcher = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_switchProfileAction = nullptr;
    QAction *m_importAction = nullptr;
    QList<QAction *> m_screenActions;
};

#pragma once

#include "settings/ConnectionTester.h"
#include "settings/Profile.h"
#include "team/TeamConnectionTester.h"
#include "team/TeamSettings.h"

#include <QDialog>
#include <QHash>
#include <QSet>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class CatalogComboBox;
class CredentialJob;
class CredentialStore;
class ProfileStore;
class Settings;
class SettingsApply;
class TeamServerForm;
struct SettingsApplyResult;

// Profiles (name, base URL, user id, key, encoding, signing, lead defaults, a connection check) and the
// application's options. Edits are made on copies and applied by OK, so Cancel leaves everything as it
// was. What OK does is SettingsApply's (all of it or nothing); the dialog waits until the keys are stored
// and stays open, saying why, when something cannot be saved.
// The key is shown only in its own field (masked unless "Show" is ticked), never in a title, a list, a
// message or an accessible name.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(Settings *settings, ProfileStore *profiles, CredentialStore *credentials,
                   ConnectionTester *tester, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void showProfile(const QString &profileId);
    QString currentProfileId() const; // the id in the store; empty for a profile not yet saved
    // Opens the dialog on a new profile, its name ready to be typed over, for a real account: name, URL,
    // user id, key, Test connection. `preset` fills it (name, URL) when given. OK makes the profile
    // chosen then (this new one, or another real one picked instead) the active one; left untouched, the
    // new profile is not saved.
    void startNewProfile(const Profile &preset = Profile());
    // Puts the focus where the current profile's missing user id, or else its key, is entered (once the
    // stored key has been read, if it is being read).
    void focusCredentials();
    // How many leads of a profile still wait to be sent: a profile holding some cannot be removed, since
    // its leads would be left where nobody can see or send them.
    void setWaitingLeadsCounter(std::function<int(const QString &profileId)> counter);
    // Where each profile's team server is kept (issue 19): shows the "Team server" part of the profile
    // form, and OK saves it with the rest. Without it, the dialog leaves team servers alone.
    void setTeamSettings(TeamSettings *team);

    void accept() override;
    void done(int result) override;

signals:
    void applied();

private:
    struct Draft
    {
        Profile profile; // profile.id is empty until the store has it
        QString draftId; // stable within the dialog, also for new profiles
        QString key;     // as edited or as read
        bool keyLoaded = false;
        bool keyEdited = false;
        bool keyRequested = false;
        QString keyError;     // why the key could not be read
        bool offered = false; // made by startNewProfile(): dropped at OK if left as offered
        Profile asOffered;
        TeamProfileSettings team;
        QString teamPassword; // as edited or as read; like the key, shown only in its own field
        bool teamPasswordLoaded = false;
        bool teamPasswordEdited = false;
        bool teamPasswordRequested = false;
    };

    QWidget *createProfilesPage();
    QWidget *createApplicationPage();
    QLabel *addRow(QFormLayout *form, const QString &labelText, QWidget *field);
    void loadApplicationOptions();
    void loadDrafts();
    void refreshProfileList();
    void showDraft(int row);
    void readFormInto(Draft &draft) const;
    void requestKey(Draft &draft);
    void onKeyRead(const QString &draftId, CredentialJob *job);
    void updateKeyStorageLabel();
    void updateProfileButtons();
    void addProfile();
    void renameProfile();
    void removeProfile();
    void testConnection();
    void onConnectionChecked(const ConnectionVerdict &verdict);
    void showTeamOf(Draft &draft);
    void requestTeamPassword(Draft &draft);
    void testTeamServer();
    void onTeamServerChecked(const TeamConnectionTester::Result &result);
    Draft *currentDraft();
    int rowOfDraft(const QString &draftId) const;
    bool isUntouchedOffer(const Draft &draft) const;
    int rowToActivate() const;
    void onApplied(const SettingsApplyResult &result);
    void showProblem(const QString &problem);
    void setBusy(bool busy);

    Settings *m_settings;
    ProfileStore *m_profiles;
    CredentialStore *m_credentials;
    ConnectionTester *m_tester;

    QList<Draft> m_drafts;
    QSet<QString> m_removedIds;
    int m_currentRow = -1;
    int m_nextDraftNumber = 1;
    bool m_showingDraft = false; // filling the form: its change signals are not edits
    bool m_testing = false;
    bool m_choosingAccount = false; // opened to set up a real account: OK switches to it
    bool m_focusCredentialsWhenRead = false;
    SettingsApply *m_apply = nullptr;
    QList<int> m_appliedRows; // the rows of m_drafts handed to the last apply, in order

    QTabWidget *m_tabs = nullptr;
    QListWidget *m_profileList = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_renameButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QWidget *m_profileForm = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_baseUrlEdit = nullptr;
    QLabel *m_sandboxNote = nullptr;
    QLineEdit *m_userIdEdit = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QLineEdit *m_certificatePinEdit = nullptr;
    QCheckBox *m_showKeyCheck = nullptr;
    QLabel *m_keyStorageLabel = nullptr;
    QComboBox *m_encodingCombo = nullptr;
    QCheckBox *m_signCheck = nullptr;
    QLineEdit *m_wmEdit = nullptr;
    QLineEdit *m_ipEdit = nullptr;
    QLineEdit *m_userAgentEdit = nullptr;
    CatalogComboBox *m_countryCombo = nullptr;
    CatalogComboBox *m_currencyCombo = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_connectionResult = nullptr;
    TeamSettings *m_teamSettings = nullptr;
    QWidget *m_teamPage = nullptr;
    QLabel *m_teamHeading = nullptr;
    TeamServerForm *m_teamForm = nullptr;
    TeamConnectionTester *m_teamTester = nullptr;
    bool m_teamTesting = false;

    QComboBox *m_languageCombo = nullptr;
    QSpinBox *m_autoRefreshSpin = nullptr;
    QCheckBox *m_notificationsCheck = nullptr;
    QHash<QString, QCheckBox *> m_stickyChecks; // by API field name

    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

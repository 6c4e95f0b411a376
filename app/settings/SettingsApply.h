#pragma once

#include "Profile.h"
#include "Settings.h"
#include "team/TeamSettings.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <utility>

class CredentialJob;
class CredentialStore;
class ProfileStore;
class TeamSettings;

// One profile as the settings dialog hands it over: the profile (id empty when new) and, when the user
// changed it, its key (empty: delete the stored key).
struct ProfileEdit
{
    Profile profile;
    bool keyEdited = false;
    QString key;
    // Its team server (issue 19): saved in TeamSettings when teamEdited; the password, like the key, in
    // the credential store (TeamSettings::passwordEntry()) when teamPasswordEdited (empty: deleted).
    bool teamEdited = false;
    TeamProfileSettings team;
    bool teamPasswordEdited = false;
    QString teamPassword;
};

// Everything the settings dialog's OK asks for.
struct SettingsChanges
{
    QList<std::pair<Settings::Key, QVariant>> options; // the application's options
    QList<ProfileEdit> profiles;                       // every profile kept, in the list's order
    QStringList removedIds;
    int activateIndex = -1; // the profile (in `profiles`) to make the active one once all is saved
};

// What became of an apply.
struct SettingsApplyResult
{
    bool ok = false;
    QString problem;                // translated, for the user; never contains a key
    int badIndex = -1;              // the profile at fault, when one is
    QStringList profileIds;         // the ids of `profiles`, new ones included (once the profiles are saved)
    QList<int> keysStored;          // indices in `profiles` whose key change is stored
    QList<int> teamPasswordsStored; // indices in `profiles` whose team password change is stored
    bool profilesSaved = false;
};

// The settings dialog's OK, without the dialog: it checks every profile, saves the application's options,
// then all the profile changes in one write, then the keys — and stops at the first thing that cannot be
// saved, having changed nothing before it: a failed options save leaves the profiles as they were, and a
// profile that cannot be saved leaves the options and every other profile (removals included) as they
// were. The team server settings (a file of their own) are written after the profiles, which give new
// profiles their ids: should that write fail, the options are put back and the apply says that the
// profiles were saved but their team servers were not (applying again retries). Keys live in the
// credential store, which cannot join that transaction: they are written last, and
// a key that could not be stored is reported (the profiles are kept; applying again retries the keys).
//
//   SettingsApply apply(settings, profiles, credentials);
//   connect(&apply, &SettingsApply::finished, ...);   // always later than apply()
//   apply.apply(changes);
class SettingsApply : public QObject
{
    Q_OBJECT

public:
    SettingsApply(Settings *settings, ProfileStore *profiles, CredentialStore *credentials,
                  QObject *parent = nullptr);

    // Why these profiles cannot be saved as they are (a translated sentence), with *badIndex; empty when
    // they can. Checks the profiles among themselves; nothing is stored.
    static QString check(const QList<Profile> &profiles, int *badIndex);
    // Why a profile's team server settings cannot be saved as they are; empty when they can.
    static QString checkTeam(const TeamProfileSettings &team);

    // Where the profiles' team server settings are kept; without it, team edits are refused.
    void setTeamSettings(TeamSettings *team);

    // How many leads of a profile still wait to be sent. A profile holding some is not removed (the whole
    // apply is refused, saying why): its leads would be stranded where no switcher shows them.
    void setWaitingLeadsCounter(std::function<int(const QString &profileId)> counter);

    void apply(const SettingsChanges &changes);
    bool isBusy() const { return m_busy; }

signals:
    void finished(const SettingsApplyResult &result);

private:
    void onKeyJobFinished(int index, CredentialJob *job, bool teamPassword = false);
    void startCredentialJob(CredentialJob *job, int index, bool teamPassword);
    void finish();
    void fail(const QString &problem, int badIndex = -1);

    Settings *m_settings;
    ProfileStore *m_profiles;
    CredentialStore *m_credentials;
    TeamSettings *m_team = nullptr;
    std::function<int(const QString &)> m_waitingLeads;
    bool m_busy = false;
    int m_pendingKeyJobs = 0;
    int m_activateIndex = -1;
    QStringList m_keyFailures;
    SettingsApplyResult m_result;
};

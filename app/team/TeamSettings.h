#pragma once

#include "TeamServerConfig.h"
#include "settings/SettingsFile.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantMap>

struct Profile;

// One profile's team server, as the settings keep it. The password is not here: it lives in the
// CredentialStore, like the API key, under passwordEntry(profileId).
struct TeamProfileSettings
{
    bool enabled = false; // share this profile's leads
    QString host;
    int port = 5432;
    QString database;
    QString user;
    TeamTlsMode tls = TeamTlsMode::Require;
    QString caFile;
    QString operatorName; // empty: TeamSettings::defaultOperatorName()

    bool operator==(const TeamProfileSettings &other) const;
};

// The team settings of every profile, and this workstation's id, in a file of their own (team.ini beside
// the settings file; SettingsFile: crash-safe, mode 0600) so that the profile settings stay as they are.
class TeamSettings
{
public:
    explicit TeamSettings(const QString &filePath = defaultFilePath());
    static QString defaultFilePath();

    bool load(); // a missing file is empty, not an error
    QString lastError() const { return m_file.lastError(); }

    TeamProfileSettings profile(const QString &profileId) const;
    bool setProfile(const QString &profileId, const TeamProfileSettings &settings);
    bool removeProfile(const QString &profileId);
    // The settings dialog's OK: every changed profile and every removal in one write, or nothing.
    bool applyEdit(const QHash<QString, TeamProfileSettings> &changed, const QStringList &removedIds);

    // This workstation's id: made the first time it is asked for, then kept (a random UUID, so two
    // workstations never share one without coordination).
    QString workstationId();

    // The operator's name as the team sees it: the settings', else the OS user's full name, else the
    // login name.
    QString operatorName(const QString &profileId) const;
    static QString defaultOperatorName();

    // Where the profile's team password is kept in the CredentialStore (beside its API key).
    static QString passwordEntry(const QString &profileId);
    // The account a profile's leads are filed under at the team server: the user id at the API host.
    // Never the key.
    static QString accountOf(const Profile &profile);
    static TeamServerConfig serverConfig(const TeamProfileSettings &settings, const QString &password);
    // The other way: a profile's sharing with `server`, on (its password goes to the CredentialStore).
    static TeamProfileSettings sharingWith(const TeamServerConfig &server, const QString &operatorName);

private:
    SettingsFile m_file;
    QVariantMap m_values;
};

#pragma once

#include "settings/Profile.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <memory>

class ActiveProfileGateway;
class ApiClient;
class ApiLeadTransport;
class ConnectionTester;
class CredentialStore;
class LeadGateway;
class Journal;
class OrderIdGenerator;
class Outbox;
class ProfileStore;
class Sandbox;
class Settings;
class StatusPoller;
class TeamSession;
class TeamSettings;

// The composition root of the running application: it owns the core objects (settings, profiles,
// credentials, journal, API client, outbox, status poller and, in sandbox mode, the in-process
// emulator) and rebuilds the per-profile ones when the active profile changes. Widgets get their
// objects from here; nothing here knows about widgets.
class AppSession : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString dataDir;     // empty: the per-user folders (settings in the config folder, journal in data)
        QUrl apiUrlOverride; // --api-url or CPADESK_API_URL: this run talks to that service
        bool forceSandbox = false;
        QString profile;           // --profile: a profile id or name to open
        double sandboxSpeed = 120; // the demo clock: a day passes in 12 minutes
        int sandboxLatencyMs = 0;  // --sandbox-latency: the emulator answers as a distant server would
        int sandboxJitterMs = 0;
        bool sandboxOlderEngine = false; // --sandbox-older-engine: answers as older engine builds give them
    };

    explicit AppSession(const Options &options, QObject *parent = nullptr);
    ~AppSession() override;

    // Reads the settings, profiles and credentials store (cheap; done first so that the interface
    // language is known before anything is shown). False when the data folder cannot be made.
    bool openSettings();
    // Opens the journal and activates the starting profile (asynchronously: the key is read from the
    // keychain). Opens the settings first if not done. False when the journal cannot be opened;
    // errorString() says why.
    bool start();
    QString errorString() const { return m_error; }

    Settings *settings() const { return m_settings; }
    ProfileStore *profiles() const { return m_profiles; }
    CredentialStore *credentials() const { return m_credentials; }
    ConnectionTester *connectionTester() const { return m_connectionTester; }
    Journal *journal() const { return m_journal; }
    // Each profile's team server (issue 19), and the active profile's sharing with it (null before
    // start()).
    TeamSettings *teamSettings() const { return m_teamSettings.get(); }
    TeamSession *team() const { return m_team; }

    // Always the active profile's outbox, for the whole run: what the lead form talks to.
    LeadGateway *gateway() const;

    // Per-profile objects: null until the first profileActivated(), replaced at every switch.
    Outbox *outbox() const { return m_outbox; }
    StatusPoller *poller() const { return m_poller; }

    Profile activeProfile() const { return m_activeProfile; }
    bool isSandboxMode() const { return m_activeProfile.isSandbox; }
    Sandbox *sandbox() const { return m_sandbox.get(); }
    // The URL this run was told to use instead of the profile's (empty when none).
    QUrl apiUrlOverride() const { return m_options.apiUrlOverride; }

    // Why the active profile cannot reach its account (no user id, no key); empty when it can. While it
    // lacks them, new leads are refused and waiting ones wait (Outbox::credentialsMissing()).
    QString missingCredentials() const { return m_missingCredentials; }

    // Switches to another profile (reads its key, then rebuilds the outbox and the poller). Also takes
    // the id of this run's unsaved "Command line" profile (--api-url without an account).
    void activateProfile(const QString &profileId);
    // The order ids the Leads screen shows now: the active profile's poller (and the next one's) asks
    // about them first when a refresh starts.
    void setVisibleOrderIds(const QStringList &orderIds);

signals:
    // Before the outbox and poller of the old profile are deleted: drop every pointer to them.
    void profileAboutToChange();
    void profileActivated(const Profile &profile);
    void problem(const QString &message);
    // A lead was refused because the active profile lacks its user id or key: show where to enter them.
    void credentialsNeeded(const Profile &profile);

private:
    QString startingProfileId() const;
    QString dataFile(const QString &name) const;
    bool ensureSandbox();
    void finishActivation(const Profile &profile, const QString &key);
    void applyAutoRefreshInterval();

    Options m_options;
    QString m_error;
    Settings *m_settings = nullptr;
    ProfileStore *m_profiles = nullptr;
    CredentialStore *m_credentials = nullptr;
    ConnectionTester *m_connectionTester = nullptr;
    Journal *m_journal = nullptr;
    std::unique_ptr<TeamSettings> m_teamSettings;
    TeamSession *m_team = nullptr;
    ApiClient *m_client = nullptr;
    std::unique_ptr<ApiLeadTransport> m_transport;
    std::unique_ptr<OrderIdGenerator> m_orderIds;
    std::unique_ptr<Sandbox> m_sandbox;
    QString m_sandboxKey;
    ActiveProfileGateway *m_gateway = nullptr;
    Outbox *m_outbox = nullptr;
    StatusPoller *m_poller = nullptr;
    Profile m_activeProfile;
    QString m_missingCredentials;
    QStringList m_visibleOrderIds;
    quint64 m_activation = 0; // which activateProfile() call a key read belongs to
};

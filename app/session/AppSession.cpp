#include "AppSession.h"

#include "ActiveProfileGateway.h"
#include "TeamSession.h"
#include "api/ApiClient.h"
#include "journal/Clock.h"
#include "journal/Journal.h"
#include "journal/OrderIdGenerator.h"
#include "sandbox/Sandbox.h"
#include "settings/ConnectionTester.h"
#include "settings/CredentialStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "settings/SettingsPaths.h"
#include "sync/ApiLeadTransport.h"
#include "sync/Outbox.h"
#include "sync/StatusPoller.h"
#include "team/TeamSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcSession, "cpadesk.session", QtWarningMsg)

namespace {

// The id of the profile a run with --api-url uses when no real profile exists yet. It is never saved.
QString commandLineProfileId()
{
    return QStringLiteral("command-line");
}

QString randomSandboxKey()
{
    // The emulator only listens on 127.0.0.1, but another local user could still talk to it: a fresh
    // key per run keeps it ours.
    return QString::number(QRandomGenerator::system()->generate64(), 36);
}

} // namespace

AppSession::AppSession(const Options &options, QObject *parent)
    : QObject(parent), m_options(options), m_gateway(new ActiveProfileGateway(this))
{
    connect(m_gateway, &ActiveProfileGateway::credentialsNeeded, this,
            [this] { emit credentialsNeeded(m_activeProfile); });
}

LeadGateway *AppSession::gateway() const
{
    return m_gateway;
}

AppSession::~AppSession()
{
    // Team sharing reads the journal's file on its own thread: it stops first.
    delete m_team;
    // The outbox and poller refer to the transport and the journal: delete them first.
    delete m_poller;
    delete m_outbox;
}

QString AppSession::dataFile(const QString &name) const
{
    return QDir(m_options.dataDir).filePath(name);
}

bool AppSession::openSettings()
{
    if (m_settings)
        return true;
    const bool portable = !m_options.dataDir.isEmpty();
    if (portable && !QDir().mkpath(m_options.dataDir)) {
        m_error = tr("Cannot create the data folder %1.").arg(QDir::toNativeSeparators(m_options.dataDir));
        return false;
    }
    m_settings = portable ? new Settings(dataFile(QStringLiteral("settings.ini")), this) : new Settings(this);
    m_profiles = portable ? new ProfileStore(m_settings, dataFile(QStringLiteral("profiles.ini")), this)
                          : new ProfileStore(m_settings, this);
    m_credentials = portable ? new CredentialStore(dataFile(QStringLiteral("credentials.ini")), this)
                             : new CredentialStore(this);
    m_connectionTester = new ConnectionTester(apiClientFetchStarter(this), this);
    m_teamSettings = std::make_unique<TeamSettings>(portable ? dataFile(QStringLiteral("team.ini"))
                                                             : TeamSettings::defaultFilePath());
    if (!m_teamSettings->load())
        qCWarning(lcSession) << "the team settings could not be read:" << m_teamSettings->lastError();
    return true;
}

bool AppSession::start()
{
    if (!openSettings())
        return false;
    const bool portable = !m_options.dataDir.isEmpty();

    m_journal = new Journal(this);
    if (!m_journal->open(portable ? dataFile(QStringLiteral("journal.sqlite")) : QString())) {
        m_error = m_journal->errorString();
        return false;
    }
    m_client = new ApiClient(this);
    m_transport = std::make_unique<ApiLeadTransport>(m_client);
    m_orderIds = std::make_unique<OrderIdGenerator>(m_journal, SystemClock::instance());
    m_team = new TeamSession(m_teamSettings.get(), m_credentials, this);

    connect(m_settings, &Settings::valueChanged, this, [this](Settings::Key key) {
        if (key == Settings::Key::AutoRefreshMinutes)
            applyAutoRefreshInterval();
    });
    connect(m_profiles, &ProfileStore::activeProfileChanged, this, &AppSession::activateProfile);
    // A key set or changed in the settings: the active profile reads it again, so that leads waiting for
    // it go out at once.
    connect(m_credentials, &CredentialStore::keyChanged, this, [this](const QString &profileId) {
        if (profileId == m_activeProfile.id && !m_activeProfile.isSandbox)
            activateProfile(profileId);
    });
    connect(m_profiles, &ProfileStore::profilesChanged, this, [this] {
        // The dialog may have edited the active profile (URL, user, encoding): apply it. The sandbox
        // profile too: its encoding, signing and defaults are editable like any other profile's (its URL
        // is the emulator's and never differs from the stored one, so that alone triggers nothing).
        const std::optional<Profile> current = m_profiles->profile(m_activeProfile.id);
        if (current && *current != m_activeProfile)
            activateProfile(current->id);
    });

    activateProfile(startingProfileId());
    return true;
}

QString AppSession::startingProfileId() const
{
    const QList<Profile> all = m_profiles->profiles();
    const auto findByIdOrName = [&all](const QString &wanted) -> QString {
        for (const Profile &profile : all) {
            if (profile.id == wanted || profile.name == wanted)
                return profile.id;
        }
        return {};
    };
    if (m_options.forceSandbox)
        return ProfileStore::sandboxProfileId();
    if (!m_options.profile.isEmpty()) {
        const QString id = findByIdOrName(m_options.profile);
        if (!id.isEmpty())
            return id;
        qCWarning(lcSession) << "No profile named" << m_options.profile << "- opening the last one used";
    }
    const QString active = m_profiles->activeProfileId();
    const bool activeIsSandbox = m_profiles->profile(active).value_or(Profile()).isSandbox;
    if (!m_options.apiUrlOverride.isEmpty() && activeIsSandbox) {
        // An explicit URL means the user wants that service: it wins over sandbox mode.
        for (const Profile &profile : all) {
            if (!profile.isSandbox)
                return profile.id;
        }
        return commandLineProfileId();
    }
    return active;
}

void AppSession::activateProfile(const QString &profileId)
{
    const quint64 activation = ++m_activation;
    Profile profile;
    if (profileId == commandLineProfileId()) {
        profile.id = profileId;
        profile.name = tr("Command line");
    } else if (const std::optional<Profile> stored = m_profiles->profile(profileId)) {
        profile = *stored;
    } else {
        profile = m_profiles->profile(ProfileStore::sandboxProfileId()).value_or(Profile());
    }
    if (!m_options.apiUrlOverride.isEmpty() && !profile.isSandbox)
        profile.baseUrl = m_options.apiUrlOverride;
    if (m_profiles->activeProfileId() != profile.id && m_profiles->setActiveProfile(profile.id))
        return; // activeProfileChanged() has just activated it, through this function

    if (profile.isSandbox) {
        if (!ensureSandbox()) {
            emit problem(tr("The built-in sandbox could not start: no free port on 127.0.0.1."));
            return;
        }
        profile = m_profiles->profile(profile.id).value_or(profile); // now with the emulator's URL
        finishActivation(profile, m_sandboxKey);
        return;
    }
    if (profile.id == commandLineProfileId()) {
        finishActivation(profile, QString());
        return;
    }
    CredentialJob *job = m_credentials->readKey(profile.id);
    connect(job, &CredentialJob::finished, this, [this, profile, activation](CredentialJob *done) {
        if (activation != m_activation)
            return; // the user switched again meanwhile
        if (!done->ok() && done->result() != CredentialJob::Result::NotFound)
            emit problem(done->errorMessage());
        finishActivation(profile, done->key());
    });
}

bool AppSession::ensureSandbox()
{
    if (m_sandbox)
        return true;
    m_sandboxKey = randomSandboxKey();
    SandboxOptions options;
    options.user = m_profiles->profile(ProfileStore::sandboxProfileId()).value_or(Profile()).userId;
    options.key = m_sandboxKey;
    options.speed = m_options.sandboxSpeed;
    options.latency.ms = m_options.sandboxLatencyMs;
    options.latency.jitterMs = m_options.sandboxJitterMs;
    options.olderEngine = m_options.sandboxOlderEngine;
    // The emulator's leads live beside the journal, so that sandbox leads still exist after a restart.
    options.stateFile =
        m_options.dataDir.isEmpty()
            ? QFileInfo(m_journal->filePath()).dir().filePath(QStringLiteral("sandbox-state.json"))
            : dataFile(QStringLiteral("sandbox-state.json"));
    auto sandbox = std::make_unique<Sandbox>(options);
    if (sandbox->listen() == 0)
        return false;
    m_sandbox = std::move(sandbox);
    m_profiles->setSandboxBaseUrl(m_sandbox->baseUrl());
    return true;
}

void AppSession::finishActivation(const Profile &profile, const QString &key)
{
    emit profileAboutToChange();
    m_gateway->setOutbox(nullptr);
    delete m_poller;
    m_poller = nullptr;
    delete m_outbox;
    m_outbox = nullptr;

    m_activeProfile = profile;
    m_missingCredentials = profile.missingCredentials(key);
    m_client->setConfig(configFor(profile, key));
    m_transport->setMaxParallelFetches(profile.parallelRefreshRequests);
    m_outbox =
        new Outbox(m_journal, m_transport.get(), m_orderIds.get(), profile.id, SystemClock::instance(), this);
    m_poller = new StatusPoller(m_journal, m_transport.get(), profile.id, SystemClock::instance(), this);
    m_poller->setVisibleOrderIds(m_visibleOrderIds);
    m_team->servePoller(m_poller); // one refresh for the team, when the profile shares with one
    applyAutoRefreshInterval();
    m_outbox->setCredentialsMissing(!m_missingCredentials.isEmpty());
    m_gateway->setOutbox(m_outbox);
    m_gateway->setMissingCredentials(m_missingCredentials);
    m_outbox->start();
    // After the outbox: whatever the team server does, sending has started already.
    m_team->activate(profile, m_journal->filePath());
    emit profileActivated(profile);
}

void AppSession::setVisibleOrderIds(const QStringList &orderIds)
{
    m_visibleOrderIds = orderIds;
    if (m_poller)
        m_poller->setVisibleOrderIds(orderIds);
}

void AppSession::applyAutoRefreshInterval()
{
    if (m_poller)
        m_poller->setAutoRefreshInterval(qint64(m_settings->integer(Settings::Key::AutoRefreshMinutes)) * 60 *
                                         1000);
}

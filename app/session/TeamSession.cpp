#include "TeamSession.h"

#include "settings/CredentialStore.h"
#include "team/TeamLog.h"
#include "team/TeamSettings.h"
#include "team/TeamSharingStatus.h"

#include <QThread>

TeamSession::TeamSession(TeamSettings *settings, CredentialStore *credentials, QObject *parent)
    : QObject(parent), m_settings(settings), m_credentials(credentials)
{
    Q_ASSERT(m_settings && m_credentials);
    connect(m_credentials, &CredentialStore::keyChanged, this, [this](const QString &entry) {
        if (!m_profile.id.isEmpty() && entry == TeamSettings::passwordEntry(m_profile.id))
            reload();
    });
}

TeamSession::~TeamSession()
{
    m_sync.reset();
    for (const QPointer<QThread> &thread : std::as_const(m_retiring)) {
        if (thread)
            thread->wait();
    }
}

void TeamSession::retire(std::unique_ptr<TeamSync> sync)
{
    if (!sync)
        return;
    sync->disconnect(this);
    TeamSync *retiring = sync.release();
    retiring->setParent(nullptr);
    QThread *reaper = QThread::create([retiring] { delete retiring; });
    reaper->setObjectName(QStringLiteral("TeamSyncStop"));
    retiring->moveToThread(reaper);
    connect(reaper, &QThread::finished, reaper, &QObject::deleteLater);
    m_retiring.removeAll(nullptr);
    m_retiring.append(reaper);
    reaper->start();
}

void TeamSession::activate(const Profile &profile, const QString &journalFilePath)
{
    m_profile = profile;
    m_journalFilePath = journalFilePath;
    reload();
}

void TeamSession::reload()
{
    const quint64 generation = ++m_generation;
    const TeamProfileSettings team = m_settings->profile(m_profile.id);
    if (m_profile.id.isEmpty() || !team.enabled || m_journalFilePath.isEmpty()) {
        stop();
        return;
    }
    CredentialJob *job = m_credentials->readKey(TeamSettings::passwordEntry(m_profile.id));
    connect(job, &CredentialJob::finished, this, [this, generation, team](CredentialJob *done) {
        if (generation != m_generation)
            return; // another profile, or other settings, since
        if (done->result() == CredentialJob::Result::Failed)
            qCWarning(lcTeam) << "the team server's password could not be read:" << done->errorMessage();
        TeamSyncSetup setup;
        setup.server = TeamSettings::serverConfig(team, done->key());
        setup.journalFilePath = m_journalFilePath;
        setup.profileId = m_profile.id;
        setup.account = TeamSettings::accountOf(m_profile);
        setup.workstationId = m_settings->workstationId();
        setup.operatorName = m_settings->operatorName(m_profile.id);
        startWith(setup);
    });
}

void TeamSession::startWith(const TeamSyncSetup &setup)
{
    if (m_sync && sameSetup(setup, m_setup))
        return; // nothing that matters changed: the running sync goes on
    retire(std::move(m_sync));
    m_setup = setup;
    qCInfo(lcTeam) << "sharing profile" << setup.profileId << "with" << setup.server.identity();
    m_sync = std::make_unique<TeamSync>(setup);
    connect(m_sync.get(), &TeamSync::stateChanged, this, &TeamSession::changed);
    m_sync->start();
    emit changed();
    emit serverChanged();
}

void TeamSession::stop()
{
    if (!m_sync)
        return;
    // A push in flight is abandoned: the server rolls it back, the cursor did not move.
    retire(std::move(m_sync));
    emit changed();
    emit serverChanged();
}

std::optional<TeamServerConfig> TeamSession::server() const
{
    if (!m_sync)
        return std::nullopt;
    return m_setup.server;
}

TeamSyncState TeamSession::state() const
{
    return m_sync ? m_sync->state() : TeamSyncState();
}

QString TeamSession::statusText() const
{
    return m_sync ? TeamSharingStatus::describe(m_sync->state()) : QString();
}

int TeamSession::waitingLeads() const
{
    return m_sync ? m_sync->state().waitingLeads : 0;
}

void TeamSession::nudge()
{
    if (m_sync)
        m_sync->nudge();
}

bool TeamSession::sameSetup(const TeamSyncSetup &a, const TeamSyncSetup &b)
{
    const TeamServerConfig &x = a.server;
    const TeamServerConfig &y = b.server;
    return x.host == y.host && x.port == y.port && x.database == y.database && x.user == y.user &&
           x.password == y.password && x.tls == y.tls && x.caFile == y.caFile &&
           a.journalFilePath == b.journalFilePath && a.profileId == b.profileId && a.account == b.account &&
           a.workstationId == b.workstationId && a.operatorName == b.operatorName;
}

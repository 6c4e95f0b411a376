#include "SettingsApply.h"

#include "CredentialStore.h"
#include "ProfileStore.h"
#include "SettingsLog.h"

SettingsApply::SettingsApply(Settings *settings, ProfileStore *profiles, CredentialStore *credentials,
                             QObject *parent)
    : QObject(parent), m_settings(settings), m_profiles(profiles), m_credentials(credentials)
{
    Q_ASSERT(m_settings && m_profiles && m_credentials);
}

QString SettingsApply::check(const QList<Profile> &profiles, int *badIndex)
{
    for (int index = 0; index < profiles.size(); ++index) {
        const Profile &profile = profiles.at(index);
        *badIndex = index;
        const QStringList problems = profile.problems();
        if (!problems.isEmpty())
            return tr("Profile “%1”: %2").arg(profile.name.trimmed(), problems.join(QLatin1Char(' ')));
        for (int other = 0; other < index; ++other) {
            if (profiles.at(other).name.trimmed().compare(profile.name.trimmed(), Qt::CaseInsensitive) == 0)
                return tr("Two profiles are called “%1”: give each its own name.")
                    .arg(profile.name.trimmed());
        }
    }
    *badIndex = -1;
    return {};
}

QString SettingsApply::checkTeam(const TeamProfileSettings &team)
{
    if (!team.enabled)
        return {};
    QStringList problems;
    if (team.host.trimmed().isEmpty())
        problems << tr("Enter the team server's host.");
    if (team.port < 1 || team.port > 65535)
        problems << tr("The team server's port is a number from 1 to 65535.");
    if (team.database.trimmed().isEmpty())
        problems << tr("Enter the team database's name.");
    if (team.user.trimmed().isEmpty())
        problems << tr("Enter the team server's user.");
    if (team.tls == TeamTlsMode::VerifyFull && team.caFile.trimmed().isEmpty())
        problems << tr("Checking the team server's certificate needs the CA file that signed it.");
    return problems.join(QLatin1Char(' '));
}

void SettingsApply::setTeamSettings(TeamSettings *team)
{
    m_team = team;
}

void SettingsApply::setWaitingLeadsCounter(std::function<int(const QString &)> counter)
{
    m_waitingLeads = std::move(counter);
}

void SettingsApply::apply(const SettingsChanges &changes)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_result = SettingsApplyResult();
    m_keyFailures.clear();
    m_activateIndex = changes.activateIndex;

    QList<Profile> profiles;
    for (const ProfileEdit &edit : changes.profiles)
        profiles << edit.profile;
    int badIndex = -1;
    const QString problem = check(profiles, &badIndex);
    if (!problem.isEmpty()) {
        fail(problem, badIndex);
        return;
    }
    for (int index = 0; index < changes.profiles.size(); ++index) {
        const ProfileEdit &edit = changes.profiles.at(index);
        if (!edit.teamEdited && !edit.teamPasswordEdited)
            continue;
        const QString teamProblem =
            m_team ? checkTeam(edit.team) : tr("The team server settings cannot be kept.");
        if (!teamProblem.isEmpty()) {
            fail(tr("Profile “%1”: %2").arg(edit.profile.name.trimmed(), teamProblem), index);
            return;
        }
    }
    for (const QString &id : changes.removedIds) {
        const int waiting = m_waitingLeads ? m_waitingLeads(id) : 0;
        if (waiting > 0) {
            const QString name = m_profiles->profile(id).value_or(Profile()).displayName();
            fail(tr("The profile “%1” still holds %n lead(s) waiting to be sent: send or discard them in "
                    "its outbox before removing it.",
                    nullptr, waiting)
                     .arg(name));
            return;
        }
    }

    // The options first: undoing them is only a matter of setting the old values again.
    QList<std::pair<Settings::Key, QVariant>> previous;
    for (const auto &[key, value] : changes.options)
        previous.append({key, m_settings->value(key)});
    for (const auto &[key, value] : changes.options)
        m_settings->setValue(key, value);
    if (!m_settings->save()) {
        const QString reason = m_settings->lastError();
        for (const auto &[key, value] : std::as_const(previous))
            m_settings->setValue(key, value);
        fail(tr("The application settings could not be saved: %1").arg(reason));
        return;
    }

    if (!m_profiles->applyEdit(profiles, changes.removedIds, &badIndex)) {
        const QString reason = m_profiles->lastError();
        for (const auto &[key, value] : std::as_const(previous))
            m_settings->setValue(key, value);
        if (!m_settings->save())
            qCWarning(lcSettings) << "could not put the previous application settings back";
        fail(reason, badIndex);
        return;
    }
    m_result.profilesSaved = true;
    for (const Profile &profile : std::as_const(profiles))
        m_result.profileIds << profile.id;

    if (m_team) {
        QHash<QString, TeamProfileSettings> teamChanges;
        for (int index = 0; index < changes.profiles.size(); ++index) {
            if (changes.profiles.at(index).teamEdited)
                teamChanges.insert(m_result.profileIds.at(index), changes.profiles.at(index).team);
        }
        if (!m_team->applyEdit(teamChanges, changes.removedIds)) {
            const QString reason = m_team->lastError();
            for (const auto &[key, value] : std::as_const(previous))
                m_settings->setValue(key, value);
            if (!m_settings->save())
                qCWarning(lcSettings) << "could not put the previous application settings back";
            fail(tr("The profiles were saved, but their team server settings were not: %1").arg(reason));
            return;
        }
    }

    for (const QString &id : changes.removedIds) {
        startCredentialJob(m_credentials->deleteKey(id), -1, false);
        if (m_team)
            startCredentialJob(m_credentials->deleteKey(TeamSettings::passwordEntry(id)), -1, true);
    }
    for (int index = 0; index < changes.profiles.size(); ++index) {
        const ProfileEdit &edit = changes.profiles.at(index);
        if (!edit.keyEdited)
            continue;
        const QString &id = m_result.profileIds.at(index);
        startCredentialJob(edit.key.isEmpty() ? m_credentials->deleteKey(id)
                                              : m_credentials->writeKey(id, edit.key),
                           index, false);
    }
    for (int index = 0; index < changes.profiles.size(); ++index) {
        const ProfileEdit &edit = changes.profiles.at(index);
        if (!m_team || !edit.teamPasswordEdited)
            continue;
        const QString entry = TeamSettings::passwordEntry(m_result.profileIds.at(index));
        startCredentialJob(edit.teamPassword.isEmpty() ? m_credentials->deleteKey(entry)
                                                       : m_credentials->writeKey(entry, edit.teamPassword),
                           index, true);
    }
    if (m_pendingKeyJobs == 0)
        QMetaObject::invokeMethod(this, &SettingsApply::finish, Qt::QueuedConnection);
}

void SettingsApply::startCredentialJob(CredentialJob *job, int index, bool teamPassword)
{
    ++m_pendingKeyJobs;
    connect(job, &CredentialJob::finished, this, [this, index, teamPassword](CredentialJob *done) {
        onKeyJobFinished(index, done, teamPassword);
    });
}

void SettingsApply::onKeyJobFinished(int index, CredentialJob *job, bool teamPassword)
{
    --m_pendingKeyJobs;
    // Deleting a key that was never stored is what was asked for.
    const bool done = job->ok() || (job->operation() == CredentialJob::Operation::Delete &&
                                    job->result() == CredentialJob::Result::NotFound);
    if (!done)
        m_keyFailures << job->errorMessage();
    else if (index >= 0)
        (teamPassword ? m_result.teamPasswordsStored : m_result.keysStored) << index;
    if (m_pendingKeyJobs == 0)
        finish();
}

void SettingsApply::finish()
{
    m_busy = false;
    if (!m_keyFailures.isEmpty()) {
        m_result.ok = false;
        m_result.problem =
            tr("The profiles were saved, but a key was not: %1").arg(m_keyFailures.join(QLatin1Char(' ')));
        emit finished(m_result);
        return;
    }
    m_result.ok = true;
    if (m_activateIndex >= 0 && m_activateIndex < m_result.profileIds.size())
        m_profiles->setActiveProfile(m_result.profileIds.at(m_activateIndex));
    emit finished(m_result);
}

void SettingsApply::fail(const QString &problem, int badIndex)
{
    m_result.ok = false;
    m_result.problem = problem;
    m_result.badIndex = badIndex;
    // Always later than apply(), like the other outcomes.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_busy = false;
            emit finished(m_result);
        },
        Qt::QueuedConnection);
}

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

    for (const QString &id : changes.removedIds) {
        ++m_pendingKeyJobs;
        connect(m_credentials->deleteKey(id), &CredentialJob::finished, this,
                [this](CredentialJob *job) { onKeyJobFinished(-1, job); });
    }
    for (int index = 0; index < changes.profiles.size(); ++index) {
        const ProfileEdit &edit = changes.profiles.at(index);
        if (!edit.keyEdited)
            continue;
        const QString &id = m_result.profileIds.at(index);
        CredentialJob *job =
            edit.key.isEmpty() ? m_credentials->deleteKey(id) : m_credentials->writeKey(id, edit.key);
        ++m_pendingKeyJobs;
        connect(job, &CredentialJob::finished, this,
                [this, index](CredentialJob *done) { onKeyJobFinished(index, done); });
    }
    if (m_pendingKeyJobs == 0)
        QMetaObject::invokeMethod(this, &SettingsApply::finish, Qt::QueuedConnection);
}

void SettingsApply::onKeyJobFinished(int index, CredentialJob *job)
{
    --m_pendingKeyJobs;
    // Deleting a key that was never stored is what was asked for.
    const bool done = job->ok() || (job->operation() == CredentialJob::Operation::Delete &&
                                    job->result() == CredentialJob::Result::NotFound);
    if (!done)
        m_keyFailures << job->errorMessage();
    else if (index >= 0)
        m_result.keysStored << index;
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

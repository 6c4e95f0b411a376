#include "CredentialStore.h"

#include "SettingsLog.h"
#include "SettingsPaths.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace {

const QString ProbeEntry = QStringLiteral("cpadesk-availability-check");

// QtKeychain jobs get no parent: libsecret calls back into a job after its asynchronous work, so a job
// deleted early (with its parent) is a use-after-free. They delete themselves when finished (autoDelete),
// and every connection to them has this store as its context, so a store that is gone is not called.

QString keychainEntry(const QString &profileId)
{
    return QStringLiteral("profile/") + profileId;
}

QString fileEntry(const QString &profileId)
{
    return QStringLiteral("keys/") + profileId;
}

// Errors meaning "no keychain service here", as opposed to a keychain that answered and said no. Without
// a D-Bus session QtKeychain 0.13 reports OtherError ("Cannot autolaunch D-Bus..."), and with a bus but
// no Secret Service it reports OtherError too, so only an explicit refusal counts as an answer.
bool meansNoKeychain(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return true;
    default:
        return false;
    }
}

} // namespace

CredentialJob::CredentialJob(Operation operation, const QString &profileId, const QString &secret,
                             QObject *parent)
    : QObject(parent), m_operation(operation), m_profileId(profileId), m_secret(secret)
{}

void CredentialJob::finish(Result result, const QString &errorMessage)
{
    if (m_result != Result::Pending)
        return;
    m_result = result;
    m_errorMessage = errorMessage;
    if (m_operation != Operation::Read || result != Result::Ok)
        m_secret.clear();
    // Queued, so that a job finishing at once still reaches slots connected after it was returned.
    QMetaObject::invokeMethod(
        this,
        [this] {
            emit finished(this);
            deleteLater();
        },
        Qt::QueuedConnection);
}

QString CredentialStore::serviceName()
{
    return QStringLiteral("CPA Desk");
}

CredentialStore::CredentialStore(QObject *parent) : CredentialStore(SettingsPaths::credentialsFile(), parent)
{}

CredentialStore::CredentialStore(const QString &fallbackFilePath, QObject *parent)
    : QObject(parent), m_fallback(fallbackFilePath), m_probeTimer(new QTimer(this))
{
    m_probeTimer->setSingleShot(true);
    m_probeTimer->setInterval(ProbeTimeoutMs);
    connect(m_probeTimer, &QTimer::timeout, this, [this] {
        // A keychain that takes this long to store a throw-away entry is not one we can rely on.
        qCWarning(lcSettings) << "the keychain did not answer in time; keys go to the owner-only file";
        if (m_probe)
            disconnect(m_probe, nullptr, this, nullptr);
        settleStorage(Storage::SettingsFile);
    });
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::describe(Storage storage, const QString &fallbackFilePath)
{
    switch (storage) {
    case Storage::Unknown:
        return tr("Checking whether a system keychain is available…");
    case Storage::Keychain:
        return tr("Keys are kept in the system keychain, not in the settings files.");
    case Storage::SettingsFile:
        return tr("No system keychain answered, so keys are kept in the file %1, readable only by your "
                  "user account. Anyone who can log in as you or read your backups can read them.")
            .arg(QDir::toNativeSeparators(fallbackFilePath));
    case Storage::KeychainRefused:
        return tr("The system keychain refused access (is it locked?). Keys cannot be read or saved until "
                  "it is unlocked.");
    }
    return {};
}

CredentialJob *CredentialStore::readKey(const QString &profileId)
{
    return enqueue(new CredentialJob(CredentialJob::Operation::Read, profileId, {}, this));
}

CredentialJob *CredentialStore::writeKey(const QString &profileId, const QString &key)
{
    return enqueue(new CredentialJob(CredentialJob::Operation::Write, profileId, key, this));
}

CredentialJob *CredentialStore::deleteKey(const QString &profileId)
{
    return enqueue(new CredentialJob(CredentialJob::Operation::Delete, profileId, {}, this));
}

CredentialJob *CredentialStore::enqueue(CredentialJob *job)
{
    if (job->profileId().isEmpty()) {
        job->finish(CredentialJob::Result::Failed, tr("No profile was given for the key."));
        return job;
    }
    if (job->operation() != CredentialJob::Operation::Read) {
        connect(job, &CredentialJob::finished, this, [this](CredentialJob *done) {
            if (done->ok())
                emit keyChanged(done->profileId());
        });
    }
    m_waiting.append(job);
    if (m_storage == Storage::KeychainRefused) // perhaps unlocked since: ask again
        m_storage = Storage::Unknown;
    if (m_storage == Storage::Unknown)
        probe();
    else
        QMetaObject::invokeMethod(this, &CredentialStore::runWaiting, Qt::QueuedConnection);
    return job;
}

void CredentialStore::probe()
{
    if (m_storage != Storage::Unknown || m_probe)
        return;
    auto *probeJob = new QKeychain::WritePasswordJob(serviceName());
    probeJob->setInsecureFallback(false);
    probeJob->setAutoDelete(true);
    probeJob->setKey(ProbeEntry);
    probeJob->setTextData(QString::number(QRandomGenerator::global()->generate64(), 16));
    connect(probeJob, &QKeychain::Job::finished, this, &CredentialStore::onProbeFinished);
    m_probe = probeJob;
    m_probeTimer->start();
    probeJob->start();
}

void CredentialStore::onProbeFinished(QKeychain::Job *probeJob)
{
    m_probeTimer->stop();
    const QKeychain::Error error = probeJob->error();
    if (error == QKeychain::NoError) {
        auto *cleanUp = new QKeychain::DeletePasswordJob(serviceName());
        cleanUp->setInsecureFallback(false);
        cleanUp->setAutoDelete(true);
        cleanUp->setKey(ProbeEntry);
        cleanUp->start();
        settleStorage(Storage::Keychain);
    } else if (meansNoKeychain(error)) {
        qCInfo(lcSettings) << "no keychain service answered:" << probeJob->errorString();
        settleStorage(Storage::SettingsFile);
    } else {
        qCWarning(lcSettings) << "the keychain refused access:" << probeJob->errorString();
        settleStorage(Storage::KeychainRefused);
    }
}

void CredentialStore::settleStorage(Storage storage)
{
    const bool changed = m_storage != storage;
    m_storage = storage;
    qCDebug(lcSettings) << "keys are kept in:" << storage;
    if (changed)
        emit storageChanged(storage);
    runWaiting();
}

void CredentialStore::runWaiting()
{
    if (m_storage == Storage::Unknown)
        return;
    const QList<QPointer<CredentialJob>> jobs = std::exchange(m_waiting, {});
    for (const QPointer<CredentialJob> &job : jobs) {
        if (!job)
            continue;
        switch (m_storage) {
        case Storage::Keychain:
            runInKeychain(job);
            break;
        case Storage::SettingsFile:
            runInFile(job);
            break;
        case Storage::KeychainRefused:
            job->finish(CredentialJob::Result::Failed, describe(m_storage, m_fallback.filePath()));
            break;
        case Storage::Unknown:
            break;
        }
    }
}

void CredentialStore::runInKeychain(CredentialJob *job)
{
    const QString entry = keychainEntry(job->profileId());
    QPointer<CredentialJob> guard(job);
    switch (job->operation()) {
    case CredentialJob::Operation::Read: {
        auto *read = new QKeychain::ReadPasswordJob(serviceName());
        read->setInsecureFallback(false);
        read->setAutoDelete(true);
        read->setKey(entry);
        connect(read, &QKeychain::Job::finished, this, [this, guard](QKeychain::Job *done) {
            if (guard)
                onKeychainReadFinished(guard, done);
        });
        read->start();
        break;
    }
    case CredentialJob::Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(serviceName());
        write->setInsecureFallback(false);
        write->setAutoDelete(true);
        write->setKey(entry);
        write->setTextData(job->m_secret);
        connect(write, &QKeychain::Job::finished, this, [this, guard](QKeychain::Job *done) {
            if (!guard)
                return;
            if (done->error() != QKeychain::NoError) {
                guard->finish(CredentialJob::Result::Failed,
                              tr("The system keychain did not save the key: %1").arg(done->errorString()));
                return;
            }
            // The keychain has it now: a copy left in the file from keychain-less days must go.
            forgetInFile(guard->profileId());
            guard->finish(CredentialJob::Result::Ok);
        });
        write->start();
        break;
    }
    case CredentialJob::Operation::Delete: {
        auto *remove = new QKeychain::DeletePasswordJob(serviceName());
        remove->setInsecureFallback(false);
        remove->setAutoDelete(true);
        remove->setKey(entry);
        connect(remove, &QKeychain::Job::finished, this, [this, guard](QKeychain::Job *done) {
            if (!guard)
                return;
            if (done->error() != QKeychain::NoError && done->error() != QKeychain::EntryNotFound) {
                guard->finish(CredentialJob::Result::Failed,
                              tr("The system keychain did not delete the key: %1").arg(done->errorString()));
                return;
            }
            if (!forgetInFile(guard->profileId())) {
                guard->finish(CredentialJob::Result::Failed, m_fallback.lastError());
                return;
            }
            guard->finish(CredentialJob::Result::Ok);
        });
        remove->start();
        break;
    }
    }
}

void CredentialStore::onKeychainReadFinished(CredentialJob *job, QKeychain::Job *keychainJob)
{
    const QKeychain::Error error = keychainJob->error();
    if (error == QKeychain::NoError) {
        job->m_secret = static_cast<QKeychain::ReadPasswordJob *>(keychainJob)->textData();
        job->finish(CredentialJob::Result::Ok);
        return;
    }
    if (error != QKeychain::EntryNotFound) {
        job->finish(CredentialJob::Result::Failed,
                    tr("The system keychain did not give the key: %1").arg(keychainJob->errorString()));
        return;
    }
    // Saved while no keychain answered? Then it is in the file: use it and move it where it belongs.
    QString loadError;
    if (loadFallback(&loadError) && m_fallbackValues.contains(fileEntry(job->profileId()))) {
        job->m_secret = m_fallbackValues.value(fileEntry(job->profileId())).toString();
        moveIntoKeychain(job->profileId(), job->m_secret);
        job->finish(CredentialJob::Result::Ok);
        return;
    }
    job->finish(CredentialJob::Result::NotFound);
}

void CredentialStore::moveIntoKeychain(const QString &profileId, const QString &key)
{
    auto *write = new QKeychain::WritePasswordJob(serviceName());
    write->setInsecureFallback(false);
    write->setAutoDelete(true);
    write->setKey(keychainEntry(profileId));
    write->setTextData(key);
    connect(write, &QKeychain::Job::finished, this, [this, profileId](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError)
            forgetInFile(profileId);
        else
            qCWarning(lcSettings) << "could not move the key of profile" << profileId << "into the keychain";
    });
    write->start();
}

void CredentialStore::runInFile(CredentialJob *job)
{
    QString error;
    if (!loadFallback(&error)) {
        job->finish(CredentialJob::Result::Failed, error);
        return;
    }
    const QString entry = fileEntry(job->profileId());
    switch (job->operation()) {
    case CredentialJob::Operation::Read:
        if (!m_fallbackValues.contains(entry)) {
            job->finish(CredentialJob::Result::NotFound);
            return;
        }
        job->m_secret = m_fallbackValues.value(entry).toString();
        job->finish(CredentialJob::Result::Ok);
        return;
    case CredentialJob::Operation::Write: {
        const QVariantMap before = m_fallbackValues;
        m_fallbackValues.insert(entry, job->m_secret);
        if (!saveFallback(&error)) {
            m_fallbackValues = before;
            job->finish(CredentialJob::Result::Failed, error);
            return;
        }
        job->finish(CredentialJob::Result::Ok);
        return;
    }
    case CredentialJob::Operation::Delete:
        if (!forgetInFile(job->profileId())) {
            job->finish(CredentialJob::Result::Failed, m_fallback.lastError());
            return;
        }
        job->finish(CredentialJob::Result::Ok);
        return;
    }
}

bool CredentialStore::loadFallback(QString *error)
{
    // Read afresh every time (a few lines): another instance of the app may have changed it.
    bool ok = false;
    m_fallbackValues = m_fallback.load(&ok);
    if (!ok) {
        *error = m_fallback.lastError();
        return false;
    }
    return true;
}

bool CredentialStore::saveFallback(QString *error)
{
    if (m_fallback.save(m_fallbackValues))
        return true;
    *error = m_fallback.lastError();
    return false;
}

bool CredentialStore::forgetInFile(const QString &profileId)
{
    QString error;
    if (!loadFallback(&error))
        return false;
    const QString entry = fileEntry(profileId);
    if (!m_fallbackValues.contains(entry))
        return true;
    const QVariant before = m_fallbackValues.take(entry);
    if (saveFallback(&error))
        return true;
    m_fallbackValues.insert(entry, before);
    return false;
}

#pragma once

#include "SettingsFile.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QTimer;
namespace QKeychain {
class Job;
}

// One asynchronous read, write or delete of a profile's key. Emits finished() exactly once, always from
// the event loop (never from inside the call that made it), then deletes itself. It is a child of the
// store: destroying the store abandons unfinished jobs without a signal.
class CredentialJob : public QObject
{
    Q_OBJECT

public:
    enum class Operation
    {
        Read,
        Write,
        Delete
    };
    Q_ENUM(Operation)
    enum class Result
    {
        Pending,
        Ok,
        NotFound,
        Failed
    };
    Q_ENUM(Result)

    QString profileId() const { return m_profileId; }
    Operation operation() const { return m_operation; }
    Result result() const { return m_result; }
    bool ok() const { return m_result == Result::Ok; }
    QString key() const
    {
        return m_result == Result::Ok && m_operation == Operation::Read ? m_secret : QString();
    }
    QString errorMessage() const { return m_errorMessage; } // translated; never contains the key

signals:
    void finished(CredentialJob *job);

private:
    friend class CredentialStore;
    CredentialJob(Operation operation, const QString &profileId, const QString &secret, QObject *parent);
    void finish(Result result, const QString &errorMessage = {});

    Operation m_operation;
    QString m_profileId;
    QString m_secret; // the key to write, or the key read
    Result m_result = Result::Pending;
    QString m_errorMessage;
};

// Keeps each profile's API key apart from the profile: in the OS keychain through QtKeychain where a
// keychain service answers (insecure fallback off), else in a settings file of its own at mode 0600, and
// it says plainly which (storage(), storageDescription()). The first job finds out by storing and
// deleting a throw-away entry; later jobs wait for the answer. A keychain that answers but refuses (a
// locked keyring, a "deny" click) is never silently replaced by the file. A key found in the file while
// a keychain works is moved into the keychain. Keys are never logged.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    enum class Storage
    {
        Unknown,         // not asked yet, or asking
        Keychain,        // the OS keychain
        SettingsFile,    // no keychain service answered: the owner-only file fallbackFilePath()
        KeychainRefused, // a keychain exists but refused access; asked again on the next job
    };
    Q_ENUM(Storage)

    static QString serviceName(); // the keychain's "service" field

    explicit CredentialStore(QObject *parent = nullptr); // SettingsPaths::credentialsFile()
    explicit CredentialStore(const QString &fallbackFilePath, QObject *parent = nullptr);
    ~CredentialStore() override;

    CredentialJob *readKey(const QString &profileId);
    CredentialJob *writeKey(const QString &profileId, const QString &key);
    CredentialJob *deleteKey(const QString &profileId);

    Storage storage() const { return m_storage; }
    QString storageDescription() const { return describe(m_storage, m_fallback.filePath()); }
    static QString describe(Storage storage, const QString &fallbackFilePath);
    QString fallbackFilePath() const { return m_fallback.filePath(); }

    // Starts finding out where keys can be kept, if not known yet (the first job does it anyway).
    void probe();

    static constexpr int ProbeTimeoutMs = 15000;

signals:
    void storageChanged(CredentialStore::Storage storage);
    // A key was written or deleted: whoever uses that profile's key reads it again.
    void keyChanged(const QString &profileId);

private:
    CredentialJob *enqueue(CredentialJob *job);
    void settleStorage(Storage storage);
    void onProbeFinished(QKeychain::Job *probeJob);
    void runWaiting();
    void runInKeychain(CredentialJob *job);
    void runInFile(CredentialJob *job);
    void onKeychainReadFinished(CredentialJob *job, QKeychain::Job *keychainJob);
    void moveIntoKeychain(const QString &profileId, const QString &key);
    bool loadFallback(QString *error);
    bool saveFallback(QString *error);
    bool forgetInFile(const QString &profileId);

    SettingsFile m_fallback;
    QVariantMap m_fallbackValues;
    Storage m_storage = Storage::Unknown;
    QPointer<QKeychain::Job> m_probe;
    QTimer *m_probeTimer = nullptr;
    QList<QPointer<CredentialJob>> m_waiting;
};

#pragma once

#include "Profile.h"
#include "SettingsFile.h"

#include <QList>
#include <QObject>

#include <optional>

class Settings;

// The profiles, in the user's order, and which one is active (kept in Settings::Key::ActiveProfile).
// There is always exactly one sandbox profile: it cannot be removed, and its URL is set at run time by
// whoever starts the emulator. Every change is written at once, crash-safely (SettingsFile). Keys are
// not kept here: see CredentialStore.
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    static QString sandboxProfileId(); // "sandbox"

    explicit ProfileStore(Settings *settings, QObject *parent = nullptr); // SettingsPaths::profilesFile()
    ProfileStore(Settings *settings, const QString &filePath, QObject *parent = nullptr);

    QList<Profile> profiles() const;
    std::optional<Profile> profile(const QString &id) const;
    bool contains(const QString &id) const;

    // Returns the new profile's id (made here; any id given is ignored), or an empty string when the
    // profile has problems or its name is taken (lastError() says which). Never adds a sandbox.
    QString add(Profile profile);
    bool update(const Profile &profile); // by id; the sandbox keeps its kind, id and run-time URL
    bool remove(const QString &id);      // the sandbox cannot be removed
    bool move(const QString &id, int newIndex);
    // A whole edit in one write, as the settings dialog makes it: `edited` is every profile kept, in the
    // user's order (an empty id is a new profile: its id is made and written back), `removedIds` those to
    // drop. Every profile is checked before anything changes, and either all of it is saved or nothing is
    // (false, with lastError() and *badIndex, the index in `edited` at fault or -1). Stored profiles that
    // are in neither list (added elsewhere meanwhile) are kept, after the edited ones.
    bool applyEdit(QList<Profile> &edited, const QStringList &removedIds, int *badIndex = nullptr);

    QString activeProfileId() const;
    Profile activeProfile() const;
    bool setActiveProfile(const QString &id);

    void setSandboxBaseUrl(const QUrl &url); // not saved: the emulator's port changes each run
    QUrl sandboxBaseUrl() const { return m_sandboxBaseUrl; }

    bool reload();
    QString lastError() const { return m_lastError; }
    QString filePath() const { return m_file.filePath(); }
    SettingsFile &file() { return m_file; } // for tests of a failing write

signals:
    void profilesChanged();
    void profileRemoved(const QString &id);
    void activeProfileChanged(const QString &id);

private:
    int indexOf(const QString &id) const;
    bool nameTaken(const QString &name, const QString &exceptId) const;
    bool accept(const Profile &profile);
    bool persist();
    Profile makeSandboxProfile() const;

    Settings *m_settings;
    SettingsFile m_file;
    QList<Profile> m_profiles;
    QUrl m_sandboxBaseUrl;
    QString m_lastError;
};

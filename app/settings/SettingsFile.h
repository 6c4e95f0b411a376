#pragma once

#include <QString>
#include <QVariantMap>

#include <functional>

// One QSettings (INI format) file that a crash can never leave half-written. QSettings rewrites its file
// in place, so a save instead writes a fresh file beside it, syncs it to disk, reads it back and compares
// every value, and only then renames it over the old file (an atomic replace: rename(2) on Unix,
// MoveFileEx on Windows): at any instant the file on disk is either the old complete version or the new
// complete version. Files are mode 0600.
//
// Keys are QSettings keys ("group/name"); values are anything QSettings can store.
class SettingsFile
{
public:
    explicit SettingsFile(const QString &filePath);

    const QString &filePath() const { return m_filePath; }

    // A missing file is an empty map and not an error. Leftover temporary files are ignored.
    QVariantMap load(bool *ok = nullptr);
    bool save(const QVariantMap &values);
    // Why the last load() or save() failed: a translated sentence naming the file, never a value.
    QString lastError() const { return m_lastError; }

    // Test seam: runs after the new file is written and synced, before it is verified — lets a test play
    // a device that loses or corrupts what was written.
    using BeforeVerifyHook = std::function<void(const QString &temporaryPath)>;
    void setBeforeVerifyHook(BeforeVerifyHook hook) { m_beforeVerify = std::move(hook); }

    static QString temporaryFilePrefix(const QString &filePath);

private:
    bool writeTemporary(const QString &temporaryPath, const QVariantMap &values);
    bool verifyTemporary(const QString &temporaryPath, const QVariantMap &values);
    void removeStaleTemporaries() const;
    bool fail(const QString &reason);

    QString m_filePath;
    QString m_lastError;
    BeforeVerifyHook m_beforeVerify;
};

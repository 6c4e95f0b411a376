#include "SettingsFile.h"

#include "SettingsLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSettings>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <qt_windows.h>
#endif

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
// A temporary file this old was left by a process that died mid-save: nobody will finish it.
constexpr qint64 StaleTemporaryAgeSeconds = 60;

QString translate(const char *text)
{
    return QCoreApplication::translate("SettingsFile", text);
}

// The few file operations that make a save durable and atomic, each in its platform's own terms. Linux
// is where they are built and tested; the Windows branch is what a Windows build starts from.
#ifdef Q_OS_UNIX

bool fsyncPath(const QString &path, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

bool syncFileToDisk(const QString &path)
{
    return fsyncPath(path, O_RDONLY);
}

// Makes a rename in this folder durable, not only the file's contents.
void syncFolderToDisk(const QString &path)
{
    fsyncPath(path, O_RDONLY | O_DIRECTORY);
}

// rename(2) replaces the target atomically.
bool replaceFile(const QString &from, const QString &to, int *error)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return true;
    *error = errno;
    return false;
}

bool hardLink(const QString &existing, const QString &link)
{
    return ::link(QFile::encodeName(existing).constData(), QFile::encodeName(link).constData()) == 0;
}

#elif defined(Q_OS_WIN)

std::wstring nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path).toStdWString();
}

bool syncFileToDisk(const QString &path)
{
    const HANDLE file = ::CreateFileW(nativePath(path).c_str(), GENERIC_WRITE,
                                      FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                      OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return false;
    const bool synced = ::FlushFileBuffers(file) != 0;
    ::CloseHandle(file);
    return synced;
}

// MOVEFILE_WRITE_THROUGH below returns only once the rename is on disk: nothing to do for the folder.
void syncFolderToDisk(const QString &) {}

// Unlike rename(2), Windows' rename refuses to replace a file; MoveFileEx replaces it atomically.
bool replaceFile(const QString &from, const QString &to, int *error)
{
    if (::MoveFileExW(nativePath(from).c_str(), nativePath(to).c_str(),
                      MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return true;
    *error = int(::GetLastError());
    return false;
}

bool hardLink(const QString &existing, const QString &link)
{
    return ::CreateHardLinkW(nativePath(link).c_str(), nativePath(existing).c_str(), nullptr) != 0;
}

#else
#error "SettingsFile needs a durable sync and an atomic replace for this platform"
#endif

// QSettings' INI format gives numbers and booleans back as text, so a value read back counts as the
// same when it converts back to the written type and compares equal.
bool sameAfterRoundTrip(const QVariant &written, QVariant readBack)
{
    if (!written.isValid())
        return !readBack.isValid();
    const bool writtenEmpty =
        (written.metaType() == QMetaType::fromType<QStringList>() && written.toStringList().isEmpty()) ||
        (written.metaType() == QMetaType::fromType<QVariantList>() && written.toList().isEmpty());
    if (writtenEmpty) {
        if (!readBack.isValid())
            return true;
        return readBack.convert(written.metaType()) && readBack.toList().isEmpty();
    }
    if (readBack.metaType() != written.metaType() && !readBack.convert(written.metaType()))
        return false;
    return readBack == written;
}

// QSettings caches parsed files per path and revalidates them only by size and modification time, so a
// file swapped in within the same millisecond could be served stale. Reading through a private hard
// link (a unique path; the same inode, so an atomic snapshot) sidesteps the cache.
QString makeReadSnapshot(const QString &filePath)
{
    const QString snapshot = SettingsFile::temporaryFilePrefix(filePath) + QStringLiteral("read-") +
                             QString::number(QRandomGenerator::global()->generate64(), 16);
    if (hardLink(filePath, snapshot))
        return snapshot;
    if (QFile::copy(filePath, snapshot)) // file systems without hard links
        return snapshot;
    return {};
}

} // namespace

SettingsFile::SettingsFile(const QString &filePath) : m_filePath(QFileInfo(filePath).absoluteFilePath()) {}

QString SettingsFile::temporaryFilePrefix(const QString &filePath)
{
    return filePath + QStringLiteral(".new-");
}

QVariantMap SettingsFile::load(bool *ok)
{
    m_lastError.clear();
    auto finish = [&](bool success, QVariantMap values) {
        if (ok)
            *ok = success;
        return values;
    };
    if (!QFileInfo::exists(m_filePath))
        return finish(true, {});

    // Files written by older versions or by hand may be readable by others: they may hold keys.
    QFile file(m_filePath);
    if ((file.permissions() & ~(OwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser)) != 0)
        file.setPermissions(OwnerOnly);

    const QString snapshot = makeReadSnapshot(m_filePath);
    if (snapshot.isEmpty()) {
        fail(translate("Could not read the settings file %1.").arg(QDir::toNativeSeparators(m_filePath)));
        return finish(false, {});
    }
    QVariantMap values;
    QSettings::Status status;
    {
        QSettings reader(snapshot, QSettings::IniFormat);
        status = reader.status();
        const QStringList keys = reader.allKeys();
        for (const QString &key : keys)
            values.insert(key, reader.value(key));
    }
    QFile::remove(snapshot);
    if (status != QSettings::NoError) {
        fail(translate("The settings file %1 is damaged; the readable part was kept.")
                 .arg(QDir::toNativeSeparators(m_filePath)));
        return finish(false, values);
    }
    return finish(true, values);
}

bool SettingsFile::save(const QVariantMap &values)
{
    m_lastError.clear();
    const QFileInfo info(m_filePath);
    QDir directory = info.absoluteDir();
    if (!directory.exists()) {
        if (!directory.mkpath(QStringLiteral(".")))
            return fail(translate("Could not create the folder %1.")
                            .arg(QDir::toNativeSeparators(directory.absolutePath())));
        // We made it, so it is ours: nobody else needs to list it.
        QFile::setPermissions(directory.absolutePath(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    removeStaleTemporaries();

    const QString temporaryPath =
        temporaryFilePrefix(m_filePath) + QString::number(QRandomGenerator::global()->generate64(), 16);
    if (!writeTemporary(temporaryPath, values) || !verifyTemporary(temporaryPath, values)) {
        QFile::remove(temporaryPath);
        return false;
    }
    int error = 0;
    if (!replaceFile(temporaryPath, m_filePath, &error)) {
        QFile::remove(temporaryPath);
        qCWarning(lcSettings) << "rename over" << m_filePath << "failed, error" << error;
        return fail(translate("Could not replace the settings file %1; the previous version is kept.")
                        .arg(QDir::toNativeSeparators(m_filePath)));
    }
    syncFolderToDisk(directory.absolutePath());
    return true;
}

bool SettingsFile::writeTemporary(const QString &temporaryPath, const QVariantMap &values)
{
    const QString cannotWrite =
        translate("Could not write the settings file %1; the previous version is kept.")
            .arg(QDir::toNativeSeparators(m_filePath));
    {
        // Created owner-only before any value goes in, so a key is never readable by others, not even
        // for a moment.
        QFile placeholder(temporaryPath);
        if (!placeholder.open(QIODevice::WriteOnly | QIODevice::NewOnly, OwnerOnly))
            return fail(cannotWrite);
    }
    QSettings::Status status;
    {
        QSettings writer(temporaryPath, QSettings::IniFormat);
        writer.clear();
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            writer.setValue(it.key(), it.value());
        writer.sync();
        status = writer.status();
    }
    if (status != QSettings::NoError)
        return fail(cannotWrite);
    QFile::setPermissions(temporaryPath, OwnerOnly);
    if (!syncFileToDisk(temporaryPath))
        return fail(cannotWrite);
    return true;
}

bool SettingsFile::verifyTemporary(const QString &temporaryPath, const QVariantMap &values)
{
    if (m_beforeVerify)
        m_beforeVerify(temporaryPath);

    bool same = true;
    {
        QSettings reader(temporaryPath, QSettings::IniFormat);
        if (reader.status() != QSettings::NoError)
            same = false;
        QStringList keys = reader.allKeys();
        if (same && values.isEmpty())
            same = keys.isEmpty();
        for (auto it = values.cbegin(); same && it != values.cend(); ++it) {
            keys.removeOne(it.key());
            // An empty list may be written as no entry at all; that reads back the same.
            if (!reader.contains(it.key()) && sameAfterRoundTrip(it.value(), QVariant()))
                continue;
            same = sameAfterRoundTrip(it.value(), reader.value(it.key()));
        }
        if (same)
            same = keys.isEmpty();
    }
    if (!same) {
        qCWarning(lcSettings) << "the new copy of" << m_filePath << "did not read back as written";
        return fail(translate("The settings file %1 did not read back as written (is the disk full or "
                              "failing?); the previous version is kept.")
                        .arg(QDir::toNativeSeparators(m_filePath)));
    }
    return true;
}

void SettingsFile::removeStaleTemporaries() const
{
    const QFileInfo info(m_filePath);
    const QString pattern = QFileInfo(temporaryFilePrefix(m_filePath)).fileName() + QStringLiteral("*");
    const QDateTime cutOff = QDateTime::currentDateTimeUtc().addSecs(-StaleTemporaryAgeSeconds);
    const QFileInfoList leftovers = info.absoluteDir().entryInfoList({pattern}, QDir::Files | QDir::Hidden);
    for (const QFileInfo &leftover : leftovers) {
        if (leftover.lastModified().toUTC() < cutOff)
            QFile::remove(leftover.absoluteFilePath());
    }
}

bool SettingsFile::fail(const QString &reason)
{
    m_lastError = reason;
    return false;
}

#pragma once

#include "SettingsFile.h"

#include <QObject>
#include <QStringList>
#include <QVariant>

#include <optional>

class QTimer;

// The application's options: one table of typed keys with their defaults (in Settings.cpp), never string
// keys scattered through the code. Only values that differ from their default are stored, so a default
// can change in a later version. Writes are coalesced and go through SettingsFile (write, sync, verify,
// swap; mode 0600).
class Settings : public QObject
{
    Q_OBJECT

public:
    enum class Key
    {
        Language,             // "system", "en" or "ru"
        AutoRefreshMinutes,   // status refresh interval; 0 = off
        NotificationsEnabled, // notify when a lead changes stage
        StickyLeadFields,     // lead-form fields (API names) kept after a lead is sent
        RecentOffers,         // most recent first
        ActiveProfile,        // profile id; empty = the sandbox
        MainWindowGeometry,   // QWidget::saveGeometry()
        MainWindowState,      // QMainWindow::saveState()
        SettingsDialogGeometry,
        StatusTableState, // StatusView::saveState(): columns, widths, sort
        KeyCount          // not a key
    };
    Q_ENUM(Key)

    static constexpr int MaxRecentOffers = 20;

    explicit Settings(QObject *parent = nullptr); // the per-user file (SettingsPaths::settingsFile())
    explicit Settings(const QString &filePath, QObject *parent = nullptr);
    ~Settings() override; // writes pending changes

    // The key table.
    static QString keyName(Key key);
    static QVariant defaultValue(Key key);
    static QList<Key> allKeys();

    // The stored value converted to the key's type, or the default when unset or unusable.
    QVariant value(Key key) const;
    QString string(Key key) const { return value(key).toString(); }
    int integer(Key key) const { return value(key).toInt(); }
    bool flag(Key key) const { return value(key).toBool(); }
    QStringList stringList(Key key) const { return value(key).toStringList(); }
    QByteArray bytes(Key key) const { return value(key).toByteArray(); }
    template <typename T> T get(Key key) const { return value(key).value<T>(); }

    // False (and nothing changes) when the value cannot become the key's type or is out of range.
    bool setValue(Key key, const QVariant &value);
    void reset(Key key);
    void resetAll();
    bool isDefault(Key key) const;

    // Moves the offer to the front of RecentOffers, keeping at most MaxRecentOffers.
    void rememberOffer(const QString &offer);

    // Writes now instead of at the next turn of the event loop. False when the write failed (the
    // previous file is kept; lastError() says why).
    bool save();
    bool reload();
    QString lastError() const { return m_file.lastError(); }
    QString filePath() const { return m_file.filePath(); }
    SettingsFile &file() { return m_file; } // for tests of the crash-safe write

    // The names of lead-form fields that may be sticky (API field names), in LeadFields' sticky order.
    static QStringList stickyFieldCandidates();
    static QStringList languageCodes(); // "system", "en", "ru"

signals:
    void valueChanged(Settings::Key key);
    void saveFailed(const QString &reason);

private:
    std::optional<QVariant> normalised(Key key, const QVariant &value) const;
    void scheduleSave();

    SettingsFile m_file;
    QVariantMap m_values; // only values that differ from the default, by key name
    QTimer *m_saveTimer = nullptr;
};

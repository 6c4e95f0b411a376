#include "Settings.h"

#include "SettingsLog.h"
#include "SettingsPaths.h"
#include "leads/LeadFields.h"

#include <QTimer>

#include <array>

namespace {

struct KeyDefinition
{
    Settings::Key key;
    const char *name;
    QVariant defaultValue;
    int minimum = 0; // for integers
    int maximum = 0;
};

const std::array<KeyDefinition, size_t(Settings::Key::KeyCount)> &keyTable()
{
    using Key = Settings::Key;
    static const std::array<KeyDefinition, size_t(Key::KeyCount)> table{{
        {Key::Language, "app/language", QStringLiteral("system")},
        {Key::AutoRefreshMinutes, "app/autoRefreshMinutes", 5, 0, 24 * 60},
        {Key::NotificationsEnabled, "app/notifications", true},
        {Key::StickyLeadFields, "leadForm/stickyFields", LeadFields::standardStickyNames()},
        {Key::RecentOffers, "leadForm/recentOffers", QStringList()},
        {Key::ActiveProfile, "profiles/active", QString()},
        {Key::MainWindowGeometry, "window/mainGeometry", QByteArray()},
        {Key::MainWindowState, "window/mainState", QByteArray()},
        {Key::SettingsDialogGeometry, "window/settingsDialogGeometry", QByteArray()},
        {Key::StatusTableState, "window/statusTableState", QByteArray()},
    }};
    return table;
}

const KeyDefinition &definition(Settings::Key key)
{
    const auto &table = keyTable();
    const KeyDefinition &entry = table.at(size_t(key));
    Q_ASSERT_X(entry.key == key, "Settings", "the key table is out of the enum's order");
    return entry;
}

} // namespace

Settings::Settings(QObject *parent) : Settings(SettingsPaths::settingsFile(), parent) {}

Settings::Settings(const QString &filePath, QObject *parent)
    : QObject(parent), m_file(filePath), m_saveTimer(new QTimer(this))
{
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(0);
    connect(m_saveTimer, &QTimer::timeout, this, &Settings::save);
    reload();
}

Settings::~Settings()
{
    if (m_saveTimer->isActive())
        save();
}

QString Settings::keyName(Key key)
{
    return QString::fromLatin1(definition(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return definition(key).defaultValue;
}

QList<Settings::Key> Settings::allKeys()
{
    QList<Key> keys;
    for (const KeyDefinition &entry : keyTable())
        keys.append(entry.key);
    return keys;
}

QStringList Settings::stickyFieldCandidates()
{
    return LeadFields::stickyCandidateNames();
}

QStringList Settings::languageCodes()
{
    return {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("ru")};
}

std::optional<QVariant> Settings::normalised(Key key, const QVariant &value) const
{
    const KeyDefinition &entry = definition(key);
    QVariant converted = value;
    const QMetaType type = entry.defaultValue.metaType();
    if (!converted.isValid()) {
        // QSettings writes an empty list as @Invalid(): for a list key that is an empty list.
        if (type == QMetaType::fromType<QStringList>())
            return QVariant(QStringList());
        return std::nullopt;
    }
    // A QString converts to a one-element QStringList; what INI gives back for a list is already a list.
    if (converted.metaType() != type && !converted.convert(type))
        return std::nullopt;
    switch (key) {
    case Key::AutoRefreshMinutes: {
        bool isNumber = false;
        const int minutes = value.toInt(&isNumber);
        if (!isNumber || minutes < entry.minimum || minutes > entry.maximum)
            return std::nullopt;
        return QVariant(minutes);
    }
    case Key::Language:
        if (!languageCodes().contains(converted.toString()))
            return std::nullopt;
        break;
    case Key::StickyLeadFields: {
        const QStringList candidates = stickyFieldCandidates();
        const QStringList fields = converted.toStringList();
        for (const QString &field : fields) {
            if (!candidates.contains(field))
                return std::nullopt;
        }
        break;
    }
    case Key::NotificationsEnabled: {
        // INI gives "true"/"false" back; anything else is not a flag.
        const QString text = value.toString();
        if (value.metaType() != QMetaType::fromType<bool>() && text != QLatin1String("true") &&
            text != QLatin1String("false"))
            return std::nullopt;
        break;
    }
    default:
        break;
    }
    return converted;
}

QVariant Settings::value(Key key) const
{
    const auto stored = m_values.constFind(keyName(key));
    if (stored != m_values.cend()) {
        if (const auto usable = normalised(key, stored.value()))
            return *usable;
    }
    return defaultValue(key);
}

bool Settings::setValue(Key key, const QVariant &newValue)
{
    const auto usable = normalised(key, newValue);
    if (!usable) {
        qCWarning(lcSettings) << "rejected a value for" << keyName(key) << "of type" << newValue.typeName();
        return false;
    }
    const QVariant before = value(key);
    if (*usable == defaultValue(key))
        m_values.remove(keyName(key));
    else
        m_values.insert(keyName(key), *usable);
    if (before != *usable) {
        scheduleSave();
        emit valueChanged(key);
    }
    return true;
}

void Settings::reset(Key key)
{
    setValue(key, defaultValue(key));
}

void Settings::resetAll()
{
    for (Key key : allKeys())
        reset(key);
}

bool Settings::isDefault(Key key) const
{
    return value(key) == defaultValue(key);
}

void Settings::rememberOffer(const QString &offer)
{
    const QString trimmed = offer.trimmed();
    if (trimmed.isEmpty())
        return;
    QStringList offers = stringList(Key::RecentOffers);
    offers.removeAll(trimmed);
    offers.prepend(trimmed);
    while (offers.size() > MaxRecentOffers)
        offers.removeLast();
    setValue(Key::RecentOffers, offers);
}

bool Settings::save()
{
    m_saveTimer->stop();
    if (m_file.save(m_values))
        return true;
    qCWarning(lcSettings) << "could not save the settings";
    emit saveFailed(m_file.lastError());
    return false;
}

bool Settings::reload()
{
    bool ok = false;
    const QVariantMap loaded = m_file.load(&ok);
    m_values.clear();
    QStringList knownNames;
    for (Key key : allKeys()) {
        knownNames.append(keyName(key));
        const auto stored = loaded.constFind(keyName(key));
        if (stored == loaded.cend())
            continue;
        if (const auto usable = normalised(key, stored.value()); usable && *usable != defaultValue(key))
            m_values.insert(keyName(key), *usable);
    }
    // Keys this version does not know are kept as they are: a newer version wrote them.
    for (auto it = loaded.cbegin(); it != loaded.cend(); ++it) {
        if (!knownNames.contains(it.key()))
            m_values.insert(it.key(), it.value());
    }
    return ok;
}

void Settings::scheduleSave()
{
    m_saveTimer->start();
}

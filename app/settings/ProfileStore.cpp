#include "ProfileStore.h"

#include "Settings.h"
#include "SettingsLog.h"
#include "SettingsPaths.h"
#include "sync/ApiLeadTransport.h"

#include <QCoreApplication>
#include <QUuid>

namespace {

const QString OrderKey = QStringLiteral("profiles/order");

QString translate(const char *text)
{
    return QCoreApplication::translate("ProfileStore", text);
}

QString fieldKey(const QString &id, const char *field)
{
    return QStringLiteral("profile-") + id + QLatin1Char('/') + QLatin1String(field);
}

QString encodingName(BodyEncoding encoding)
{
    return encoding == BodyEncoding::Json ? QStringLiteral("json") : QStringLiteral("form");
}

} // namespace

QString ProfileStore::sandboxProfileId()
{
    return QStringLiteral("sandbox");
}

ProfileStore::ProfileStore(Settings *settings, QObject *parent)
    : ProfileStore(settings, SettingsPaths::profilesFile(), parent)
{}

ProfileStore::ProfileStore(Settings *settings, const QString &filePath, QObject *parent)
    : QObject(parent), m_settings(settings), m_file(filePath)
{
    Q_ASSERT(m_settings);
    reload();
}

Profile ProfileStore::makeSandboxProfile() const
{
    Profile sandbox;
    sandbox.id = sandboxProfileId();
    sandbox.name = translate("Sandbox");
    sandbox.isSandbox = true;
    sandbox.userId = QStringLiteral("demo"); // the emulator's default account
    // A newcomer trying the app should be able to send a first lead by typing only offer and phone.
    sandbox.defaultIp = QStringLiteral("127.0.0.1");
    sandbox.defaultCountry = QStringLiteral("ru");
    sandbox.defaultCurrency = QStringLiteral("RUB");
    sandbox.baseUrl = m_sandboxBaseUrl;
    return sandbox;
}

bool ProfileStore::reload()
{
    bool ok = false;
    const QVariantMap values = m_file.load(&ok);
    m_lastError = m_file.lastError();
    m_profiles.clear();
    const QStringList order = values.value(OrderKey).toStringList();
    bool sandboxSeen = false;
    for (const QString &id : order) {
        if (id.isEmpty() || indexOf(id) >= 0)
            continue;
        Profile profile;
        profile.id = id;
        profile.isSandbox = id == sandboxProfileId();
        sandboxSeen |= profile.isSandbox;
        profile.name = values.value(fieldKey(id, "name")).toString();
        profile.baseUrl =
            profile.isSandbox ? m_sandboxBaseUrl : QUrl(values.value(fieldKey(id, "baseUrl")).toString());
        profile.userId = values.value(fieldKey(id, "userId")).toString();
        profile.encoding = values.value(fieldKey(id, "encoding")).toString() == QLatin1String("json")
                               ? BodyEncoding::Json
                               : BodyEncoding::Form;
        profile.signRequests = values.value(fieldKey(id, "signRequests")).toString() == QLatin1String("true");
        profile.defaultWm = values.value(fieldKey(id, "defaultWm")).toString();
        profile.defaultIp = values.value(fieldKey(id, "defaultIp")).toString();
        profile.defaultUserAgent = values.value(fieldKey(id, "defaultUserAgent")).toString();
        profile.defaultCountry = values.value(fieldKey(id, "defaultCountry")).toString();
        profile.defaultCurrency = values.value(fieldKey(id, "defaultCurrency")).toString();
        profile.certificatePin = values.value(fieldKey(id, "certificatePin")).toString();
        profile.parallelRefreshRequests =
            qBound(0, values.value(fieldKey(id, "parallelRefreshRequests")).toInt(),
                   ApiLeadTransport::MaxParallelFetches);
        if (profile.isSandbox && profile.name.isEmpty())
            profile.name = makeSandboxProfile().name;
        m_profiles.append(profile);
    }
    if (!sandboxSeen)
        m_profiles.prepend(makeSandboxProfile());
    emit profilesChanged();
    return ok;
}

bool ProfileStore::persist()
{
    QVariantMap values;
    QStringList order;
    for (const Profile &profile : std::as_const(m_profiles)) {
        order << profile.id;
        values.insert(fieldKey(profile.id, "name"), profile.name);
        if (!profile.isSandbox)
            values.insert(fieldKey(profile.id, "baseUrl"), profile.baseUrl.toString());
        values.insert(fieldKey(profile.id, "userId"), profile.userId);
        values.insert(fieldKey(profile.id, "encoding"), encodingName(profile.encoding));
        values.insert(fieldKey(profile.id, "signRequests"), profile.signRequests);
        values.insert(fieldKey(profile.id, "defaultWm"), profile.defaultWm);
        values.insert(fieldKey(profile.id, "defaultIp"), profile.defaultIp);
        values.insert(fieldKey(profile.id, "defaultUserAgent"), profile.defaultUserAgent);
        values.insert(fieldKey(profile.id, "defaultCountry"), profile.defaultCountry);
        values.insert(fieldKey(profile.id, "defaultCurrency"), profile.defaultCurrency);
        if (!profile.certificatePin.isEmpty())
            values.insert(fieldKey(profile.id, "certificatePin"), profile.certificatePin);
        if (profile.parallelRefreshRequests > 0)
            values.insert(fieldKey(profile.id, "parallelRefreshRequests"), profile.parallelRefreshRequests);
    }
    values.insert(OrderKey, order);
    if (m_file.save(values))
        return true;
    m_lastError = m_file.lastError();
    qCWarning(lcSettings) << "could not save the profiles";
    return false;
}

QList<Profile> ProfileStore::profiles() const
{
    return m_profiles;
}

std::optional<Profile> ProfileStore::profile(const QString &id) const
{
    const int index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    return m_profiles.at(index);
}

bool ProfileStore::contains(const QString &id) const
{
    return indexOf(id) >= 0;
}

int ProfileStore::indexOf(const QString &id) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return i;
    }
    return -1;
}

bool ProfileStore::nameTaken(const QString &name, const QString &exceptId) const
{
    for (const Profile &profile : m_profiles) {
        if (profile.id != exceptId &&
            profile.name.trimmed().compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool ProfileStore::accept(const Profile &profile)
{
    const QStringList problems = profile.problems();
    if (!problems.isEmpty()) {
        m_lastError = problems.join(QLatin1Char(' '));
        return false;
    }
    if (nameTaken(profile.name, profile.id)) {
        m_lastError = translate("Another profile is already called “%1”.").arg(profile.name.trimmed());
        return false;
    }
    return true;
}

QString ProfileStore::add(Profile profile)
{
    m_lastError.clear();
    profile.isSandbox = false;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name = profile.name.trimmed();
    if (!accept(profile))
        return {};
    m_profiles.append(profile);
    if (!persist()) {
        m_profiles.removeLast();
        return {};
    }
    emit profilesChanged();
    return profile.id;
}

bool ProfileStore::update(const Profile &changed)
{
    m_lastError.clear();
    const int index = indexOf(changed.id);
    if (index < 0) {
        m_lastError = translate("There is no such profile.");
        return false;
    }
    const Profile before = m_profiles.at(index);
    Profile profile = changed;
    profile.name = profile.name.trimmed();
    profile.isSandbox = before.isSandbox;
    if (profile.isSandbox)
        profile.baseUrl = m_sandboxBaseUrl;
    if (!accept(profile))
        return false;
    if (profile == before)
        return true;
    m_profiles[index] = profile;
    if (!persist()) {
        m_profiles[index] = before;
        return false;
    }
    emit profilesChanged();
    return true;
}

bool ProfileStore::remove(const QString &id)
{
    m_lastError.clear();
    const int index = indexOf(id);
    if (index < 0) {
        m_lastError = translate("There is no such profile.");
        return false;
    }
    if (m_profiles.at(index).isSandbox) {
        m_lastError = translate("The sandbox profile cannot be removed.");
        return false;
    }
    const bool wasActive = activeProfileId() == id;
    const Profile removed = m_profiles.takeAt(index);
    if (!persist()) {
        m_profiles.insert(index, removed);
        return false;
    }
    emit profileRemoved(id);
    emit profilesChanged();
    if (wasActive) {
        m_settings->setValue(Settings::Key::ActiveProfile, sandboxProfileId());
        m_settings->save();
        emit activeProfileChanged(sandboxProfileId());
    }
    return true;
}

bool ProfileStore::applyEdit(QList<Profile> &edited, const QStringList &removedIds, int *badIndex)
{
    m_lastError.clear();
    int unused = -1;
    int &bad = badIndex ? *badIndex : unused;
    bad = -1;
    const QList<Profile> before = m_profiles;
    QList<Profile> after;
    QStringList newIds;
    for (int index = 0; index < edited.size(); ++index) {
        Profile profile = edited.at(index);
        profile.name = profile.name.trimmed();
        const int stored = profile.id.isEmpty() ? -1 : indexOf(profile.id);
        if (!profile.id.isEmpty() && (stored < 0 || removedIds.contains(profile.id))) {
            bad = index;
            m_lastError = translate("There is no such profile.");
            return false;
        }
        if (stored < 0) {
            profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            profile.isSandbox = false;
        } else {
            profile.isSandbox = m_profiles.at(stored).isSandbox;
        }
        if (profile.isSandbox)
            profile.baseUrl = m_sandboxBaseUrl;
        newIds << profile.id;
        after << profile;
    }
    QStringList removed;
    for (const Profile &profile : before) {
        if (removedIds.contains(profile.id)) {
            if (profile.isSandbox) {
                m_lastError = translate("The sandbox profile cannot be removed.");
                return false;
            }
            removed << profile.id;
        } else if (!newIds.contains(profile.id)) {
            after << profile;
        }
    }
    // Each profile is checked against the whole new list, so that two profiles may swap names.
    m_profiles = after;
    for (int index = 0; index < edited.size(); ++index) {
        if (!accept(after.at(index))) {
            m_profiles = before;
            bad = index;
            return false;
        }
    }
    if (after == before)
        return true;
    if (!persist()) {
        m_profiles = before;
        return false;
    }
    for (int index = 0; index < edited.size(); ++index)
        edited[index] = after.at(index);
    const bool activeRemoved = removed.contains(m_settings->string(Settings::Key::ActiveProfile));
    for (const QString &id : std::as_const(removed))
        emit profileRemoved(id);
    emit profilesChanged();
    if (activeRemoved) {
        m_settings->setValue(Settings::Key::ActiveProfile, sandboxProfileId());
        m_settings->save();
        emit activeProfileChanged(sandboxProfileId());
    }
    return true;
}

bool ProfileStore::move(const QString &id, int newIndex)
{
    const int index = indexOf(id);
    if (index < 0 || newIndex < 0 || newIndex >= m_profiles.size())
        return false;
    if (index == newIndex)
        return true;
    m_profiles.move(index, newIndex);
    if (!persist()) {
        m_profiles.move(newIndex, index);
        return false;
    }
    emit profilesChanged();
    return true;
}

QString ProfileStore::activeProfileId() const
{
    const QString stored = m_settings->string(Settings::Key::ActiveProfile);
    return contains(stored) ? stored : sandboxProfileId();
}

Profile ProfileStore::activeProfile() const
{
    return *profile(activeProfileId());
}

bool ProfileStore::setActiveProfile(const QString &id)
{
    if (!contains(id))
        return false;
    const QString before = m_settings->string(Settings::Key::ActiveProfile);
    const QString previous = activeProfileId();
    if (before != id) {
        m_settings->setValue(Settings::Key::ActiveProfile, id);
        m_settings->save();
    }
    if (previous != id)
        emit activeProfileChanged(id);
    return true;
}

void ProfileStore::setSandboxBaseUrl(const QUrl &url)
{
    m_sandboxBaseUrl = url;
    for (Profile &profile : m_profiles) {
        if (profile.isSandbox)
            profile.baseUrl = url;
    }
    emit profilesChanged();
}

#include "TeamSettings.h"

#include "settings/Profile.h"
#include "settings/SettingsPaths.h"

#include <QDir>
#include <QUrl>
#include <QUuid>

#include <pwd.h>
#include <unistd.h>

namespace {

const QLatin1String WorkstationKey("workstation/id");

QString keyOf(const QString &profileId, const char *name)
{
    // Profile ids are made by ProfileStore (letters, digits, '-'); percent-encoding keeps any other
    // character from being read as a group separator.
    return QStringLiteral("profile-%1/%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(profileId)), QLatin1String(name));
}

} // namespace

bool TeamProfileSettings::operator==(const TeamProfileSettings &other) const
{
    return enabled == other.enabled && host == other.host && port == other.port &&
           database == other.database && user == other.user && tls == other.tls && caFile == other.caFile &&
           operatorName == other.operatorName;
}

TeamSettings::TeamSettings(const QString &filePath) : m_file(filePath) {}

QString TeamSettings::defaultFilePath()
{
    return QDir(SettingsPaths::configDirectory()).filePath(QStringLiteral("team.ini"));
}

bool TeamSettings::load()
{
    bool ok = false;
    m_values = m_file.load(&ok);
    return ok;
}

TeamProfileSettings TeamSettings::profile(const QString &profileId) const
{
    TeamProfileSettings settings;
    settings.enabled = m_values.value(keyOf(profileId, "enabled"), false).toBool();
    settings.host = m_values.value(keyOf(profileId, "host")).toString();
    settings.port = m_values.value(keyOf(profileId, "port"), 5432).toInt();
    settings.database = m_values.value(keyOf(profileId, "database")).toString();
    settings.user = m_values.value(keyOf(profileId, "user")).toString();
    settings.tls =
        TeamTlsModes::fromText(m_values.value(keyOf(profileId, "tls"), QStringLiteral("require")).toString());
    settings.caFile = m_values.value(keyOf(profileId, "caFile")).toString();
    settings.operatorName = m_values.value(keyOf(profileId, "operatorName")).toString();
    return settings;
}

namespace {

void insertProfile(QVariantMap &values, const QString &profileId, const TeamProfileSettings &settings)
{
    values.insert(keyOf(profileId, "enabled"), settings.enabled);
    values.insert(keyOf(profileId, "host"), settings.host);
    values.insert(keyOf(profileId, "port"), settings.port);
    values.insert(keyOf(profileId, "database"), settings.database);
    values.insert(keyOf(profileId, "user"), settings.user);
    values.insert(keyOf(profileId, "tls"), TeamTlsModes::toText(settings.tls));
    values.insert(keyOf(profileId, "caFile"), settings.caFile);
    values.insert(keyOf(profileId, "operatorName"), settings.operatorName);
}

void eraseProfile(QVariantMap &values, const QString &profileId)
{
    const QString prefix = keyOf(profileId, "");
    for (auto it = values.begin(); it != values.end();) {
        if (it.key().startsWith(prefix))
            it = values.erase(it);
        else
            ++it;
    }
}

} // namespace

bool TeamSettings::setProfile(const QString &profileId, const TeamProfileSettings &settings)
{
    return applyEdit({{profileId, settings}}, {});
}

bool TeamSettings::removeProfile(const QString &profileId)
{
    return applyEdit({}, {profileId});
}

bool TeamSettings::applyEdit(const QHash<QString, TeamProfileSettings> &changed,
                             const QStringList &removedIds)
{
    QVariantMap values = m_values;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        insertProfile(values, it.key(), it.value());
    for (const QString &id : removedIds)
        eraseProfile(values, id);
    if (values == m_values)
        return true;
    if (!m_file.save(values))
        return false;
    m_values = values;
    return true;
}

QString TeamSettings::workstationId()
{
    QString id = m_values.value(WorkstationKey).toString();
    if (!id.isEmpty())
        return id;
    id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVariantMap values = m_values;
    values.insert(WorkstationKey, id);
    // Kept even if the file cannot be written now: this run stays consistent, the next one retries.
    if (m_file.save(values))
        m_values = values;
    else
        m_values.insert(WorkstationKey, id);
    return id;
}

QString TeamSettings::operatorName(const QString &profileId) const
{
    const QString configured = profile(profileId).operatorName.trimmed();
    return configured.isEmpty() ? defaultOperatorName() : configured;
}

QString TeamSettings::defaultOperatorName()
{
    const passwd *account = ::getpwuid(::getuid());
    if (account) {
        // GECOS: "Full Name,room,phone,...".
        const QString fullName =
            QString::fromLocal8Bit(account->pw_gecos).section(QLatin1Char(','), 0, 0).trimmed();
        if (!fullName.isEmpty())
            return fullName;
        return QString::fromLocal8Bit(account->pw_name);
    }
    return qEnvironmentVariable("USER");
}

QString TeamSettings::passwordEntry(const QString &profileId)
{
    return QStringLiteral("team-server:") + profileId;
}

QString TeamSettings::accountOf(const Profile &profile)
{
    const QString host = profile.isSandbox ? QStringLiteral("sandbox") : profile.baseUrl.host();
    return profile.userId + QLatin1Char('@') + host;
}

TeamServerConfig TeamSettings::serverConfig(const TeamProfileSettings &settings, const QString &password)
{
    TeamServerConfig config;
    config.host = settings.host;
    config.port = settings.port;
    config.database = settings.database;
    config.user = settings.user;
    config.password = password;
    config.tls = settings.tls;
    config.caFile = settings.caFile;
    return config;
}

TeamProfileSettings TeamSettings::sharingWith(const TeamServerConfig &server, const QString &operatorName)
{
    TeamProfileSettings settings;
    settings.enabled = true;
    settings.host = server.host;
    settings.port = server.port;
    settings.database = server.database;
    settings.user = server.user;
    settings.tls = server.tls;
    settings.caFile = server.caFile;
    settings.operatorName = operatorName;
    return settings;
}

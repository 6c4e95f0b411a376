#include "SettingsPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace {
QString applicationName()
{
    const QString name = QCoreApplication::applicationName();
    return name.isEmpty() ? QStringLiteral("cpadesk") : name;
}
} // namespace

QString SettingsPaths::configDirectory()
{
    // Ask QSettings rather than QStandardPaths: QStandardPaths' test mode ignores XDG_CONFIG_HOME and
    // points at ~/.qttest, while QSettings honours QSettings::setPath.
    QString organization = QCoreApplication::organizationName();
    if (organization.isEmpty())
        organization = QStringLiteral("CPA Desk");
    const QSettings probe(QSettings::IniFormat, QSettings::UserScope, organization, applicationName());
    return QFileInfo(probe.fileName()).absolutePath();
}

QString SettingsPaths::settingsFile()
{
    return QDir(configDirectory()).filePath(applicationName() + QStringLiteral("-settings.ini"));
}

QString SettingsPaths::profilesFile()
{
    return QDir(configDirectory()).filePath(applicationName() + QStringLiteral("-profiles.ini"));
}

QString SettingsPaths::credentialsFile()
{
    return QDir(configDirectory()).filePath(applicationName() + QStringLiteral("-credentials.ini"));
}

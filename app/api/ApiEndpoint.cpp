#include "ApiEndpoint.h"

#include <QCoreApplication>

namespace ApiEndpoint {

namespace {

bool isGiven(const QString &text)
{
    return !text.trimmed().isEmpty();
}

Resolution fromText(const QString &text, Source source)
{
    Resolution resolution;
    resolution.source = source;
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"https" && scheme != u"http") || url.host().isEmpty()) {
        resolution.problem =
            QCoreApplication::translate(
                "ApiEndpoint", "The API address \u201c%1\u201d is not a valid http:// or https:// URL.")
                .arg(url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
        return resolution;
    }
    // Base URLs carry no query, fragment or user info: the client adds the query with the credentials.
    resolution.url = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    return resolution;
}

} // namespace

QUrl defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://api.cpa.moe"));
}

Resolution resolve(const QString &settingUrl, const QString &commandLineUrl, const QString &environmentUrl)
{
    if (isGiven(commandLineUrl))
        return fromText(commandLineUrl, Source::CommandLine);
    if (isGiven(environmentUrl))
        return fromText(environmentUrl, Source::Environment);
    if (isGiven(settingUrl))
        return fromText(settingUrl, Source::Setting);
    Resolution resolution;
    resolution.url = defaultBaseUrl();
    return resolution;
}

QUrl resolveBaseUrl(const QString &settingUrl, const QString &commandLineUrl, const QString &environmentUrl)
{
    return resolve(settingUrl, commandLineUrl, environmentUrl).url;
}

bool isExplicitOverride(const QString &commandLineUrl, const QString &environmentUrl)
{
    return isGiven(commandLineUrl) || isGiven(environmentUrl);
}

QString environmentUrl()
{
    return qEnvironmentVariable("CPADESK_API_URL");
}

} // namespace ApiEndpoint

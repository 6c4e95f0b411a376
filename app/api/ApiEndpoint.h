#pragma once

#include <QString>
#include <QUrl>

// Which API base URL the application talks to. Precedence: the command-line option --api-url, then the
// environment variable CPADESK_API_URL, then the setting, then the default https://api.cpa.moe.
// Sandbox mode asks whether the user explicitly chose a URL (command line or environment) before it
// takes over the address.
namespace ApiEndpoint {

enum class Source
{
    Default,
    Setting,
    Environment,
    CommandLine
};

struct Resolution
{
    QUrl url; // invalid when the chosen text is not a usable http(s) URL (see `problem`)
    Source source = Source::Default;
    QString problem; // translated explanation when `url` is invalid; empty otherwise

    bool isValid() const { return problem.isEmpty(); }
};

QUrl defaultBaseUrl();

// Empty or blank texts count as "not given". The first given text wins even if it is not a usable URL:
// silently falling back to another endpoint (perhaps the production one) would be worse than an error.
Resolution resolve(const QString &settingUrl, const QString &commandLineUrl, const QString &environmentUrl);

// Shorthands of resolve().
QUrl resolveBaseUrl(const QString &settingUrl, const QString &commandLineUrl, const QString &environmentUrl);
bool isExplicitOverride(const QString &commandLineUrl, const QString &environmentUrl);

// CPADESK_API_URL as set in this process's environment (empty when unset).
QString environmentUrl();

} // namespace ApiEndpoint

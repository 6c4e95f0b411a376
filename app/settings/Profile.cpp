#include "Profile.h"

#include "api/CertificatePin.h"

#include <QCoreApplication>

QStringList Profile::problems() const
{
    QStringList found;
    if (name.trimmed().isEmpty())
        found << QCoreApplication::translate("Profile", "The profile has no name.");
    // The sandbox's address is only known once the emulator is listening.
    if (!isSandbox) {
        const QString scheme = baseUrl.scheme();
        if (baseUrl.isEmpty())
            found << QCoreApplication::translate("Profile", "The base URL is empty.");
        else if (!baseUrl.isValid() || baseUrl.host().isEmpty() ||
                 (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
            found << QCoreApplication::translate(
                "Profile", "The base URL must be a web address such as https://api.cpa.moe.");
        else if (baseUrl.hasQuery() || baseUrl.hasFragment())
            found << QCoreApplication::translate(
                "Profile", "The base URL must not contain a query (?…) or a fragment (#…).");
    }
    if (userId.trimmed().isEmpty())
        found << QCoreApplication::translate("Profile", "The user id is empty.");
    else if (userId.contains(QLatin1Char('-')) || userId.trimmed() != userId)
        // The id travels as id={user}-{key}: a dash or a space in the user would cut it in the wrong place.
        found << QCoreApplication::translate("Profile", "The user id must not contain a dash or spaces.");
    if (signRequests && encoding != BodyEncoding::Form)
        found << QCoreApplication::translate("Profile", "Signed requests need the form encoding.");
    if (!certificatePin.trimmed().isEmpty() && CertificatePin::parse(certificatePin).isEmpty())
        found << QCoreApplication::translate(
            "Profile", "The certificate fingerprint must be a SHA-256 fingerprint: 64 hexadecimal digits, "
                       "with or without colons.");
    return found;
}

QString Profile::displayName() const
{
    return isSandbox ? QCoreApplication::translate("Profile", "Sandbox (built-in emulator)") : name;
}

QString Profile::missingCredentials(const QString &key) const
{
    const bool noUser = userId.trimmed().isEmpty();
    const bool noKey = key.isEmpty();
    if (noUser && noKey)
        return QCoreApplication::translate("Profile", "The profile “%1” has no user id and no key.")
            .arg(displayName());
    if (noUser)
        return QCoreApplication::translate("Profile", "The profile “%1” has no user id.").arg(displayName());
    if (noKey)
        return QCoreApplication::translate("Profile", "The profile “%1” has no key.").arg(displayName());
    return {};
}

bool Profile::operator==(const Profile &other) const
{
    return id == other.id && name == other.name && baseUrl == other.baseUrl && userId == other.userId &&
           encoding == other.encoding && signRequests == other.signRequests && isSandbox == other.isSandbox &&
           defaultWm == other.defaultWm && defaultIp == other.defaultIp &&
           defaultUserAgent == other.defaultUserAgent && defaultCountry == other.defaultCountry &&
           defaultCurrency == other.defaultCurrency && certificatePin == other.certificatePin &&
           parallelRefreshRequests == other.parallelRefreshRequests;
}

ApiConfig configFor(const Profile &profile, const QString &key)
{
    ApiConfig config;
    config.baseUrl = profile.baseUrl;
    config.user = profile.userId;
    config.key = key;
    config.encoding = profile.encoding;
    config.signRequests = profile.signRequests && profile.encoding == BodyEncoding::Form;
    config.pinnedCertificate = CertificatePin::parse(profile.certificatePin);
    return config;
}

QUrl defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://api.cpa.moe"));
}

#include "ErrorCatalog.h"

#include <QCoreApplication>

namespace ErrorCatalog {

namespace {

QString serviceSentence(const QString &code)
{
    if (code == u"nooffer")
        return QCoreApplication::translate("ErrorCatalog", "The lead was sent without an offer ID.");
    // Older engine builds name the same refusal "no-offer-code".
    if (code == u"no-offer-code")
        return QCoreApplication::translate("ErrorCatalog",
                                           "The lead was sent without an offer code the network knows.");
    if (code == u"noid")
        return QCoreApplication::translate("ErrorCatalog", "The lead was sent without an order ID.");
    if (code == u"nophone")
        return QCoreApplication::translate("ErrorCatalog", "The lead was sent without a phone number.");
    if (code == u"duplicate")
        return QCoreApplication::translate(
            "ErrorCatalog",
            "The network already has this order: it was created earlier with the same details.");
    if (code == u"offer")
        return QCoreApplication::translate(
            "ErrorCatalog", "The network does not know this offer, or it is not available to this account.");
    if (code == u"security")
        return QCoreApplication::translate("ErrorCatalog", "This account is blocked by the network.");
    if (code == u"ban")
        return QCoreApplication::translate("ErrorCatalog",
                                           "This phone or IP address is banned by the network.");
    if (code == u"traffic")
        return QCoreApplication::translate(
            "ErrorCatalog", "The network does not accept traffic for this offer at the moment.");
    if (code == u"db")
        return QCoreApplication::translate(
            "ErrorCatalog", "The network had an internal error while saving the lead. Try again later.");
    if (code == u"key")
        return QCoreApplication::translate(
            "ErrorCatalog", "The network does not accept this user ID and key. Check them in the settings.");
    if (code == u"data")
        return QCoreApplication::translate(
            "ErrorCatalog", "The network rejected the request data as incomplete or malformed.");
    if (code == u"app")
        return QCoreApplication::translate("ErrorCatalog",
                                           "The network does not allow this account to use the API.");
    if (code == u"func")
        return QCoreApplication::translate("ErrorCatalog", "The network does not offer this API function.");
    if (code.isEmpty())
        return QCoreApplication::translate("ErrorCatalog",
                                           "The network refused the request without giving a reason.");
    return QCoreApplication::translate("ErrorCatalog",
                                       "The network refused the request with the code \u201c%1\u201d.")
        .arg(code);
}

QString transportSentence(const QString &code, int httpStatus)
{
    if (code == u"timeout")
        return QCoreApplication::translate(
            "ErrorCatalog",
            "The network did not answer in time. The lead will be retried with the same order ID.");
    if (code == u"network")
        return QCoreApplication::translate("ErrorCatalog",
                                           "The connection to the network failed or was cut off.");
    if (code == u"dns")
        return QCoreApplication::translate(
            "ErrorCatalog",
            "The server name of the API could not be found. Check the address and the internet "
            "connection.");
    if (code == u"tls")
        return QCoreApplication::translate(
            "ErrorCatalog",
            "The secure connection to the API could not be established: its certificate is not "
            "trusted.");
    if (code == u"http") {
        if (httpStatus >= 300 && httpStatus < 400)
            return QCoreApplication::translate(
                       "ErrorCatalog",
                       "The API answered with a redirect (HTTP %1), which is not followed. Check the API "
                       "address.")
                .arg(httpStatus);
        return QCoreApplication::translate("ErrorCatalog",
                                           "The API answered with HTTP status %1 instead of a result.")
            .arg(httpStatus);
    }
    if (code == u"html")
        return QCoreApplication::translate(
            "ErrorCatalog",
            "The API answered with a web page instead of a result; a proxy or the server may be "
            "failing.");
    if (code == u"empty")
        return QCoreApplication::translate("ErrorCatalog", "The API answered with an empty reply.");
    if (code == u"truncated")
        return QCoreApplication::translate("ErrorCatalog",
                                           "The API reply was cut off before it was complete.");
    if (code == u"json")
        return QCoreApplication::translate("ErrorCatalog", "The API reply could not be understood.");
    if (code == u"config")
        return QCoreApplication::translate("ErrorCatalog",
                                           "The API connection is not set up correctly. Check the settings.");
    return QCoreApplication::translate("ErrorCatalog", "The API could not be reached (%1).").arg(code);
}

} // namespace

QString describe(ApiError::Kind kind, const QString &code, int httpStatus)
{
    switch (kind) {
    case ApiError::Kind::None:
        return {};
    case ApiError::Kind::Cancelled:
        return QCoreApplication::translate("ErrorCatalog", "The request was cancelled.");
    case ApiError::Kind::Service:
        return serviceSentence(code);
    case ApiError::Kind::Transport:
        return transportSentence(code, httpStatus);
    }
    return {};
}

QString untrustedCertificateSentence(const QString &fingerprint, bool pinned)
{
    if (pinned)
        return QCoreApplication::translate(
                   "ErrorCatalog",
                   "The server's certificate is not the one this profile pins: its SHA-256 fingerprint is "
                   "%1. Check the API address; if the server's certificate was renewed, compare this "
                   "fingerprint with the one its administrator gives you and pin it in the settings.")
            .arg(fingerprint);
    return QCoreApplication::translate(
               "ErrorCatalog",
               "The secure connection to the API could not be established: its certificate is not trusted "
               "(SHA-256 fingerprint %1). Check the API address; if this is your own server with a "
               "self-signed certificate, compare this fingerprint with the one its administrator gives you "
               "and pin it in the profile's settings.")
        .arg(fingerprint);
}

ApiError makeError(ApiError::Kind kind, const QString &code, int httpStatus, const QString &snippet)
{
    ApiError error;
    error.kind = kind;
    error.code = code;
    error.httpStatus = httpStatus;
    error.snippet = snippet;
    error.message = describe(kind, code, httpStatus);
    return error;
}

QString displayText(const ApiError &error)
{
    if (error.isOk())
        return {};
    if (error.code.isEmpty())
        return error.message;
    return QCoreApplication::translate("ErrorCatalog", "%1 (code: %2)").arg(error.message, error.code);
}

QStringList knownServiceCodes()
{
    return {QStringLiteral("nooffer"),   QStringLiteral("noid"),         QStringLiteral("nophone"),
            QStringLiteral("duplicate"), QStringLiteral("offer"),        QStringLiteral("security"),
            QStringLiteral("ban"),       QStringLiteral("traffic"),      QStringLiteral("db"),
            QStringLiteral("key"),       QStringLiteral("data"),         QStringLiteral("app"),
            QStringLiteral("func"),      QStringLiteral("no-offer-code")};
}

QStringList knownTransportCodes()
{
    return {QStringLiteral("timeout"), QStringLiteral("network"),   QStringLiteral("dns"),
            QStringLiteral("tls"),     QStringLiteral("http"),      QStringLiteral("html"),
            QStringLiteral("empty"),   QStringLiteral("truncated"), QStringLiteral("json"),
            QStringLiteral("config")};
}

} // namespace ErrorCatalog

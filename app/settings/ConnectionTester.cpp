#include "ConnectionTester.h"

#include "SettingsLog.h"

#include <QCoreApplication>

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("ConnectionTester", text);
}

ConnectionVerdict verdict(ConnectionVerdict::Outcome outcome, const QString &sentence,
                          const ApiError &error = {})
{
    ConnectionVerdict result;
    result.outcome = outcome;
    result.sentence = sentence;
    result.error = error;
    return result;
}

} // namespace

ConnectionTester::ConnectionTester(FetchStarter starter, QObject *parent)
    : QObject(parent), m_starter(std::move(starter))
{
    qRegisterMetaType<ConnectionVerdict>();
}

ConnectionTester::~ConnectionTester()
{
    if (m_fetch) {
        disconnect(m_fetch, nullptr, this, nullptr);
        m_fetch->cancel();
    }
}

QString ConnectionTester::harmlessOrderId()
{
    // Our order ids are made of the clock and are never 0, so no account has this one.
    return QStringLiteral("0");
}

std::optional<ConnectionVerdict> ConnectionTester::checkSettings(const ApiConfig &config)
{
    using Outcome = ConnectionVerdict::Outcome;
    if (config.baseUrl.isEmpty() || !config.baseUrl.isValid() || config.baseUrl.host().isEmpty())
        return verdict(Outcome::IncompleteSettings, translate("Enter the base URL first."));
    if (config.user.trimmed().isEmpty())
        return verdict(Outcome::IncompleteSettings, translate("Enter the user id first."));
    if (config.key.isEmpty())
        return verdict(Outcome::IncompleteSettings, translate("Enter the key first."));
    if (config.signRequests && config.encoding != BodyEncoding::Form)
        return verdict(Outcome::IncompleteSettings, translate("Signed requests need the form encoding."));
    return std::nullopt;
}

void ConnectionTester::test(const ApiConfig &config)
{
    if (m_running)
        cancel();
    m_running = true;
    const quint64 generation = ++m_generation;
    m_baseUrl = config.baseUrl;
    emit started();

    if (const auto incomplete = checkSettings(config)) {
        const ConnectionVerdict early = *incomplete;
        QMetaObject::invokeMethod(
            this,
            [this, generation, early] {
                if (generation == m_generation && m_running)
                    conclude(early);
            },
            Qt::QueuedConnection);
        return;
    }

    ApiConfig quick = config;
    quick.transferTimeoutMs = qMin(config.transferTimeoutMs, TransferTimeoutMs);
    quick.deadlineMs = qMin(config.deadlineMs, DeadlineMs);
    qCDebug(lcSettings) << "testing the connection to" << config.baseUrl.toString(QUrl::RemoveQuery);
    StatusFetch *fetch = m_starter ? m_starter(quick, {harmlessOrderId()}) : nullptr;
    if (!fetch) {
        ApiError error;
        error.kind = ApiError::Kind::Transport;
        error.code = QStringLiteral("network");
        QMetaObject::invokeMethod(
            this,
            [this, generation, error] {
                if (generation == m_generation && m_running)
                    conclude(verdict(ConnectionVerdict::Outcome::Unreachable,
                                     translate("The connection check could not be started."), error));
            },
            Qt::QueuedConnection);
        return;
    }
    m_fetch = fetch;
    connect(fetch, &StatusFetch::finished, this, [this, generation](const ListResult &result) {
        if (generation != m_generation || !m_running)
            return;
        m_fetch = nullptr;
        conclude(verdictFor(result.error, m_baseUrl));
    });
}

void ConnectionTester::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    if (m_fetch) {
        StatusFetch *fetch = m_fetch;
        m_fetch = nullptr;
        disconnect(fetch, nullptr, this, nullptr);
        fetch->cancel();
    }
    conclude(verdict(ConnectionVerdict::Outcome::Cancelled, translate("The check was cancelled.")));
}

void ConnectionTester::conclude(const ConnectionVerdict &result)
{
    m_running = false;
    emit finished(result);
}

ConnectionVerdict ConnectionTester::verdictFor(const ApiError &error, const QUrl &baseUrl)
{
    using Outcome = ConnectionVerdict::Outcome;
    const QString host = baseUrl.host();
    const QString code = error.code;
    const int status = error.httpStatus;

    switch (error.kind) {
    case ApiError::Kind::None:
        return verdict(Outcome::Works,
                       translate("The connection works: the URL, user id and key were accepted."), error);
    case ApiError::Kind::Cancelled:
        return verdict(Outcome::Cancelled, translate("The check was cancelled."), error);
    case ApiError::Kind::Service:
        if (code == QLatin1String("key"))
            return verdict(Outcome::WrongCredentials, translate("Wrong user id or key."), error);
        if (!error.message.isEmpty())
            return verdict(Outcome::ServiceError,
                           translate("The network answered with the error “%1”: %2").arg(code, error.message),
                           error);
        return verdict(Outcome::ServiceError,
                       translate("The network answered with the error “%1”.").arg(code), error);
    case ApiError::Kind::Transport:
        break;
    }

    if (code == QLatin1String("dns"))
        return verdict(Outcome::HostNotFound, translate("Host not found: %1. Check the base URL.").arg(host),
                       error);
    if (code == QLatin1String("tls"))
        return verdict(
            Outcome::SecureConnectionFailed,
            translate("The secure connection to %1 failed (TLS): its certificate or encryption was "
                      "not accepted.")
                .arg(host),
            error);
    if (code == QLatin1String("timeout"))
        return verdict(Outcome::TimedOut, translate("%1 did not answer in time.").arg(host), error);
    if (code == QLatin1String("network"))
        return verdict(Outcome::Unreachable,
                       translate("Could not connect to %1: the connection was refused or broken.").arg(host),
                       error);
    if (code == QLatin1String("html") || code == QLatin1String("http")) {
        if (status >= 500 || (code == QLatin1String("html") && status != 200 && status != 0))
            return verdict(Outcome::ErrorPage,
                           translate("The server answered with an error page (HTTP %1).").arg(status), error);
        if (code == QLatin1String("html"))
            return verdict(Outcome::NotAnApi,
                           translate("The server answered with a web page, not the API. Check the base URL."),
                           error);
        if (status == 404 || status == 410)
            return verdict(
                Outcome::NotAnApi,
                translate("There is no API at this address (HTTP %1). Check the base URL.").arg(status),
                error);
        if (status >= 300 && status < 400)
            return verdict(Outcome::NotAnApi,
                           translate("The server sends this address elsewhere (HTTP %1). Check the base URL, "
                                     "for example https instead of http.")
                               .arg(status),
                           error);
        if (status == 401 || status == 403)
            return verdict(Outcome::ErrorPage, translate("The server refused access (HTTP %1).").arg(status),
                           error);
        return verdict(Outcome::ErrorPage,
                       translate("The server answered with an error (HTTP %1).").arg(status), error);
    }
    if (code == QLatin1String("empty") || code == QLatin1String("truncated") || code == QLatin1String("json"))
        return verdict(
            Outcome::UnreadableAnswer,
            translate("The server's answer was empty, cut short or not the API's JSON. Check the base "
                      "URL, or try again."),
            error);
    return verdict(Outcome::Unreachable, translate("The connection failed (%1).").arg(code), error);
}

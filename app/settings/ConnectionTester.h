#pragma once

#include "api/ApiClient.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

// The answer to "does this URL, user id and key work?", as a sentence an operator understands.
struct ConnectionVerdict
{
    enum class Outcome
    {
        Works,
        IncompleteSettings, // nothing was sent: a field is missing
        WrongCredentials,   // the service's `key` error
        HostNotFound,
        SecureConnectionFailed,
        TimedOut,
        ErrorPage,        // 5xx, an HTML error page, a refusal by a proxy
        NotAnApi,         // a web page, a 404 or a redirect where the API should be
        Unreachable,      // refused, reset
        UnreadableAnswer, // empty, cut short, not JSON
        ServiceError,     // any other error the service named
        Cancelled,
    };

    Outcome outcome = Outcome::Cancelled;
    QString sentence; // translated; never contains the key
    ApiError error;   // what the client reported, when something was sent

    bool works() const { return outcome == Outcome::Works; }
};

Q_DECLARE_METATYPE(ConnectionVerdict)

// The settings dialog's "Test connection": one list.json call for a harmless id that no account has, so
// it changes nothing and finds nothing, yet the service still checks the user id and key. The call goes
// through whatever FetchStarter gives (ApiClient::fetchStatuses in the app, a scripted fake in tests).
class ConnectionTester : public QObject
{
    Q_OBJECT

public:
    using FetchStarter =
        std::function<StatusFetch *(const ApiConfig &config, const QStringList &ourOrderIds)>;

    // A connection check must not keep the dialog waiting for the client's usual minute.
    static constexpr int TransferTimeoutMs = 15000;
    static constexpr int DeadlineMs = 20000;

    explicit ConnectionTester(FetchStarter starter, QObject *parent = nullptr);
    ~ConnectionTester() override;

    static QString harmlessOrderId();

    // Starts a check (a check in flight is cancelled first). finished() always follows, from the event
    // loop, even when nothing is sent because a setting is missing.
    void test(const ApiConfig &config);
    void cancel();
    bool isRunning() const { return m_running; }

    static std::optional<ConnectionVerdict> checkSettings(const ApiConfig &config);
    static ConnectionVerdict verdictFor(const ApiError &error, const QUrl &baseUrl);

signals:
    void started();
    void finished(const ConnectionVerdict &verdict);

private:
    void conclude(const ConnectionVerdict &verdict);

    FetchStarter m_starter;
    QPointer<StatusFetch> m_fetch;
    QUrl m_baseUrl;
    bool m_running = false;
    quint64 m_generation = 0; // tells a late answer of a cancelled check from the current one
};

// A starter on a client of its own (a child of owner), so that checking a profile never changes the
// configuration of the client that sends leads.
ConnectionTester::FetchStarter apiClientFetchStarter(QObject *owner);

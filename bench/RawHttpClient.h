#pragma once

#include <QByteArray>

#include <functional>

// The baseline HTTP client of the sandbox benchmark: blocking POSIX sockets, HTTP/1.1 keep-alive, one
// connection per thread, no Qt in the loop. It measures what the sandbox can serve, so that nobody
// mistakes the sandbox's limit for the app's.
class RawHttpConnection
{
public:
    RawHttpConnection() = default;
    ~RawHttpConnection();
    RawHttpConnection(const RawHttpConnection &) = delete;
    RawHttpConnection &operator=(const RawHttpConnection &) = delete;

    bool connectTo(quint16 port); // 127.0.0.1
    // Sends a complete request (head and body) and reads one response with a Content-Length.
    // Returns the HTTP status, or 0 when the connection failed (it is then closed).
    int exchange(const QByteArray &request, QByteArray *body = nullptr);

private:
    bool readMore();
    void close();

    int m_socket = -1;
    QByteArray m_buffer;
};

// A raw HTTP/1.1 request: "POST /ext/list.json?id=demo-demo HTTP/1.1" with Host, Content-Type and
// Content-Length headers, keep-alive.
QByteArray rawPostRequest(const QByteArray &pathAndQuery, const QByteArray &contentType,
                          const QByteArray &body);

// Runs `connections` threads, each on its own keep-alive connection, sending requests made by
// `requestFor(n)` (n counts up across threads) for `seconds`. Returns completed requests per second;
// `failures` counts exchanges that did not end in HTTP 200.
double rawRequestsPerSecond(quint16 port, int connections, double seconds,
                            const std::function<QByteArray(int)> &requestFor, int *failures = nullptr);

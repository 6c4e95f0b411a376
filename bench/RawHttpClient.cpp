#include "RawHttpClient.h"

#include <QElapsedTimer>
#include <QList>

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

RawHttpConnection::~RawHttpConnection()
{
    close();
}

void RawHttpConnection::close()
{
    if (m_socket >= 0)
        ::close(m_socket);
    m_socket = -1;
    m_buffer.clear();
}

bool RawHttpConnection::connectTo(quint16 port)
{
    close();
    m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_socket < 0)
        return false;
    const int one = 1;
    ::setsockopt(m_socket, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_socket, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        close();
        return false;
    }
    return true;
}

bool RawHttpConnection::readMore()
{
    char chunk[16384];
    const ssize_t got = ::recv(m_socket, chunk, sizeof chunk, 0);
    if (got <= 0)
        return false;
    m_buffer.append(chunk, got);
    return true;
}

int RawHttpConnection::exchange(const QByteArray &request, QByteArray *body)
{
    if (m_socket < 0)
        return 0;
    for (qsizetype sent = 0; sent < request.size();) {
        const ssize_t wrote =
            ::send(m_socket, request.constData() + sent, size_t(request.size() - sent), MSG_NOSIGNAL);
        if (wrote <= 0) {
            close();
            return 0;
        }
        sent += wrote;
    }
    qsizetype headEnd = -1;
    while ((headEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (!readMore()) {
            close();
            return 0;
        }
    }
    const QByteArray head = m_buffer.left(headEnd);
    const int status = head.mid(9, 3).toInt();
    qsizetype length = -1;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (length < 0) { // the sandbox always sends a length; anything else is not a keep-alive answer
        close();
        return 0;
    }
    while (m_buffer.size() < headEnd + 4 + length) {
        if (!readMore()) {
            close();
            return 0;
        }
    }
    if (body)
        *body = m_buffer.mid(headEnd + 4, length);
    m_buffer.remove(0, headEnd + 4 + length);
    return status;
}

QByteArray rawPostRequest(const QByteArray &pathAndQuery, const QByteArray &contentType,
                          const QByteArray &body)
{
    return QByteArray("POST ") + pathAndQuery +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

double rawRequestsPerSecond(quint16 port, int connections, double seconds,
                            const std::function<QByteArray(int)> &requestFor, int *failures)
{
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<int> failed{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < connections; ++i) {
        threads.emplace_back([&] {
            RawHttpConnection connection;
            if (!connection.connectTo(port)) {
                ++failed;
                return;
            }
            while (!stop.load(std::memory_order_relaxed)) {
                const int status = connection.exchange(requestFor(next++));
                if (status == 200) {
                    ++done;
                } else {
                    ++failed;
                    if (status == 0 && !connection.connectTo(port))
                        return;
                }
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(qint64(seconds * 1000)));
    stop = true;
    for (std::thread &thread : threads)
        thread.join();
    if (failures)
        *failures = failed;
    return done / (double(timer.nsecsElapsed()) / 1e9);
}

#include "BenchSupport.h"

#include "RawHttpClient.h"
#include "api/LeadEncoder.h"
#include "journal/Journal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QTimer>

#include <atomic>
#include <thread>
#include <vector>

StallMeter::StallMeter(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(5);
    connect(m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start()
{
    m_longestMs = 0;
    m_clock.start();
    m_lastNs = 0;
    m_timer->start();
}

void StallMeter::stop()
{
    tick();
    m_timer->stop();
}

void StallMeter::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double lateMs = double(now - m_lastNs) / 1e6 - m_timer->interval();
    m_longestMs = std::max(m_longestMs, lateMs);
    m_lastNs = now;
}

namespace BenchSupport {

Lead lead(int n, const QString &orderId)
{
    static const QStringList names{QStringLiteral("Ivan Petrov"),       QStringLiteral("Anna Smirnova"),
                                   QStringLiteral("Aigerim Nurlanova"), QStringLiteral("John Doe"),
                                   QStringLiteral("Maria Ivanova"),     QStringLiteral("Dmitry Volkov"),
                                   QStringLiteral("Olga Kuznetsova"),   QStringLiteral("Timur Akhmetov")};
    static const QStringList offers{QStringLiteral("217"), QStringLiteral("311"), QStringLiteral("412"),
                                    QStringLiteral("530")};
    Lead lead;
    lead.orderId = orderId;
    lead.offer = offers.at(n % offers.size());
    lead.wm = QString::number(10 + n % 40);
    lead.name = names.at(n % names.size()) + QLatin1Char(' ') + QString::number(n);
    // Unique per n: the sandbox refuses the same phone and offer twice within a day.
    lead.phone = QString::number(79000000000LL + n);
    lead.ip = QStringLiteral("10.%1.%2.%3").arg((n >> 16) & 255).arg((n >> 8) & 255).arg(n & 255);
    lead.country = n % 3 ? QStringLiteral("ru") : QStringLiteral("kz");
    lead.ua = QStringLiteral("Mozilla/5.0 (X11; Linux x86_64) CPA-Desk-bench");
    lead.count = QString::number(1 + n % 3);
    lead.comm = QStringLiteral("Call after 18:00");
    return lead;
}

ApiConfig sandboxConfig(const QUrl &baseUrl)
{
    ApiConfig config;
    config.baseUrl = baseUrl;
    config.user = QStringLiteral("demo");
    config.key = QStringLiteral("demo");
    return config;
}

bool storeInSandbox(quint16 port, const QList<Lead> &leads, int connections)
{
    const QByteArray path = "/ext/add.json?id=demo-demo";
    std::atomic<int> next{0};
    std::atomic<bool> failed{false};
    std::vector<std::thread> threads;
    // Encoded up front: QString work stays out of the threads' way.
    std::vector<QByteArray> requests;
    requests.reserve(size_t(leads.size()));
    for (const Lead &lead : leads)
        requests.push_back(
            rawPostRequest(path, "application/x-www-form-urlencoded", LeadEncoder::formBody(lead)));
    for (int i = 0; i < connections; ++i) {
        threads.emplace_back([&] {
            RawHttpConnection connection;
            if (!connection.connectTo(port)) {
                failed = true;
                return;
            }
            QByteArray body;
            for (int n = next++; n < int(requests.size()) && !failed; n = next++) {
                if (connection.exchange(requests[size_t(n)], &body) != 200 || !body.contains("\"ok\""))
                    failed = true;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    return !failed;
}

bool addSentLeads(Journal &journal, qint64 firstId, int count)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    constexpr int batchSize = 1000;
    for (int start = 0; start < count; start += batchSize) {
        if (!journal.beginBatch())
            return false;
        for (int i = start; i < std::min(count, start + batchSize); ++i) {
            const QString id = QString::number(firstId + i);
            if (!journal.addLead(profile, id, lead(i, id), now) ||
                !journal.markSent(profile, id, QString::number(900000 + i), QString(), now)) {
                journal.rollbackBatch();
                return false;
            }
        }
        if (!journal.commitBatch())
            return false;
    }
    return true;
}

bool runLoop(QEventLoop &loop, int timeoutMs)
{
    bool timedOut = false;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    timeout.start(timeoutMs);
    loop.exec();
    return !timedOut;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(10);
    return runLoop(loop, timeoutMs) || done();
}

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace BenchSupport

// Issue 22: the sandbox answers like a distant server. Every answer waits the latency (give or take the
// jitter), and the waits run on timers, so that many requests wait at the same time instead of one
// after another.

#include "sandbox/Sandbox.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

// One request on a connection of its own, timed from the moment it is written to the end of its answer.
struct TimedRequest
{
    std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
    QElapsedTimer clock;
    QByteArray answer;
    qint64 elapsedMs = -1;
};

// Sends `count` list.json requests at once, each on its own connection, and waits for every answer.
std::vector<std::unique_ptr<TimedRequest>> sendAtOnce(const QUrl &baseUrl, int count)
{
    std::vector<std::unique_ptr<TimedRequest>> requests;
    for (int i = 0; i < count; ++i) {
        auto request = std::make_unique<TimedRequest>();
        request->socket->connectToHost(baseUrl.host(), quint16(baseUrl.port()));
        if (!request->socket->waitForConnected(5000))
            return {};
        requests.push_back(std::move(request));
    }
    for (auto &request : requests) {
        TimedRequest *timed = request.get();
        QObject::connect(timed->socket.get(), &QTcpSocket::readyRead, timed->socket.get(),
                         [timed] { timed->answer += timed->socket->readAll(); });
        QObject::connect(timed->socket.get(), &QTcpSocket::disconnected, timed->socket.get(),
                         [timed] { timed->elapsedMs = timed->clock.elapsed(); });
        timed->clock.start();
        timed->socket->write("GET /ext/list.json?id=demo-demo&ids=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Connection: close\r\n\r\n");
        timed->socket->flush();
    }
    return requests;
}

} // namespace

class TestSandboxLatency : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void answersWaitTogether();
    void jitterSpreadsTheAnswers();

private:
    static constexpr int LatencyMs = 300;
    static constexpr int Concurrent = 20;
};

void TestSandboxLatency::parse_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("ms");
    QTest::addColumn<int>("jitterMs");
    QTest::newRow("latency") << "150" << true << 150 << 0;
    QTest::newRow("latency and jitter") << "150,30" << true << 150 << 30;
    QTest::newRow("spaces") << " 150 , 30 " << true << 150 << 30;
    QTest::newRow("zero") << "0" << true << 0 << 0;
    QTest::newRow("jitter as large as the latency") << "40,40" << true << 40 << 40;
    QTest::newRow("jitter larger than the latency") << "40,41" << false << 0 << 0;
    QTest::newRow("negative") << "-5" << false << 0 << 0;
    QTest::newRow("words") << "slow" << false << 0 << 0;
    QTest::newRow("three parts") << "1,2,3" << false << 0 << 0;
    QTest::newRow("empty") << "" << false << 0 << 0;
}

void TestSandboxLatency::parse()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    const std::optional<SandboxLatency> latency = SandboxLatency::parse(spec);
    QCOMPARE(latency.has_value(), valid);
    if (!valid)
        return;
    QFETCH(int, ms);
    QFETCH(int, jitterMs);
    QCOMPARE(latency->ms, ms);
    QCOMPARE(latency->jitterMs, jitterMs);
}

void TestSandboxLatency::answersWaitTogether()
{
    SandboxOptions options;
    options.latency.ms = LatencyMs;
    Sandbox sandbox(options);
    QVERIFY(sandbox.listen() != 0);

    QElapsedTimer all;
    all.start();
    auto requests = sendAtOnce(sandbox.baseUrl(), Concurrent);
    QCOMPARE(int(requests.size()), Concurrent);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(requests.cbegin(), requests.cend(),
                                         [](const auto &request) { return request->elapsedMs >= 0; }),
                             30000);
    const qint64 allMs = all.elapsed();

    for (const auto &request : requests) {
        QVERIFY2(request->answer.startsWith("HTTP/1.1 200"), request->answer.constData());
        QVERIFY2(request->elapsedMs >= LatencyMs, qPrintable(QString::number(request->elapsedMs)));
    }
    // One after another they would take 20 × 300 ms = 6 s; waiting together, little more than 300 ms.
    QVERIFY2(allMs < 5 * LatencyMs, qPrintable(QString::number(allMs)));
    QCOMPARE(sandbox.receivedRequests().size(), Concurrent);

    // Back to answering at once.
    sandbox.setLatency({});
    QCOMPARE(sandbox.latency().ms, 0);
    auto quick = sendAtOnce(sandbox.baseUrl(), 1);
    QCOMPARE(int(quick.size()), 1);
    QTRY_VERIFY_WITH_TIMEOUT(quick.front()->elapsedMs >= 0, 30000);
    QVERIFY2(quick.front()->elapsedMs < LatencyMs, qPrintable(QString::number(quick.front()->elapsedMs)));
}

void TestSandboxLatency::jitterSpreadsTheAnswers()
{
    SandboxOptions options;
    options.latency.ms = 150;
    options.latency.jitterMs = 100; // 50..250 ms
    Sandbox sandbox(options);
    QVERIFY(sandbox.listen() != 0);
    auto requests = sendAtOnce(sandbox.baseUrl(), Concurrent);
    QCOMPARE(int(requests.size()), Concurrent);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(requests.cbegin(), requests.cend(),
                                         [](const auto &request) { return request->elapsedMs >= 0; }),
                             30000);
    qint64 fastest = std::numeric_limits<qint64>::max();
    qint64 slowest = 0;
    for (const auto &request : requests) {
        QVERIFY(request->answer.startsWith("HTTP/1.1 200"));
        QVERIFY2(request->elapsedMs >= 50, qPrintable(QString::number(request->elapsedMs)));
        fastest = qMin(fastest, request->elapsedMs);
        slowest = qMax(slowest, request->elapsedMs);
    }
    // Twenty draws from 50..250 ms: answers sent together come back at clearly different times.
    QVERIFY2(slowest - fastest >= 40, qPrintable(QStringLiteral("%1..%2 ms").arg(fastest).arg(slowest)));
}

QTEST_GUILESS_MAIN(TestSandboxLatency)
#include "tst_sandboxlatency.moc"

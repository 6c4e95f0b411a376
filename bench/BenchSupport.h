#pragma once

#include "BenchReport.h"
#include "api/ApiClient.h"
#include "leads/Lead.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <functional>

class Journal;
class QEventLoop;
class QTimer;

// What every section of cpadesk-bench is given.
struct BenchOptions
{
    bool quick = false;   // smaller sizes and shorter runs: a smoke run, not figures to quote
    QString appPath;      // the cpadesk executable (start-up section)
    QString benchPath;    // this executable (the bare-window baseline, the journal filler)
    double seconds = 3.0; // length of each throughput measurement
    int concurrency = 4;  // requests in flight, app and baseline alike
};

// The main thread's longest stall while it runs: a 5 ms timer measures its own lateness. A GUI thread
// that stalls longer than ~50 ms is felt as a hitch by the user.
class StallMeter : public QObject
{
    Q_OBJECT
public:
    explicit StallMeter(QObject *parent = nullptr);
    void start();
    void stop();
    double longestStallMs() const { return m_longestMs; }

private:
    void tick();

    QTimer *m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    double m_longestMs = 0;
};

namespace BenchSupport {

inline const QString profile = QStringLiteral("bench");

// A realistic lead numbered n: a demo offer of the sandbox, a unique phone, a customer name from a
// short list of first names (so that a search has something to find).
Lead lead(int n, const QString &orderId = QString());

// The sandbox's credentials and URL for the app's client.
ApiConfig sandboxConfig(const QUrl &baseUrl);

// Stores leads in the sandbox over raw keep-alive connections (fast set-up, not a measurement).
bool storeInSandbox(quint16 port, const QList<Lead> &leads, int connections = 4);

// Journal leads as the outbox leaves them once sent: `count` leads with ids firstId, firstId+1...
bool addSentLeads(Journal &journal, qint64 firstId, int count);

// Runs `loop` until something calls its quit() or `timeoutMs` passes; false on timeout. Measurements
// end by quitting the loop from the completion signal, so no polling adds to what is measured.
bool runLoop(QEventLoop &loop, int timeoutMs);
// For set-up and tear-down: runs the event loop until `done` is true (checked every 10 ms).
bool waitFor(const std::function<bool()> &done, int timeoutMs);

// Milliseconds elapsed on a timer, as a double.
double elapsedMs(const QElapsedTimer &timer);

} // namespace BenchSupport

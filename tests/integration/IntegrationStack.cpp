#include "IntegrationStack.h"

#include "api/FormCodec.h"
#include "journal/Clock.h"
#include "journal/Journal.h"
#include "journal/OrderIdGenerator.h"
#include "sync/ApiLeadTransport.h"
#include "sync/Outbox.h"
#include "sync/StatusPoller.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace {
constexpr int ProcessTimeoutMs = 30000;
} // namespace

IntegrationStack::IntegrationStack() = default;

IntegrationStack::~IntegrationStack()
{
    // The outbox and poller refer to the transport and the journal: they go first.
    m_poller.reset();
    m_outbox.reset();
    m_orderIds.reset();
    m_transport.reset();
    m_client.reset();
    m_journal.reset();
}

bool IntegrationStack::open(const QString &journalPath, const ApiConfig &config)
{
    m_journal = std::make_unique<Journal>();
    if (!m_journal->open(journalPath))
        return false;
    m_client = std::make_unique<ApiClient>();
    m_client->setConfig(config);
    m_transport = std::make_unique<ApiLeadTransport>(m_client.get());
    m_orderIds = std::make_unique<OrderIdGenerator>(m_journal.get(), SystemClock::instance());
    m_outbox = std::make_unique<Outbox>(m_journal.get(), m_transport.get(), m_orderIds.get(), profileId(),
                                        SystemClock::instance());
    m_poller = std::make_unique<StatusPoller>(m_journal.get(), m_transport.get(), profileId(),
                                              SystemClock::instance());
    m_poller->setAutoRefreshInterval(0); // refreshes happen when a test asks, not on a timer
    return true;
}

SandboxProcess::SandboxProcess(const QString &executable) : m_executable(executable)
{
    // Its own log stays its own, like a remote service's.
    m_process.setStandardErrorFile(QProcess::nullDevice());
}

SandboxProcess::~SandboxProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(ProcessTimeoutMs);
    }
}

bool SandboxProcess::start(const QStringList &arguments)
{
    m_process.start(m_executable, arguments);
    if (!m_process.waitForStarted(ProcessTimeoutMs))
        return false;
    while (!m_process.canReadLine() && m_process.state() == QProcess::Running)
        m_process.waitForReadyRead(ProcessTimeoutMs);
    const QString firstLine = QString::fromUtf8(m_process.readLine()).trimmed();
    if (!QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+$")).match(firstLine).hasMatch())
        return false;
    m_url = QUrl(firstLine);
    return true;
}

bool SandboxProcess::stop()
{
    m_process.terminate();
    return m_process.waitForFinished(ProcessTimeoutMs) && m_process.exitStatus() == QProcess::NormalExit;
}

namespace IntegrationLeads {

Lead lead(const QString &orderId, const QString &phone)
{
    Lead result;
    result.orderId = orderId;
    result.offer = QStringLiteral("217");
    result.phone = phone;
    result.ip = QStringLiteral("12.34.56.78");
    result.name = QStringLiteral("Integration Customer");
    result.country = QStringLiteral("ru");
    return result;
}

QString phone(int index)
{
    // 7901xxxxxxx: far from the banned 79999999999 and 77777777777.
    return QStringLiteral("7901") + QStringLiteral("%1").arg(index, 7, 10, QLatin1Char('0'));
}

QHash<QString, int> addRequestsPerPhone(const QList<SandboxRequest> &requests)
{
    QHash<QString, int> counts;
    for (const SandboxRequest &request : requests) {
        if (request.path != "/ext/add.json")
            continue;
        QString phone;
        if (request.contentType.startsWith("application/json"))
            phone = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("phone")).toString();
        else
            phone = FormCodec::decode(request.body).value(QStringLiteral("phone")).toString();
        ++counts[phone];
    }
    return counts;
}

int requestCount(const QList<SandboxRequest> &requests, const QByteArray &path)
{
    return int(std::count_if(requests.cbegin(), requests.cend(),
                             [&path](const SandboxRequest &request) { return request.path == path; }));
}

} // namespace IntegrationLeads

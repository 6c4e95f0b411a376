#include "Sandbox.h"

#include "SandboxCatalogue.h"
#include "SandboxFaultInjector.h"
#include "SandboxHttpServer.h"
#include "SandboxLog.h"
#include "SandboxRequestLog.h"
#include "SandboxService.h"
#include "SandboxStateSaver.h"

#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QThread>

Q_LOGGING_CATEGORY(lcSandbox, "cpadesk.sandbox", QtWarningMsg)

Sandbox::Sandbox(const SandboxOptions &options, QObject *parent)
    : QObject(parent), m_service(std::make_shared<SandboxService>(options)),
      m_requestLog(std::make_shared<SandboxRequestLog>()),
      m_faultInjector(std::make_shared<SandboxFaultInjector>(options.faults, options.seed)),
      m_thread(new QThread), m_threadContext(new QObject)
{
    const bool persistent =
        !options.stateFile.isEmpty() && SandboxStateSaver::load(*m_service, options.stateFile);

    m_thread->setObjectName(QStringLiteral("SandboxServer"));
    m_threadContext->moveToThread(m_thread);
    m_thread->start();

    // The server and its sockets must be created in the thread that serves them.
    QMetaObject::invokeMethod(
        m_threadContext,
        [this, &options, persistent] {
            m_server = new SandboxHttpServer(m_service, m_requestLog, m_faultInjector, options.user);
            m_server->setLatency(options.latency);
            if (persistent) {
                m_saver = new SandboxStateSaver(m_service, options.stateFile);
                SandboxStateSaver *saver = m_saver;
                m_service->setChangeListener([saver] { saver->scheduleSave(); });
            }
        },
        Qt::BlockingQueuedConnection);
    if (!options.stateFile.isEmpty() && !persistent)
        qCWarning(lcSandbox) << "The sandbox keeps its state in memory only: the state file was not usable";
}

Sandbox::~Sandbox()
{
    m_service->setChangeListener({});
    QMetaObject::invokeMethod(
        m_threadContext,
        [this] {
            if (m_saver)
                m_saver->saveNow();
            delete m_saver;
            delete m_server;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_threadContext;
    delete m_thread;
}

void Sandbox::useTls(const QSslCertificate &certificate, const QSslKey &key)
{
    QMetaObject::invokeMethod(
        m_threadContext, [this, &certificate, &key] { m_server->sslSetup(certificate, key); },
        Qt::BlockingQueuedConnection);
    m_tls = true;
}

quint16 Sandbox::listen(quint16 port)
{
    quint16 bound = 0;
    QMetaObject::invokeMethod(
        m_threadContext, [this, port, &bound] { bound = m_server->listen(QHostAddress::LocalHost, port); },
        Qt::BlockingQueuedConnection);
    if (bound == 0)
        qCWarning(lcSandbox) << "The sandbox cannot listen on 127.0.0.1 port" << port;
    else
        m_port = bound;
    return bound;
}

QUrl Sandbox::baseUrl() const
{
    const quint16 port = m_port;
    if (port == 0)
        return {};
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    return url;
}

void Sandbox::setFaults(const SandboxFaults &faults)
{
    m_faultInjector->setFaults(faults);
}

SandboxFaults Sandbox::faults() const
{
    return m_faultInjector->faults();
}

void Sandbox::setLatency(const SandboxLatency &latency)
{
    m_server->setLatency(latency);
}

SandboxLatency Sandbox::latency() const
{
    return m_server->latency();
}

QList<SandboxRequest> Sandbox::receivedRequests() const
{
    return m_requestLog->requests();
}

void Sandbox::clearReceivedRequests()
{
    m_requestLog->clear();
}

int Sandbox::storedLeadCount() const
{
    return m_service->storedLeadCount();
}

int Sandbox::timesStored(const QString &ourOrderId) const
{
    return m_service->timesStored(ourOrderId);
}

int Sandbox::ordersRequested(const QString &phoneDigits, const QString &offer) const
{
    return m_service->ordersRequested(phoneDigits, offer);
}

QHash<QString, int> Sandbox::ordersRequestedByCustomer() const
{
    return m_service->ordersRequestedByCustomer();
}

QStringList Sandbox::storedOrderIds() const
{
    return m_service->storedOrderIds();
}

void Sandbox::advanceClock(qint64 seconds)
{
    m_service->advanceClock(seconds);
}

qint64 Sandbox::clockSeconds() const
{
    return m_service->clockSeconds();
}

bool Sandbox::setLeadState(const QString &ourOrderId, const QString &stage, int status, int reason)
{
    return m_service->setLeadState(ourOrderId, stage, status, reason);
}

QStringList Sandbox::demoOffers() const
{
    return SandboxCatalogue::activeOfferIds();
}

QString Sandbox::blockedOffer() const
{
    return SandboxCatalogue::blockedOfferId();
}

QStringList Sandbox::bannedPhones() const
{
    return SandboxCatalogue::bannedPhones();
}

QStringList Sandbox::bannedIps() const
{
    return SandboxCatalogue::bannedIps();
}

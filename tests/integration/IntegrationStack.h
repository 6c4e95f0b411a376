#pragma once

#include "api/ApiClient.h"
#include "sandbox/Sandbox.h"

#include <QHash>
#include <QProcess>
#include <QString>

#include <memory>

class ApiLeadTransport;
class Journal;
class OrderIdGenerator;
class Outbox;
class StatusPoller;

// The core wired the way AppSession wires it (Journal, ApiClient behind ApiLeadTransport, Outbox,
// StatusPoller, one profile), on a journal file of the test's choosing and the real system clock, so
// that integration tests exercise exactly the objects the app runs, against a real HTTP peer.
class IntegrationStack
{
public:
    static QString profileId() { return QStringLiteral("integration"); }

    IntegrationStack();
    ~IntegrationStack();

    // Opens the journal and builds the outbox and poller; the outbox is not started. False on failure.
    bool open(const QString &journalPath, const ApiConfig &config);

    Journal *journal() const { return m_journal.get(); }
    ApiClient *client() const { return m_client.get(); }
    Outbox *outbox() const { return m_outbox.get(); }
    StatusPoller *poller() const { return m_poller.get(); }

private:
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ApiLeadTransport> m_transport;
    std::unique_ptr<OrderIdGenerator> m_orderIds;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<StatusPoller> m_poller;
};

// cpadesk-sandbox as a process of its own: a peer whose logs and memory are not the test's, as a real
// network's are not the app's.
class SandboxProcess
{
public:
    explicit SandboxProcess(const QString &executable);
    ~SandboxProcess();

    // Starts it with these arguments and reads the URL it prints first. False when it did not start.
    bool start(const QStringList &arguments);
    // Stops it with SIGTERM (it saves its state file on the way out). False when it did not stop in time.
    bool stop();
    QUrl url() const { return m_url; }

private:
    QString m_executable;
    QProcess m_process;
    QUrl m_url;
};

namespace IntegrationLeads {

// A valid lead for the sandbox's offer 217. Each test lead needs a phone of its own: the sandbox (like the
// real service) answers `duplicate` to the same phone and offer within 24 hours.
Lead lead(const QString &orderId, const QString &phone);
// A distinct phone per index, never one of the sandbox's banned phones.
QString phone(int index);

// The sandbox's view of what a client sent: how many add.json requests carried each phone.
QHash<QString, int> addRequestsPerPhone(const QList<SandboxRequest> &requests);
int requestCount(const QList<SandboxRequest> &requests, const QByteArray &path);

} // namespace IntegrationLeads

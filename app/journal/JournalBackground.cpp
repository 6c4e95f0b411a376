#include "JournalBackground.h"

#include "Journal.h"
#include "JournalLog.h"

#include <QMetaObject>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <cstring>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace {

// The background thread's work (a refresh's merges above all: a sixth of a refresh's CPU where nothing
// changed, more than half where every lead did) is work nobody waits for piece by piece, while the
// window and Qt's network thread are waited for: when they compete for the CPU, this thread gives way
// a little (nice +5; Linux gives each thread its own). Measured on the bench: a refresh where nothing
// changed 1.51-1.60 -> 1.39-1.49 times the bare requests; submits (their commits wait for the disk, not the
// CPU) and table loads unchanged. Not undone later: an unprivileged process may lower its priority but not
// raise it back.
void giveWayToInteractiveThreads()
{
#ifdef Q_OS_LINUX
    constexpr int niceness = 5;
    if (setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), niceness) != 0)
        qCDebug(lcJournal) << "background thread keeps its priority:" << strerror(errno);
#endif
}

} // namespace

JournalBackground::JournalBackground(const QString &filePath, QObject *parent)
    : QObject(parent), m_filePath(filePath), m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("cpadesk.journal.background"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

JournalBackground::~JournalBackground()
{
    // Queued after every job given so far, so they all run first; the connection closes in the
    // thread that opened it, as Qt SQL requires.
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            delete m_journal;
            m_journal = nullptr;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
    delete m_worker;
}

void JournalBackground::run(Job job)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job)] {
            if (!m_journal)
                openConnection();
            job(*m_journal, [this](Delivery delivery) {
                QMetaObject::invokeMethod(this, std::move(delivery), Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void JournalBackground::openConnection()
{
    giveWayToInteractiveThreads();
    m_journal = new Journal;
    // As durable as the other connection (synchronous=FULL): it writes send states too, and an "auto"
    // lead whose "sending" was lost to a power cut would be sent twice. A refresh's answers share
    // their commits instead (see JournalWorker::mergeStatuses).
    if (m_filePath.isEmpty())
        qCWarning(lcJournal) << "background connection for a closed journal: its jobs will fail";
    else if (!m_journal->open(m_filePath))
        qCWarning(lcJournal) << "background connection not opened:" << m_journal->errorString();
    using Announcement = void (JournalBackground::*)(const QString &, const QStringList &);
    const auto forward = [this](Announcement announcement) {
        return [this, announcement](const QString &profileId, const QStringList &keys) {
            QMetaObject::invokeMethod(
                this, [this, announcement, profileId, keys] { emit(this->*announcement)(profileId, keys); },
                Qt::QueuedConnection);
        };
    };
    connect(m_journal, &Journal::leadsAdded, m_journal, forward(&JournalBackground::leadsAdded),
            Qt::DirectConnection);
    connect(m_journal, &Journal::leadsChanged, m_journal, forward(&JournalBackground::leadsChanged),
            Qt::DirectConnection);
    connect(m_journal, &Journal::leadsRemoved, m_journal, forward(&JournalBackground::leadsRemoved),
            Qt::DirectConnection);
}

void JournalBackground::finishJobs()
{
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

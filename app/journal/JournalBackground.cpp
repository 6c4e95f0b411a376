#include "JournalBackground.h"

#include "Journal.h"
#include "JournalLog.h"

#include <QMetaObject>

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
    m_journal = new Journal;
    // As durable as the other connection (synchronous=FULL): it writes send states too, and an "auto"
    // lead whose "sending" was lost to a power cut would be sent twice. A refresh's answers share
    // their commits instead (see Journal::mergeStatusesInBackground).
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

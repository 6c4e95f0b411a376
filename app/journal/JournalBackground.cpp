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
            if (!m_journal) {
                m_journal = new Journal;
                // Its jobs write only statuses, which the next refresh fetches again: a commit need
                // not wait for the disk (a crash still loses nothing; the other connection's next
                // commit flushes these too, and every lead's own writes keep waiting for it).
                if (!m_journal->open(m_filePath, Journal::Durability::Relaxed))
                    qCWarning(lcJournal) << "background connection not opened:" << m_journal->errorString();
            }
            job(*m_journal, [this](Delivery delivery) {
                QMetaObject::invokeMethod(this, std::move(delivery), Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void JournalBackground::finishJobs()
{
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include <functional>

class Journal;

// A second connection to a journal file, on a thread of its own, for the work that must not stall a
// window: merging a refresh's answers, reading 100,000 rows for the table, the outbox's writes (each a
// commit that waits for the disk, or for another writer's lock). SQLite in WAL mode lets it write
// while the first connection reads, and each side's transactions stay whole for the other.
//
// Jobs run one after another, in the order given. A job hands what it wants done with its results to
// `deliver`, which runs it in this object's thread, queued; a job that streams calls it many times.
class JournalBackground : public QObject
{
    Q_OBJECT
public:
    using Delivery = std::function<void()>;
    using Deliver = std::function<void(Delivery)>;
    using Job = std::function<void(Journal &journal, const Deliver &deliver)>;

    // An empty `filePath` leaves the connection closed: every job then meets a journal that is not open.
    explicit JournalBackground(const QString &filePath, QObject *parent = nullptr);
    // Lets every job already given run to its end, then stops the thread. Deliveries still queued
    // are dropped with this object: see JournalWorker::stop(), which hands them out first.
    ~JournalBackground() override;

    void run(Job job);
    // Blocks until every job given so far has run. For shutdown only: it stalls the caller.
    void finishJobs();

signals:
    // Changes the background connection wrote, told in this object's thread, in the order written.
    void leadsAdded(const QString &profileId, const QStringList &keys);
    void leadsChanged(const QString &profileId, const QStringList &keys);
    void leadsRemoved(const QString &profileId, const QStringList &keys);

private:
    void openConnection();

    QString m_filePath;
    QThread m_thread;
    QObject *m_worker;            // lives in m_thread: a job is a queued call on it
    Journal *m_journal = nullptr; // made, used and destroyed in m_thread only
};

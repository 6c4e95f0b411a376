#include "JournalWorker.h"

#include "Journal.h"
#include "JournalLog.h"

#include <QCoreApplication>
#include <QMutex>

// Merges given to the background connection that run as one transaction. The GUI thread adds to the
// group until the background thread begins it (or it is full); the mutex settles which came first.
struct JournalWorker::MergeGroup
{
    struct Merge
    {
        quint64 ticket = 0;
        QString profileId;
        QList<StatusRow> rows;
        qint64 nowMs = 0;
    };
    QMutex mutex;
    QList<Merge> merges;
    qsizetype rows = 0;
    bool begun = false;
};

JournalWorker::JournalWorker(const JournalConnection &connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{}

JournalWorker::~JournalWorker()
{
    stop();
}

JournalBackground *JournalWorker::background()
{
    if (!m_background) {
        // A closed journal gets a background connection that is closed too: its jobs then fail the
        // way they would here ("the journal is not open"), through the same answers.
        m_background =
            new JournalBackground(m_connection.isOpen() ? m_connection.filePath() : QString(), this);
        // What the other connection wrote, this object announces: its listeners need not know.
        connect(m_background, &JournalBackground::leadsAdded, this, &JournalWorker::leadsAdded);
        connect(m_background, &JournalBackground::leadsChanged, this, &JournalWorker::leadsChanged);
        connect(m_background, &JournalBackground::leadsRemoved, this, &JournalWorker::leadsRemoved);
    }
    return m_background;
}

void JournalWorker::stop()
{
    m_openMerges.reset();
    if (!m_background)
        return;
    m_background->finishJobs();
    // What the finished jobs delivered is still queued: hand it out, so no ticket goes unanswered.
    QCoreApplication::sendPostedEvents(m_background, QEvent::MetaCall);
    delete m_background;
    m_background = nullptr;
}

void JournalWorker::run(JournalBackground::Job job)
{
    m_openMerges.reset();
    background()->run([job = std::move(job)](Journal &worker, const JournalBackground::Deliver &deliver) {
        // Merges leave the connection's commits not waiting for the disk (see mergeStatuses); every
        // other job waits, as the connection was opened.
        if (!worker.connection().setCommitsWaitForDisk(true))
            qCWarning(lcJournal) << "commits of the background connection may not wait for the disk:"
                                 << worker.errorString();
        job(worker, deliver);
    });
}

quint64 JournalWorker::mergeStatuses(const QString &profileId, const QList<StatusRow> &rows, qint64 nowMs)
{
    const quint64 ticket = ++m_lastTicket;
    MergeGroup::Merge merge{ticket, profileId, rows, nowMs};
    if (m_openMerges) {
        QMutexLocker lock(&m_openMerges->mutex);
        if (!m_openMerges->begun && m_openMerges->merges.size() < MaxMergesPerTransaction &&
            m_openMerges->rows + rows.size() <= MaxRowsPerTransaction) {
            m_openMerges->rows += rows.size();
            m_openMerges->merges.append(std::move(merge));
            return ticket;
        }
    }
    auto group = std::make_shared<MergeGroup>();
    group->rows = rows.size();
    group->merges.append(std::move(merge));
    m_openMerges.reset();
    background()->run([this, group](Journal &worker, const JournalBackground::Deliver &deliver) {
        QList<MergeGroup::Merge> merges;
        {
            QMutexLocker lock(&group->mutex);
            group->begun = true;
            merges = std::move(group->merges);
        }
        QList<StatusMergeBatch> batches;
        // A refresh's answers are the one write that may be lost to a power cut: nothing of a lead is
        // in them that the next refresh does not ask again, and its answers merge forward-only. Not
        // waiting for the disk took the commits of a first refresh of 10,000 leads from ~140 to
        // ~25 ms. Send states and leads (this connection's other jobs, the GUI's connection) keep
        // waiting, and their next commit carries these to the disk too. The setting stays for the
        // next group and is put back before any other job (run()): switching it costs a statement's
        // preparation each time, and a refresh runs a hundred groups.
        worker.connection().setCommitsWaitForDisk(false);
        const bool grouped = worker.beginBatch(); // if not, each merge is a transaction of its own
        for (const MergeGroup::Merge &given : std::as_const(merges))
            batches.append(worker.mergeStatuses(given.profileId, given.rows, given.nowMs));
        if (grouped && !worker.commitBatch()) {
            // Nothing of the group was stored, whatever each merge said within it.
            const QString error = worker.errorString();
            for (qsizetype i = 0; i < batches.size(); ++i) {
                StatusMergeBatch failed;
                failed.error = batches.at(i).ok ? error : batches.at(i).error;
                failed.results = QList<MergeResult>(merges.at(i).rows.size());
                batches[i] = failed;
            }
        }
        deliver([this, merges, batches] {
            for (qsizetype i = 0; i < merges.size(); ++i)
                emit statusesMerged(merges.at(i).ticket, merges.at(i).profileId, batches.at(i));
        });
    });
    m_openMerges = group;
    return ticket;
}

void JournalWorker::write(QObject *context, BackgroundWrite write, WriteDone done)
{
    QPointer<QObject> guard(context);
    run([guard, write = std::move(write), done = std::move(done)](Journal &worker,
                                                                  const JournalBackground::Deliver &deliver) {
        const bool ok = write(worker);
        const QString error = ok ? QString() : worker.errorString();
        deliver([guard, done, ok, error] {
            if (guard)
                done(ok, error);
        });
    });
}

quint64 JournalWorker::loadRows(const QString &profileId)
{
    const quint64 ticket = ++m_lastTicket;
    run([this, ticket, profileId](Journal &worker, const JournalBackground::Deliver &deliver) {
        // A first screenful quickly, then big pieces: each piece costs the window one short insert.
        constexpr int firstChunk = 200;
        constexpr int chunk = 2000;
        const bool ok = worker.readRows(
            profileId,
            [&](QVector<JournalRow> &&rows, bool last) {
                deliver([this, ticket, profileId, rows = std::move(rows), last] {
                    emit rowsLoaded(ticket, profileId, rows, last);
                });
            },
            firstChunk, chunk);
        if (!ok) {
            const QString error = worker.errorString();
            deliver([this, ticket, profileId, error] { emit rowsLoadFailed(ticket, profileId, error); });
        }
    });
    return ticket;
}

quint64 JournalWorker::readOpenOrderIds(const QString &profileId)
{
    const quint64 ticket = ++m_lastTicket;
    run([this, ticket, profileId](Journal &worker, const JournalBackground::Deliver &deliver) {
        worker.connection().setError(QString());
        const QStringList ids = worker.openOrderIds(profileId);
        const QString error = worker.errorString(); // set only by a failed read
        deliver(
            [this, ticket, profileId, ids, error] { emit openOrderIdsRead(ticket, profileId, ids, error); });
        // The answers about them come next: while the first questions are on their way, what their
        // merges compare is read in one pass, instead of by each merge for its 50 leads.
        if (error.isEmpty())
            worker.merger().prepareMerges(profileId, ids);
    });
    return ticket;
}

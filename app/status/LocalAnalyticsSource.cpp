#include "LocalAnalyticsSource.h"

#include "AnalyticsCalculator.h"
#include "LeadTableModel.h"
#include "journal/JournalTypes.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace {

struct Answer
{
    bool skipped = false;
    AnalyticsFigures figures;
    QSharedPointer<const QHash<QString, qint64>> approvals;
};

} // namespace

LocalAnalyticsSource::LocalAnalyticsSource(LeadTableModel *model, const QString &journalPath, QObject *parent)
    : AnalyticsSource(parent), m_model(model), m_journalPath(journalPath)
{
    m_pool.setMaxThreadCount(1);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &LocalAnalyticsSource::markStale);
    connect(model, &QAbstractItemModel::dataChanged, this, &LocalAnalyticsSource::markStale);
    connect(model, &QAbstractItemModel::modelReset, this, &LocalAnalyticsSource::markStale);
    connect(model, &LeadTableModel::distinctValuesMayHaveChanged, this, &AnalyticsSource::choicesChanged);
}

bool LocalAnalyticsSource::supports(AnalyticsBreakdown breakdown) const
{
    return breakdown != AnalyticsBreakdown::Operator; // the journal does not know who took a lead
}

QStringList LocalAnalyticsSource::choices(AnalyticsBreakdown dimension) const
{
    switch (dimension) {
    case AnalyticsBreakdown::Offer:
        return m_model->distinctValues(LeadTableModel::Offer);
    case AnalyticsBreakdown::Webmaster:
        return m_model->distinctValues(LeadTableModel::Wm);
    case AnalyticsBreakdown::Country:
        return m_model->distinctValues(LeadTableModel::Country);
    default:
        return {};
    }
}

LocalAnalyticsSource::~LocalAnalyticsSource()
{
    m_lastTicket->store(~quint64(0)); // whatever waits is skipped
    m_pool.waitForDone();
}

void LocalAnalyticsSource::markStale()
{
    const bool wasFresh = !m_rows.isNull();
    m_rows.reset();
    m_approvals.reset();
    if (wasFresh)
        emit dataChanged();
}

quint64 LocalAnalyticsSource::request(const AnalyticsQuery &query)
{
    const quint64 ticket = m_lastTicket->load() + 1;
    m_lastTicket->store(ticket);

    // Copying the rows shares their strings: about 5 ms for 100,000 leads, and only after they changed.
    if (!m_rows) {
        auto rows = QSharedPointer<QVector<JournalRow>>::create();
        const int count = m_model->rowCount();
        rows->reserve(count);
        for (int row = 0; row < count; ++row)
            rows->append(m_model->leadAt(row));
        m_rows = rows;
    }

    auto promise = std::make_shared<QPromise<Answer>>();
    auto *watcher = new QFutureWatcher<Answer>(this);
    const Rows rows = m_rows;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket, rows] {
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0)
            return;
        const Answer answer = watcher->future().result();
        if (answer.skipped)
            return;
        if (rows == m_rows && !m_approvals)
            m_approvals = answer.approvals;
        emit figuresReady(ticket, answer.figures);
    });
    watcher->setFuture(promise->future());

    const Approvals approvals = m_approvals;
    const QString path = m_journalPath;
    const QString profileId = m_model->profileId();
    const auto lastTicket = m_lastTicket;
    m_pool.start([promise, rows, approvals, path, profileId, query, ticket, lastTicket] {
        promise->start();
        Answer answer;
        if (lastTicket->load() != ticket) {
            answer.skipped = true;
        } else {
            answer.approvals = approvals;
            if (!answer.approvals)
                answer.approvals =
                    QSharedPointer<const QHash<QString, qint64>>::create(readFirstApprovals(path, profileId));
            answer.figures = AnalyticsCalculator::compute(*rows, *answer.approvals, query);
        }
        promise->addResult(answer);
        promise->finish();
    });
    return ticket;
}

QHash<QString, qint64> LocalAnalyticsSource::readFirstApprovals(const QString &journalPath,
                                                                const QString &profileId)
{
    QHash<QString, qint64> approvals;
    if (journalPath.isEmpty())
        return approvals;
    static std::atomic<int> connections{0};
    const QString name = QStringLiteral("analytics-history-%1").arg(++connections);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(journalPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (db.open()) {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            query.prepare(QStringLiteral("SELECT lead_key, MIN(changed_at) FROM lead_history"
                                         " WHERE profile_id = ? AND stage = 'approve' GROUP BY lead_key"));
            query.addBindValue(profileId);
            if (query.exec()) {
                while (query.next())
                    approvals.insert(query.value(0).toString(), query.value(1).toLongLong());
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return approvals;
}

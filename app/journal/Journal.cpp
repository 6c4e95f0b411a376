#include "Journal.h"

#include "JournalBackground.h"
#include "JournalLog.h"
#include "JournalSchema.h"
#include "LeadJson.h"
#include "StatusProgress.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVarLengthArray>

#include <algorithm>
#include <sqlite3.h>

namespace {

const QFile::Permissions ownerOnlyFile = QFile::ReadOwner | QFile::WriteOwner;
const QFile::Permissions ownerOnlyFolder = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

// The connection under Qt's SQLite driver, for SqliteStatement; null unless the driver runs on a
// SQLite built from the very source this program links (Debian's Qt plugin links the system's
// libsqlite3, as this program does): a connection must not be handed to another SQLite's functions.
sqlite3 *sqliteConnection(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT sqlite_source_id()")) || !query.next() ||
        query.value(0).toString() != QLatin1String(sqlite3_sourceid()))
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant msOrNull(qint64 ms)
{
    return ms < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(ms);
}

QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// When a lead was last checked: a table of its own since schema version 4 (see JournalSchema).
#define CHECKED_AT_OF_LEAD                                                                                   \
    "(SELECT c.checked_at FROM lead_checks c"                                                                \
    " WHERE c.profile_id = leads.profile_id AND c.lead_key = leads.lead_key)"

// The columns entryFrom() reads, in its order.
const char entryColumns[] =
    "profile_id, lead_key, order_id, network_id, lead_json, request_body, send_state,"
    " attempts, maybe_delivered, next_try_at, error_code, error_text, stage, status,"
    " reason, goods_count, comment, created_at, sent_at, " CHECKED_AT_OF_LEAD ", changed_at, unseen";

JournalEntry entryFrom(const QSqlQuery &query)
{
    JournalEntry entry;
    entry.profileId = query.value(0).toString();
    entry.key = query.value(1).toString();
    entry.orderId = query.value(2).toString();
    entry.networkOrderId = query.value(3).toString();
    if (!LeadJson::fromJson(query.value(4).toString().toUtf8(), &entry.lead))
        qCWarning(lcJournal) << "unreadable lead record for key" << entry.key;
    entry.requestBody = query.value(5).toString().toUtf8();
    entry.sendState = SendStates::fromText(query.value(6).toString());
    entry.attempts = query.value(7).toInt();
    entry.maybeDelivered = query.value(8).toInt() != 0;
    entry.nextTryAt = timeOf(query.value(9));
    entry.errorCode = query.value(10).toString();
    entry.errorText = query.value(11).toString();
    entry.stage = query.value(12).toString();
    entry.status = query.value(13).toInt();
    entry.reason = query.value(14).toInt();
    entry.count = query.value(15).toInt();
    entry.comment = query.value(16).toString();
    entry.createdAt = timeOf(query.value(17));
    entry.sentAt = timeOf(query.value(18));
    entry.checkedAt = timeOf(query.value(19));
    entry.changedAt = timeOf(query.value(20));
    entry.unseenChange = query.value(21).toInt() != 0;
    return entry;
}

const char rowColumns[] = "lead_key, order_id, network_id, offer, wm, name, phone, country, stage, comment,"
                          " error_code, created_at, " CHECKED_AT_OF_LEAD ", changed_at, status, reason,"
                          " goods_count, send_state, unseen";

// The leads a refresh asks about: sent (by us or by a landing page), not yet final. Its placeholders
// are the first three parameters; bindOpenLeadsCondition() fills them.
const char openLeadsCondition[] = "profile_id = ? AND is_final = 0 AND send_state IN (?, ?)"
                                  " AND order_id IS NOT NULL";

void bindOpenLeadsCondition(SqliteStatement &read, const QString &profileId)
{
    read.bindText(1, profileId);
    read.bindText(2, SendStates::toText(SendState::Sent));
    read.bindText(3, SendStates::toText(SendState::External));
}

JournalRow rowFrom(const QSqlQuery &query)
{
    JournalRow row;
    row.key = query.value(0).toString();
    row.orderId = query.value(1).toString();
    row.networkOrderId = query.value(2).toString();
    row.offer = query.value(3).toString();
    row.wm = query.value(4).toString();
    row.name = query.value(5).toString();
    row.phone = query.value(6).toString();
    row.country = query.value(7).toString();
    row.stage = query.value(8).toString();
    row.comment = query.value(9).toString();
    row.errorCode = query.value(10).toString();
    row.createdAtMs = query.value(11).toLongLong();
    row.checkedAtMs = query.value(12).toLongLong();
    row.changedAtMs = query.value(13).toLongLong();
    row.status = qint16(query.value(14).toInt());
    row.reason = qint16(query.value(15).toInt());
    row.count = query.value(16).toInt();
    row.sendState = SendStates::fromText(query.value(17).toString());
    row.unseenChange = query.value(18).toInt() != 0;
    return row;
}

// Lists of values in "IN (...)" always have this length, so that one prepared statement serves every
// list (see StatementCache): longer lists go in pieces, and a short piece is padded with repeats of
// its last value, which changes nothing in IN. 50 is what one list.json answer holds.
constexpr qsizetype InListLength = 50;

// InListLength times `each`, comma-separated.
QString inListPlaceholders(const QString &each = QStringLiteral("?"))
{
    QStringList text(InListLength, each);
    return text.join(QStringLiteral(", "));
}

// The values of `list` from `start` for one IN list, padded to InListLength, after `leading`.
QVariantList inListValues(QVariantList leading, const QStringList &list, qsizetype start)
{
    const qsizetype end = qMin(list.size(), start + InListLength);
    for (qsizetype i = start; i < end; ++i)
        leading.append(list.at(i));
    for (qsizetype i = end - start; i < InListLength; ++i)
        leading.append(list.at(end - 1));
    return leading;
}

// Binds the values of `list` from `start` for one IN list, padded as inListValues() does, from the
// parameter numbered `first` on.
void bindInList(SqliteStatement &statement, int first, const QStringList &list, qsizetype start)
{
    const qsizetype end = qMin(list.size(), start + InListLength);
    for (qsizetype i = 0; i < InListLength; ++i)
        statement.bindText(first + int(i), list.at(qMin(start + i, end - 1)));
}

// The merge cache's view of a lead from a read whose first columns are MergeCache::Lead's fields, in
// their order.
MergeCache::Lead mergeCacheLeadFrom(const SqliteStatement &read)
{
    return MergeCache::Lead{read.text(0),
                            read.text(1),
                            read.text(2),
                            read.text(3),
                            qint16(read.integer(4)),
                            qint16(read.integer(5)),
                            int(read.integer(6))};
}

// The order id in column 7 of such a read: most leads' key is their order id, and then they share
// one copy.
QString orderIdFrom(const SqliteStatement &read, const MergeCache::Lead &lead)
{
    return read.sameText(0, 7) ? lead.key : read.text(7);
}

// Whether `reply` changes a lead with these status fields. The fields it leaves out (an empty stage or
// comment, status 0, a negative count) keep what we knew: absence is not a change. The reason is
// always given (0: none).
bool replyChanges(const StatusRow &reply, const QString &stage, qint16 status, qint16 reason, int count,
                  const QString &comment)
{
    return (!reply.stage.isEmpty() && reply.stage != stage) ||
           (reply.status != 0 && qint16(reply.status) != status) || qint16(reply.reason) != reason ||
           (reply.count >= 0 && reply.count != count) ||
           (!reply.comment.isEmpty() && reply.comment != comment);
}

// What a merge compares of a lead (its status fields), with what it needs to write (key, network id):
// a JournalRow holding just those, and back.
JournalRow comparedRow(const QString &orderId, const MergeCache::Lead &lead)
{
    JournalRow row;
    row.key = lead.key;
    row.orderId = orderId;
    row.networkOrderId = lead.networkId;
    row.stage = lead.stage;
    row.status = lead.status;
    row.reason = lead.reason;
    row.count = lead.count;
    row.comment = lead.comment;
    return row;
}

MergeCache::Lead comparedState(const JournalRow &row)
{
    return MergeCache::Lead{row.key,    row.networkOrderId, row.stage, row.comment,
                            row.status, row.reason,         row.count};
}

} // namespace

QStringList StatusMergeBatch::changedKeys() const
{
    QStringList keys;
    QSet<QString> seen; // a refresh merges hundreds of answers at a time: no list search per key
    for (const MergeResult &result : results)
        if (result.changed && !seen.contains(result.key)) {
            seen.insert(result.key);
            keys.append(result.key);
        }
    return keys;
}

Journal::Journal(QObject *parent) : QObject(parent)
{
    static QAtomicInt counter;
    m_connectionName = QStringLiteral("cpadesk.journal.%1").arg(counter.fetchAndAddRelaxed(1));
}

Journal::~Journal()
{
    close();
}

QString Journal::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/journal.sqlite");
}

bool Journal::prepareFiles(const QString &filePath)
{
    const QFileInfo info(filePath);
    const QString folder = info.absolutePath();
    // Only a folder we create (or the per-user data folder, which is ours) is made private: a path
    // given by the user may sit in a shared folder whose mode is not ours to change.
    bool restrictFolder = filePath == defaultFilePath();
    if (!QFileInfo::exists(folder)) {
        if (!QDir().mkpath(folder)) {
            m_error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(folder));
            return false;
        }
        restrictFolder = true;
    }
    if (restrictFolder && !QFile::setPermissions(folder, ownerOnlyFolder))
        qCWarning(lcJournal) << "cannot make the journal folder private";

    if (!info.exists()) {
        // Created private from the first byte, before SQLite (which copies its mode to -wal/-shm).
        QFile file(filePath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnlyFile)) {
            m_error = tr("Cannot create the journal %1: %2")
                          .arg(QDir::toNativeSeparators(filePath), file.errorString());
            return false;
        }
    }
    if (!QFile::setPermissions(filePath, ownerOnlyFile)) {
        m_error = tr("Cannot make the journal %1 private.").arg(QDir::toNativeSeparators(filePath));
        return false;
    }
    return true;
}

void Journal::restrictCompanionFiles() const
{
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString companion = m_filePath + QLatin1String(suffix);
        if (QFileInfo::exists(companion) && !QFile::setPermissions(companion, ownerOnlyFile))
            qCWarning(lcJournal) << "cannot make a journal companion file private:" << suffix;
    }
}

bool Journal::open(const QString &filePath)
{
    close();
    m_error.clear();
    m_filePath = QFileInfo(filePath.isEmpty() ? defaultFilePath() : filePath).absoluteFilePath();
    if (!prepareFiles(m_filePath))
        return false;

    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_filePath);
        // Two app instances (or a helper process) may share the file: wait for a lock, don't fail.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            m_error = tr("Cannot open the journal %1: %2")
                          .arg(QDir::toNativeSeparators(m_filePath), db.lastError().text());
        } else {
            QSqlQuery query(db);
            m_sqlite = sqliteConnection(db);
            if (!m_sqlite) {
                m_error = tr("The journal's SQLite library is not the one this program was built with.");
            } else if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next() ||
                       query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
                m_error = tr("The journal cannot use write-ahead logging: %1").arg(query.lastError().text());
            } else if (!query.exec(QStringLiteral("PRAGMA synchronous = FULL"))) {
                m_error = query.lastError().text();
            } else {
                query.finish();
                QString error;
                ok = JournalSchema::migrate(db, &error);
                if (!ok)
                    m_error = error;
            }
        }
    }
    if (!ok) {
        qCWarning(lcJournal) << "journal not opened:" << m_error;
        close();
        return false;
    }
    restrictCompanionFiles();
    return true;
}

void Journal::close()
{
    stopBackground();
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (m_batchDepth > 0)
            db.rollback();
        m_statements.clear();
        m_nativeStatements.clear();
        m_sqlite = nullptr;
        db.close();
        m_mergeCache.clear();
    }
    m_mergeCacheChecked.reset();
    m_batchDepth = 0;
    m_batchFailed = false;
    m_commitsWaitForDisk = true;
    QSqlDatabase::removeDatabase(m_connectionName);
}

JournalBackground *Journal::background()
{
    if (!m_background) {
        // A closed journal gets a background connection that is closed too: its jobs then fail the
        // way they would here ("the journal is not open"), through the same answers.
        m_background = new JournalBackground(isOpen() ? m_filePath : QString(), this);
        // What the other connection wrote, this object announces: its listeners need not know.
        connect(m_background, &JournalBackground::leadsAdded, this, &Journal::leadsAdded);
        connect(m_background, &JournalBackground::leadsChanged, this, &Journal::leadsChanged);
        connect(m_background, &JournalBackground::leadsRemoved, this, &Journal::leadsRemoved);
    }
    return m_background;
}

void Journal::stopBackground()
{
    if (!m_background)
        return;
    m_background->finishJobs();
    // What the finished jobs delivered is still queued: hand it out, so no ticket goes unanswered.
    QCoreApplication::sendPostedEvents(m_background, QEvent::MetaCall);
    delete m_background;
    m_background = nullptr;
}

void Journal::runInBackground(JournalBackground::Job job)
{
    m_openMerges.reset();
    background()->run([job = std::move(job)](Journal &worker, const JournalBackground::Deliver &deliver) {
        // Merges leave the connection's commits not waiting for the disk (see
        // mergeStatusesInBackground); every other job waits, as the connection was opened.
        if (!worker.setCommitsWaitForDisk(true))
            qCWarning(lcJournal) << "commits of the background connection may not wait for the disk:"
                                 << worker.errorString();
        job(worker, deliver);
    });
}

// Merges given to the background connection that run as one transaction. The GUI thread adds to the
// group until the background thread begins it (or it is full); the mutex settles which came first.
struct Journal::MergeGroup
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

quint64 Journal::mergeStatusesInBackground(const QString &profileId, const QList<StatusRow> &rows,
                                           qint64 nowMs)
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
        // next group and is put back before any other job (runInBackground): switching it costs a
        // statement's preparation each time, and a refresh runs a hundred groups.
        worker.setCommitsWaitForDisk(false);
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

void Journal::writeInBackground(QObject *context, BackgroundWrite write, WriteDone done)
{
    QPointer<QObject> guard(context);
    runInBackground([guard, write = std::move(write),
                     done = std::move(done)](Journal &worker, const JournalBackground::Deliver &deliver) {
        const bool ok = write(worker);
        const QString error = ok ? QString() : worker.errorString();
        deliver([guard, done, ok, error] {
            if (guard)
                done(ok, error);
        });
    });
}

quint64 Journal::loadRowsInBackground(const QString &profileId)
{
    const quint64 ticket = ++m_lastTicket;
    runInBackground([this, ticket, profileId](Journal &worker, const JournalBackground::Deliver &deliver) {
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

quint64 Journal::openOrderIdsInBackground(const QString &profileId)
{
    const quint64 ticket = ++m_lastTicket;
    runInBackground([this, ticket, profileId](Journal &worker, const JournalBackground::Deliver &deliver) {
        worker.m_error.clear();
        const QStringList ids = worker.openOrderIds(profileId);
        const QString error = worker.m_error; // set only by a failed read
        deliver(
            [this, ticket, profileId, ids, error] { emit openOrderIdsRead(ticket, profileId, ids, error); });
        // The answers about them come next: while the first questions are on their way, what their
        // merges compare is read in one pass, instead of by each merge for its 50 leads.
        if (error.isEmpty())
            worker.prepareMerges(profileId, ids);
    });
    return ticket;
}

bool Journal::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

QString Journal::filePath() const
{
    return m_filePath;
}

QString Journal::errorString() const
{
    return m_error;
}

int Journal::schemaVersion() const
{
    if (!isOpen())
        return -1;
    QSqlDatabase db = database();
    QString error;
    return JournalSchema::storedVersion(db, &error);
}

QSqlDatabase Journal::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Journal::exec(QSqlQuery &query) const
{
    if (query.exec())
        return true;
    m_error = query.lastError().text();
    qCWarning(lcJournal) << "journal query failed:" << m_error;
    return false;
}

void Journal::notPrepared(const QString &error) const
{
    m_error = error;
    qCWarning(lcJournal) << "journal statement not prepared:" << m_error;
}

PreparedStatement Journal::statement(const QString &sql) const
{
    QString error;
    PreparedStatement prepared = m_statements.take(m_connectionName, sql, &error);
    if (!prepared)
        notPrepared(error);
    return prepared;
}

bool Journal::run(QSqlQuery &query, const QVariantList &values) const
{
    for (const QVariant &value : values)
        query.addBindValue(value);
    return exec(query);
}

SqliteStatement Journal::nativeStatement(const QString &sql) const
{
    QString error;
    SqliteStatement prepared = m_nativeStatements.take(m_sqlite, sql, &error);
    if (!prepared)
        notPrepared(error);
    return prepared;
}

bool Journal::runNative(SqliteStatement &statement) const
{
    if (statement.exec())
        return true;
    m_error = statement.errorString();
    qCWarning(lcJournal) << "journal query failed:" << m_error;
    return false;
}

PreparedStatement Journal::select(const QString &sql, const QVariantList &values) const
{
    PreparedStatement query = statement(sql);
    if (query && run(*query, values))
        return query;
    return PreparedStatement();
}

bool Journal::beginBatch()
{
    if (!isOpen()) {
        m_error = tr("The journal is not open.");
        return false;
    }
    if (m_batchDepth == 0) {
        if (!beginTransaction())
            return false;
        m_batchFailed = false;
    }
    ++m_batchDepth;
    return true;
}

bool Journal::commitBatch()
{
    if (m_batchDepth == 0)
        return false;
    if (--m_batchDepth > 0)
        return !m_batchFailed;
    QSqlDatabase db = database();
    if (m_batchFailed) {
        db.rollback();
        transactionEnded(false);
        return false;
    }
    if (!db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        transactionEnded(false);
        return false;
    }
    transactionEnded(true);
    return true;
}

void Journal::rollbackBatch()
{
    if (m_batchDepth == 0)
        return;
    m_batchFailed = true;
    if (--m_batchDepth == 0) {
        database().rollback();
        transactionEnded(false);
    }
}

bool Journal::beginWrite()
{
    if (!isOpen()) {
        m_error = tr("The journal is not open.");
        return false;
    }
    if (!m_merging) // any other write may touch what the merge cache holds
        m_mergeCache.clear();
    if (m_batchDepth > 0)
        return !m_batchFailed;
    return beginTransaction();
}

bool Journal::beginTransaction()
{
    // Every transaction here writes. SQLite's plain BEGIN starts as a reader and upgrades at the
    // first write, and in WAL mode that upgrade fails at once ("database is locked", no waiting)
    // when another connection (the background one, another process) committed in between. BEGIN
    // IMMEDIATE takes the write lock first, waiting for it under the busy timeout. Qt's commit()
    // and rollback() end it as usual.
    const PreparedStatement begin = statement(QStringLiteral("BEGIN IMMEDIATE"));
    return begin && exec(*begin);
}

bool Journal::endWrite(bool ok)
{
    if (m_batchDepth > 0) {
        if (!ok)
            m_batchFailed = true;
        return ok;
    }
    QSqlDatabase db = database();
    if (!ok) {
        db.rollback();
        transactionEnded(false);
        return false;
    }
    if (!db.commit()) {
        m_error = db.lastError().text();
        db.rollback();
        transactionEnded(false);
        return false;
    }
    transactionEnded(true);
    return true;
}

void Journal::transactionEnded(bool committed)
{
    m_mergeCacheChecked.reset();
    if (committed)
        m_mergeCache.commit();
    else
        m_mergeCache.rollback();
}

bool Journal::setCommitsWaitForDisk(bool wait)
{
    if (m_commitsWaitForDisk == wait)
        return true;
    if (!isOpen())
        return false;
    const PreparedStatement pragma = statement(wait ? QStringLiteral("PRAGMA synchronous = FULL")
                                                    : QStringLiteral("PRAGMA synchronous = NORMAL"));
    if (!pragma || !exec(*pragma))
        return false;
    m_commitsWaitForDisk = wait;
    return true;
}

bool Journal::commitsWaitForDisk() const
{
    if (!isOpen())
        return true; // nothing to relax
    const PreparedStatement pragma = select(QStringLiteral("PRAGMA synchronous"), {});
    return pragma && pragma->next() && pragma->value(0).toInt() >= 2; // FULL (2) or EXTRA (3)
}

bool Journal::mergeCacheUsable()
{
    if (!m_mergeCacheChecked)
        m_mergeCacheChecked = validateMergeCache();
    return *m_mergeCacheChecked;
}

bool Journal::validateMergeCache()
{
    const PreparedStatement version = select(QStringLiteral("PRAGMA data_version"), {});
    if (!version || !version->next()) {
        m_mergeCache.clear();
        return false;
    }
    m_mergeCache.validate(version->value(0).toLongLong());
    return true;
}

bool Journal::holds(const QString &profileId, const QString &key, const QString &orderId) const
{
    // Two lookups, each on its own index: "lead_key = ? OR order_id = ?" would scan the table.
    m_error.clear();
    for (const QString &column : {QStringLiteral("lead_key"), QStringLiteral("order_id")}) {
        const PreparedStatement query =
            select(QStringLiteral("SELECT COUNT(*) FROM leads WHERE profile_id = ? AND ") + column +
                       QStringLiteral(" = ?"),
                   {profileId, column == QLatin1String("lead_key") ? key : orderId});
        if (!query || !query->next())
            return false;
        if (query->value(0).toInt() > 0)
            return true;
    }
    return false;
}

bool Journal::addLead(const QString &profileId, const QString &key, const Lead &lead, qint64 nowMs)
{
    if (!beginWrite())
        return false;
    const bool isAuto = lead.orderId == QLatin1String("auto");
    const bool known = holds(profileId, key, isAuto ? key : lead.orderId);
    bool ok = m_error.isEmpty();
    if (ok && known) {
        m_error = tr("The journal already holds order %1.").arg(isAuto ? key : lead.orderId);
        ok = false;
    }
    if (ok) {
        const PreparedStatement insert = statement(QStringLiteral(
            "INSERT INTO leads (profile_id, lead_key, order_id, lead_json, send_state, attempts,"
            " next_try_at, created_at, phone, offer, name, wm, country)"
            " VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)"));
        ok = insert &&
             run(*insert, {profileId, key, isAuto ? textOrNull(QString()) : QVariant(lead.orderId),
                           QString::fromUtf8(LeadJson::toJson(lead)), SendStates::toText(SendState::Queued),
                           nowMs, nowMs, lead.phone, lead.offer, lead.name, lead.wm, lead.country});
    }
    if (!endWrite(ok))
        return false;
    emit leadsAdded(profileId, {key});
    return true;
}

int Journal::addTracked(const QString &profileId, const QStringList &orderIds, qint64 nowMs)
{
    if (!beginWrite())
        return -1;
    QStringList added;
    QSet<QString> seen;
    const PreparedStatement insert =
        statement(QStringLiteral("INSERT INTO leads (profile_id, lead_key, order_id, lead_json, send_state,"
                                 " created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    bool ok = bool(insert);
    for (const QString &rawId : orderIds) {
        if (!ok)
            break;
        const QString orderId = rawId.trimmed();
        if (orderId.isEmpty() || seen.contains(orderId))
            continue;
        seen.insert(orderId);
        const bool known = holds(profileId, orderId, orderId);
        if (!(ok = m_error.isEmpty()))
            break;
        if (known)
            continue;
        Lead lead;
        lead.orderId = orderId;
        ok = run(*insert, {profileId, orderId, orderId, QString::fromUtf8(LeadJson::toJson(lead)),
                           SendStates::toText(SendState::External), nowMs});
        if (ok)
            added.append(orderId);
    }
    if (!endWrite(ok))
        return -1;
    if (!added.isEmpty())
        emit leadsAdded(profileId, added);
    return int(added.size());
}

bool Journal::updateState(const QString &profileId, const QString &key, const QString &assignments,
                          const QVariantList &values)
{
    if (!beginWrite())
        return false;
    bool ok;
    {
        const PreparedStatement query = statement(QStringLiteral("UPDATE leads SET ") + assignments +
                                                  QStringLiteral(" WHERE profile_id = ? AND lead_key = ?"));
        ok = query && run(*query, values + QVariantList{profileId, key});
        if (ok && query->numRowsAffected() != 1) {
            m_error = tr("The journal holds no lead %1.").arg(key);
            ok = false;
        }
    }
    if (!endWrite(ok))
        return false;
    emit leadsChanged(profileId, {key});
    return true;
}

bool Journal::markSending(const QString &profileId, const QString &key, const QByteArray &requestBody,
                          qint64 nowMs)
{
    Q_UNUSED(nowMs)
    return updateState(
        profileId, key,
        QStringLiteral("send_state = ?, attempts = attempts + 1, request_body = ?, next_try_at = NULL"),
        {SendStates::toText(SendState::Sending), QString::fromUtf8(requestBody)});
}

bool Journal::markSent(const QString &profileId, const QString &key, const QString &networkOrderId,
                       const QString &ourOrderId, qint64 nowMs)
{
    // An "auto" lead learns its order id here; a numbered lead keeps its own.
    return updateState(
        profileId, key,
        QStringLiteral("send_state = ?, network_id = ?, order_id = COALESCE(order_id, ?),"
                       " sent_at = ?, next_try_at = NULL, maybe_delivered = 0,"
                       " error_code = NULL, error_text = NULL"),
        {SendStates::toText(SendState::Sent), textOrNull(networkOrderId), textOrNull(ourOrderId), nowMs});
}

bool Journal::markRejected(const QString &profileId, const QString &key, const QString &code,
                           const QString &text)
{
    return updateState(profileId, key,
                       QStringLiteral("send_state = ?, error_code = ?, error_text = ?, next_try_at = NULL,"
                                      " maybe_delivered = 0"),
                       {SendStates::toText(SendState::Rejected), code, text});
}

bool Journal::markWaiting(const QString &profileId, const QString &key, SendState state, const QString &code,
                          const QString &text, qint64 nextTryMs, bool maybeDelivered)
{
    return updateState(profileId, key,
                       QStringLiteral("send_state = ?, error_code = ?, error_text = ?, next_try_at = ?,"
                                      " maybe_delivered = ?"),
                       {SendStates::toText(state), textOrNull(code), textOrNull(text), msOrNull(nextTryMs),
                        maybeDelivered ? 1 : 0});
}

int Journal::recoverInterruptedSends(const QString &profileId, qint64 nowMs, const QString &code,
                                     const QString &numberedText, const QString &autoText)
{
    if (!beginWrite())
        return -1;
    QStringList keys;
    QList<std::pair<QString, bool>> found;
    bool ok;
    {
        const PreparedStatement query = select(
            QStringLiteral("SELECT lead_key, order_id FROM leads WHERE profile_id = ? AND send_state = ?"),
            {profileId, SendStates::toText(SendState::Sending)});
        ok = bool(query);
        while (ok && query->next())
            found.append({query->value(0).toString(), query->value(1).isNull()});
    }
    const PreparedStatement update =
        statement(QStringLiteral("UPDATE leads SET send_state = ?, maybe_delivered = 1, error_code = ?,"
                                 " error_text = ?, next_try_at = ? WHERE profile_id = ? AND lead_key = ?"));
    ok = ok && update;
    for (const auto &[key, isAuto] : found) {
        if (!ok)
            break;
        ok = run(*update, {SendStates::toText(SendState::Unknown), code, isAuto ? autoText : numberedText,
                           isAuto ? msOrNull(-1) : QVariant(nowMs), profileId, key});
        keys.append(key);
    }
    if (!endWrite(ok))
        return -1;
    if (!keys.isEmpty())
        emit leadsChanged(profileId, keys);
    return int(keys.size());
}

bool Journal::replaceLead(const QString &profileId, const QString &key, const Lead &lead, qint64 nowMs)
{
    return updateState(
        profileId, key,
        QStringLiteral("lead_json = ?, phone = ?, offer = ?, name = ?, wm = ?, country = ?,"
                       " send_state = ?, next_try_at = ?, error_code = NULL, error_text = NULL"),
        {QString::fromUtf8(LeadJson::toJson(lead)), lead.phone, lead.offer, lead.name, lead.wm, lead.country,
         SendStates::toText(SendState::Queued), nowMs});
}

bool Journal::requeue(const QString &profileId, const QString &key, qint64 nowMs)
{
    return updateState(profileId, key, QStringLiteral("send_state = ?, next_try_at = ?"),
                       {SendStates::toText(SendState::Queued), nowMs});
}

int Journal::makeWaitingDue(const QString &profileId, qint64 nowMs, const QList<SendState> &states)
{
    if (states.isEmpty())
        return 0;
    if (!beginWrite())
        return -1;
    QStringList placeholders;
    for (qsizetype i = 0; i < states.size(); ++i)
        placeholders << QStringLiteral("?");
    const QString condition = QStringLiteral(" WHERE profile_id = ? AND send_state IN (") +
                              placeholders.join(QLatin1Char(',')) + QStringLiteral(") AND next_try_at > ?");
    QVariantList conditionValues{profileId};
    for (const SendState state : states)
        conditionValues.append(SendStates::toText(state));
    conditionValues.append(nowMs);
    QStringList keys;
    bool ok;
    {
        const PreparedStatement query =
            select(QStringLiteral("SELECT lead_key FROM leads") + condition, conditionValues);
        ok = bool(query);
        while (ok && query->next())
            keys.append(query->value(0).toString());
    }
    if (ok && !keys.isEmpty()) {
        const PreparedStatement update =
            statement(QStringLiteral("UPDATE leads SET next_try_at = ?") + condition);
        ok = update && run(*update, QVariantList{nowMs} + conditionValues);
    }
    if (!endWrite(ok))
        return -1;
    if (!keys.isEmpty())
        emit leadsChanged(profileId, keys);
    return int(keys.size());
}

bool Journal::remove(const QString &profileId, const QString &key)
{
    if (!beginWrite())
        return false;
    bool ok = true;
    for (const char *table : {"lead_history", "lead_checks"}) {
        const PreparedStatement related = statement(
            QStringLiteral("DELETE FROM %1 WHERE profile_id = ? AND lead_key = ?").arg(QLatin1String(table)));
        ok = ok && related && run(*related, {profileId, key});
    }
    if (ok) {
        const PreparedStatement lead =
            statement(QStringLiteral("DELETE FROM leads WHERE profile_id = ? AND lead_key = ?"));
        ok = lead && run(*lead, {profileId, key});
        if (ok && lead->numRowsAffected() != 1) {
            m_error = tr("The journal holds no lead %1.").arg(key);
            ok = false;
        }
    }
    if (!endWrite(ok))
        return false;
    emit leadsRemoved(profileId, {key});
    return true;
}

void Journal::prepareMerges(const QString &profileId, const QStringList &orderIds)
{
    if (orderIds.size() < InListLength || orderIds.size() > MergeCache::MaxLeads)
        return; // one merge reads them as cheaply; or the cache would not hold them
    // In a transaction, like a merge: what is read matches the data version the cache is checked
    // against, and is kept only when it commits.
    m_error.clear();
    m_merging = true;
    const bool begun = beginWrite();
    m_merging = false;
    if (!begun)
        return;
    bool ok = mergeCacheUsable();
    const bool needed = ok && !m_mergeCache.holdsAllOpenLeads(profileId) &&
                        std::any_of(orderIds.cbegin(), orderIds.cend(), [&](const QString &orderId) {
                            return !m_mergeCache.find(profileId, orderId);
                        });
    if (needed) {
        // The leads openOrderIds() chose; the columns in the order of MergeCache::Lead's fields.
        SqliteStatement read =
            nativeStatement(QStringLiteral("SELECT lead_key, network_id, stage, comment, status, reason,"
                                           " goods_count, order_id FROM leads WHERE ") +
                            QLatin1String(openLeadsCondition));
        ok = bool(read);
        if (ok)
            bindOpenLeadsCondition(read, profileId);
        while (ok && read.next()) {
            const MergeCache::Lead lead = mergeCacheLeadFrom(read);
            m_mergeCache.stage(profileId, orderIdFrom(read, lead), lead);
        }
        ok = ok && !read.failed();
        if (ok)
            m_mergeCache.stageAllOpenLeads(profileId);
        if (!ok && read)
            m_error = read.errorString();
    }
    if (!endWrite(ok) && !m_error.isEmpty())
        qCWarning(lcJournal) << "merges not prepared:" << m_error; // they read what they need
}

MergeResult Journal::mergeStatus(const QString &profileId, const StatusRow &row, qint64 nowMs)
{
    const StatusMergeBatch batch = mergeStatuses(profileId, {row}, nowMs);
    return batch.results.value(0);
}

StatusMergeBatch Journal::mergeStatuses(const QString &profileId, const QList<StatusRow> &statusRows,
                                        qint64 nowMs)
{
    StatusMergeBatch batch;
    batch.checkedAtMs = nowMs;
    batch.results.resize(statusRows.size());
    if (std::all_of(statusRows.cbegin(), statusRows.cend(),
                    [](const StatusRow &row) { return row.ourOrderId.isEmpty(); })) {
        batch.ok = true;
        return batch;
    }
    m_merging = true; // what a merge writes, it stages in the merge cache itself
    const bool begun = beginWrite();
    m_merging = false;
    if (!begun) {
        batch.error = m_error;
        return batch;
    }
    const bool cacheUsable = mergeCacheUsable();
    // Each row's lead as the merge cache holds it; the order ids it does not hold are read.
    QVarLengthArray<const MergeCache::Lead *, InListLength> cachedLeads(statusRows.size());
    QStringList unread;
    QSet<QString> pending; // order ids not yet checked in this merge (a lead may be named twice)
    for (qsizetype i = 0; i < statusRows.size(); ++i) {
        const QString &orderId = statusRows.at(i).ourOrderId;
        cachedLeads[i] = cacheUsable && !orderId.isEmpty() ? m_mergeCache.find(profileId, orderId) : nullptr;
        if (orderId.isEmpty() || pending.contains(orderId))
            continue;
        pending.insert(orderId);
        if (!cachedLeads[i])
            unread.append(orderId);
    }

    // What a merge compares of each lead asked about is read once (or taken from the merge cache, as
    // the last merge left it), and brought forward row by row in memory (a lead named twice in one
    // answer merges twice, as if the rows came one by one). The table learns what changed from the
    // merge's own result (StatusUpdate), without reading the leads again.
    struct Known
    {
        explicit Known(JournalRow compared)
            : row(std::move(compared)), wasFinal(StatusProgress::isFinal(row.stage, row.status))
        {}
        Known() = default;
        JournalRow row;
        bool wasFinal = false;
        bool cached = false; // the merge cache holds it as it was
        bool changed = false;
        bool learnedNetworkId = false;
    };
    QHash<QString, Known> known; // by our order id: leads read, and cached leads the merge changes
    bool ok = true;
    // The columns in the order of MergeCache::Lead's fields, then the order id.
    const QString selectSql =
        QStringLiteral("SELECT lead_key, network_id, stage, comment, status, reason, goods_count, order_id"
                       " FROM leads WHERE profile_id = ? AND order_id IN (") +
        inListPlaceholders() + QStringLiteral(")");
    for (qsizetype start = 0; ok && start < unread.size(); start += InListLength) {
        SqliteStatement read = nativeStatement(selectSql);
        ok = bool(read);
        if (!ok)
            break;
        read.bindText(1, profileId);
        bindInList(read, 2, unread, start);
        while (read.next()) {
            const MergeCache::Lead lead = mergeCacheLeadFrom(read);
            const QString orderId = orderIdFrom(read, lead);
            known.insert(orderId, Known{comparedRow(orderId, lead)});
        }
        if (read.failed()) {
            m_error = read.errorString();
            ok = false;
        }
    }

    // Every change in the order seen, with the state before it: one history row each.
    struct Change
    {
        QString key;
        JournalRow before;
        JournalRow after;
    };
    QList<Change> changes;
    QStringList changedOrder; // order ids of changed leads, first change first
    for (qsizetype i = 0; ok && i < statusRows.size(); ++i) {
        const StatusRow &reply = statusRows.at(i);
        MergeResult &result = batch.results[i];
        auto lead = known.find(reply.ourOrderId);
        if (lead == known.end() && cachedLeads[i]) {
            // Most answers leave most leads as they were: those are answered from the cache, with no
            // copy of what it holds.
            const MergeCache::Lead &cached = *cachedLeads[i];
            const bool learnsNetworkId = cached.networkId.isEmpty() && !reply.networkOrderId.isEmpty();
            const bool stale =
                !StatusProgress::mayReplace(cached.stage, cached.status, reply.stage, reply.status);
            if (!learnsNetworkId && (stale || !replyChanges(reply, cached.stage, cached.status, cached.reason,
                                                            cached.count, cached.comment))) {
                result.found = true;
                result.stale = stale;
                result.key = cached.key;
                result.previousStage = result.stage = cached.stage;
                result.previousStatus = result.status = cached.status;
                if (pending.remove(reply.ourOrderId))
                    batch.checkedKeys.append(cached.key);
                continue;
            }
            lead = known.insert(reply.ourOrderId, Known{comparedRow(reply.ourOrderId, cached)});
            lead->cached = true;
        }
        if (reply.ourOrderId.isEmpty() || lead == known.end())
            continue;
        JournalRow &row = lead->row;
        result.found = true;
        result.key = row.key;
        result.previousStage = row.stage;
        result.previousStatus = row.status;
        result.stage = row.stage;
        result.status = row.status;
        // The network id is filled in once (tracked leads learn it here), never rewritten.
        if (row.networkOrderId.isEmpty() && !reply.networkOrderId.isEmpty()) {
            row.networkOrderId = reply.networkOrderId;
            lead->learnedNetworkId = true;
        }
        if (!StatusProgress::mayReplace(row.stage, row.status, reply.stage, reply.status)) {
            result.stale = true;
            qCDebug(lcJournal) << "stale status ignored for" << row.key;
            continue;
        }
        result.changed = replyChanges(reply, row.stage, row.status, row.reason, row.count, row.comment);
        if (!result.changed)
            continue;
        // Fields the reply leaves out keep what we knew (see replyChanges).
        JournalRow after = row;
        after.stage = reply.stage.isEmpty() ? row.stage : reply.stage;
        after.status = qint16(reply.status == 0 ? row.status : reply.status);
        after.reason = qint16(reply.reason);
        after.count = reply.count < 0 ? row.count : reply.count;
        after.comment = reply.comment.isEmpty() ? row.comment : reply.comment;
        after.changedAtMs = nowMs;
        after.unseenChange = true;
        result.stage = after.stage;
        result.status = after.status;
        result.stageChanged = !row.stage.isEmpty() && after.stage != row.stage;
        changes.append(Change{row.key, row, after});
        if (!lead->changed)
            changedOrder.append(reply.ourOrderId);
        lead->changed = true;
        row = after;
    }

    // Writes: one history row per change, one update per changed lead (its final state, a learned
    // network id), and one statement per 50 leads for the time of the check.
    if (ok && !changes.isEmpty()) {
        SqliteStatement insert = nativeStatement(QStringLiteral(
            "INSERT INTO lead_history (profile_id, lead_key, changed_at, stage, status, reason,"
            " goods_count, comment, previous_stage, previous_status)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        ok = bool(insert);
        for (qsizetype i = 0; ok && i < changes.size(); ++i) {
            const Change &change = changes.at(i);
            insert.bindText(1, profileId);
            insert.bindText(2, change.key);
            insert.bindInt(3, nowMs);
            insert.bindTextOrNull(4, change.after.stage);
            insert.bindInt(5, change.after.status);
            insert.bindInt(6, change.after.reason);
            insert.bindInt(7, change.after.count);
            insert.bindTextOrNull(8, change.after.comment);
            insert.bindTextOrNull(9, change.before.stage);
            insert.bindInt(10, change.before.status);
            ok = runNative(insert);
        }
    }
    for (auto lead = known.begin(); ok && lead != known.end(); ++lead) {
        JournalRow &row = lead->row;
        row.checkedAtMs = nowMs;
        if (pending.remove(lead.key()))
            batch.checkedKeys.append(row.key);
        if (lead->changed) {
            // is_final is set only when it changes: setting it rewrites the open-leads index entry,
            // a quarter of the cost of the update.
            const bool isFinal = StatusProgress::isFinal(row.stage, row.status);
            static const QString updateSql = QStringLiteral(
                "UPDATE leads SET stage = ?, status = ?, reason = ?, goods_count = ?, comment = ?,"
                " changed_at = ?, unseen = 1, network_id = ? %1"
                " WHERE profile_id = ? AND lead_key = ?");
            static const QString keepFinalSql = updateSql.arg(QString());
            static const QString setFinalSql = updateSql.arg(QStringLiteral(", is_final = ?"));
            SqliteStatement update = nativeStatement(isFinal != lead->wasFinal ? setFinalSql : keepFinalSql);
            ok = bool(update);
            if (!ok)
                break;
            update.bindTextOrNull(1, row.stage);
            update.bindInt(2, row.status);
            update.bindInt(3, row.reason);
            update.bindInt(4, row.count);
            update.bindTextOrNull(5, row.comment);
            update.bindInt(6, nowMs);
            update.bindTextOrNull(7, row.networkOrderId);
            int next = 8;
            if (isFinal != lead->wasFinal)
                update.bindInt(next++, isFinal ? 1 : 0);
            update.bindText(next, profileId);
            update.bindText(next + 1, row.key);
            ok = runNative(update);
            continue;
        }
        if (lead->learnedNetworkId) {
            SqliteStatement learn = nativeStatement(
                QStringLiteral("UPDATE leads SET network_id = ? WHERE profile_id = ? AND lead_key = ?"));
            ok = bool(learn);
            if (!ok)
                break;
            learn.bindText(1, row.networkOrderId);
            learn.bindText(2, profileId);
            learn.bindText(3, row.key);
            ok = runNative(learn);
        }
    }
    static const QString checkedUpdateSql =
        QStringLiteral("UPDATE lead_checks SET checked_at = ? WHERE profile_id = ? AND lead_key IN (") +
        inListPlaceholders() + QStringLiteral(")");
    // The same parameters, for leads never checked. A padded list repeats its last key: the same time
    // written twice.
    static const QString checkedInsertSql =
        QStringLiteral("INSERT INTO lead_checks (checked_at, profile_id, lead_key) SELECT ?, ?, column1 FROM"
                       " (VALUES ") +
        inListPlaceholders(QStringLiteral("(?)")) +
        QStringLiteral(") WHERE true ON CONFLICT (profile_id, lead_key) DO UPDATE"
                       " SET checked_at = excluded.checked_at");
    // Stamps one piece of 50 with one of those; how many rows it changed in *stamped.
    const auto stampChecked = [&](const QString &sql, qsizetype start, int *stamped) {
        SqliteStatement stamp = nativeStatement(sql);
        if (!stamp)
            return false;
        stamp.bindInt(1, nowMs);
        stamp.bindText(2, profileId);
        bindInList(stamp, 3, batch.checkedKeys, start);
        if (!runNative(stamp))
            return false;
        *stamped = stamp.rowsChanged();
        return true;
    };
    for (qsizetype start = 0; ok && start < batch.checkedKeys.size(); start += InListLength) {
        // Most leads were checked before: an update of the times in place is half the cost of an
        // insert that finds it has to update. Only a piece holding a lead never checked (fewer rows
        // updated than keys) takes the insert.
        int updated = 0;
        ok = stampChecked(checkedUpdateSql, start, &updated);
        if (ok && updated < qMin(InListLength, batch.checkedKeys.size() - start))
            ok = stampChecked(checkedInsertSql, start, &updated);
    }
    for (auto lead = known.cbegin(); ok && cacheUsable && lead != known.cend(); ++lead) {
        if (!lead->cached || lead->changed || lead->learnedNetworkId) // else it holds this already
            m_mergeCache.stage(profileId, lead.key(), comparedState(lead->row));
    }
    for (const QString &orderId : std::as_const(changedOrder)) {
        const JournalRow &row = known.value(orderId).row;
        batch.changedStatuses.append(StatusUpdate{row.key, orderId, row.networkOrderId, row.stage,
                                                  row.comment, row.changedAtMs, row.status, row.reason,
                                                  row.count});
    }
    if (!endWrite(ok)) {
        batch.error = m_error;
        batch.results = QList<MergeResult>(statusRows.size());
        batch.checkedKeys.clear();
        batch.changedStatuses.clear();
        batch.ok = false;
        return batch;
    }
    batch.ok = true;
    if (!batch.checkedKeys.isEmpty())
        emit statusesMerged(0, profileId, batch);
    return batch;
}

int Journal::markSeen(const QString &profileId, const QStringList &keys)
{
    if (keys.isEmpty())
        return 0;
    if (!beginWrite())
        return -1;
    int changed = 0;
    bool ok = true;
    {
        const PreparedStatement query = statement(QStringLiteral(
            "UPDATE leads SET unseen = 0 WHERE profile_id = ? AND lead_key = ? AND unseen <> 0"));
        ok = bool(query);
        for (qsizetype i = 0; ok && i < keys.size(); ++i) {
            ok = run(*query, {profileId, keys.at(i)});
            changed += ok ? query->numRowsAffected() : 0;
        }
    }
    if (!endWrite(ok))
        return -1;
    if (changed > 0)
        emit leadsChanged(profileId, keys);
    return changed;
}

std::optional<JournalEntry> Journal::entry(const QString &profileId, const QString &key) const
{
    return entryWhere(profileId, QLatin1String("lead_key"), key);
}

std::optional<JournalEntry> Journal::entryByOrderId(const QString &profileId, const QString &orderId) const
{
    return entryWhere(profileId, QLatin1String("order_id"), orderId);
}

std::optional<JournalEntry> Journal::entryWhere(const QString &profileId, QLatin1String column,
                                                const QString &value) const
{
    if (!isOpen())
        return std::nullopt;
    const PreparedStatement query =
        select(QStringLiteral("SELECT ") + QLatin1String(entryColumns) +
                   QStringLiteral(" FROM leads WHERE profile_id = ? AND ") + column + QStringLiteral(" = ?"),
               {profileId, value});
    if (!query || !query->next())
        return std::nullopt;
    return entryFrom(*query);
}

QList<JournalEntry> Journal::entriesWhere(const QString &condition, const QVariantList &values) const
{
    QList<JournalEntry> entries;
    const PreparedStatement query = select(QStringLiteral("SELECT ") + QLatin1String(entryColumns) +
                                               QStringLiteral(" FROM leads ") + condition,
                                           values);
    while (query && query->next())
        entries.append(entryFrom(*query));
    return entries;
}

QList<LeadSummary> Journal::findRecent(const QString &profileId, const QString &phone, const QString &offer,
                                       const QDateTime &since) const
{
    QList<LeadSummary> found;
    if (!isOpen())
        return found;
    const PreparedStatement query =
        select(QStringLiteral("SELECT lead_key, order_id, network_id, created_at, send_state, stage, status,"
                              " name FROM leads WHERE profile_id = ? AND phone = ? AND offer = ?"
                              " AND created_at >= ? ORDER BY created_at DESC"),
               {profileId, phone, offer, since.isValid() ? since.toMSecsSinceEpoch() : qint64(0)});
    while (query && query->next()) {
        LeadSummary summary;
        summary.ourOrderId =
            query->value(1).isNull() ? query->value(0).toString() : query->value(1).toString();
        summary.networkOrderId = query->value(2).toString();
        summary.createdAt = timeOf(query->value(3));
        summary.sendState = query->value(4).toString();
        summary.stage = query->value(5).toString();
        summary.status = query->value(6).toInt();
        summary.name = query->value(7).toString();
        found.append(summary);
    }
    return found;
}

QStringList Journal::openOrderIds(const QString &profileId) const
{
    QStringList ids;
    if (!isOpen())
        return ids;
    SqliteStatement read =
        nativeStatement(QStringLiteral("SELECT order_id FROM leads WHERE ") +
                        QLatin1String(openLeadsCondition) + QStringLiteral(" ORDER BY created_at"));
    if (!read)
        return ids;
    bindOpenLeadsCondition(read, profileId);
    while (read.next())
        ids.append(read.text(0));
    if (read.failed())
        m_error = read.errorString();
    return ids;
}

QList<JournalEntry> Journal::dueEntries(const QString &profileId, qint64 nowMs, int limit) const
{
    if (!isOpen() || limit <= 0)
        return {};
    return entriesWhere(QStringLiteral("WHERE profile_id = ? AND send_state IN (?, ?)"
                                       " AND next_try_at <= ? ORDER BY next_try_at, created_at LIMIT ?"),
                        {profileId, SendStates::toText(SendState::Queued),
                         SendStates::toText(SendState::Unknown), nowMs, limit});
}

std::optional<qint64> Journal::nextDueTime(const QString &profileId) const
{
    if (!isOpen())
        return std::nullopt;
    const PreparedStatement query = select(
        QStringLiteral("SELECT MIN(next_try_at) FROM leads WHERE profile_id = ? AND send_state IN (?, ?)"),
        {profileId, SendStates::toText(SendState::Queued), SendStates::toText(SendState::Unknown)});
    if (!query || !query->next() || query->value(0).isNull())
        return std::nullopt;
    return query->value(0).toLongLong();
}

int Journal::waitingCount(const QString &profileId) const
{
    if (!isOpen())
        return 0;
    const PreparedStatement query =
        select(QStringLiteral("SELECT COUNT(*) FROM leads WHERE profile_id = ? AND send_state IN (?, ?, ?)"),
               {profileId, SendStates::toText(SendState::Queued), SendStates::toText(SendState::Sending),
                SendStates::toText(SendState::Unknown)});
    if (!query || !query->next())
        return 0;
    return query->value(0).toInt();
}

QList<JournalEntry> Journal::outboxEntries(const QString &profileId) const
{
    if (!isOpen())
        return {};
    return entriesWhere(
        QStringLiteral("WHERE profile_id = ? AND send_state IN (?, ?, ?, ?) ORDER BY created_at, lead_key"),
        {profileId, SendStates::toText(SendState::Queued), SendStates::toText(SendState::Sending),
         SendStates::toText(SendState::Unknown), SendStates::toText(SendState::Rejected)});
}

QVector<JournalRow> Journal::rows(const QString &profileId) const
{
    QVector<JournalRow> rows;
    readRows(
        profileId, [&rows](QVector<JournalRow> &&all, bool) { rows = std::move(all); }, -1, -1);
    return rows;
}

bool Journal::readRows(const QString &profileId, const RowSink &sink, int firstChunk, int chunk) const
{
    if (!isOpen()) {
        m_error = tr("The journal is not open.");
        return false;
    }
    int total = 0;
    {
        const PreparedStatement count =
            select(QStringLiteral("SELECT COUNT(*) FROM leads WHERE profile_id = ?"), {profileId});
        if (count && count->next())
            total = count->value(0).toInt();
    }
    const PreparedStatement query =
        select(QStringLiteral("SELECT ") + QLatin1String(rowColumns) +
                   QStringLiteral(" FROM leads WHERE profile_id = ? ORDER BY created_at, lead_key"),
               {profileId});
    if (!query)
        return false;
    // A piece ends at `limit` rows; -1: the rest in one piece.
    int limit = firstChunk > 0 ? firstChunk : -1;
    QVector<JournalRow> rows;
    rows.reserve(limit > 0 ? qMin(limit, total) : total);
    while (query->next()) {
        rows.append(rowFrom(*query));
        if (limit > 0 && rows.size() >= limit) {
            total -= int(rows.size());
            sink(std::move(rows), false);
            limit = chunk > 0 ? chunk : -1;
            rows = QVector<JournalRow>();
            rows.reserve(qMax(0, limit > 0 ? qMin(limit, total) : total));
        }
    }
    if (query->lastError().type() != QSqlError::NoError) {
        m_error = query->lastError().text();
        return false;
    }
    sink(std::move(rows), true);
    return true;
}

QVector<JournalRow> Journal::rows(const QString &profileId, const QStringList &keys) const
{
    QVector<JournalRow> rows;
    if (!isOpen())
        return rows;
    const QString sql = QStringLiteral("SELECT ") + QLatin1String(rowColumns) +
                        QStringLiteral(" FROM leads WHERE profile_id = ? AND lead_key IN (") +
                        inListPlaceholders() + QStringLiteral(")");
    for (qsizetype start = 0; start < keys.size(); start += InListLength) {
        const PreparedStatement query = select(sql, inListValues({profileId}, keys, start));
        if (!query)
            return rows;
        while (query->next())
            rows.append(rowFrom(*query));
    }
    // Ordered here, not by the query: an ORDER BY lets SQLite walk the creation-time index over every
    // lead of the profile (6 ms at 10,000 leads) instead of looking up the few keys asked for.
    std::sort(rows.begin(), rows.end(), [](const JournalRow &left, const JournalRow &right) {
        return left.createdAtMs != right.createdAtMs ? left.createdAtMs < right.createdAtMs
                                                     : left.key < right.key;
    });
    return rows;
}

QList<StatusChange> Journal::history(const QString &profileId, const QString &key) const
{
    QList<StatusChange> changes;
    if (!isOpen())
        return changes;
    const PreparedStatement query = select(
        QStringLiteral("SELECT changed_at, stage, status, reason, goods_count, comment, previous_stage,"
                       " previous_status FROM lead_history WHERE profile_id = ? AND lead_key = ?"
                       " ORDER BY changed_at"),
        {profileId, key});
    while (query && query->next()) {
        StatusChange change;
        change.changedAt = timeOf(query->value(0));
        change.stage = query->value(1).toString();
        change.status = query->value(2).toInt();
        change.reason = query->value(3).toInt();
        change.count = query->value(4).toInt();
        change.comment = query->value(5).toString();
        change.previousStage = query->value(6).toString();
        change.previousStatus = query->value(7).toInt();
        changes.append(change);
    }
    return changes;
}

QString Journal::metaValue(const QString &key) const
{
    if (!isOpen())
        return QString();
    const PreparedStatement query =
        select(QStringLiteral("SELECT meta_value FROM meta WHERE meta_key = ?"), {key});
    if (!query || !query->next())
        return QString();
    return query->value(0).toString();
}

bool Journal::compareAndSetMeta(const QString &key, const QString &expected, const QString &value)
{
    if (!beginWrite())
        return false;
    bool ok;
    bool matched = false;
    {
        // One statement, no read first: a read-then-write transaction in WAL mode fails outright
        // when another process wrote in between, where this simply matches nothing.
        const PreparedStatement query =
            expected.isEmpty()
                ? statement(QStringLiteral("INSERT INTO meta (meta_key, meta_value) SELECT ?, ?"
                                           " WHERE NOT EXISTS (SELECT 1 FROM meta WHERE meta_key = ?)"))
                : statement(
                      QStringLiteral("UPDATE meta SET meta_value = ? WHERE meta_key = ? AND meta_value = ?"));
        ok = query && run(*query, expected.isEmpty() ? QVariantList{key, value, key}
                                                     : QVariantList{value, key, expected});
        matched = ok && query->numRowsAffected() == 1;
    }
    if (!endWrite(ok))
        return false;
    if (!matched)
        m_error.clear();
    return matched;
}

#include "JournalConnection.h"

#include "JournalLog.h"
#include "JournalSchema.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

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

} // namespace

JournalConnection::JournalConnection()
{
    static QAtomicInt counter;
    m_connectionName = QStringLiteral("cpadesk.journal.%1").arg(counter.fetchAndAddRelaxed(1));
}

JournalConnection::~JournalConnection()
{
    close();
}

QString JournalConnection::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/journal.sqlite");
}

bool JournalConnection::prepareFiles(const QString &filePath)
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

void JournalConnection::restrictCompanionFiles() const
{
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString companion = m_filePath + QLatin1String(suffix);
        if (QFileInfo::exists(companion) && !QFile::setPermissions(companion, ownerOnlyFile))
            qCWarning(lcJournal) << "cannot make a journal companion file private:" << suffix;
    }
}

bool JournalConnection::open(const QString &filePath)
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
            if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next() ||
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
                // Where Qt's plugin runs another SQLite, merges take Qt SQL's path (MergeStatement).
                m_sqlite = m_sqliteAllowed ? sqliteConnection(db) : nullptr;
                if (ok && !m_sqlite)
                    qCInfo(lcJournal) << "journal merges go through Qt SQL (SQLite's own interface not used)";
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

void JournalConnection::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = database();
        if (m_batchDepth > 0) {
            db.rollback();
            if (m_observer)
                m_observer->transactionEnded(false);
        }
        m_statements.clear();
        m_sqliteStatements.clear();
        m_sqlite = nullptr;
        db.close();
    }
    m_batchDepth = 0;
    m_batchFailed = false;
    m_commitsWaitForDisk = true;
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString JournalConnection::notOpenError()
{
    return tr("The journal is not open.");
}

bool JournalConnection::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

int JournalConnection::schemaVersion() const
{
    if (!isOpen())
        return -1;
    QSqlDatabase db = database();
    QString error;
    return JournalSchema::storedVersion(db, &error);
}

QSqlDatabase JournalConnection::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

PreparedStatement JournalConnection::statement(const QString &sql) const
{
    QString error;
    PreparedStatement prepared = m_statements.take(m_connectionName, sql, &error);
    if (!prepared) {
        m_error = error;
        qCWarning(lcJournal) << "journal statement not prepared:" << m_error;
    }
    return prepared;
}

bool JournalConnection::run(QSqlQuery &query, const QVariantList &values) const
{
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (query.exec())
        return true;
    m_error = query.lastError().text();
    qCWarning(lcJournal) << "journal query failed:" << m_error;
    return false;
}

PreparedStatement JournalConnection::select(const QString &sql, const QVariantList &values) const
{
    PreparedStatement query = statement(sql);
    if (query && run(*query, values))
        return query;
    return PreparedStatement();
}

MergeStatement JournalConnection::mergeStatement(const QString &sql) const
{
    if (!m_sqlite)
        return MergeStatement(statement(sql));
    QString error;
    SqliteStatement prepared = m_sqliteStatements.take(m_sqlite, sql, &error);
    if (!prepared) {
        m_error = error;
        qCWarning(lcJournal) << "journal statement not prepared:" << m_error;
    }
    return MergeStatement(std::move(prepared));
}

bool JournalConnection::run(MergeStatement &statement) const
{
    if (statement.exec())
        return true;
    m_error = statement.errorString();
    qCWarning(lcJournal) << "journal query failed:" << m_error;
    return false;
}

bool JournalConnection::beginBatch()
{
    if (!isOpen()) {
        m_error = notOpenError();
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

bool JournalConnection::commitBatch()
{
    if (m_batchDepth == 0)
        return false;
    if (--m_batchDepth > 0)
        return !m_batchFailed;
    return finishTransaction(!m_batchFailed);
}

void JournalConnection::rollbackBatch()
{
    if (m_batchDepth == 0)
        return;
    m_batchFailed = true;
    if (--m_batchDepth == 0)
        finishTransaction(false);
}

bool JournalConnection::beginWrite(bool forMerge)
{
    if (!isOpen()) {
        m_error = notOpenError();
        return false;
    }
    if (!forMerge && m_observer)
        m_observer->writeBegins();
    if (m_batchDepth > 0)
        return !m_batchFailed;
    return beginTransaction();
}

bool JournalConnection::endWrite(bool ok)
{
    if (m_batchDepth > 0) {
        if (!ok)
            m_batchFailed = true;
        return ok;
    }
    return finishTransaction(ok);
}

bool JournalConnection::beginTransaction()
{
    // Every transaction here writes. SQLite's plain BEGIN starts as a reader and upgrades at the
    // first write, and in WAL mode that upgrade fails at once ("database is locked", no waiting)
    // when another connection (the background one, another process) committed in between. BEGIN
    // IMMEDIATE takes the write lock first, waiting for it under the busy timeout. Qt's commit()
    // and rollback() end it as usual.
    const PreparedStatement begin = statement(QStringLiteral("BEGIN IMMEDIATE"));
    return begin && run(*begin);
}

bool JournalConnection::finishTransaction(bool commit)
{
    QSqlDatabase db = database();
    bool committed = false;
    if (commit) {
        committed = db.commit();
        if (!committed) {
            m_error = db.lastError().text();
            db.rollback();
        }
    } else {
        db.rollback();
    }
    if (m_observer)
        m_observer->transactionEnded(committed);
    return committed;
}

bool JournalConnection::setCommitsWaitForDisk(bool wait)
{
    if (m_commitsWaitForDisk == wait)
        return true;
    if (!isOpen())
        return false;
    const PreparedStatement pragma = statement(wait ? QStringLiteral("PRAGMA synchronous = FULL")
                                                    : QStringLiteral("PRAGMA synchronous = NORMAL"));
    if (!pragma || !run(*pragma))
        return false;
    m_commitsWaitForDisk = wait;
    return true;
}

bool JournalConnection::commitsWaitForDisk() const
{
    if (!isOpen())
        return true; // nothing to relax
    const PreparedStatement pragma = select(QStringLiteral("PRAGMA synchronous"), {});
    return pragma && pragma->next() && pragma->value(0).toInt() >= 2; // FULL (2) or EXTRA (3)
}

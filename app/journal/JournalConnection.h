#pragma once

#include "MergeStatement.h"
#include "SqliteStatements.h"
#include "StatementCache.h"

#include <QCoreApplication>
#include <QString>
#include <QVariantList>

class QSqlDatabase;
class QSqlQuery;
struct sqlite3;

// Told when a JournalConnection's transactions begin and end (the status merger keeps a cache of
// what it read, which holds only while this connection's own transactions say so).
class TransactionObserver
{
public:
    virtual ~TransactionObserver() = default;
    // A write other than a status merge is about to begin.
    virtual void writeBegins() = 0;
    virtual void transactionEnded(bool committed) = 0;
};

// One connection to a journal file (Qt SQL, SQLite), and what every part of the journal does with
// it: open and upgrade the file, prepared statements, transactions, the reason for the last failure.
//
// Durable before anything else happens: WAL with synchronous=FULL, so a write that returned true
// survives a crash, a kill -9 and a power cut. The file and its -wal/-shm companions are readable by
// the user only (0600) in a folder of their own (0700). The object lives in one thread, like its
// connection.
class JournalConnection
{
    Q_DECLARE_TR_FUNCTIONS(Journal)
public:
    JournalConnection();
    ~JournalConnection();
    JournalConnection(const JournalConnection &) = delete;
    JournalConnection &operator=(const JournalConnection &) = delete;

    // The journal of the current user: <AppDataLocation>/journal.sqlite.
    static QString defaultFilePath();

    // Opens (creating if needed) and upgrades the journal. An empty path means defaultFilePath().
    bool open(const QString &filePath);
    void close();
    bool isOpen() const;
    QString filePath() const { return m_filePath; }
    QString errorString() const { return m_error; } // why the last call failed, translated
    void setError(const QString &error) const { m_error = error; }
    static QString notOpenError(); // "the journal is not open", translated
    int schemaVersion() const;

    void setTransactionObserver(TransactionObserver *observer) { m_observer = observer; }

    // This connection's prepared statement for `sql` (see StatementCache); empty, with errorString()
    // set, when it does not prepare.
    PreparedStatement statement(const QString &sql) const;
    // Binds `values` in order and runs the statement; errorString() says why it failed.
    bool run(QSqlQuery &query, const QVariantList &values = {}) const;
    // A read: the statement for `sql` with `values` bound in order, run, to be read forward once;
    // empty, with errorString() set, when it fails.
    PreparedStatement select(const QString &sql, const QVariantList &values) const;
    // The statement for `sql` as a merge runs it (see MergeStatement): on SQLite's own interface when
    // Qt's SQLite plugin runs the SQLite this program links, else through Qt SQL. Empty, with
    // errorString() set, when it does not prepare.
    MergeStatement mergeStatement(const QString &sql) const;
    bool run(MergeStatement &statement) const; // exec(), with errorString() set on failure
    // Whether mergeStatement() uses SQLite's own interface on this connection (decided at open()).
    bool usesSqliteInterface() const { return m_sqlite != nullptr; }
    // Takes Qt SQL's path from the next open() on, as if Qt's plugin ran another SQLite (tests).
    void setSqliteInterfaceAllowed(bool allowed) { m_sqliteAllowed = allowed; }

    // A write of its own (one transaction), or part of the batch open. `forMerge`: a status merge,
    // which leaves the merger's cache as it is (see TransactionObserver::writeBegins).
    bool beginWrite(bool forMerge = false);
    bool endWrite(bool ok); // commits (or rolls back when !ok) unless inside a batch
    // Groups many writes into one transaction (one disk flush). Nested calls are counted.
    bool beginBatch();
    bool commitBatch();
    void rollbackBatch();

    // Whether commits wait for the disk (SQLite's synchronous FULL, as open() sets it) or only for
    // the operating system (NORMAL: kept through a crash of the app, maybe not through a power cut).
    // Set between transactions. False when the setting could not be changed.
    bool setCommitsWaitForDisk(bool wait);
    bool commitsWaitForDisk() const; // as SQLite reports it

private:
    QSqlDatabase database() const;
    bool beginTransaction();
    bool finishTransaction(bool commit);
    bool prepareFiles(const QString &filePath);
    void restrictCompanionFiles() const;

    QString m_connectionName;
    QString m_filePath;
    mutable QString m_error;
    mutable StatementCache m_statements;
    sqlite3 *m_sqlite = nullptr; // the connection under Qt's driver, when its SQLite is ours
    bool m_sqliteAllowed = true;
    mutable SqliteStatementCache m_sqliteStatements;
    TransactionObserver *m_observer = nullptr;
    int m_batchDepth = 0;
    bool m_batchFailed = false;
    bool m_commitsWaitForDisk = true; // as open() sets it
};

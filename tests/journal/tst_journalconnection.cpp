#include "TestEnvironment.h"
#include "journal/JournalConnection.h"
#include "journal/JournalSchema.h"

#include <QSqlQuery>
#include <QTest>

#include <memory>

namespace {

// What the connection told about its transactions, in order.
class RecordingObserver : public TransactionObserver
{
public:
    void writeBegins() override { events << QStringLiteral("write"); }
    void transactionEnded(bool committed) override
    {
        events << (committed ? QStringLiteral("commit") : QStringLiteral("rollback"));
    }
    QStringList events;
};

} // namespace

class TestJournalConnection : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void opensAtTheCurrentSchema();
    void opensWhereQtRunsAnotherSqlite();
    void writesTellTheObserver();
    void batchesNestAndFailWhole();
    void commitsWaitForTheDiskUnlessRelaxed();
    void closedConnectionRefusesWrites();

private:
    // Inserts a meta row through the connection's own write path.
    bool writeMeta(const QString &key, bool forMerge = false);
    int metaRows() const;

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<JournalConnection> m_connection;
    RecordingObserver m_observer;
};

void TestJournalConnection::init()
{
    m_env = std::make_unique<TestEnvironment>();
    m_connection = std::make_unique<JournalConnection>();
    QVERIFY2(m_connection->open(m_env->path() + QStringLiteral("/journal.sqlite")),
             qPrintable(m_connection->errorString()));
    m_observer.events.clear();
    m_connection->setTransactionObserver(&m_observer);
}

void TestJournalConnection::cleanup()
{
    m_connection.reset();
    m_env.reset();
}

bool TestJournalConnection::writeMeta(const QString &key, bool forMerge)
{
    if (!m_connection->beginWrite(forMerge))
        return false;
    const PreparedStatement insert =
        m_connection->statement(QStringLiteral("INSERT INTO meta (meta_key, meta_value) VALUES (?, ?)"));
    const bool ok = insert && m_connection->run(*insert, {key, QStringLiteral("v")});
    return m_connection->endWrite(ok);
}

int TestJournalConnection::metaRows() const
{
    const PreparedStatement count = m_connection->select(QStringLiteral("SELECT COUNT(*) FROM meta"), {});
    return count && count->next() ? count->value(0).toInt() : -1;
}

void TestJournalConnection::opensAtTheCurrentSchema()
{
    QVERIFY(m_connection->isOpen());
    QCOMPARE(m_connection->schemaVersion(), JournalSchema::CurrentVersion);
    const PreparedStatement mode = m_connection->select(QStringLiteral("PRAGMA journal_mode"), {});
    QVERIFY(mode && mode->next());
    QCOMPARE(mode->value(0).toString().toLower(), QStringLiteral("wal"));
}

void TestJournalConnection::opensWhereQtRunsAnotherSqlite()
{
    QVERIFY(m_connection->usesSqliteInterface()); // Debian's plugin runs the SQLite this program links
    JournalConnection other;
    other.setSqliteInterfaceAllowed(false); // as if Qt's plugin ran another SQLite library
    QVERIFY2(other.open(m_connection->filePath()), qPrintable(other.errorString()));
    QVERIFY(!other.usesSqliteInterface());
    // A merge's statements take Qt SQL's path (tst_statusmerger runs every merge both ways).
    MergeStatement read = other.mergeStatement(QStringLiteral("SELECT ?"));
    QVERIFY(read);
    read.bindText(1, QStringLiteral("through Qt SQL"));
    QVERIFY(read.next());
    QCOMPARE(read.text(0), QStringLiteral("through Qt SQL"));
    QVERIFY(!read.next());
    QVERIFY(!read.failed());
}

void TestJournalConnection::writesTellTheObserver()
{
    QVERIFY(writeMeta(QStringLiteral("a")));
    QCOMPARE(m_observer.events, (QStringList{QStringLiteral("write"), QStringLiteral("commit")}));

    // A merge's write leaves what the merger caches alone: only the end is told.
    m_observer.events.clear();
    QVERIFY(writeMeta(QStringLiteral("b"), true));
    QCOMPARE(m_observer.events, QStringList{QStringLiteral("commit")});

    // A failed write rolls back, and says so.
    m_observer.events.clear();
    QVERIFY(!writeMeta(QStringLiteral("a"))); // the key is taken
    QVERIFY(!m_connection->errorString().isEmpty());
    QCOMPARE(m_observer.events, (QStringList{QStringLiteral("write"), QStringLiteral("rollback")}));
    QCOMPARE(metaRows(), 2);
}

void TestJournalConnection::batchesNestAndFailWhole()
{
    QVERIFY(m_connection->beginBatch());
    QVERIFY(m_connection->beginBatch());
    QVERIFY(writeMeta(QStringLiteral("a")));
    QVERIFY(m_connection->commitBatch()); // the inner one: nothing committed yet
    QVERIFY(!m_observer.events.contains(QStringLiteral("commit")));
    QVERIFY(!writeMeta(QStringLiteral("a"))); // fails inside the batch...
    QVERIFY(!m_connection->commitBatch());    // ...so the whole batch is rolled back
    QCOMPARE(m_observer.events.constLast(), QStringLiteral("rollback"));
    QCOMPARE(metaRows(), 0);

    QVERIFY(m_connection->beginBatch());
    QVERIFY(writeMeta(QStringLiteral("a")));
    QVERIFY(writeMeta(QStringLiteral("b")));
    QVERIFY(m_connection->commitBatch());
    QCOMPARE(m_observer.events.count(QStringLiteral("commit")), 1);
    QCOMPARE(metaRows(), 2);
}

void TestJournalConnection::commitsWaitForTheDiskUnlessRelaxed()
{
    QVERIFY(m_connection->commitsWaitForDisk());
    QVERIFY(m_connection->setCommitsWaitForDisk(false));
    QVERIFY(!m_connection->commitsWaitForDisk());
    QVERIFY(m_connection->setCommitsWaitForDisk(true));
    QVERIFY(m_connection->commitsWaitForDisk());
}

void TestJournalConnection::closedConnectionRefusesWrites()
{
    m_connection->close();
    QVERIFY(!m_connection->isOpen());
    QVERIFY(!m_connection->beginWrite());
    QCOMPARE(m_connection->errorString(), JournalConnection::notOpenError());
    QVERIFY(!m_connection->beginBatch());
    QCOMPARE(m_connection->schemaVersion(), -1);
}

QTEST_GUILESS_MAIN(TestJournalConnection)
#include "tst_journalconnection.moc"

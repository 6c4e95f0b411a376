#include "TestEnvironment.h"
#include "journal/StatementCache.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The journal's cache of prepared statements, on a SQLite database of its own.
class TestStatementCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void statementIsPreparedOnceAndReused();
    void nestedUseOfTheSameStatementGetsItsOwn();
    void statementThatDoesNotPrepareSaysWhy();

private:
    QList<int> valuesAbove(StatementCache &cache, int floor);

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {
const QString connection = QStringLiteral("statement-cache-test");
const QString aboveSql = QStringLiteral("SELECT value FROM numbers WHERE value > ? ORDER BY value");

} // namespace

void TestStatementCache::init()
{
    m_env = std::make_unique<TestEnvironment>();
    m_dir = std::make_unique<QTemporaryDir>();
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    database.setDatabaseName(m_dir->filePath(QStringLiteral("cache.sqlite")));
    QVERIFY(database.open());
    QSqlQuery query(database);
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE numbers (value INTEGER)")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO numbers VALUES (1), (2), (3)")));
}

void TestStatementCache::cleanup()
{
    QSqlDatabase::database(connection, false).close();
    QSqlDatabase::removeDatabase(connection);
    m_dir.reset();
    m_env.reset();
}

QList<int> TestStatementCache::valuesAbove(StatementCache &cache, int floor)
{
    QString error;
    const PreparedStatement query = cache.take(connection, aboveSql, &error);
    QList<int> values;
    if (!query)
        return values;
    query->addBindValue(floor);
    if (!query->exec())
        return values;
    while (query->next())
        values << query->value(0).toInt();
    return values;
}

void TestStatementCache::statementIsPreparedOnceAndReused()
{
    StatementCache cache;
    QCOMPARE(valuesAbove(cache, 1), (QList<int>{2, 3}));
    QCOMPARE(valuesAbove(cache, 2), (QList<int>{3}));
    QCOMPARE(cache.size(), std::size_t(1));

    QString error;
    {
        // Given back reset: the read that stopped after one row holds nothing open.
        const PreparedStatement query = cache.take(connection, aboveSql, &error);
        query->addBindValue(0);
        QVERIFY(query->exec());
        QVERIFY(query->next());
    }
    {
        const PreparedStatement again = cache.take(connection, aboveSql, &error);
        QVERIFY(!again->isActive());
    }
    cache.clear();
    QCOMPARE(cache.size(), std::size_t(0));
}

void TestStatementCache::nestedUseOfTheSameStatementGetsItsOwn()
{
    StatementCache cache;
    QString error;
    const PreparedStatement outer = cache.take(connection, aboveSql, &error);
    outer->addBindValue(0);
    QVERIFY(outer->exec());
    QList<int> outerValues;
    QList<int> innerValues;
    while (outer->next()) {
        outerValues << outer->value(0).toInt();
        // A slot calling back into the journal mid-read, with the same statement.
        innerValues << valuesAbove(cache, 2);
    }
    QCOMPARE(outerValues, (QList<int>{1, 2, 3}));
    QCOMPARE(innerValues, (QList<int>{3, 3, 3}));
    QCOMPARE(cache.size(), std::size_t(1));
}

void TestStatementCache::statementThatDoesNotPrepareSaysWhy()
{
    StatementCache cache;
    QString error;
    const PreparedStatement query =
        cache.take(connection, QStringLiteral("SELECT value FROM nowhere"), &error);
    QVERIFY(!query);
    QVERIFY2(error.contains(QStringLiteral("nowhere")), qPrintable(error));
    QCOMPARE(cache.size(), std::size_t(0));
}

QTEST_GUILESS_MAIN(TestStatementCache)
#include "tst_statementcache.moc"

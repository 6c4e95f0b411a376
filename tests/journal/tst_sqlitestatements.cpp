#include "TestEnvironment.h"
#include "journal/SqliteStatements.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

// The statements the journal runs on SQLite's own interface, on a connection Qt SQL opened (as the
// journal does), in a database of their own.
class TestSqliteStatements : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void textsAndNullsGoInAsQtSqlWouldPutThem();
    void textsBoundFromTemporariesAreStoredWhole();
    void bindingsDoNotOutliveTheirUse();
    void nestedUseOfTheSameStatementGetsItsOwn();
    void readLeftHalfwayHoldsNoSnapshot();
    void failuresSayWhy();
    void columnsComparedAsStored();
    void clearLeavesNoStatementOpen();

private:
    QStringList names(SqliteStatementCache &cache);

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<QTemporaryDir> m_dir;
    sqlite3 *m_sqlite = nullptr;
};

namespace {
const QString connection = QStringLiteral("sqlite-statements-test");
const QString insertSql = QStringLiteral("INSERT INTO people (id, name) VALUES (?, ?)");
const QString namesSql = QStringLiteral("SELECT name FROM people ORDER BY id");

// Each statement SQLite holds open on the connection that is in the middle of a step.
int busyStatements(sqlite3 *db)
{
    int busy = 0;
    for (sqlite3_stmt *statement = sqlite3_next_stmt(db, nullptr); statement;
         statement = sqlite3_next_stmt(db, statement))
        busy += sqlite3_stmt_busy(statement) ? 1 : 0;
    return busy;
}
} // namespace

void TestSqliteStatements::init()
{
    m_env = std::make_unique<TestEnvironment>();
    m_dir = std::make_unique<QTemporaryDir>();
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    database.setDatabaseName(m_dir->filePath(QStringLiteral("statements.sqlite")));
    QVERIFY(database.open());
    QSqlQuery query(database);
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)")));
    const QVariant handle = database.driver()->handle();
    QCOMPARE(QByteArray(handle.typeName()), QByteArray("sqlite3*"));
    m_sqlite = *static_cast<sqlite3 *const *>(handle.constData());
    QVERIFY(m_sqlite);
}

void TestSqliteStatements::cleanup()
{
    QSqlDatabase::database(connection, false).close();
    QSqlDatabase::removeDatabase(connection);
    m_sqlite = nullptr;
    m_dir.reset();
    m_env.reset();
}

QStringList TestSqliteStatements::names(SqliteStatementCache &cache)
{
    QString error;
    SqliteStatement read = cache.take(m_sqlite, namesSql, &error);
    QStringList names;
    while (read && read.next())
        names << (read.text(0).isNull() ? QStringLiteral("<null>") : read.text(0));
    return names;
}

void TestSqliteStatements::textsAndNullsGoInAsQtSqlWouldPutThem()
{
    SqliteStatementCache cache;
    QString error;
    const QList<std::pair<int, QString>> rows{
        {1, QStringLiteral("Анна Иванова")}, {2, QString()}, {3, QStringLiteral("")}};
    for (const auto &[id, name] : rows) {
        SqliteStatement insert = cache.take(m_sqlite, insertSql, &error);
        QVERIFY2(insert, qPrintable(error));
        insert.bindInt(1, id);
        insert.bindText(2, name);
        QVERIFY(insert.exec());
        QCOMPARE(insert.rowsChanged(), 1);
    }
    {
        SqliteStatement insert = cache.take(m_sqlite, insertSql, &error);
        insert.bindInt(1, 4);
        insert.bindTextOrNull(2, QStringLiteral(""));
        QVERIFY(insert.exec());
    }
    // What Qt SQL reads back: a null QString binds NULL, an empty one an empty text.
    QSqlQuery query(QSqlDatabase::database(connection));
    QVERIFY(query.exec(QStringLiteral("SELECT id, name IS NULL, name FROM people ORDER BY id")));
    QList<std::tuple<int, bool, QString>> read;
    while (query.next())
        read.append({query.value(0).toInt(), query.value(1).toBool(), query.value(2).toString()});
    const QList<std::tuple<int, bool, QString>> expected{{1, false, QStringLiteral("Анна Иванова")},
                                                         {2, true, QString()},
                                                         {3, false, QString()},
                                                         {4, true, QString()}};
    QCOMPARE(read, expected);
    QCOMPARE(names(cache), (QStringList{QStringLiteral("Анна Иванова"), QStringLiteral("<null>"),
                                        QStringLiteral(""), QStringLiteral("<null>")}));
}

void TestSqliteStatements::textsBoundFromTemporariesAreStoredWhole()
{
    SqliteStatementCache cache;
    QString error;
    for (int id = 1; id <= 200; ++id) {
        SqliteStatement insert = cache.take(m_sqlite, insertSql, &error);
        insert.bindInt(1, id);
        insert.bindText(2, QStringLiteral("name ") + QString::number(id)); // gone before exec()
        QVERIFY(insert.exec());
    }
    // And run again and again in one scope, as a merge runs its inserts.
    {
        SqliteStatement insert = cache.take(m_sqlite, insertSql, &error);
        for (int id = 201; id <= 400; ++id) {
            insert.bindInt(1, id);
            insert.bindText(2, QStringLiteral("name ") + QString::number(id));
            QVERIFY(insert.exec());
        }
    }
    const QStringList stored = names(cache);
    QCOMPARE(stored.size(), 400);
    for (int id = 1; id <= 400; ++id)
        QCOMPARE(stored.at(id - 1), QStringLiteral("name ") + QString::number(id));
}

void TestSqliteStatements::bindingsDoNotOutliveTheirUse()
{
    SqliteStatementCache cache;
    QString error;
    {
        SqliteStatement insert = cache.take(m_sqlite, insertSql, &error);
        insert.bindInt(1, 1);
        insert.bindText(2, QStringLiteral("first"));
        QVERIFY(insert.exec());
    }
    {
        SqliteStatement insert = cache.take(m_sqlite, insertSql, &error);
        insert.bindInt(1, 2); // the name is not bound again: it must not be "first"
        QVERIFY(insert.exec());
    }
    QCOMPARE(names(cache), (QStringList{QStringLiteral("first"), QStringLiteral("<null>")}));
}

void TestSqliteStatements::nestedUseOfTheSameStatementGetsItsOwn()
{
    SqliteStatementCache cache;
    QString error;
    for (int id = 1; id <= 3; ++id) {
        SqliteStatement insert = cache.take(m_sqlite, insertSql, &error);
        insert.bindInt(1, id);
        insert.bindText(2, QString::number(id));
        QVERIFY(insert.exec());
    }
    SqliteStatement outer = cache.take(m_sqlite, namesSql, &error);
    QVERIFY(outer.next());
    QCOMPARE(outer.text(0), QStringLiteral("1"));
    // A slot calling back into the journal in the middle of a read asks for the same statement.
    QCOMPARE(names(cache), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    QVERIFY(outer.next());
    QCOMPARE(outer.text(0), QStringLiteral("2"));
}

void TestSqliteStatements::readLeftHalfwayHoldsNoSnapshot()
{
    SqliteStatementCache cache;
    QString error;
    for (int id = 1; id <= 3; ++id) {
        SqliteStatement insert = cache.take(m_sqlite, insertSql, &error);
        insert.bindInt(1, id);
        QVERIFY(insert.exec());
    }
    {
        SqliteStatement read = cache.take(m_sqlite, namesSql, &error);
        QVERIFY(read.next());
        QCOMPARE(busyStatements(m_sqlite), 1);
    }
    QCOMPARE(busyStatements(m_sqlite), 0);
}

void TestSqliteStatements::failuresSayWhy()
{
    SqliteStatementCache cache;
    QString error;
    QVERIFY(!cache.take(m_sqlite, QStringLiteral("SELECT name FROM nowhere"), &error));
    QVERIFY2(error.contains(QLatin1String("nowhere")), qPrintable(error));

    error.clear();
    QVERIFY(!cache.take(nullptr, namesSql, &error));
    QVERIFY(!error.isEmpty());

    for (int attempt = 0; attempt < 2; ++attempt) {
        SqliteStatement insert = cache.take(m_sqlite, insertSql, &error);
        insert.bindInt(1, 7);
        insert.bindText(2, QStringLiteral("seven"));
        QCOMPARE(insert.exec(), attempt == 0);
        if (attempt == 1) {
            QVERIFY(insert.failed());
            QVERIFY2(insert.errorString().contains(QLatin1String("UNIQUE")),
                     qPrintable(insert.errorString()));
        }
    }
    QCOMPARE(names(cache), QStringList{QStringLiteral("seven")});
}

void TestSqliteStatements::columnsComparedAsStored()
{
    SqliteStatementCache cache;
    QString error;
    SqliteStatement read = cache.take(
        m_sqlite, QStringLiteral("SELECT '800123', '800123', '80012', 800123, NULL, NULL, ''"), &error);
    QVERIFY2(read && read.next(), qPrintable(error));
    QVERIFY(read.sameText(0, 1));
    QVERIFY(!read.sameText(0, 2));
    QVERIFY(read.sameText(0, 3));  // a number reads as its text
    QVERIFY(!read.sameText(4, 5)); // NULL is nothing's equal
    QVERIFY(!read.sameText(4, 6));
    QCOMPARE(read.text(3), QStringLiteral("800123"));
}

void TestSqliteStatements::clearLeavesNoStatementOpen()
{
    SqliteStatementCache cache;
    QString error;
    QVERIFY(names(cache).isEmpty());
    QVERIFY(cache.take(m_sqlite, insertSql, &error));
    QVERIFY(sqlite3_next_stmt(m_sqlite, nullptr) != nullptr);
    cache.clear();
    QCOMPARE(sqlite3_next_stmt(m_sqlite, nullptr), nullptr);
}

QTEST_GUILESS_MAIN(TestSqliteStatements)
#include "tst_sqlitestatements.moc"

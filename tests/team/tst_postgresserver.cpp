#include "PostgresServer.h"
#include "team/TeamConnection.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QTest>

// The harness the team tests stand on: a real server, started by the test, as a non-root user.
class TestPostgresServer : public QObject
{
    Q_OBJECT
private slots:
    void driverLoads();
    void startsAnswersStopsAndRestarts();
};

void TestPostgresServer::driverLoads()
{
    QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
             "Qt's QPSQL driver is missing: install libqt6sql6-psql");
    QVERIFY(TeamConnection::driverAvailable());
}

void TestPostgresServer::startsAnswersStopsAndRestarts()
{
    PostgresServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(server.port() > 0);
    QCOMPARE(server.value(QStringLiteral("SELECT 6 * 7")).toInt(), 42);
    // The server never runs as root (PostgreSQL would refuse, and CI runs as root): its data folder
    // belongs to the account it runs as.
    const QString dataDirectory = server.value(QStringLiteral("SHOW data_directory")).toString();
    QVERIFY(!dataDirectory.isEmpty());
    QCOMPARE(QFileInfo(dataDirectory).ownerId() == 0, false);

    // Data survives a restart on the same port.
    QVERIFY2(server.exec({QStringLiteral("CREATE TABLE kept (v int)"),
                          QStringLiteral("INSERT INTO kept VALUES (7)")}),
             qPrintable(server.errorString()));
    const int port = server.port();
    QVERIFY2(server.stop(), qPrintable(server.errorString()));
    QVERIFY(!server.value(QStringLiteral("SELECT 1")).isValid()); // down means down
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    QCOMPARE(server.port(), port);
    QCOMPARE(server.value(QStringLiteral("SELECT v FROM kept")).toInt(), 7);
}

QTEST_GUILESS_MAIN(TestPostgresServer)
#include "tst_postgresserver.moc"

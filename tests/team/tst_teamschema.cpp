#include "TeamFixture.h"
#include "team/TeamConnection.h"
#include "team/TeamSchema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

// The team schema on a real PostgreSQL: installed once in one transaction, refused when newer, and its
// row-level security holding against an operator's hand-written SQL.
class TestTeamSchema : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void ownerInstallsOnceInOneTransaction();
    void twoFirstClientsAtOnce();
    void newerSchemaIsRefusedAndLeftAlone();
    void operatorCannotInstall();
    void operatorCannotTouchAnotherWorkstationsRows();
    void managerReadsEverythingAndWritesNothing();
    void aVersion4DatabaseIsUpgradedInOneTransaction();
    void olderSchemaNamesItsVersionAndWhoUpgrades();

private:
    static bool run(TeamConnection &connection, const QString &sql, QSqlError *error = nullptr,
                    int *rowsAffected = nullptr);
    static QStringList tables(PostgresServer &server);
    TeamFixture m_team;
};

bool TestTeamSchema::run(TeamConnection &connection, const QString &sql, QSqlError *error, int *rowsAffected)
{
    QSqlQuery query(connection.database());
    const bool ok = query.exec(sql);
    if (error)
        *error = query.lastError();
    if (rowsAffected)
        *rowsAffected = query.numRowsAffected();
    if (!ok && !error)
        qWarning() << sql << query.lastError().text();
    return ok;
}

QStringList TestTeamSchema::tables(PostgresServer &server)
{
    const QVariant list = server.value(
        QStringLiteral("SELECT coalesce(string_agg(tablename, ',' ORDER BY tablename), '') FROM pg_tables"
                       " WHERE schemaname = 'public'"),
        TeamFixture::databaseName());
    return list.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
}

void TestTeamSchema::initTestCase()
{
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
}

void TestTeamSchema::init()
{
    QVERIFY2(m_team.recreateDatabase(), qPrintable(m_team.errorString()));
}

void TestTeamSchema::ownerInstallsOnceInOneTransaction()
{
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY2(owner.open(), qPrintable(owner.errorString()));
    QSqlDatabase db = owner.database();
    QString error;
    QCOMPARE(TeamSchema::storedVersion(db, &error), 0);

    const TeamSchema::Result first = TeamSchema::prepare(db);
    QVERIFY2(first.outcome == TeamSchema::Outcome::Ready, qPrintable(first.message));
    QCOMPARE(TeamSchema::storedVersion(db, &error), TeamSchema::CurrentVersion);
    QCOMPARE(tables(m_team.server()),
             (QStringList{QStringLiteral("cpadesk_schema"), QStringLiteral("leads"),
                          QStringLiteral("order_id_nodes"), QStringLiteral("status_history"),
                          QStringLiteral("workstations")}));

    // A second client finds it ready and changes nothing.
    const QVariant xminBefore = m_team.server().value(QStringLiteral("SELECT xmin::text FROM cpadesk_schema"),
                                                      TeamFixture::databaseName());
    TeamConnection second(m_team.config(TeamFixture::ownerUser()));
    QVERIFY(second.open());
    QSqlDatabase secondDb = second.database();
    QVERIFY(TeamSchema::prepare(secondDb).outcome == TeamSchema::Outcome::Ready);
    QCOMPARE(m_team.server().value(QStringLiteral("SELECT xmin::text FROM cpadesk_schema"),
                                   TeamFixture::databaseName()),
             xminBefore);
}

void TestTeamSchema::twoFirstClientsAtOnce()
{
    // Two workstations of the owner meet an empty database at the same moment: the advisory lock makes
    // one wait, and it finds the work done instead of failing on tables that now exist.
    QList<TeamSchema::Outcome> outcomes(4, TeamSchema::Outcome::Failed);
    QList<QThread *> threads;
    for (int i = 0; i < outcomes.size(); ++i) {
        threads.append(QThread::create([this, i, &outcomes]() {
            TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
            if (!owner.open())
                return;
            QSqlDatabase db = owner.database();
            outcomes[i] = TeamSchema::prepare(db).outcome;
        }));
    }
    for (QThread *thread : std::as_const(threads))
        thread->start();
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    for (const TeamSchema::Outcome outcome : std::as_const(outcomes))
        QVERIFY(outcome == TeamSchema::Outcome::Ready);
    QCOMPARE(m_team.server()
                 .value(QStringLiteral("SELECT count(*) FROM cpadesk_schema"), TeamFixture::databaseName())
                 .toInt(),
             1);
}

void TestTeamSchema::newerSchemaIsRefusedAndLeftAlone()
{
    // A database installed by a newer CPA Desk: version 99, and a table this version does not know.
    QVERIFY2(m_team.server().exec({QStringLiteral("CREATE TABLE cpadesk_schema (singleton boolean PRIMARY KEY"
                                                  " DEFAULT true, version integer NOT NULL)"),
                                   QStringLiteral("INSERT INTO cpadesk_schema (version) VALUES (99)"),
                                   QStringLiteral("CREATE TABLE from_the_future (v int)"),
                                   QStringLiteral("ALTER TABLE cpadesk_schema OWNER TO cpadesk_owner")},
                                  TeamFixture::databaseName()),
             qPrintable(m_team.errorString()));
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY(owner.open());
    QSqlDatabase db = owner.database();
    const TeamSchema::Result result = TeamSchema::prepare(db);
    QVERIFY(result.outcome == TeamSchema::Outcome::NewerThanApp);
    QCOMPARE(result.storedVersion, 99);
    QVERIFY2(result.message.contains(QLatin1String("newer version of CPA Desk")), qPrintable(result.message));
    QVERIFY(result.message.contains(QLatin1String("99")));
    QCOMPARE(tables(m_team.server()),
             (QStringList{QStringLiteral("cpadesk_schema"), QStringLiteral("from_the_future")}));
    QCOMPARE(m_team.server()
                 .value(QStringLiteral("SELECT version FROM cpadesk_schema"), TeamFixture::databaseName())
                 .toInt(),
             99);
}

void TestTeamSchema::operatorCannotInstall()
{
    TeamConnection operatorA(m_team.config(TeamFixture::operatorA()));
    QVERIFY2(operatorA.open(), qPrintable(operatorA.errorString()));
    QSqlDatabase db = operatorA.database();
    const TeamSchema::Result result = TeamSchema::prepare(db);
    QVERIFY(result.outcome == TeamSchema::Outcome::NotInstalled);
    QVERIFY2(result.message.contains(QLatin1String("may not create them")), qPrintable(result.message));
    // Nothing half-made: the transaction was rolled back whole.
    QVERIFY(tables(m_team.server()).isEmpty());
}

void TestTeamSchema::operatorCannotTouchAnotherWorkstationsRows()
{
    {
        TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
        QVERIFY(owner.open());
        QSqlDatabase db = owner.database();
        QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
    }
    TeamConnection anna(m_team.config(TeamFixture::operatorA()));
    TeamConnection boris(m_team.config(TeamFixture::operatorB()));
    QVERIFY(anna.open());
    QVERIFY(boris.open());
    const QString leadOf =
        QStringLiteral("INSERT INTO leads (account, order_id, workstation_id, send_state, created_at)"
                       " VALUES ('acc', '%1', '%2', 'sent', now())");
    QVERIFY(run(anna,
                QStringLiteral(
                    "INSERT INTO workstations (workstation_id, operator_name) VALUES ('ws-anna', 'Anna')")));
    QVERIFY(run(anna, leadOf.arg(QStringLiteral("1001"), QStringLiteral("ws-anna"))));
    QVERIFY(run(
        boris, QStringLiteral(
                   "INSERT INTO workstations (workstation_id, operator_name) VALUES ('ws-boris', 'Boris')")));
    QVERIFY(run(boris, leadOf.arg(QStringLiteral("2001"), QStringLiteral("ws-boris"))));

    QSqlError error;
    int affected = -1;
    // Boris, by hand: Anna's rows are invisible to his UPDATE and DELETE...
    QVERIFY(run(boris,
                QStringLiteral("UPDATE leads SET status = 5, stage = 'cancel' WHERE order_id = '1001'"),
                &error, &affected));
    QCOMPARE(affected, 0);
    QVERIFY(!run(boris, QStringLiteral("DELETE FROM leads WHERE order_id = '1001'"), &error));
    QCOMPARE(error.nativeErrorCode(), QStringLiteral("42501")); // no DELETE at all
    // ...he cannot write a row in her workstation's name, nor move his own row to it...
    QVERIFY(!run(boris, leadOf.arg(QStringLiteral("2002"), QStringLiteral("ws-anna")), &error));
    QCOMPARE(error.nativeErrorCode(), QStringLiteral("42501"));
    QVERIFY(!run(boris, QStringLiteral("UPDATE leads SET workstation_id = 'ws-anna' WHERE order_id = '2001'"),
                 &error));
    QCOMPARE(error.nativeErrorCode(), QStringLiteral("42501"));
    // ...nor take her workstation over, nor overwrite her lead through an upsert.
    QVERIFY(run(
        boris,
        QStringLiteral("UPDATE workstations SET operator_name = 'Boris' WHERE workstation_id = 'ws-anna'"),
        &error, &affected));
    QCOMPARE(affected, 0);
    QVERIFY(!run(boris, QStringLiteral("UPDATE workstations SET db_user = 'operator_boris'"), &error));
    QVERIFY(!run(boris,
                 leadOf.arg(QStringLiteral("1001"), QStringLiteral("ws-boris")) +
                     QStringLiteral(" ON CONFLICT (account, order_id) DO UPDATE SET status = 5"),
                 &error));
    QVERIFY(!run(
        boris,
        QStringLiteral("INSERT INTO status_history (account, order_id, changed_at, status, workstation_id)"
                       " VALUES ('acc', '1001', now(), 5, 'ws-anna')"),
        &error));
    // Nor add history to her lead, even under his own workstation.
    QVERIFY(!run(
        boris,
        QStringLiteral("INSERT INTO status_history (account, order_id, changed_at, status, workstation_id)"
                       " VALUES ('acc', '1001', now(), 5, 'ws-boris')"),
        &error));
    QCOMPARE(error.nativeErrorCode(), QStringLiteral("42501"));
    // He sees only his own.
    QSqlQuery seen(boris.database());
    QVERIFY(seen.exec(QStringLiteral("SELECT string_agg(order_id, ',') FROM leads")) && seen.next());
    QCOMPARE(seen.value(0).toString(), QStringLiteral("2001"));

    // At the server, Anna's lead is as she wrote it.
    QCOMPARE(m_team.server()
                 .value(QStringLiteral(
                            "SELECT status || '/' || workstation_id FROM leads WHERE order_id = '1001'"),
                        TeamFixture::databaseName())
                 .toString(),
             QStringLiteral("0/ws-anna"));
    QCOMPARE(m_team.server()
                 .value(QStringLiteral("SELECT count(*) FROM leads"), TeamFixture::databaseName())
                 .toInt(),
             2);
}

void TestTeamSchema::managerReadsEverythingAndWritesNothing()
{
    {
        TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
        QVERIFY(owner.open());
        QSqlDatabase db = owner.database();
        QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
    }
    TeamConnection anna(m_team.config(TeamFixture::operatorA()));
    QVERIFY(anna.open());
    QVERIFY(run(anna, QStringLiteral("INSERT INTO workstations (workstation_id) VALUES ('ws-anna')")));
    QVERIFY(run(
        anna, QStringLiteral(
                  "INSERT INTO leads (account, order_id, workstation_id, send_state, created_at)"
                  " VALUES ('acc', '1', 'ws-anna', 'sent', now()), ('acc', '2', 'ws-anna', 'sent', now())")));
    TeamConnection maria(m_team.config(TeamFixture::manager()));
    QVERIFY(maria.open());
    QSqlQuery query(maria.database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM leads")) && query.next());
    QCOMPARE(query.value(0).toInt(), 2);
    QSqlError error;
    QVERIFY(!run(maria, QStringLiteral("UPDATE leads SET status = 5"), &error));
    QCOMPARE(error.nativeErrorCode(), QStringLiteral("42501"));
    QVERIFY(
        !run(maria, QStringLiteral("INSERT INTO workstations (workstation_id) VALUES ('ws-maria')"), &error));
    QCOMPARE(error.nativeErrorCode(), QStringLiteral("42501"));
}

void TestTeamSchema::aVersion4DatabaseIsUpgradedInOneTransaction()
{
    // A team database as CPA Desk of schema 4 left it, with a lead in it.
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY2(owner.open(), qPrintable(owner.errorString()));
    for (int version = 1; version <= 4; ++version) {
        for (const QString &statement : TeamSchema::stepStatements(version))
            QVERIFY(run(owner, statement));
    }
    QVERIFY(run(owner, QStringLiteral("UPDATE cpadesk_schema SET version = 4")));
    TeamConnection anna(m_team.config(TeamFixture::operatorA()));
    QVERIFY(anna.open());
    QVERIFY(run(anna, QStringLiteral("INSERT INTO workstations (workstation_id) VALUES ('ws-anna')")));
    QVERIFY(
        run(anna, QStringLiteral("INSERT INTO leads (account, order_id, workstation_id, send_state,"
                                 " created_at, stage, status) VALUES ('acc', '1', 'ws-anna', 'sent', now(),"
                                 " 'wait', 17)")));
    auto value = [this](const QString &sql) {
        return m_team.server().value(sql, TeamFixture::databaseName());
    };
    const QString wordColumns =
        QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_name = 'leads'"
                       " AND column_name IN ('status_text', 'reason_text', 'stage_text', 'comment')");
    const QString oldWriter = QStringLiteral(
        "SELECT to_regprocedure('cpadesk_record_status(text, text, text, integer, integer, integer, boolean,"
        " bigint)') IS NOT NULL");

    // A step that fails (here: an object in the way of version 6's index) leaves it all as it was: no
    // column of version 6, the old writer, version 4.
    QVERIFY(run(owner, QStringLiteral("CREATE INDEX leads_sort_comment ON leads (order_id)")));
    QSqlDatabase db = owner.database();
    const TeamSchema::Result failed = TeamSchema::prepare(db);
    QVERIFY(failed.outcome == TeamSchema::Outcome::Failed);
    QVERIFY2(failed.message.contains(QLatin1String("schema 6")), qPrintable(failed.message));
    QCOMPARE(value(QStringLiteral("SELECT version FROM cpadesk_schema")).toInt(), 4);
    QCOMPARE(value(wordColumns).toInt(), 0);
    QCOMPARE(value(oldWriter).toBool(), true);

    // With the way clear, one prepare() brings it to the current version, the lead kept, its words empty.
    QVERIFY(run(owner, QStringLiteral("DROP INDEX leads_sort_comment")));
    const TeamSchema::Result upgraded = TeamSchema::prepare(db);
    QVERIFY2(upgraded.outcome == TeamSchema::Outcome::Ready, qPrintable(upgraded.message));
    QCOMPARE(value(QStringLiteral("SELECT version FROM cpadesk_schema")).toInt(), TeamSchema::CurrentVersion);
    QCOMPARE(value(wordColumns).toInt(), 4);
    QCOMPARE(value(oldWriter).toBool(), false); // replaced, not left beside the new one
    QCOMPARE(value(QStringLiteral("SELECT stage || '/' || status || '/' || status_text || '/' || comment"
                                  " FROM leads WHERE order_id = '1'"))
                 .toString(),
             QStringLiteral("wait/17//"));
    // An operator may write the words of her own lead (row-level security keeps her to those).
    int affected = 0;
    QVERIFY(run(anna,
                QStringLiteral(
                    "UPDATE leads SET status_text = 'Особый статус 17', comment = 'c' WHERE order_id = '1'"),
                nullptr, &affected));
    QCOMPARE(affected, 1);
}

void TestTeamSchema::olderSchemaNamesItsVersionAndWhoUpgrades()
{
    // A database an older CPA Desk set up (schema 2), as its owner did then.
    {
        TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
        QVERIFY2(owner.open(), qPrintable(owner.errorString()));
        QSqlDatabase db = owner.database();
        QVERIFY(db.transaction());
        for (int version = 1; version <= 2; ++version) {
            for (const QString &statement : TeamSchema::stepStatements(version))
                QVERIFY(run(owner, statement));
        }
        QVERIFY(run(owner, QStringLiteral("UPDATE cpadesk_schema SET version = 2")));
        QVERIFY(db.commit());
    }
    // An operator's login may not upgrade it, and is told what it is, not that it is empty.
    {
        TeamConnection operatorA(m_team.config(TeamFixture::operatorA()));
        QVERIFY2(operatorA.open(), qPrintable(operatorA.errorString()));
        QSqlDatabase db = operatorA.database();
        QVERIFY(!TeamSchema::mayUpgrade(db));
        QCOMPARE(TeamSchema::ownerName(db), TeamFixture::ownerUser());
        const TeamSchema::Result result = TeamSchema::prepare(db);
        QVERIFY(result.outcome == TeamSchema::Outcome::NotInstalled);
        QCOMPARE(result.storedVersion, 2);
        QVERIFY2(result.message.contains(QLatin1String("at schema version 2")), qPrintable(result.message));
        QVERIFY2(result.message.contains(QStringLiteral("needs %1").arg(TeamSchema::CurrentVersion)),
                 qPrintable(result.message));
        QVERIFY2(result.message.contains(QStringLiteral("\"%1\"").arg(TeamFixture::ownerUser())),
                 qPrintable(result.message));
        QVERIFY2(!result.message.contains(QLatin1String("no CPA Desk tables")), qPrintable(result.message));
    }
    QCOMPARE(m_team.server()
                 .value(QStringLiteral("SELECT version FROM cpadesk_schema"), TeamFixture::databaseName())
                 .toInt(),
             2);
    // The owner's may, and does.
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY2(owner.open(), qPrintable(owner.errorString()));
    QSqlDatabase db = owner.database();
    QVERIFY(TeamSchema::mayUpgrade(db));
    QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
    QCOMPARE(m_team.server()
                 .value(QStringLiteral("SELECT version FROM cpadesk_schema"), TeamFixture::databaseName())
                 .toInt(),
             TeamSchema::CurrentVersion);
}

QTEST_GUILESS_MAIN(TestTeamSchema)
#include "tst_teamschema.moc"

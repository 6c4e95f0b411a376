#include "TeamFixture.h"
#include "journal/StatusProgress.h"
#include "team/TeamConnection.h"
#include "team/TeamSchema.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    void theServersOrderOfOutcomesIsStatusProgress();
    void theLeaseHolderCannotForgeAnotherOperatorsOutcome();

private:
    bool prepareAsOwner();
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

bool TestTeamSchema::prepareAsOwner()
{
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    if (!owner.open())
        return false;
    QSqlDatabase db = owner.database();
    return TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready;
}

// The team refresh's writer decides in SQL whether an answer moves a lead forward (schema step 8): its
// rules must be the journal's, over every stage word and status code, or the team and the workstations
// would disagree about a lead.
void TestTeamSchema::theServersOrderOfOutcomesIsStatusProgress()
{
    QVERIFY(prepareAsOwner());
    const QStringList stages = {QString(),
                                QStringLiteral("wait"),
                                QStringLiteral("hold"),
                                QStringLiteral("approve"),
                                QStringLiteral("cancel"),
                                QStringLiteral("trash"),
                                QStringLiteral("delivered")}; // a word this version does not know
    constexpr int LastStatus = 13;
    TeamConnection anna(m_team.config(TeamFixture::operatorA()));
    QVERIFY(anna.open());
    QSqlQuery query(anna.database());
    query.setForwardOnly(true);
    QVERIFY2(query.exec(
                 QStringLiteral(
                     "WITH s (stage) AS (SELECT unnest(string_to_array('%1', ','))),"
                     " o AS (SELECT s.stage, n FROM s, generate_series(0, %2) AS n)"
                     " SELECT c.stage, c.n, i.stage, i.n, cpadesk_status_progress(c.stage, c.n),"
                     " cpadesk_is_final_status(c.stage, c.n), cpadesk_may_replace(c.stage, c.n, i.stage, i.n)"
                     " FROM o c, o i")
                     .arg(stages.join(QLatin1Char(',')))
                     .arg(LastStatus)),
             qPrintable(query.lastError().text()));
    int pairs = 0;
    QStringList differences;
    while (query.next()) {
        ++pairs;
        const QString stage = query.value(0).toString();
        const int status = query.value(1).toInt();
        const QString incomingStage = query.value(2).toString();
        const int incomingStatus = query.value(3).toInt();
        const bool sameRank = query.value(4).toInt() == StatusProgress::rank(stage, status);
        const bool sameFinal = query.value(5).toBool() == StatusProgress::isFinal(stage, status);
        const bool sameReplace = query.value(6).toBool() ==
                                 StatusProgress::mayReplace(stage, status, incomingStage, incomingStatus);
        if (!sameRank || !sameFinal || !sameReplace)
            differences << QStringLiteral("%1/%2 -> %3/%4: rank %5 final %6 mayReplace %7")
                               .arg(stage)
                               .arg(status)
                               .arg(incomingStage)
                               .arg(incomingStatus)
                               .arg(query.value(4).toInt())
                               .arg(query.value(5).toBool())
                               .arg(query.value(6).toBool());
    }
    QVERIFY2(!query.lastError().isValid(), qPrintable(query.lastError().text()));
    const int states = int(stages.size()) * (LastStatus + 1);
    QCOMPARE(pairs, states * states);
    QVERIFY2(
        differences.isEmpty(),
        qPrintable(QStringLiteral("%1 differ, first: %2").arg(differences.size()).arg(differences.value(0))));
}

// Issue 19: an operator's login cannot change another operator's rows, even by hand-written SQL. The
// holder of an account's refresh lease (any operator's login may take it while nobody holds it) writes
// the network's answers for the whole team, so its writer must trust nothing else of its caller: not a
// progress or finality of the caller's (a progress of -1 would move a lead backwards, a 9 would make it
// final and drop it from every refresh), and not an account in which its login has no lead.
void TestTeamSchema::theLeaseHolderCannotForgeAnotherOperatorsOutcome()
{
    QVERIFY(prepareAsOwner());
    TeamConnection anna(m_team.config(TeamFixture::operatorA()));
    TeamConnection boris(m_team.config(TeamFixture::operatorB()));
    QVERIFY(anna.open());
    QVERIFY(boris.open());
    auto lead = [](TeamConnection &login, const char *account, const char *orderId, const char *workstation,
                   const char *stage, int status) {
        return run(login,
                   QStringLiteral("INSERT INTO leads (account, order_id, workstation_id, send_state,"
                                  " created_at, stage, status, progress, is_final) VALUES ('%1', '%2',"
                                  " '%3', 'sent', now(), '%4', %5, %6, %7)")
                       .arg(QLatin1String(account), QLatin1String(orderId), QLatin1String(workstation),
                            QLatin1String(stage))
                       .arg(status)
                       .arg(StatusProgress::rank(QLatin1String(stage), status))
                       .arg(StatusProgress::isFinal(QLatin1String(stage), status) ? QLatin1String("true")
                                                                                  : QLatin1String("false")));
    };
    QVERIFY(run(anna, QStringLiteral("INSERT INTO workstations (workstation_id) VALUES ('ws-anna')")));
    QVERIFY(lead(anna, "acc", "1001", "ws-anna", "approve", 6));
    QVERIFY(lead(anna, "acc", "1002", "ws-anna", "wait", 2));
    QVERIFY(lead(anna, "anna-only", "3001", "ws-anna", "wait", 2));
    QVERIFY(run(boris, QStringLiteral("INSERT INTO workstations (workstation_id) VALUES ('ws-boris')")));
    QVERIFY(lead(boris, "acc", "2001", "ws-boris", "wait", 2));
    auto outcome = [this](const QString &orderId) {
        return m_team.server()
            .value(QStringLiteral("SELECT stage || '/' || status || '/' || progress || '/' || is_final FROM"
                                  " leads WHERE order_id = '%1'")
                       .arg(orderId),
                   TeamFixture::databaseName())
            .toString();
    };

    // Boris takes the lease of the account while nobody holds it, and writes by hand with made-up values
    // for everything the network did not say.
    QSqlQuery query(boris.database());
    auto takeLease = [&query](const QString &account) {
        return query.exec(QStringLiteral("SELECT pg_try_advisory_lock(7336, hashtext('%1'))").arg(account)) &&
               query.next() && query.value(0).toBool();
    };
    QSqlError error;
    auto record = [&](const char *account, const char *orderId, const char *stage, int status,
                      int forgedProgress, bool forgedFinal) {
        const QJsonObject row{{QStringLiteral("order_id"), QLatin1String(orderId)},
                              {QStringLiteral("stage"), QLatin1String(stage)},
                              {QStringLiteral("status"), status},
                              {QStringLiteral("reason"), 0},
                              {QStringLiteral("progress"), forgedProgress},
                              {QStringLiteral("is_final"), forgedFinal},
                              {QStringLiteral("final"), forgedFinal}};
        query.prepare(QStringLiteral("SELECT cpadesk_record_statuses(?, ?::bigint, ?::jsonb)"));
        query.addBindValue(QLatin1String(account));
        query.addBindValue(QDateTime::currentMSecsSinceEpoch());
        query.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray{row}).toJson(QJsonDocument::Compact)));
        const bool ok = query.exec() && query.next();
        error = query.lastError();
        return ok ? query.value(0).toInt() : -1;
    };
    QVERIFY(takeLease(QStringLiteral("acc")));
    // Backwards, with a progress of -1 ("unknown: always accepted"): refused.
    QCOMPARE(record("acc", "1001", "hold", 4, -1, false), 0);
    QCOMPARE(outcome(QStringLiteral("1001")), QStringLiteral("approve/6/2/false"));
    QCOMPARE(record("acc", "1001", "", 1, -1, false), 0);
    QCOMPARE(outcome(QStringLiteral("1001")), QStringLiteral("approve/6/2/false"));
    // A status that is not final, said to be final: written as what it is, and the lead stays open.
    QCOMPARE(record("acc", "1002", "hold", 3, 9, true), 1);
    QCOMPARE(outcome(QStringLiteral("1002")), QStringLiteral("hold/3/1/false"));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM cpadesk_open_team_leads('acc')")) &&
            query.next());
    QCOMPARE(query.value(0).toInt(), 3);
    // ...and still moves on with the network's next answer.
    QCOMPARE(record("acc", "1002", "approve", 6, -1, false), 1);
    QCOMPARE(outcome(QStringLiteral("1002")), QStringLiteral("approve/6/2/false"));
    // Each write says which login made it, whatever an INSERT claims.
    QCOMPARE(
        m_team.server()
            .value(QStringLiteral("SELECT string_agg(DISTINCT recorded_by::text, ',') FROM status_history"
                                  " WHERE order_id = '1002'"),
                   TeamFixture::databaseName())
            .toString(),
        TeamFixture::operatorB());
    QVERIFY(run(anna, QStringLiteral("INSERT INTO status_history (account, order_id, changed_at, status,"
                                     " workstation_id, recorded_by) VALUES ('acc', '1001', now(), 6,"
                                     " 'ws-anna', 'operator_boris')")));
    QCOMPARE(m_team.server()
                 .value(QStringLiteral("SELECT recorded_by FROM status_history WHERE order_id = '1001'"),
                        TeamFixture::databaseName())
                 .toString(),
             TeamFixture::operatorA());

    // An account in which his login has no lead: neither read nor written, lease or not.
    QVERIFY(takeLease(QStringLiteral("anna-only")));
    QCOMPARE(record("anna-only", "3001", "cancel", 5, 9, true), -1);
    QCOMPARE(error.nativeErrorCode(), QStringLiteral("42501"));
    QVERIFY(!query.exec(QStringLiteral("SELECT cpadesk_open_team_leads('anna-only')")));
    QCOMPARE(query.lastError().nativeErrorCode(), QStringLiteral("42501"));
    QCOMPARE(outcome(QStringLiteral("3001")), QStringLiteral("wait/2/1/false"));
    // The writer that took a progress of the caller's is gone.
    QVERIFY(query.exec(QStringLiteral("SELECT to_regprocedure('cpadesk_record_status(text, text, text,"
                                      " integer, integer, integer, boolean, bigint, text, text, text, text)')"
                                      " IS NULL")) &&
            query.next());
    QVERIFY(query.value(0).toBool());
}

QTEST_GUILESS_MAIN(TestTeamSchema)
#include "tst_teamschema.moc"

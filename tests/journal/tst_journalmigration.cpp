#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "journal/JournalSchema.h"
#include "journal/LeadJson.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {
const QString profile = QStringLiteral("main");
constexpr qint64 t0 = 1767225600000;

// Runs statements on a file through a connection of the test's own, as an older CPA Desk would have.
bool runOnFile(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("handmade"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (!ok)
                break;
            ok = query.exec(statement);
            if (!ok)
                qWarning() << statement << query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("handmade"));
    return ok;
}

// The first column of what `sql` returns, on a connection of the test's own.
QStringList probe(const QString &path, const QString &sql)
{
    QStringList names;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery query(db);
        query.exec(sql);
        while (query.next())
            names.append(query.value(0).toString());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    names.sort();
    return names;
}

QStringList indexNames(const QString &path)
{
    return probe(
        path,
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'"));
}

QStringList columnNames(const QString &path, const QString &table)
{
    return probe(path, QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table));
}

QString leadJson(const QString &orderId)
{
    Lead lead;
    lead.orderId = orderId;
    lead.offer = QStringLiteral("217");
    lead.phone = QStringLiteral("79001234567");
    lead.ip = QStringLiteral("1.2.3.4");
    return QString::fromUtf8(LeadJson::toJson(lead));
}
} // namespace

class TestJournalMigration : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_env = std::make_unique<TestEnvironment>(); }
    void cleanup() { m_env.reset(); }

    void newFileGetsCurrentSchema();
    void version1FileIsUpgraded();
    void version5FileIsUpgraded();
    void newerSchemaIsRefused();
    void failedStepLeavesFileUntouched();

private:
    QString path() const { return m_env->path() + QStringLiteral("/journal.sqlite"); }
    std::unique_ptr<TestEnvironment> m_env;
};

void TestJournalMigration::newFileGetsCurrentSchema()
{
    Journal journal;
    QVERIFY(journal.open(path()));
    QCOMPARE(journal.schemaVersion(), JournalSchema::CurrentVersion);
    QVERIFY(indexNames(path()).contains(QStringLiteral("leads_due")));
}

void TestJournalMigration::version1FileIsUpgraded()
{
    // The version 1 schema written out by hand, as the first release created it, with its data.
    const QStringList version1{
        QStringLiteral(
            "CREATE TABLE leads (profile_id TEXT NOT NULL, lead_key TEXT NOT NULL, order_id TEXT,"
            " lead_json TEXT NOT NULL, send_state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
            " next_try_at BIGINT, error_code TEXT, error_text TEXT, network_id TEXT, stage TEXT,"
            " status INTEGER NOT NULL DEFAULT 0, reason INTEGER NOT NULL DEFAULT 0,"
            " goods_count INTEGER NOT NULL DEFAULT -1, comment TEXT, is_final INTEGER NOT NULL DEFAULT 0,"
            " created_at BIGINT NOT NULL, sent_at BIGINT, checked_at BIGINT, changed_at BIGINT,"
            " phone TEXT, offer TEXT, name TEXT, wm TEXT, country TEXT,"
            " PRIMARY KEY (profile_id, lead_key))"),
        QStringLiteral("CREATE UNIQUE INDEX leads_by_order ON leads (profile_id, order_id)"),
        QStringLiteral("CREATE INDEX leads_open ON leads (profile_id, is_final, send_state)"),
        QStringLiteral(
            "CREATE TABLE lead_history (profile_id TEXT NOT NULL, lead_key TEXT NOT NULL,"
            " changed_at BIGINT NOT NULL, stage TEXT, status INTEGER NOT NULL DEFAULT 0,"
            " reason INTEGER NOT NULL DEFAULT 0, goods_count INTEGER NOT NULL DEFAULT -1, comment TEXT)"),
        QStringLiteral(
            "CREATE INDEX lead_history_by_lead ON lead_history (profile_id, lead_key, changed_at)"),
        // A lead tried once and waiting for its retry, one never tried, and one sent and approved.
        QStringLiteral("INSERT INTO leads (profile_id, lead_key, order_id, lead_json, send_state, attempts,"
                       " next_try_at, error_code, created_at, phone, offer) VALUES ('main', '1', '1', '%1',"
                       " 'queued', 1, %2, 'timeout', %2, '79001234567', '217')")
            .arg(leadJson(QStringLiteral("1")))
            .arg(t0),
        QStringLiteral(
            "INSERT INTO leads (profile_id, lead_key, order_id, lead_json, send_state, attempts,"
            " next_try_at, created_at, phone, offer) VALUES ('main', '2', '2', '%1', 'queued', 0, %2,"
            " %2, '79001234567', '217')")
            .arg(leadJson(QStringLiteral("2")))
            .arg(t0 + 1),
        QStringLiteral(
            "INSERT INTO leads (profile_id, lead_key, order_id, lead_json, send_state, attempts,"
            " network_id, stage, status, created_at, sent_at, checked_at, phone, offer) VALUES ('main', '3',"
            " '3', '%1', 'sent', 1, 'N3', 'approve', 6, %2, %2, %2, '79001234567', '217')")
            .arg(leadJson(QStringLiteral("3")))
            .arg(t0 + 2),
        QStringLiteral("INSERT INTO lead_history (profile_id, lead_key, changed_at, stage, status)"
                       " VALUES ('main', '3', %1, 'approve', 6)")
            .arg(t0 + 3),
        QStringLiteral("PRAGMA user_version = 1"),
    };
    QVERIFY(runOnFile(path(), version1));

    Journal journal;
    QVERIFY2(journal.open(path()), qPrintable(journal.errorString()));
    QCOMPARE(journal.schemaVersion(), JournalSchema::CurrentVersion);

    // Data kept, new columns filled in sensibly.
    const auto tried = journal.entry(profile, QStringLiteral("1"));
    QVERIFY(tried.has_value());
    QCOMPARE(tried->lead.orderId, QStringLiteral("1"));
    QCOMPARE(tried->errorCode, QStringLiteral("timeout"));
    QVERIFY(tried->maybeDelivered); // tried before: a duplicate answer must now be confirmed
    QVERIFY(tried->requestBody.isEmpty());
    QVERIFY(!journal.entry(profile, QStringLiteral("2"))->maybeDelivered);
    const auto sent = journal.entry(profile, QStringLiteral("3"));
    QCOMPARE(sent->sendState, SendState::Sent);
    QCOMPARE(sent->networkOrderId, QStringLiteral("N3"));
    QVERIFY(!sent->unseenChange);
    QCOMPARE(sent->checkedAt.toMSecsSinceEpoch(), t0 + 2); // moved to lead_checks in version 4
    QVERIFY(!tried->checkedAt.isValid());
    const QList<StatusChange> history = journal.history(profile, QStringLiteral("3"));
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.constFirst().status, 6);
    QVERIFY(history.constFirst().previousStage.isEmpty());

    // The leads a refresh asks about, through version 3's index: the sent one, not yet final.
    QCOMPARE(journal.openOrderIds(profile), QStringList{QStringLiteral("3")});

    // What version 2 added works on the upgraded file.
    QCOMPARE(journal.dueEntries(profile, t0 + 1, 10).size(), 2);
    QVERIFY(journal.compareAndSetMeta(QStringLiteral("k"), QString(), QStringLiteral("v")));
    QVERIFY(journal
                .mergeStatus(profile,
                             StatusRow{{QStringLiteral("approve"), 10, 0, -1, QString()},
                                       QStringLiteral("3"),
                                       QStringLiteral("N3"),
                                       QString()},
                             t0 + 4)
                .changed);
    QCOMPARE(journal.history(profile, QStringLiteral("3")).constLast().previousStatus, 6);
    QVERIFY(journal.entry(profile, QStringLiteral("3"))->unseenChange);
    QCOMPARE(journal.entry(profile, QStringLiteral("3"))->checkedAt.toMSecsSinceEpoch(), t0 + 4);
    QVERIFY(!columnNames(path(), QStringLiteral("leads")).contains(QStringLiteral("checked_at")));
    const QStringList indexes = indexNames(path());
    for (const char *name : {"leads_by_order", "leads_open_by_created", "leads_due", "leads_by_phone",
                             "leads_by_created", "lead_history_by_lead"})
        QVERIFY2(indexes.contains(QLatin1String(name)), name);
    QVERIFY(!indexes.contains(QStringLiteral("leads_open"))); // replaced in version 3

    // Opening again is a no-op.
    journal.close();
    QVERIFY(journal.open(path()));
    QCOMPARE(journal.schemaVersion(), JournalSchema::CurrentVersion);
    QCOMPARE(journal.rows(profile).size(), 3);
}

void TestJournalMigration::version5FileIsUpgraded()
{
    // A journal as the last session's release left it (schema 5), with a lead whose stage the engine
    // sent and its history.
    QStringList version5;
    for (int version = 1; version <= 5; ++version)
        version5 << JournalSchema::stepStatements(version);
    version5 << QStringLiteral(
                    "INSERT INTO leads (profile_id, lead_key, order_id, lead_json, send_state, attempts,"
                    " network_id, stage, status, created_at, sent_at, phone, offer) VALUES ('main', '3',"
                    " '3', '%1', 'sent', 1, 'N3', 'approve', 6, %2, %2, '79001234567', '217')")
                    .arg(leadJson(QStringLiteral("3")))
                    .arg(t0)
             << QStringLiteral("INSERT INTO lead_history (profile_id, lead_key, changed_at, stage, status)"
                               " VALUES ('main', '3', %1, 'approve', 6)")
                    .arg(t0 + 1)
             << QStringLiteral("PRAGMA user_version = 5");
    QVERIFY(runOnFile(path(), version5));
    QVERIFY(!columnNames(path(), QStringLiteral("leads")).contains(QStringLiteral("status_text")));

    Journal journal;
    QVERIFY2(journal.open(path()), qPrintable(journal.errorString()));
    QCOMPARE(journal.schemaVersion(), JournalSchema::CurrentVersion);
    for (const QString &table : {QStringLiteral("leads"), QStringLiteral("lead_history")}) {
        const QStringList columns = columnNames(path(), table);
        for (const char *name : {"stage_derived", "status_text", "reason_text", "stage_text"})
            QVERIFY2(columns.contains(QLatin1String(name)),
                     qPrintable(table + QLatin1Char('.') + QLatin1String(name)));
    }
    // The stage from before was the engine's own.
    const auto before = journal.entry(profile, QStringLiteral("3"));
    QCOMPARE(before->stage, QStringLiteral("approve"));
    QVERIFY(!before->stageDerived);
    QVERIFY(before->statusText.isEmpty());
    QVERIFY(!journal.history(profile, QStringLiteral("3")).constFirst().stageDerived);

    // An older engine's row merges into it: no stage, status 17 and its words.
    StatusRow older;
    older.ourOrderId = QStringLiteral("3");
    older.status = 17;
    older.statusText = QStringLiteral("Особый статус 17");
    QVERIFY(journal.mergeStatus(profile, older, t0 + 2).changed);
    const auto after = journal.entry(profile, QStringLiteral("3"));
    QCOMPARE(after->status, 17);
    QCOMPARE(after->stage, QStringLiteral("approve")); // nothing derived from an unknown status
    QCOMPARE(after->statusText, QStringLiteral("Особый статус 17"));
    QCOMPARE(journal.rows(profile).constFirst().statusText, QStringLiteral("Особый статус 17"));
    QCOMPARE(journal.history(profile, QStringLiteral("3")).constLast().statusText,
             QStringLiteral("Особый статус 17"));
}

void TestJournalMigration::newerSchemaIsRefused()
{
    QVERIFY(runOnFile(path(), {QStringLiteral("CREATE TABLE future (x TEXT)"),
                               QStringLiteral("PRAGMA user_version = 99")}));
    Journal journal;
    QVERIFY(!journal.open(path()));
    QVERIFY(journal.errorString().contains(QStringLiteral("99")));
    QVERIFY(!journal.isOpen());
}

void TestJournalMigration::failedStepLeavesFileUntouched()
{
    // A version 1 file whose leads table lacks what step 2 updates: the step fails as a whole.
    QVERIFY(runOnFile(path(), {QStringLiteral("CREATE TABLE leads (profile_id TEXT)"),
                               QStringLiteral("CREATE TABLE lead_history (profile_id TEXT)"),
                               QStringLiteral("PRAGMA user_version = 1")}));
    Journal journal;
    QVERIFY(!journal.open(path()));
    QVERIFY(!journal.errorString().isEmpty());
    QVERIFY(runOnFile(path(), {QStringLiteral("SELECT 1")}));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
    db.setDatabaseName(path());
    QVERIFY(db.open());
    {
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(!query.exec(QStringLiteral("SELECT request_body FROM leads"))); // no half-applied step
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

QTEST_GUILESS_MAIN(TestJournalMigration)
#include "tst_journalmigration.moc"

#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "team/TeamChangeFeed.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <limits>
#include <memory>

namespace {

const QString profile = QStringLiteral("main");
const QString otherProfile = QStringLiteral("second");
const QString server = QStringLiteral("op@db.example:5432/team");
constexpr qint64 t0 = 1767225600000; // 2026-01-01T00:00:00Z

Lead sampleLead(const QString &orderId)
{
    Lead lead;
    lead.orderId = orderId;
    lead.offer = QStringLiteral("217");
    lead.name = QStringLiteral("Анна Doe");
    lead.phone = QStringLiteral("79001234567");
    lead.country = QStringLiteral("ru");
    lead.ip = QStringLiteral("12.34.56.78");
    return lead;
}

StatusRow statusRow(const QString &orderId, const QString &stage, int status)
{
    StatusRow row;
    row.ourOrderId = orderId;
    row.networkOrderId = QStringLiteral("N") + orderId;
    row.stage = stage;
    row.status = status;
    return row;
}

} // namespace

// The journal's change feed (schema 5 triggers) and its cursor, as TeamSync reads them.
class TestTeamChangeFeed : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void unsharedProfilesNoteNothing();
    void sharingNotesExistingLeadsOnce();
    void changesThatMatterAreNotedInOrder();
    void cursorMovesOnlyOnAcknowledgeAndNeverBack();
    void snapshotCarriesTheLeadAndItsHistory();
    void anotherServerStartsOver();
    void measuresWhatNotingCostsARefresh();

private:
    int notedAfterCursor();
    int notedRows(const QString &profileId);
    QString journalPath() const { return m_env->path() + QStringLiteral("/journal.sqlite"); }
    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<TeamChangeFeed> m_feed;
};

void TestTeamChangeFeed::init()
{
    m_env = std::make_unique<TestEnvironment>();
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
    QVERIFY(m_journal->schemaVersion() >= 5); // the change feed came with schema 5
    m_feed = std::make_unique<TeamChangeFeed>();
    QVERIFY2(m_feed->open(journalPath()), qPrintable(m_feed->errorString()));
}

void TestTeamChangeFeed::cleanup()
{
    m_feed.reset();
    m_journal.reset();
    m_env.reset();
}

int TestTeamChangeFeed::notedAfterCursor()
{
    int count = -1;
    {
        QSqlDatabase peek = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        peek.setDatabaseName(journalPath());
        QSqlQuery rows(peek);
        if (peek.open() &&
            rows.exec(QStringLiteral("SELECT count(*) FROM team_changes WHERE seq > %1")
                          .arg(m_feed->cursor(profile))) &&
            rows.next())
            count = rows.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return count;
}

int TestTeamChangeFeed::notedRows(const QString &profileId)
{
    int count = -1;
    {
        QSqlDatabase peek = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        peek.setDatabaseName(journalPath());
        if (peek.open()) {
            QSqlQuery rows(peek);
            if (rows.exec(QStringLiteral("SELECT count(*) FROM team_changes WHERE profile_id = '%1'")
                              .arg(profileId)) &&
                rows.next())
                count = rows.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return count;
}

void TestTeamChangeFeed::unsharedProfilesNoteNothing()
{
    QVERIFY(m_journal->addLead(profile, QStringLiteral("1001"), sampleLead(QStringLiteral("1001")), t0));
    QVERIFY(m_feed->share(otherProfile, server));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("1002"), sampleLead(QStringLiteral("1002")), t0));
    QCOMPARE(m_feed->waitingLeads(profile), 0);
    QCOMPARE(m_feed->cursor(profile), -1); // not shared
    QCOMPARE(notedAfterCursor(), 0);       // and not a row of its changes kept
    TeamChangeFeed::Batch batch;
    QVERIFY(m_feed->nextBatch(profile, 100, &batch));
    QVERIFY(batch.leadKeys.isEmpty());
}

void TestTeamChangeFeed::sharingNotesExistingLeadsOnce()
{
    QVERIFY(m_journal->addLead(profile, QStringLiteral("1001"), sampleLead(QStringLiteral("1001")), t0));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("1002"), sampleLead(QStringLiteral("1002")), t0 + 1));
    QVERIFY(m_feed->share(profile, server));
    QVERIFY(m_feed->share(profile, server)); // again: nothing more noted
    TeamChangeFeed::Batch batch;
    QVERIFY(m_feed->nextBatch(profile, 100, &batch));
    QCOMPARE(batch.leadKeys, (QStringList{QStringLiteral("1001"), QStringLiteral("1002")}));
    QCOMPARE(m_feed->waitingLeads(profile), 2);
}

void TestTeamChangeFeed::changesThatMatterAreNotedInOrder()
{
    QVERIFY(m_feed->share(profile, server));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("1001"), sampleLead(QStringLiteral("1001")), t0));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("1002"), sampleLead(QStringLiteral("1002")), t0 + 1));
    QVERIFY(m_journal->markSending(profile, QStringLiteral("1002"), "body", t0 + 2));
    QVERIFY(m_journal->markSent(profile, QStringLiteral("1002"), QStringLiteral("N1002"), QString(), t0 + 3));
    TeamChangeFeed::Batch batch;
    QVERIFY(m_feed->nextBatch(profile, 100, &batch));
    QCOMPARE(batch.leadKeys, (QStringList{QStringLiteral("1001"), QStringLiteral("1002")}));
    QVERIFY(m_feed->acknowledge(profile, batch.lastSeq));

    // What the team does not see is not noted: the "seen" flag, for one.
    QCOMPARE(m_journal->markSeen(profile, {QStringLiteral("1002")}), 0);
    QVERIFY(
        m_journal->mergeStatus(profile, statusRow(QStringLiteral("1002"), QStringLiteral("hold"), 4), t0 + 10)
            .changed);
    QVERIFY(m_journal->markSeen(profile, {QStringLiteral("1002")}) >= 0);
    QVERIFY(m_feed->nextBatch(profile, 100, &batch));
    QCOMPARE(batch.leadKeys, QStringList{QStringLiteral("1002")});
    QCOMPARE(notedAfterCursor(), 1); // the status merge alone: neither "seen" flag was noted
}

void TestTeamChangeFeed::cursorMovesOnlyOnAcknowledgeAndNeverBack()
{
    QVERIFY(m_feed->share(profile, server));
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_journal->addLead(profile, QString::number(2000 + i), sampleLead(QString::number(2000 + i)),
                                   t0 + i));
    TeamChangeFeed::Batch first;
    QVERIFY(m_feed->nextBatch(profile, 2, &first));
    QCOMPARE(first.leadKeys, (QStringList{QStringLiteral("2000"), QStringLiteral("2001")}));
    // Not acknowledged (the server did not commit): the same batch again.
    TeamChangeFeed::Batch again;
    QVERIFY(m_feed->nextBatch(profile, 2, &again));
    QCOMPARE(again.leadKeys, first.leadKeys);
    QVERIFY(m_feed->acknowledge(profile, first.lastSeq));
    QCOMPARE(m_feed->cursor(profile), first.lastSeq);
    QVERIFY(m_feed->acknowledge(profile, first.lastSeq - 1)); // late and stale: ignored
    QCOMPARE(m_feed->cursor(profile), first.lastSeq);
    TeamChangeFeed::Batch rest;
    QVERIFY(m_feed->nextBatch(profile, 100, &rest));
    QCOMPARE(rest.leadKeys,
             (QStringList{QStringLiteral("2002"), QStringLiteral("2003"), QStringLiteral("2004")}));
    QCOMPARE(m_feed->waitingLeads(profile), 3);
}

void TestTeamChangeFeed::snapshotCarriesTheLeadAndItsHistory()
{
    QVERIFY(m_feed->share(profile, server));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("3001"), sampleLead(QStringLiteral("3001")), t0));
    QVERIFY(m_journal->markSending(profile, QStringLiteral("3001"), "body", t0 + 1));
    QVERIFY(m_journal->markSent(profile, QStringLiteral("3001"), QStringLiteral("N3001"), QString(), t0 + 2));
    QVERIFY(
        m_journal->mergeStatus(profile, statusRow(QStringLiteral("3001"), QStringLiteral("hold"), 4), t0 + 3)
            .changed);
    QVERIFY(
        m_journal
            ->mergeStatus(profile, statusRow(QStringLiteral("3001"), QStringLiteral("approve"), 6), t0 + 4)
            .changed);
    TeamLeadSnapshot lead;
    QVERIFY2(m_feed->snapshot(profile, QStringLiteral("3001"), &lead), qPrintable(m_feed->errorString()));
    QCOMPARE(lead.orderId, QStringLiteral("3001"));
    QCOMPARE(lead.sendState, QStringLiteral("sent"));
    QCOMPARE(lead.networkOrderId, QStringLiteral("N3001"));
    QCOMPARE(lead.stage, QStringLiteral("approve"));
    QCOMPARE(lead.status, 6);
    QCOMPARE(lead.createdAtMs, t0);
    QCOMPARE(lead.offer, QStringLiteral("217"));
    QCOMPARE(lead.history.size(), 2);
    QCOMPARE(lead.history.at(0).status, 4);
    QCOMPARE(lead.history.at(1).status, 6);
    QCOMPARE(lead.history.at(1).previousStatus, 4);
    TeamLeadSnapshot gone;
    QVERIFY(!m_feed->snapshot(profile, QStringLiteral("nope"), &gone));
    QVERIFY(m_feed->errorString().isEmpty());
}

void TestTeamChangeFeed::anotherServerStartsOver()
{
    QVERIFY(m_feed->share(profile, server));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("4001"), sampleLead(QStringLiteral("4001")), t0));
    TeamChangeFeed::Batch batch;
    QVERIFY(m_feed->nextBatch(profile, 100, &batch));
    QVERIFY(m_feed->acknowledge(profile, batch.lastSeq));
    QCOMPARE(m_feed->waitingLeads(profile), 0);
    // A new team database has none of it: everything is noted again.
    QVERIFY(m_feed->share(profile, QStringLiteral("op@other:5432/team")));
    QCOMPARE(m_feed->waitingLeads(profile), 1);
    QVERIFY(m_feed->stopSharing(profile));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("4002"), sampleLead(QStringLiteral("4002")), t0));
    QCOMPARE(m_feed->waitingLeads(profile), 0);
}

void TestTeamChangeFeed::measuresWhatNotingCostsARefresh()
{
    // A refresh's merge of 5,000 changed statuses into 5,000 sent leads: the triggers' cost when the
    // profile is not shared (one look-up in team_cursor per write) and when it is (a row noted per
    // write), beside the same merge with no triggers at all. Measured, logged; the test asserts what
    // was noted.
    constexpr int Leads = 5000;
    auto mergeTime = [&](const QString &who, int *noted) -> qint64 {
        QStringList ids;
        m_journal->beginBatch();
        for (int i = 0; i < Leads; ++i) {
            const QString id = who + QString::number(100000 + i);
            ids.append(id);
            m_journal->addLead(who, id, sampleLead(id), t0 + i);
            m_journal->markSent(who, id, QStringLiteral("N") + id, QString(), t0 + i);
        }
        m_journal->commitBatch();
        QList<StatusRow> rows;
        for (const QString &id : std::as_const(ids))
            rows.append(statusRow(id, QStringLiteral("hold"), 4));
        const int before = notedRows(who);
        QElapsedTimer clock;
        clock.start();
        const StatusMergeBatch batch = m_journal->mergeStatuses(who, rows, t0 + Leads);
        const qint64 elapsed = clock.nsecsElapsed() / 1000;
        *noted = notedRows(who) - before;
        Q_UNUSED(batch);
        return elapsed;
    };
    int notedUnshared = -1;
    int notedShared = -1;
    int notedNone = -1;
    // Warm-up, so that the first measured merge does not pay for the file's growth alone.
    int ignored = 0;
    mergeTime(QStringLiteral("warm"), &ignored);
    // Best of three, taken in turns: the machine is shared and its speed drifts.
    qint64 unsharedUs = std::numeric_limits<qint64>::max();
    qint64 sharedUs = unsharedUs;
    qint64 noneUs = unsharedUs;
    for (int round = 0; round < 3; ++round) {
        const QString sharedProfile = QStringLiteral("shared%1").arg(round);
        QVERIFY(m_feed->share(sharedProfile, server));
        unsharedUs = qMin(unsharedUs, mergeTime(QStringLiteral("unshared%1").arg(round), &notedUnshared));
        sharedUs = qMin(sharedUs, mergeTime(sharedProfile, &notedShared));
        QCOMPARE(notedUnshared, 0);
        QCOMPARE(notedShared, Leads);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("notriggers"));
        db.setDatabaseName(journalPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER team_change_on_lead_insert")));
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER team_change_on_lead_update")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("notriggers"));
    // The journal's merge statements were prepared against the triggers: reopen it.
    m_journal = std::make_unique<Journal>();
    QVERIFY(m_journal->open(journalPath()));
    for (int round = 0; round < 3; ++round)
        noneUs = qMin(noneUs, mergeTime(QStringLiteral("none%1").arg(round), &notedNone));
    qInfo("merge of %d statuses: no triggers %lld us, unshared profile %lld us, shared profile %lld us",
          Leads, noneUs, unsharedUs, sharedUs);
    QCOMPARE(notedNone, 0);
}

QTEST_GUILESS_MAIN(TestTeamChangeFeed)
#include "tst_teamchangefeed.moc"

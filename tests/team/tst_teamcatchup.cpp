// Catching up on starting to share (issue 19): a workstation that starts sharing reads from the team
// database only the outcomes written there since its last complete read, which its journal keeps
// (TeamCatchUpMark), not every outcome of its account. One workstation (journal, poller, TeamSession as
// AppSession wires them) against the test's own PostgreSQL; what each start read is what its catch-up
// handed over (TeamSyncState::caughtUpLeads); what arrived, read in the journal.
#include "TeamFixture.h"
#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "session/TeamSession.h"
#include "settings/CredentialStore.h"
#include "settings/Profile.h"
#include "sync/StatusPoller.h"
#include "team/TeamCatchUpMark.h"
#include "team/TeamConnection.h"
#include "team/TeamSchema.h"
#include "team/TeamSettings.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

namespace {

const QString profileId = QStringLiteral("main");
constexpr int Leads = 20;
constexpr int SettleMs = 20000; // connecting, installing the schema, first pushes: generous on a busy CI

QString orderIdOf(int i)
{
    return QString::number(6600000 + i);
}

} // namespace

class TestTeamCatchUp : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aSecondStartReadsOnlyWhatChangedSince();
    void aTransactionCommittedAfterTheReadIsReadNextTime();
    void statusesNotMergedAreReadAgain();
    void aMarkHoldsOnlyForItsServerAndAccount();

private:
    // Starts sharing (a TeamSession, as AppSession makes one) and waits for its catch-up to be read.
    void startSharing(bool withPoller = true);
    void stopSharing();
    // The first start of sharing: the leads reach the server, then every one of them gets an outcome
    // there, which arrives here while sharing (NOTIFY). True once all that is done and sharing stopped.
    bool shareThenSeeEveryLeadOutcome();
    int caughtUpLeads() const { return m_team->state().caughtUpLeads; }
    // The horizon the journal keeps for the profile, -1 when none.
    qint64 storedMark();
    QString journalStage(const QString &orderId);
    // As the team's refresh would: new outcomes for leads [first, first + count), in one transaction.
    void setServerStatus(int first, int count, const QString &stage, int status);
    QVariant serverValue(const QString &sql);

    TeamFixture m_fixture;
    std::unique_ptr<TestEnvironment> m_dir;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<StatusPoller> m_poller;
    std::unique_ptr<TeamSettings> m_settings;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<TeamSession> m_team;
};

void TestTeamCatchUp::initTestCase()
{
    QVERIFY2(m_fixture.setUp(), qPrintable(m_fixture.errorString()));
}

void TestTeamCatchUp::init()
{
    QVERIFY2(m_fixture.recreateDatabase(), qPrintable(m_fixture.errorString()));
    TeamConnection owner(m_fixture.config(TeamFixture::ownerUser()));
    QVERIFY2(owner.open(), qPrintable(owner.errorString()));
    QSqlDatabase db = owner.database();
    QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);

    m_dir = std::make_unique<TestEnvironment>();
    m_journal = std::make_unique<Journal>();
    QVERIFY(m_journal->open(m_dir->path() + QStringLiteral("/journal.sqlite")));
    QStringList ids;
    for (int i = 0; i < Leads; ++i)
        ids << orderIdOf(i);
    QCOMPARE(m_journal->addTracked(profileId, ids, QDateTime::currentMSecsSinceEpoch()), Leads);
    // Only merges run through it here: no refresh is ever asked of it.
    m_poller = std::make_unique<StatusPoller>(m_journal.get(), nullptr, profileId);
    m_poller->setAutoRefreshInterval(0);

    m_settings = std::make_unique<TeamSettings>(m_dir->path() + QStringLiteral("/team.ini"));
    m_credentials = std::make_unique<CredentialStore>(m_dir->path() + QStringLiteral("/credentials"));
    const TeamServerConfig server = m_fixture.config(TeamFixture::operatorA());
    QVERIFY(m_settings->setProfile(profileId, TeamSettings::sharingWith(server, server.user)));
    bool written = false;
    CredentialJob *job = m_credentials->writeKey(TeamSettings::passwordEntry(profileId), server.password);
    connect(job, &CredentialJob::finished, this, [&written](CredentialJob *done) { written = done->ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(written, SettleMs);
}

void TestTeamCatchUp::cleanup()
{
    m_team.reset(); // before the journal it reads
    m_poller.reset();
    m_journal.reset();
    m_credentials.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestTeamCatchUp::startSharing(bool withPoller)
{
    m_team = std::make_unique<TeamSession>(m_settings.get(), m_credentials.get());
    if (withPoller)
        m_team->servePoller(m_poller.get()); // as AppSession does
    Profile profile;
    profile.id = profileId;
    profile.userId = QStringLiteral("catchup");
    profile.isSandbox = true;
    m_team->activate(profile, m_journal->filePath());
    QTRY_VERIFY_WITH_TIMEOUT(caughtUpLeads() >= 0, SettleMs);
}

void TestTeamCatchUp::stopSharing()
{
    m_team.reset();
}

bool TestTeamCatchUp::shareThenSeeEveryLeadOutcome()
{
    startSharing();
    if (caughtUpLeads() != 0) // nothing at the server yet
        return false;
    const bool shared = QTest::qWaitFor(
        [this] { return serverValue(QStringLiteral("SELECT count(*) FROM leads")).toInt() == Leads; },
        SettleMs);
    if (!shared || !QTest::qWaitFor([this] { return storedMark() > 0; }, SettleMs))
        return false;
    setServerStatus(0, Leads, QStringLiteral("hold"), 1);
    const bool merged = QTest::qWaitFor(
        [this] { return journalStage(orderIdOf(Leads - 1)) == QLatin1String("hold"); }, SettleMs);
    stopSharing();
    return merged;
}

qint64 TestTeamCatchUp::storedMark()
{
    const QString name = QStringLiteral("catchup-test-reader");
    qint64 mark = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_journal->filePath());
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT watermark FROM team_catchup")) && query.next())
                mark = query.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return mark;
}

QString TestTeamCatchUp::journalStage(const QString &orderId)
{
    const auto entry = m_journal->entry(profileId, orderId);
    return entry ? entry->stage : QString();
}

void TestTeamCatchUp::setServerStatus(int first, int count, const QString &stage, int status)
{
    QStringList ids;
    for (int i = first; i < first + count; ++i)
        ids << QLatin1Char('\'') + orderIdOf(i) + QLatin1Char('\'');
    // Milliseconds, as the team's refresh writes them: a push of the merged lead then changes nothing.
    QVERIFY(m_fixture.server().exec(
        {QStringLiteral("UPDATE leads SET stage = '%1', status = %2, status_changed_at ="
                        " date_trunc('milliseconds', clock_timestamp()) WHERE order_id IN (%3)")
             .arg(stage)
             .arg(status)
             .arg(ids.join(QLatin1Char(',')))},
        TeamFixture::databaseName()));
}

QVariant TestTeamCatchUp::serverValue(const QString &sql)
{
    return m_fixture.server().value(sql, TeamFixture::databaseName());
}

void TestTeamCatchUp::aSecondStartReadsOnlyWhatChangedSince()
{
    QVERIFY(shareThenSeeEveryLeadOutcome());

    // Written after the first start's read: read once more, all of them.
    qint64 mark = storedMark();
    startSharing();
    QCOMPARE(caughtUpLeads(), Leads);
    QTRY_VERIFY_WITH_TIMEOUT(storedMark() > mark, SettleMs);
    stopSharing();

    // While this workstation was off, three outcomes moved on: the next start reads those, and only those.
    setServerStatus(3, 3, QStringLiteral("approve"), 2);
    mark = storedMark();
    startSharing();
    QCOMPARE(caughtUpLeads(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(journalStage(orderIdOf(5)), QStringLiteral("approve"), SettleMs);
    QCOMPARE(journalStage(orderIdOf(3)), QStringLiteral("approve"));
    QCOMPARE(journalStage(orderIdOf(6)), QStringLiteral("hold"));
    QTRY_VERIFY_WITH_TIMEOUT(storedMark() > mark, SettleMs);
    stopSharing();

    startSharing();
    QCOMPARE(caughtUpLeads(), 0);
}

void TestTeamCatchUp::aTransactionCommittedAfterTheReadIsReadNextTime()
{
    QVERIFY(shareThenSeeEveryLeadOutcome());
    startSharing(); // reads the outcomes above once more, and keeps that
    qint64 mark = -1;
    QTRY_VERIFY_WITH_TIMEOUT((mark = storedMark()) > 0, SettleMs);
    stopSharing();

    // A writer's transaction begins (its updated_at is this moment), writes, and commits only after the
    // next start's catch-up read: that read cannot see it.
    TeamConnection late(m_fixture.config(TeamFixture::ownerUser()));
    QVERIFY2(late.open(), qPrintable(late.errorString()));
    QSqlDatabase db = late.database();
    QVERIFY(db.transaction());
    QSqlQuery update(db);
    QVERIFY2(update.exec(QStringLiteral("UPDATE leads SET stage = 'approve', status = 2, status_changed_at ="
                                        " date_trunc('milliseconds', now()) WHERE order_id = '%1'")
                             .arg(orderIdOf(7))),
             qPrintable(update.lastError().text()));
    startSharing();
    QCOMPARE(caughtUpLeads(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(storedMark() > mark, SettleMs); // this read was complete, and kept
    stopSharing();
    QVERIFY(db.commit());

    startSharing();
    QCOMPARE(caughtUpLeads(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(journalStage(orderIdOf(7)), QStringLiteral("approve"), SettleMs);
}

void TestTeamCatchUp::statusesNotMergedAreReadAgain()
{
    QVERIFY(shareThenSeeEveryLeadOutcome());
    const qint64 mark = storedMark();

    // Nothing merges what this start reads (no poller): its mark must not move.
    startSharing(false);
    QCOMPARE(caughtUpLeads(), Leads);
    stopSharing();
    QCOMPARE(storedMark(), mark);

    startSharing();
    QCOMPARE(caughtUpLeads(), Leads);
}

void TestTeamCatchUp::aMarkHoldsOnlyForItsServerAndAccount()
{
    TeamCatchUpMark marks;
    QVERIFY2(marks.open(m_journal->filePath()), qPrintable(marks.errorString()));
    const QString a = QStringLiteral("op@host:5432/team#16384");
    const QString b = QStringLiteral("op@host:5432/other#16390");
    const QString account = QStringLiteral("demo@sandbox");
    QCOMPARE(marks.watermark(profileId, a, account), -1);
    QVERIFY(marks.store(profileId, a, account, 1000));
    QCOMPARE(marks.watermark(profileId, a, account), 1000);
    QCOMPARE(marks.watermark(profileId, b, account), -1);
    QCOMPARE(marks.watermark(profileId, a, QStringLiteral("other@account")), -1);
    QCOMPARE(marks.watermark(QStringLiteral("second"), a, account), -1);
    // Never back at one server; another server starts over from its own read.
    QVERIFY(marks.store(profileId, a, account, 900));
    QCOMPARE(marks.watermark(profileId, a, account), 1000);
    QVERIFY(marks.store(profileId, b, account, 50));
    QCOMPARE(marks.watermark(profileId, b, account), 50);
    QCOMPARE(marks.watermark(profileId, a, account), -1);
}

QTEST_MAIN(TestTeamCatchUp)
#include "tst_teamcatchup.moc"

#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "journal/LeadJson.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <memory>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#endif

namespace {
const QString profile = QStringLiteral("main");
const QString otherProfile = QStringLiteral("second");
constexpr qint64 t0 = 1767225600000; // 2026-01-01T00:00:00Z

Lead sampleLead(const QString &orderId, const QString &phone = QStringLiteral("79001234567"),
                const QString &offer = QStringLiteral("217"))
{
    Lead lead;
    lead.orderId = orderId;
    lead.offer = offer;
    lead.wm = QStringLiteral("42");
    lead.name = QStringLiteral("Анна Doe");
    lead.phone = phone;
    lead.country = QStringLiteral("ru");
    lead.ip = QStringLiteral("12.34.56.78");
    lead.items = {LeadItem{QStringLiteral("135"), 9900, 2}};
    lead.params = {{QStringLiteral("sirname"), QStringLiteral("Doe")}};
    return lead;
}

StatusRow statusRow(const QString &orderId, const QString &stage, int status, int reason = 0)
{
    StatusRow row;
    row.ourOrderId = orderId;
    row.networkOrderId = QStringLiteral("N") + orderId;
    row.stage = stage;
    row.status = status;
    row.reason = reason;
    return row;
}

QFile::Permissions modeOf(const QString &path)
{
    // Only the owner/group/other bits matter here (Qt also reports the "User" aliases of Owner).
    return QFileInfo(path).permissions() &
           (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::WriteGroup |
            QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);
}
} // namespace

class TestJournal : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void defaultLocationIsPrivate();
    void givenPathInNewFolderIsPrivate();
    void usesWriteAheadLogging();
    void leadSurvivesReopen();
    void leadSurvivesKilledProcess();
    void rejectsSecondLeadWithSameOrderId();
    void profilesStayApart();
    void autoLeadsLearnTheirOrderId();
    void sendStateTransitions();
    void recoversInterruptedSends();
    void dueEntriesAndSchedule();
    void findRecentByPhoneOfferAndTime();
    void trackedLeadsAreExternalAndPolled();
    void mergeIsForwardOnlyWithHistory();
    void mergeKeepsAbsentFieldsAndLearnsNetworkId();
    void mergeStatusesTakesAWholeAnswerAtOnce();
    void mergeOfCachedLeadsIsExact();
    void backgroundMergeAnswersItsTicket();
    void backgroundMergesGroupedKeepTheOrderOfOtherJobs();
    void backgroundThreadGivesWayToTheWindow();
    void backgroundMergeGroupFailsWhole();
    void mergeCacheYieldsToOtherWriters();
    void mergesPreparedWithTheOpenLeadsStayExact();
    void backgroundLoadComesInPieces();
    void mergeOfUnknownOrderIdChangesNothing();
    void seenFlag();
    void rowsForTheTable();
    void batchCommitsOrRollsBackTogether();
    void removeDeletesLeadAndHistory();
    void metaCompareAndSet();

private:
    // Stores these leads and marks them sent, as the outbox would.
    bool addSentLeads(const QStringList &ids);

    QString journalPath() const { return m_env->path() + QStringLiteral("/j/journal.sqlite"); }

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<Journal> m_journal;
};

void TestJournal::init()
{
    m_env = std::make_unique<TestEnvironment>();
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
}

void TestJournal::cleanup()
{
    m_journal.reset();
    m_env.reset();
}

void TestJournal::defaultLocationIsPrivate()
{
    // Qt's test mode puts the data folder under ~/.qttest (not the temporary folder): start clean and
    // leave nothing behind.
    const QString path = Journal::defaultFilePath();
    const auto removeFiles = [path] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    };
    removeFiles();
    const auto cleanupFiles = qScopeGuard(removeFiles);
    Journal journal;
    QVERIFY2(journal.open(), qPrintable(journal.errorString()));
    QVERIFY(path.contains(QCoreApplication::applicationName()));
    QCOMPARE(journal.filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(journal.addLead(profile, QStringLiteral("1"), sampleLead(QStringLiteral("1")), t0));

    QCOMPARE(modeOf(QFileInfo(path).absolutePath()), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(modeOf(path), QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
    QCOMPARE(modeOf(path + QStringLiteral("-wal")), QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(modeOf(path + QStringLiteral("-shm")), QFile::ReadOwner | QFile::WriteOwner);
}

void TestJournal::givenPathInNewFolderIsPrivate()
{
    QCOMPARE(modeOf(QFileInfo(journalPath()).absolutePath()),
             QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(modeOf(journalPath()), QFile::ReadOwner | QFile::WriteOwner);

    // An existing file with loose permissions is tightened on open.
    m_journal->close();
    QVERIFY(QFile::setPermissions(journalPath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    QVERIFY(m_journal->open(journalPath()));
    QCOMPARE(modeOf(journalPath()), QFile::ReadOwner | QFile::WriteOwner);
}

void TestJournal::usesWriteAheadLogging()
{
    // Read back from a connection of our own: the mode is stored in the file.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(journalPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), m_journal->schemaVersion());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
}

void TestJournal::leadSurvivesReopen()
{
    const Lead lead = sampleLead(QStringLiteral("1001"));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("1001"), lead, t0));
    QVERIFY(m_journal->markSending(profile, QStringLiteral("1001"), QByteArrayLiteral("id=1001&offer=217"),
                                   t0 + 5));
    m_journal.reset();

    Journal reopened;
    QVERIFY(reopened.open(journalPath()));
    const auto entry = reopened.entry(profile, QStringLiteral("1001"));
    QVERIFY(entry.has_value());
    QCOMPARE(entry->lead, lead);
    QCOMPARE(entry->orderId, QStringLiteral("1001"));
    QCOMPARE(entry->sendState, SendState::Sending);
    QCOMPARE(entry->attempts, 1);
    QCOMPARE(entry->requestBody, QByteArrayLiteral("id=1001&offer=217"));
    QCOMPARE(entry->createdAt.toMSecsSinceEpoch(), t0);
}

void TestJournal::leadSurvivesKilledProcess()
{
    // A child process stores a lead and kills itself with SIGKILL right after the call returned: what
    // the journal confirmed must be there, even though nothing was closed cleanly.
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--write-and-die"), journalPath()});
    QVERIFY(child.waitForFinished(60000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    const auto entry = m_journal->entry(profile, QStringLiteral("777"));
    QVERIFY(entry.has_value());
    QCOMPARE(entry->lead, sampleLead(QStringLiteral("777")));
    QCOMPARE(entry->sendState, SendState::Sending);
}

void TestJournal::rejectsSecondLeadWithSameOrderId()
{
    QVERIFY(m_journal->addLead(profile, QStringLiteral("5"), sampleLead(QStringLiteral("5")), t0));
    QVERIFY(!m_journal->addLead(profile, QStringLiteral("5"), sampleLead(QStringLiteral("5")), t0));
    QVERIFY(m_journal->errorString().contains(QStringLiteral("5")));
    QCOMPARE(m_journal->rows(profile).size(), 1);
}

void TestJournal::profilesStayApart()
{
    QVERIFY(m_journal->addLead(profile, QStringLiteral("5"), sampleLead(QStringLiteral("5")), t0));
    QVERIFY(m_journal->addLead(otherProfile, QStringLiteral("5"), sampleLead(QStringLiteral("5")), t0));
    QVERIFY(m_journal->markSent(profile, QStringLiteral("5"), QStringLiteral("900"), QString(), t0));
    QCOMPARE(m_journal->entry(profile, QStringLiteral("5"))->sendState, SendState::Sent);
    QCOMPARE(m_journal->entry(otherProfile, QStringLiteral("5"))->sendState, SendState::Queued);
    QCOMPARE(m_journal->waitingCount(profile), 0);
    QCOMPARE(m_journal->waitingCount(otherProfile), 1);
    QCOMPARE(m_journal->openOrderIds(profile), QStringList{QStringLiteral("5")});
    QVERIFY(m_journal->openOrderIds(otherProfile).isEmpty());
}

void TestJournal::autoLeadsLearnTheirOrderId()
{
    QVERIFY(m_journal->addLead(profile, QStringLiteral("auto-1"), sampleLead(QStringLiteral("auto")), t0));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("auto-2"), sampleLead(QStringLiteral("auto")), t0));
    auto entry = m_journal->entry(profile, QStringLiteral("auto-1"));
    QVERIFY(entry->isAuto());
    QVERIFY(entry->orderId.isEmpty());

    QVERIFY(m_journal->markSent(profile, QStringLiteral("auto-1"), QStringLiteral("1234"),
                                QStringLiteral("555"), t0));
    entry = m_journal->entry(profile, QStringLiteral("auto-1"));
    QCOMPARE(entry->orderId, QStringLiteral("555"));
    QCOMPARE(entry->networkOrderId, QStringLiteral("1234"));
    QCOMPARE(m_journal->entryByOrderId(profile, QStringLiteral("555"))->key, QStringLiteral("auto-1"));

    // A numbered lead keeps its own id whatever the answer says.
    QVERIFY(m_journal->addLead(profile, QStringLiteral("77"), sampleLead(QStringLiteral("77")), t0));
    QVERIFY(
        m_journal->markSent(profile, QStringLiteral("77"), QStringLiteral("1235"), QStringLiteral("99"), t0));
    QCOMPARE(m_journal->entry(profile, QStringLiteral("77"))->orderId, QStringLiteral("77"));
}

void TestJournal::sendStateTransitions()
{
    QSignalSpy changed(m_journal.get(), &Journal::leadsChanged);
    const QString key = QStringLiteral("10");
    QVERIFY(m_journal->addLead(profile, key, sampleLead(key), t0));
    QCOMPARE(m_journal->waitingCount(profile), 1);

    QVERIFY(m_journal->markSending(profile, key, QByteArrayLiteral("a=1"), t0));
    QVERIFY(m_journal->markWaiting(profile, key, SendState::Queued, QStringLiteral("timeout"),
                                   QStringLiteral("No answer"), t0 + 5000, true));
    auto entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Queued);
    QCOMPARE(entry->attempts, 1);
    QVERIFY(entry->maybeDelivered);
    QCOMPARE(entry->errorCode, QStringLiteral("timeout"));
    QCOMPARE(entry->nextTryAt.toMSecsSinceEpoch(), t0 + 5000);

    QVERIFY(m_journal->markSending(profile, key, QByteArrayLiteral("a=2"), t0 + 5000));
    QVERIFY(m_journal->markRejected(profile, key, QStringLiteral("ban"), QStringLiteral("Banned")));
    entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Rejected);
    QCOMPARE(entry->attempts, 2);
    QCOMPARE(entry->requestBody, QByteArrayLiteral("a=2"));
    QVERIFY(!entry->maybeDelivered);
    QVERIFY(!entry->nextTryAt.isValid());
    QCOMPARE(m_journal->waitingCount(profile), 0);
    QCOMPARE(m_journal->outboxEntries(profile).size(), 1);

    Lead edited = sampleLead(key, QStringLiteral("79005550000"));
    QVERIFY(m_journal->replaceLead(profile, key, edited, t0 + 9000));
    entry = m_journal->entry(profile, key);
    QCOMPARE(entry->lead, edited);
    QCOMPARE(entry->sendState, SendState::Queued);
    QVERIFY(entry->errorCode.isEmpty());
    QCOMPARE(m_journal->rows(profile).constFirst().phone, QStringLiteral("79005550000"));

    QVERIFY(m_journal->markSending(profile, key, QByteArrayLiteral("a=3"), t0 + 9000));
    QVERIFY(m_journal->markSent(profile, key, QStringLiteral("N10"), QString(), t0 + 9500));
    entry = m_journal->entry(profile, key);
    QCOMPARE(entry->sendState, SendState::Sent);
    QCOMPARE(entry->sentAt.toMSecsSinceEpoch(), t0 + 9500);
    QVERIFY(m_journal->outboxEntries(profile).isEmpty());
    QCOMPARE(changed.size(), 7);
    QCOMPARE(changed.constLast().at(1).toStringList(), QStringList{key});

    QVERIFY(!m_journal->markSent(profile, QStringLiteral("nope"), QString(), QString(), t0));
}

void TestJournal::recoversInterruptedSends()
{
    QVERIFY(m_journal->addLead(profile, QStringLiteral("1"), sampleLead(QStringLiteral("1")), t0));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("auto-9"), sampleLead(QStringLiteral("auto")), t0));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("2"), sampleLead(QStringLiteral("2")), t0));
    QVERIFY(m_journal->markSending(profile, QStringLiteral("1"), {}, t0));
    QVERIFY(m_journal->markSending(profile, QStringLiteral("auto-9"), {}, t0));

    QCOMPARE(m_journal->recoverInterruptedSends(profile, t0 + 100, QStringLiteral("interrupted"),
                                                QStringLiteral("numbered"), QStringLiteral("auto")),
             2);
    const auto numbered = m_journal->entry(profile, QStringLiteral("1"));
    QCOMPARE(numbered->sendState, SendState::Unknown);
    QVERIFY(numbered->maybeDelivered);
    QCOMPARE(numbered->errorText, QStringLiteral("numbered"));
    QCOMPARE(numbered->nextTryAt.toMSecsSinceEpoch(), t0 + 100);
    const auto autoLead = m_journal->entry(profile, QStringLiteral("auto-9"));
    QCOMPARE(autoLead->sendState, SendState::Unknown);
    QCOMPARE(autoLead->errorText, QStringLiteral("auto"));
    QVERIFY(!autoLead->nextTryAt.isValid()); // waits for the user: no blind resend
    QCOMPARE(m_journal->entry(profile, QStringLiteral("2"))->sendState, SendState::Queued);
    QCOMPARE(m_journal->waitingCount(profile), 3);
}

void TestJournal::dueEntriesAndSchedule()
{
    for (int i = 1; i <= 4; ++i)
        QVERIFY(m_journal->addLead(profile, QString::number(i), sampleLead(QString::number(i)), t0 + i));
    QVERIFY(m_journal->markWaiting(profile, QStringLiteral("1"), SendState::Queued, QStringLiteral("timeout"),
                                   QString(), t0 + 60000, true));
    QVERIFY(m_journal->markWaiting(profile, QStringLiteral("2"), SendState::Unknown, QStringLiteral("x"),
                                   QString(), -1, true));
    QVERIFY(m_journal->markRejected(profile, QStringLiteral("3"), QStringLiteral("ban"), QString()));

    QList<JournalEntry> due = m_journal->dueEntries(profile, t0 + 10, 10);
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.constFirst().key, QStringLiteral("4"));
    QCOMPARE(*m_journal->nextDueTime(profile), t0 + 4);

    QVERIFY(m_journal->markSending(profile, QStringLiteral("4"), {}, t0 + 10));
    QCOMPARE(*m_journal->nextDueTime(profile), t0 + 60000);
    QVERIFY(m_journal->dueEntries(profile, t0 + 59999, 10).isEmpty());
    QCOMPARE(m_journal->dueEntries(profile, t0 + 60000, 10).size(), 1);

    // "Retry now" brings scheduled leads forward; one waiting for the user stays put.
    QCOMPARE(m_journal->makeWaitingDue(profile, t0 + 20), 1);
    due = m_journal->dueEntries(profile, t0 + 20, 10);
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.constFirst().key, QStringLiteral("1"));
    QVERIFY(m_journal->requeue(profile, QStringLiteral("2"), t0 + 30));
    QCOMPARE(m_journal->dueEntries(profile, t0 + 30, 1).size(), 1); // the limit holds
    QCOMPARE(m_journal->dueEntries(profile, t0 + 30, 10).size(), 2);
    QCOMPARE(m_journal->waitingCount(profile), 3);
}

void TestJournal::findRecentByPhoneOfferAndTime()
{
    const QString phone = QStringLiteral("79001112233");
    QVERIFY(m_journal->addLead(profile, QStringLiteral("1"), sampleLead(QStringLiteral("1"), phone), t0));
    QVERIFY(
        m_journal->addLead(profile, QStringLiteral("2"), sampleLead(QStringLiteral("2"), phone), t0 + 1000));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("3"),
                               sampleLead(QStringLiteral("3"), phone, QStringLiteral("5")), t0 + 2000));
    QVERIFY(m_journal->addLead(otherProfile, QStringLiteral("4"), sampleLead(QStringLiteral("4"), phone),
                               t0 + 3000));

    const QDateTime since = QDateTime::fromMSecsSinceEpoch(t0 + 500, Qt::UTC);
    QList<LeadSummary> found = m_journal->findRecent(profile, phone, QStringLiteral("217"), since);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().ourOrderId, QStringLiteral("2"));
    QCOMPARE(found.constFirst().sendState, QStringLiteral("queued"));
    QCOMPARE(found.constFirst().name, QStringLiteral("Анна Doe"));

    found = m_journal->findRecent(profile, phone, QStringLiteral("217"),
                                  QDateTime::fromMSecsSinceEpoch(t0, Qt::UTC));
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).ourOrderId, QStringLiteral("2")); // newest first
    QCOMPARE(found.at(1).ourOrderId, QStringLiteral("1"));
}

void TestJournal::trackedLeadsAreExternalAndPolled()
{
    QVERIFY(m_journal->addLead(profile, QStringLiteral("1"), sampleLead(QStringLiteral("1")), t0));
    QCOMPARE(m_journal->addTracked(profile,
                                   {QStringLiteral("1"), QStringLiteral(" 900 "), QStringLiteral("901"),
                                    QStringLiteral("900"), QString()},
                                   t0),
             2);
    const auto tracked = m_journal->entry(profile, QStringLiteral("900"));
    QCOMPARE(tracked->sendState, SendState::External);
    QCOMPARE(tracked->orderId, QStringLiteral("900"));
    QCOMPARE(m_journal->waitingCount(profile), 1);
    QCOMPARE(m_journal->openOrderIds(profile), (QStringList{QStringLiteral("900"), QStringLiteral("901")}));

    QVERIFY(
        m_journal->mergeStatus(profile, statusRow(QStringLiteral("900"), QStringLiteral("approve"), 6), t0)
            .changed);
    QCOMPARE(m_journal->entry(profile, QStringLiteral("900"))->networkOrderId, QStringLiteral("N900"));
}

void TestJournal::mergeIsForwardOnlyWithHistory()
{
    const QString id = QStringLiteral("42");
    QVERIFY(m_journal->addLead(profile, id, sampleLead(id), t0));
    QVERIFY(m_journal->markSent(profile, id, QStringLiteral("N42"), QString(), t0));
    QCOMPARE(m_journal->openOrderIds(profile), QStringList{id});

    MergeResult result = m_journal->mergeStatus(profile, statusRow(id, QStringLiteral("wait"), 1), t0 + 1);
    QVERIFY(result.found && result.changed && !result.stale);
    QVERIFY(!result.stageChanged); // the first stage a lead gets is no news
    result = m_journal->mergeStatus(profile, statusRow(id, QStringLiteral("wait"), 2), t0 + 2);
    QVERIFY(result.changed && !result.stageChanged);
    result = m_journal->mergeStatus(profile, statusRow(id, QStringLiteral("hold"), 4), t0 + 3);
    QVERIFY(result.changed && result.stageChanged);
    result = m_journal->mergeStatus(profile, statusRow(id, QStringLiteral("wait"), 3),
                                    t0 + 4); // callback: lateral
    QVERIFY(result.changed);
    result = m_journal->mergeStatus(profile, statusRow(id, QStringLiteral("approve"), 6), t0 + 5);
    QVERIFY(result.changed && result.stageChanged);
    QCOMPARE(result.previousStage, QStringLiteral("wait"));
    QCOMPARE(result.stage, QStringLiteral("approve"));

    // A stale reply (processing) after the approval is ignored, and so is the same state again.
    result = m_journal->mergeStatus(profile, statusRow(id, QStringLiteral("wait"), 2), t0 + 6);
    QVERIFY(result.found && result.stale && !result.changed);
    result = m_journal->mergeStatus(profile, statusRow(id, QStringLiteral("approve"), 6), t0 + 7);
    QVERIFY(!result.changed && !result.stale);

    result = m_journal->mergeStatus(profile, statusRow(id, QStringLiteral("approve"), 10), t0 + 8);
    QVERIFY(result.changed);
    QVERIFY(m_journal->openOrderIds(profile).isEmpty()); // completed: final, no more polling

    // Once final, never "processing" or "packing" again.
    QVERIFY(m_journal->mergeStatus(profile, statusRow(id, QStringLiteral("approve"), 9), t0 + 9).stale);
    QVERIFY(m_journal->mergeStatus(profile, statusRow(id, QStringLiteral("wait"), 2), t0 + 10).stale);

    auto entry = m_journal->entry(profile, id);
    QCOMPARE(entry->stage, QStringLiteral("approve"));
    QCOMPARE(entry->status, 10);
    QCOMPARE(entry->checkedAt.toMSecsSinceEpoch(), t0 + 10);
    QCOMPARE(entry->changedAt.toMSecsSinceEpoch(), t0 + 8);

    const QList<StatusChange> history = m_journal->history(profile, id);
    QCOMPARE(history.size(), 6);
    const QList<int> statuses{history.at(0).status, history.at(1).status, history.at(2).status,
                              history.at(3).status, history.at(4).status, history.at(5).status};
    QCOMPARE(statuses, (QList<int>{1, 2, 4, 3, 6, 10}));
    QCOMPARE(history.at(4).previousStage, QStringLiteral("wait"));
    QCOMPARE(history.at(4).previousStatus, 3);
    QCOMPARE(history.at(5).changedAt.toMSecsSinceEpoch(), t0 + 8);
}

void TestJournal::mergeOfCachedLeadsIsExact()
{
    // Leads the merge cache holds are answered from it when the answer leaves them as they are; every
    // other case must come out as a merge that reads them.
    const QStringList ids{QStringLiteral("71"), QStringLiteral("72"), QStringLiteral("73")};
    QCOMPARE(m_journal->addTracked(profile, ids, t0), 3);
    QList<StatusRow> first;
    for (const QString &id : ids) {
        first << statusRow(id, id == ids[1] ? QStringLiteral("approve") : QStringLiteral("wait"),
                           id == ids[1] ? 6 : 1);
        first.last().networkOrderId.clear(); // the network id comes later
    }
    QVERIFY(m_journal->mergeStatuses(profile, first, t0 + 1).ok);

    // 71 unchanged, then changed in the same answer; 72 an older state behind its approval; 73 unchanged
    // but with its network id at last.
    StatusRow unchanged = statusRow(ids[0], QStringLiteral("wait"), 1);
    unchanged.networkOrderId.clear();
    const QList<StatusRow> answer{unchanged, statusRow(ids[0], QStringLiteral("hold"), 4),
                                  statusRow(ids[1], QStringLiteral("wait"), 1),
                                  statusRow(ids[2], QStringLiteral("wait"), 1)};
    const StatusMergeBatch batch = m_journal->mergeStatuses(profile, answer, t0 + 2);
    QVERIFY2(batch.ok, qPrintable(batch.error));
    const MergeResult &same = batch.results.at(0);
    QVERIFY(same.found && !same.changed && !same.stale);
    QCOMPARE(same.key, ids[0]);
    QCOMPARE(same.stage, QStringLiteral("wait"));
    QCOMPARE(same.previousStatus, 1);
    QVERIFY(batch.results.at(1).changed && batch.results.at(1).stageChanged);
    QCOMPARE(batch.results.at(1).previousStage, QStringLiteral("wait"));
    QVERIFY(batch.results.at(2).found && batch.results.at(2).stale);
    QCOMPARE(batch.results.at(2).stage, QStringLiteral("approve"));
    QVERIFY(batch.results.at(3).found && !batch.results.at(3).changed);
    QStringList checked = batch.checkedKeys;
    checked.sort();
    QCOMPARE(checked, ids); // each once
    QCOMPARE(batch.changedKeys(), QStringList{ids[0]});

    QCOMPARE(m_journal->entry(profile, ids[0])->stage, QStringLiteral("hold"));
    QCOMPARE(m_journal->history(profile, ids[0]).size(), 2);
    QCOMPARE(m_journal->entry(profile, ids[1])->stage, QStringLiteral("approve"));
    QCOMPARE(m_journal->history(profile, ids[1]).size(), 1);
    QCOMPARE(m_journal->entry(profile, ids[2])->networkOrderId, QStringLiteral("N73"));
    QCOMPARE(m_journal->history(profile, ids[2]).size(), 1); // learning the id is not a change
    for (const QString &id : ids)
        QCOMPARE(m_journal->entry(profile, id)->checkedAt.toMSecsSinceEpoch(), t0 + 2);

    // The cache now holds what was written: the same answer again changes nothing.
    const StatusMergeBatch again = m_journal->mergeStatuses(profile, answer.mid(1), t0 + 3);
    QVERIFY(again.ok);
    for (const MergeResult &result : again.results)
        QVERIFY(result.found && !result.changed);
    QVERIFY(again.results.at(1).stale);
    QCOMPARE(m_journal->history(profile, ids[0]).size(), 2);
}

void TestJournal::mergeStatusesTakesAWholeAnswerAtOnce()
{
    for (const char *id : {"61", "62", "63"}) {
        const QString key = QLatin1String(id);
        QVERIFY(m_journal->addLead(profile, key, sampleLead(key, QStringLiteral("7900123456") + key.right(1)),
                                   t0));
        QVERIFY(m_journal->markSent(profile, key, QStringLiteral("N") + key, QString(), t0));
    }
    QVERIFY(
        m_journal->mergeStatus(profile, statusRow(QStringLiteral("62"), QStringLiteral("wait"), 1), t0 + 1)
            .changed);

    QSignalSpy merged(m_journal.get(), &Journal::statusesMerged);
    QSignalSpy changed(m_journal.get(), &Journal::leadsChanged);
    // One answer as list.json may give it: a change, no change, an id we never sent, a second row for
    // the same lead (merged after the first), and a stale row behind an approval in the same answer.
    const QList<StatusRow> answer{statusRow(QStringLiteral("61"), QStringLiteral("wait"), 1),
                                  statusRow(QStringLiteral("62"), QStringLiteral("wait"), 1),
                                  statusRow(QStringLiteral("999"), QStringLiteral("wait"), 1),
                                  statusRow(QStringLiteral("61"), QStringLiteral("hold"), 4),
                                  statusRow(QStringLiteral("63"), QStringLiteral("approve"), 6),
                                  statusRow(QStringLiteral("63"), QStringLiteral("wait"), 2)};
    const StatusMergeBatch batch = m_journal->mergeStatuses(profile, answer, t0 + 100);
    QVERIFY2(batch.ok, qPrintable(batch.error));
    QCOMPARE(batch.results.size(), answer.size());
    QVERIFY(batch.results.at(0).changed && !batch.results.at(0).stageChanged);
    QVERIFY(batch.results.at(1).found && !batch.results.at(1).changed && !batch.results.at(1).stale);
    QVERIFY(!batch.results.at(2).found);
    QVERIFY(batch.results.at(3).changed && batch.results.at(3).stageChanged);
    QCOMPARE(batch.results.at(3).previousStage, QStringLiteral("wait"));
    QCOMPARE(batch.results.at(3).previousStatus, 1);
    QVERIFY(batch.results.at(4).changed);
    QVERIFY(batch.results.at(5).stale && !batch.results.at(5).changed);

    QCOMPARE(batch.changedKeys(), (QStringList{QStringLiteral("61"), QStringLiteral("63")}));
    QStringList checked = batch.checkedKeys;
    checked.sort();
    QCOMPARE(checked, (QStringList{QStringLiteral("61"), QStringLiteral("62"), QStringLiteral("63")}));
    QCOMPARE(batch.checkedAtMs, t0 + 100);
    QCOMPARE(batch.changedStatuses.size(), 2);
    for (const StatusUpdate &update : batch.changedStatuses) {
        QCOMPARE(update.changedAtMs, t0 + 100);
        QCOMPARE(update.stage,
                 update.key == QLatin1String("61") ? QStringLiteral("hold") : QStringLiteral("approve"));
        // What the table is told is what the journal now holds.
        const auto stored = m_journal->entry(profile, update.key);
        QCOMPARE(update.orderId, stored->orderId);
        QCOMPARE(update.networkOrderId, stored->networkOrderId);
        QCOMPARE(update.stage, stored->stage);
        QCOMPARE(int(update.status), stored->status);
        QCOMPARE(int(update.reason), stored->reason);
        QCOMPARE(int(update.count), stored->count);
        QCOMPARE(update.comment, stored->comment);
        QCOMPARE(update.changedAtMs, stored->changedAt.toMSecsSinceEpoch());
        QVERIFY(stored->unseenChange);
    }

    // Every lead asked about was checked; only the changed ones changed, with one history row per change.
    const auto unchanged = m_journal->entry(profile, QStringLiteral("62"));
    QCOMPARE(unchanged->checkedAt.toMSecsSinceEpoch(), t0 + 100);
    QCOMPARE(unchanged->changedAt.toMSecsSinceEpoch(), t0 + 1);
    const QList<StatusChange> history = m_journal->history(profile, QStringLiteral("61"));
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(1).previousStatus, 1);
    QCOMPARE(history.at(1).status, 4);
    QCOMPARE(m_journal->history(profile, QStringLiteral("63")).size(), 1);
    QCOMPARE(m_journal->entry(profile, QStringLiteral("63"))->stage, QStringLiteral("approve"));

    // Said once, for the whole answer, with the rows as they now are.
    QCOMPARE(merged.size(), 1);
    QCOMPARE(merged.constFirst().at(0).toULongLong(), 0u);
    QCOMPARE(changed.size(), 0);
}

void TestJournal::backgroundMergeAnswersItsTicket()
{
    const QString id = QStringLiteral("71");
    QVERIFY(m_journal->addLead(profile, id, sampleLead(id), t0));
    QVERIFY(m_journal->markSent(profile, id, QStringLiteral("N71"), QString(), t0));

    QList<QPair<quint64, StatusMergeBatch>> answers;
    connect(m_journal.get(), &Journal::statusesMerged, this,
            [&answers](quint64 ticket, const QString &, const StatusMergeBatch &batch) {
                answers.append({ticket, batch});
            });
    const quint64 first =
        m_journal->mergeStatusesInBackground(profile, {statusRow(id, QStringLiteral("wait"), 1)}, t0 + 5);
    const quint64 second =
        m_journal->mergeStatusesInBackground(profile, {statusRow(id, QStringLiteral("hold"), 4)}, t0 + 6);
    QVERIFY(first != 0 && second != first);
    QVERIFY(answers.isEmpty()); // the answer never comes from inside the call
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 2, 10000);
    // In the order given, each with the rows the window needs.
    QCOMPARE(answers.at(0).first, first);
    QCOMPARE(answers.at(1).first, second);
    QVERIFY(answers.at(1).second.ok);
    QCOMPARE(answers.at(1).second.changedStatuses.size(), 1);
    QCOMPARE(answers.at(1).second.changedStatuses.constFirst().stage, QStringLiteral("hold"));
    QVERIFY(answers.at(1).second.results.constFirst().stageChanged);
    // Written through the other connection, read through this one.
    QCOMPARE(m_journal->entry(profile, id)->stage, QStringLiteral("hold"));
    QCOMPARE(m_journal->history(profile, id).size(), 2);

    // A journal that is closed still answers every ticket: with a failure.
    Journal closed;
    QList<StatusMergeBatch> failures;
    connect(&closed, &Journal::statusesMerged, this,
            [&failures](quint64, const QString &, const StatusMergeBatch &batch) { failures.append(batch); });
    closed.mergeStatusesInBackground(profile, {statusRow(id, QStringLiteral("approve"), 6)}, t0 + 7);
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, 10000);
    QVERIFY(!failures.constFirst().ok);
    QVERIFY(!failures.constFirst().error.isEmpty());
}

bool TestJournal::addSentLeads(const QStringList &ids)
{
    for (const QString &id : ids) {
        if (!m_journal->addLead(profile, id, sampleLead(id), t0) ||
            !m_journal->markSent(profile, id, QStringLiteral("N") + id, QString(), t0))
            return false;
    }
    return true;
}

namespace {
// Holds the background connection in a job of its own until the gate opens, so that what is given
// meanwhile queues up behind it, as a refresh's answers do behind a slow commit.
void holdBackground(Journal &journal, QObject *context, QSemaphore &gate)
{
    journal.writeInBackground(
        context,
        [&gate](Journal &) {
            gate.acquire();
            return true;
        },
        [](bool, const QString &) {});
}

// The background merges' answers, in the order they come, for as long as `context` lives.
std::shared_ptr<QList<QPair<quint64, StatusMergeBatch>>> collectMerges(Journal &journal, QObject *context)
{
    auto answers = std::make_shared<QList<QPair<quint64, StatusMergeBatch>>>();
    QObject::connect(&journal, &Journal::statusesMerged, context,
                     [answers](quint64 ticket, const QString &, const StatusMergeBatch &batch) {
                         if (ticket != 0)
                             answers->append({ticket, batch});
                     });
    return answers;
}
} // namespace

void TestJournal::backgroundMergesGroupedKeepTheOrderOfOtherJobs()
{
    const QStringList ids{QStringLiteral("81"), QStringLiteral("82")};
    QVERIFY(addSentLeads(ids));
    QObject context;
    const auto answers = collectMerges(*m_journal, &context);
    QSemaphore gate;
    holdBackground(*m_journal, &context, gate);
    QList<quint64> tickets;
    tickets << m_journal->mergeStatusesInBackground(profile, {statusRow(ids[0], QStringLiteral("hold"), 4)},
                                                    t0 + 1);
    // A job given between merges runs between them: the merge after it sees its work. Its commit
    // waits for the disk again, as every write but a merge does.
    bool removed = false;
    m_journal->writeInBackground(
        &context,
        [&](Journal &worker) { return worker.commitsWaitForDisk() && worker.remove(profile, ids[1]); },
        [&](bool ok, const QString &) { removed = ok; });
    tickets << m_journal->mergeStatusesInBackground(profile, {statusRow(ids[1], QStringLiteral("hold"), 4)},
                                                    t0 + 2);
    // More answers than one transaction takes: every one is answered, in order.
    const int more = Journal::MaxMergesPerTransaction + 5;
    for (int i = 0; i < more; ++i) {
        StatusRow row = statusRow(ids[0], QStringLiteral("approve"), 6);
        row.comment = QStringLiteral("call %1").arg(i); // each answer a change
        tickets << m_journal->mergeStatusesInBackground(profile, {row}, t0 + 3 + i);
    }
    gate.release();

    QTRY_COMPARE_WITH_TIMEOUT(answers->size(), tickets.size(), 10000);
    for (qsizetype i = 0; i < tickets.size(); ++i) {
        QCOMPARE(answers->at(i).first, tickets.at(i));
        QVERIFY(answers->at(i).second.ok);
    }
    QVERIFY(answers->at(0).second.results.constFirst().changed);
    QCOMPARE(answers->at(0).second.changedStatuses.constFirst().stage, QStringLiteral("hold"));
    QVERIFY(!answers->at(1).second.results.constFirst().found); // removed before it
    QVERIFY(answers->at(2).second.results.constFirst().stageChanged);
    for (int i = 0; i < more; ++i) {
        const StatusMergeBatch &batch = answers->at(2 + i).second;
        QCOMPARE(batch.changedStatuses.size(), 1);
        QCOMPARE(batch.changedStatuses.constFirst().comment, QStringLiteral("call %1").arg(i));
    }
    QCOMPARE(m_journal->entry(profile, ids[0])->comment, QStringLiteral("call %1").arg(more - 1));
    QCOMPARE(m_journal->history(profile, ids[0]).size(), 1 + more);
    QVERIFY(removed);
    QVERIFY(!m_journal->entry(profile, ids[1]));
}

void TestJournal::backgroundThreadGivesWayToTheWindow()
{
#ifdef Q_OS_LINUX
    const auto niceOfThisThread = [] {
        return getpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)));
    };
    const int windowNice = niceOfThisThread();
    QObject context;
    int backgroundNice = -100;
    bool done = false;
    m_journal->writeInBackground(
        &context,
        [&](Journal &) {
            backgroundNice = niceOfThisThread();
            return true;
        },
        [&](bool, const QString &) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    // Nice 5, below the window's priority (when the whole process already runs nicer, an
    // unprivileged one cannot come back up to 5: it keeps its own), and only on that thread.
    QVERIFY2(backgroundNice == 5 || (windowNice > 5 && backgroundNice == windowNice),
             qPrintable(QStringLiteral("background thread nice %1").arg(backgroundNice)));
    QCOMPARE(niceOfThisThread(), windowNice);
#else
    QSKIP("per-thread priorities are set on Linux only");
#endif
}

void TestJournal::backgroundMergeGroupFailsWhole()
{
    const QStringList ids{QStringLiteral("91"), QStringLiteral("92")};
    QVERIFY(addSentLeads(ids));
    {
        // The disk refusing the history of one lead, injected as a trigger on a connection of the test.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inject"));
        db.setDatabaseName(m_journal->filePath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(query.exec(
                     QStringLiteral("CREATE TRIGGER refuse_92 BEFORE INSERT ON lead_history"
                                    " WHEN NEW.lead_key = '92' BEGIN SELECT RAISE(ABORT, 'injected'); END")),
                 qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inject"));

    QObject context;
    const auto answers = collectMerges(*m_journal, &context);
    QSemaphore gate;
    holdBackground(*m_journal, &context, gate);
    const quint64 first =
        m_journal->mergeStatusesInBackground(profile, {statusRow(ids[0], QStringLiteral("hold"), 4)}, t0 + 1);
    const quint64 second =
        m_journal->mergeStatusesInBackground(profile, {statusRow(ids[1], QStringLiteral("hold"), 4)}, t0 + 2);
    gate.release();

    QTRY_COMPARE_WITH_TIMEOUT(answers->size(), 2, 10000);
    QCOMPARE(answers->at(0).first, first);
    QCOMPARE(answers->at(1).first, second);
    // One transaction: the first lead's change, fine on its own, was not stored either, and its
    // answer says so instead of reporting a change the journal does not hold.
    for (const auto &[ticket, batch] : *answers) {
        QVERIFY(!batch.ok);
        QVERIFY(!batch.error.isEmpty());
        QVERIFY(batch.changedStatuses.isEmpty());
        QVERIFY(!batch.results.constFirst().changed);
    }
    QVERIFY(answers->at(1).second.error.contains(QStringLiteral("injected")));
    QCOMPARE(m_journal->entry(profile, ids[0])->stage, QString());
    QVERIFY(m_journal->history(profile, ids[0]).isEmpty());

    // Given alone, the first lead's answer is stored.
    QSignalSpy merged(m_journal.get(), &Journal::statusesMerged);
    m_journal->mergeStatusesInBackground(profile, {statusRow(ids[0], QStringLiteral("hold"), 4)}, t0 + 3);
    QTRY_COMPARE_WITH_TIMEOUT(merged.size(), 1, 10000);
    QCOMPARE(m_journal->entry(profile, ids[0])->stage, QStringLiteral("hold"));
}

void TestJournal::mergeCacheYieldsToOtherWriters()
{
    const QStringList ids{QStringLiteral("95"), QStringLiteral("96")};
    QVERIFY(addSentLeads(ids));
    QObject context;
    const auto answers = collectMerges(*m_journal, &context);
    const auto mergeInBackground = [&](const StatusRow &row, qint64 at) {
        const qsizetype before = answers->size();
        m_journal->mergeStatusesInBackground(profile, {row}, at);
        return QTest::qWaitFor([&] { return answers->size() == before + 1; }, 10000) &&
               answers->constLast().second.ok;
    };
    // The background connection merges both leads: it now holds them in its merge cache.
    QVERIFY(mergeInBackground(statusRow(ids[0], QStringLiteral("cancel"), 5, 2), t0 + 1));
    QVERIFY(mergeInBackground(statusRow(ids[1], QStringLiteral("wait"), 1), t0 + 1));

    // Another connection (this one) corrects the reason, final to final.
    QVERIFY(
        m_journal->mergeStatus(profile, statusRow(ids[0], QStringLiteral("cancel"), 5, 9), t0 + 2).changed);
    // The network says reason 2 again: a change for the journal, whatever the cache last saw.
    QVERIFY(mergeInBackground(statusRow(ids[0], QStringLiteral("cancel"), 5, 2), t0 + 3));
    QVERIFY(answers->constLast().second.results.constFirst().changed);
    QCOMPARE(m_journal->entry(profile, ids[0])->reason, 2);
    QCOMPARE(m_journal->history(profile, ids[0]).size(), 3);

    // The background connection's own writes other than merges count too.
    QVERIFY(mergeInBackground(statusRow(ids[1], QStringLiteral("wait"), 1), t0 + 4)); // held again
    m_journal->writeInBackground(
        &context, [&](Journal &worker) { return worker.remove(profile, ids[1]); },
        [](bool, const QString &) {});
    QVERIFY(mergeInBackground(statusRow(ids[1], QStringLiteral("hold"), 4), t0 + 5));
    QVERIFY(!answers->constLast().second.results.constFirst().found);
    QVERIFY(!m_journal->entry(profile, ids[1]));
}

void TestJournal::mergesPreparedWithTheOpenLeadsStayExact()
{
    // Enough open leads for the background connection to read what their merges compare right after
    // it reads which they are (StatusMerger::prepareMerges).
    QStringList ids;
    for (int i = 0; i < 60; ++i)
        ids << QString::number(4000 + i);
    QVERIFY(addSentLeads(ids));
    QSignalSpy read(m_journal.get(), &Journal::openOrderIdsRead);
    m_journal->openOrderIdsInBackground(profile);
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, 10000);
    QCOMPARE(read.constFirst().at(2).toStringList(), ids);

    QObject context;
    const auto answers = collectMerges(*m_journal, &context);
    // What it read is already out of date: another connection (this one) approved a lead since.
    QVERIFY(m_journal->mergeStatus(profile, statusRow(ids[0], QStringLiteral("approve"), 6), t0 + 1).changed);
    // The older answer "hold" must not move the approved lead back; a new lead's first status lands.
    m_journal->mergeStatusesInBackground(
        profile, {statusRow(ids[0], QStringLiteral("hold"), 4), statusRow(ids[1], QStringLiteral("hold"), 4)},
        t0 + 2);
    QTRY_COMPARE_WITH_TIMEOUT(answers->size(), 1, 10000);
    const StatusMergeBatch &batch = answers->constFirst().second;
    QVERIFY(batch.ok);
    QVERIFY(batch.results.at(0).stale);
    QVERIFY(batch.results.at(1).changed);
    QCOMPARE(m_journal->entry(profile, ids[0])->stage, QStringLiteral("approve"));
    QCOMPARE(m_journal->entry(profile, ids[1])->stage, QStringLiteral("hold"));
    QCOMPARE(m_journal->history(profile, ids[0]).size(), 1);
}

void TestJournal::backgroundLoadComesInPieces()
{
    QStringList ids;
    for (int i = 0; i < 1500; ++i)
        ids << QString::number(100000 + i);
    QCOMPARE(m_journal->addTracked(profile, ids, t0), 1500);

    QList<int> pieces;
    QStringList loadedKeys;
    bool done = false;
    const quint64 ticket = m_journal->loadRowsInBackground(profile);
    connect(m_journal.get(), &Journal::rowsLoaded, this,
            [&](quint64 answered, const QString &profileId, const QVector<JournalRow> &rows, bool last) {
                QCOMPARE(answered, ticket);
                QCOMPARE(profileId, profile);
                QVERIFY(!done);
                pieces << int(rows.size());
                for (const JournalRow &row : rows)
                    loadedKeys << row.key;
                done = last;
            });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    // A first screenful, then the rest, in the journal's order.
    QCOMPARE(pieces, (QList<int>{200, 1300}));
    QStringList expected;
    for (const JournalRow &row : m_journal->rows(profile))
        expected << row.key;
    QCOMPARE(loadedKeys, expected);
}

void TestJournal::mergeKeepsAbsentFieldsAndLearnsNetworkId()
{
    const QString id = QStringLiteral("43");
    QCOMPARE(m_journal->addTracked(profile, {id}, t0), 1);
    StatusRow row = statusRow(id, QStringLiteral("cancel"), 5, 9);
    row.count = 3;
    row.comment = QStringLiteral("Expensive, will call back");
    QVERIFY(m_journal->mergeStatus(profile, row, t0 + 1).changed);

    StatusRow sparse;
    sparse.ourOrderId = id;
    sparse.stage = QStringLiteral("cancel");
    sparse.status = 5;
    sparse.reason = 9;
    QVERIFY(!m_journal->mergeStatus(profile, sparse, t0 + 2).changed); // count and comment absent: kept

    sparse.reason = 2; // final to final (the network correcting its reason) is accepted
    QVERIFY(m_journal->mergeStatus(profile, sparse, t0 + 3).changed);
    const auto entry = m_journal->entry(profile, id);
    QCOMPARE(entry->reason, 2);
    QCOMPARE(entry->count, 3);
    QCOMPARE(entry->comment, QStringLiteral("Expensive, will call back"));
    QCOMPARE(entry->networkOrderId, QStringLiteral("N43"));

    // An unknown status code from a newer network stays visible rather than vanishing.
    QCOMPARE(m_journal->addTracked(profile, {QStringLiteral("44")}, t0), 1);
    QVERIFY(m_journal->mergeStatus(profile, statusRow(QStringLiteral("44"), QStringLiteral("wait"), 2), t0)
                .changed);
    QVERIFY(m_journal->mergeStatus(profile, statusRow(QStringLiteral("44"), QStringLiteral("review"), 17), t0)
                .changed);
    QCOMPARE(m_journal->entry(profile, QStringLiteral("44"))->status, 17);
}

void TestJournal::mergeOfUnknownOrderIdChangesNothing()
{
    QSignalSpy changed(m_journal.get(), &Journal::leadsChanged);
    const MergeResult result =
        m_journal->mergeStatus(profile, statusRow(QStringLiteral("1"), QStringLiteral("wait"), 1), t0);
    QVERIFY(!result.found && !result.changed);
    QCOMPARE(changed.size(), 0);
}

void TestJournal::seenFlag()
{
    QCOMPARE(m_journal->addTracked(profile, {QStringLiteral("1"), QStringLiteral("2")}, t0), 2);
    QVERIFY(!m_journal->entry(profile, QStringLiteral("1"))->unseenChange);
    m_journal->mergeStatus(profile, statusRow(QStringLiteral("1"), QStringLiteral("wait"), 1), t0);
    QVERIFY(m_journal->entry(profile, QStringLiteral("1"))->unseenChange);
    QVERIFY(m_journal->rows(profile).constFirst().unseenChange);
    QCOMPARE(m_journal->markSeen(profile, {QStringLiteral("1"), QStringLiteral("2")}), 1);
    QVERIFY(!m_journal->entry(profile, QStringLiteral("1"))->unseenChange);
    // A check that changes nothing does not raise the flag again.
    m_journal->mergeStatus(profile, statusRow(QStringLiteral("1"), QStringLiteral("wait"), 1), t0 + 1);
    QVERIFY(!m_journal->entry(profile, QStringLiteral("1"))->unseenChange);
}

void TestJournal::rowsForTheTable()
{
    QVERIFY(m_journal->addLead(profile, QStringLiteral("2"), sampleLead(QStringLiteral("2")), t0 + 2));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("1"), sampleLead(QStringLiteral("1")), t0 + 1));
    QVERIFY(m_journal->markSent(profile, QStringLiteral("1"), QStringLiteral("N1"), QString(), t0));
    StatusRow row = statusRow(QStringLiteral("1"), QStringLiteral("trash"), 5, 1);
    row.count = 2;
    row.comment = QStringLiteral("wrong number");
    m_journal->mergeStatus(profile, row, t0 + 10);

    const QVector<JournalRow> rows = m_journal->rows(profile);
    QCOMPARE(rows.size(), 2);
    const JournalRow &first = rows.at(0);
    QCOMPARE(first.key, QStringLiteral("1"));
    QCOMPARE(first.orderId, QStringLiteral("1"));
    QCOMPARE(first.networkOrderId, QStringLiteral("N1"));
    QCOMPARE(first.offer, QStringLiteral("217"));
    QCOMPARE(first.wm, QStringLiteral("42"));
    QCOMPARE(first.name, QStringLiteral("Анна Doe"));
    QCOMPARE(first.phone, QStringLiteral("79001234567"));
    QCOMPARE(first.country, QStringLiteral("ru"));
    QCOMPARE(first.stage, QStringLiteral("trash"));
    QCOMPARE(int(first.status), 5);
    QCOMPARE(int(first.reason), 1);
    QCOMPARE(first.count, 2);
    QCOMPARE(first.comment, QStringLiteral("wrong number"));
    QCOMPARE(first.createdAtMs, t0 + 1);
    QCOMPARE(first.checkedAtMs, t0 + 10);
    QCOMPARE(first.changedAtMs, t0 + 10);
    QCOMPARE(first.sendState, SendState::Sent);
    QCOMPARE(rows.at(1).sendState, SendState::Queued);
    QCOMPARE(rows.at(1).count, -1);

    const QVector<JournalRow> some = m_journal->rows(profile, {QStringLiteral("2"), QStringLiteral("nope")});
    QCOMPARE(some.size(), 1);
    QCOMPARE(some.constFirst().key, QStringLiteral("2"));
    QVERIFY(m_journal->rows(otherProfile).isEmpty());
}

void TestJournal::batchCommitsOrRollsBackTogether()
{
    QVERIFY(m_journal->beginBatch());
    QVERIFY(m_journal->addLead(profile, QStringLiteral("1"), sampleLead(QStringLiteral("1")), t0));
    QVERIFY(m_journal->addLead(profile, QStringLiteral("2"), sampleLead(QStringLiteral("2")), t0));
    QVERIFY(m_journal->commitBatch());
    QCOMPARE(m_journal->rows(profile).size(), 2);

    QVERIFY(m_journal->beginBatch());
    QVERIFY(m_journal->addLead(profile, QStringLiteral("3"), sampleLead(QStringLiteral("3")), t0));
    QVERIFY(!m_journal->addLead(profile, QStringLiteral("1"), sampleLead(QStringLiteral("1")), t0));
    QVERIFY(!m_journal->commitBatch()); // one failed write spoils the batch: nothing of it is kept
    QCOMPARE(m_journal->rows(profile).size(), 2);

    QVERIFY(m_journal->beginBatch());
    QVERIFY(m_journal->addLead(profile, QStringLiteral("4"), sampleLead(QStringLiteral("4")), t0));
    m_journal->rollbackBatch();
    QCOMPARE(m_journal->rows(profile).size(), 2);
    QVERIFY(m_journal->addLead(profile, QStringLiteral("5"), sampleLead(QStringLiteral("5")), t0));
    QCOMPARE(m_journal->rows(profile).size(), 3);
}

void TestJournal::removeDeletesLeadAndHistory()
{
    QSignalSpy removed(m_journal.get(), &Journal::leadsRemoved);
    QCOMPARE(m_journal->addTracked(profile, {QStringLiteral("1")}, t0), 1);
    m_journal->mergeStatus(profile, statusRow(QStringLiteral("1"), QStringLiteral("wait"), 1), t0);
    QCOMPARE(m_journal->history(profile, QStringLiteral("1")).size(), 1);
    QVERIFY(m_journal->remove(profile, QStringLiteral("1")));
    QVERIFY(!m_journal->entry(profile, QStringLiteral("1")).has_value());
    QVERIFY(m_journal->history(profile, QStringLiteral("1")).isEmpty());
    QCOMPARE(removed.size(), 1);
    QVERIFY(!m_journal->remove(profile, QStringLiteral("1")));
    // Nothing of it is left behind: tracked again, it has never been checked.
    QCOMPARE(m_journal->addTracked(profile, {QStringLiteral("1")}, t0 + 1), 1);
    QVERIFY(!m_journal->entry(profile, QStringLiteral("1"))->checkedAt.isValid());
}

void TestJournal::metaCompareAndSet()
{
    const QString key = QStringLiteral("k");
    QVERIFY(m_journal->metaValue(key).isEmpty());
    QVERIFY(m_journal->compareAndSetMeta(key, QString(), QStringLiteral("1")));
    QVERIFY(!m_journal->compareAndSetMeta(key, QString(), QStringLiteral("2")));
    QVERIFY(m_journal->errorString().isEmpty());
    QVERIFY(!m_journal->compareAndSetMeta(key, QStringLiteral("0"), QStringLiteral("2")));
    QVERIFY(m_journal->compareAndSetMeta(key, QStringLiteral("1"), QStringLiteral("2")));
    QCOMPARE(m_journal->metaValue(key), QStringLiteral("2"));
}

// The child side of leadSurvivesKilledProcess().
static int writeAndDie(const QString &path)
{
    Journal journal;
    if (!journal.open(path))
        return 2;
    if (!journal.addLead(profile, QStringLiteral("777"), sampleLead(QStringLiteral("777")), t0) ||
        !journal.markSending(profile, QStringLiteral("777"), QByteArrayLiteral("body"), t0))
        return 3;
    ::kill(::getpid(), SIGKILL);
    return 4;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--write-and-die") == 0)
        return writeAndDie(QString::fromLocal8Bit(argv[2]));
    TestJournal test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_journal.moc"

#include "ManualClock.h"
#include "StatusDataSet.h"
#include "journal/Journal.h"
#include "status/LeadTracking.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The Leads screen's writes, through the core service instead of the widget: marking leads seen and
// tracking outside order ids land in the journal, and say when they could not.
class TestLeadTracking : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void markSeen_clearsTheHighlight();
    void trackOrderIds_addsTheNewOnes_andSaysHowMany();
    void aClosedJournal_isReported();

private:
    bool isUnseen(const QString &key) const;

    const QString m_profile = QStringLiteral("profile-a");
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<LeadTracking> m_tracking;
};

void TestLeadTracking::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(m_dir->filePath(QStringLiteral("journal.sqlite"))),
             qPrintable(m_journal->errorString()));
    QVERIFY(StatusDataSet::fill(*m_journal, m_profile));
    m_clock = std::make_unique<ManualClock>();
    m_tracking = std::make_unique<LeadTracking>(m_journal.get(), m_clock.get());
}

void TestLeadTracking::cleanup()
{
    m_tracking.reset();
    m_journal.reset();
    m_clock.reset();
    m_dir.reset();
}

bool TestLeadTracking::isUnseen(const QString &key) const
{
    const QVector<JournalRow> rows = m_journal->rows(m_profile, {key});
    return !rows.isEmpty() && rows.first().unseenChange;
}

void TestLeadTracking::markSeen_clearsTheHighlight()
{
    QVERIFY(isUnseen(QStringLiteral("9")));
    QVERIFY(isUnseen(QStringLiteral("10")));
    QSignalSpy failed(m_tracking.get(), &LeadTracking::markSeenFailed);
    m_tracking->markSeen(m_profile, {QStringLiteral("9")});
    QTRY_VERIFY(!isUnseen(QStringLiteral("9")));
    QVERIFY(isUnseen(QStringLiteral("10")));
    QCOMPARE(failed.count(), 0);
}

void TestLeadTracking::trackOrderIds_addsTheNewOnes_andSaysHowMany()
{
    QSignalSpy tracked(m_tracking.get(), &LeadTracking::orderIdsTracked);
    const QStringList ids = {QStringLiteral("555"), QStringLiteral("556"), QStringLiteral("9")};
    m_tracking->trackOrderIds(m_profile, ids);
    QTRY_COMPARE(tracked.count(), 1);
    QCOMPARE(tracked.first().at(0).toStringList(), ids);
    QCOMPARE(tracked.first().at(1).toInt(), 2); // "9" was there already
    QCOMPARE(m_journal->rows(m_profile, {QStringLiteral("555"), QStringLiteral("556")}).size(), 2);

    m_tracking->trackOrderIds(m_profile, ids);
    QTRY_COMPARE(tracked.count(), 2);
    QCOMPARE(tracked.last().at(1).toInt(), 0);
}

void TestLeadTracking::aClosedJournal_isReported()
{
    m_journal->close();
    QSignalSpy failed(m_tracking.get(), &LeadTracking::trackingFailed);
    QSignalSpy seenFailed(m_tracking.get(), &LeadTracking::markSeenFailed);
    m_tracking->trackOrderIds(m_profile, {QStringLiteral("777")});
    m_tracking->markSeen(m_profile, {QStringLiteral("9")});
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(!failed.first().first().toString().isEmpty());
    QTRY_COMPARE(seenFailed.count(), 1);
}

QTEST_GUILESS_MAIN(TestLeadTracking)
#include "tst_leadtracking.moc"

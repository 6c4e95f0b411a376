#include "StatusDataSet.h"
#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "status/LeadFilterProxy.h"
#include "status/LeadStats.h"
#include "status/LeadTableModel.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString profile = QStringLiteral("profile-a");
using Stage = StatusCatalog::Stage;
using Rate = LeadStats::Rate;
} // namespace

class TestLeadStats : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void countsOnTheKnownSet();
    void ratesOnTheKnownSet();
    void followsTheFilter();
    void noFigureWithoutDenominator();
    void explanationsSayWhatWasCounted();

private:
    TestEnvironment m_env;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<LeadTableModel> m_model;
    std::unique_ptr<LeadFilterProxy> m_proxy;
};

void TestLeadStats::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_journal = std::make_unique<Journal>();
    QVERIFY(m_journal->open(m_dir->filePath(QStringLiteral("journal.sqlite"))));
    QVERIFY(StatusDataSet::fill(*m_journal, profile));
    m_model = std::make_unique<LeadTableModel>(m_journal.get());
    m_model->setProfile(profile);
    m_proxy = std::make_unique<LeadFilterProxy>();
    m_proxy->setSourceModel(m_model.get());
}

void TestLeadStats::cleanup()
{
    m_proxy.reset();
    m_model.reset();
    m_journal.reset();
    m_dir.reset();
}

void TestLeadStats::countsOnTheKnownSet()
{
    const LeadStats stats = LeadStats::ofVisibleRows(*m_proxy);
    QCOMPARE(stats.shown(), 12);
    QCOMPARE(stats.reported(), 11);
    QCOMPARE(stats.count(Stage::Wait), 1);
    QCOMPARE(stats.count(Stage::Hold), 1);
    QCOMPARE(stats.count(Stage::Approve), 4);
    QCOMPARE(stats.count(Stage::Cancel), 2);
    QCOMPARE(stats.count(Stage::Trash), 2);
    QCOMPARE(stats.count(Stage::Other), 1);
    QCOMPARE(stats.count(Stage::None), 1);
    QCOMPARE(stats.completed(), 1);
    QCOMPARE(stats.returned(), 1);
}

void TestLeadStats::ratesOnTheKnownSet()
{
    const LeadStats stats = LeadStats::ofVisibleRows(*m_proxy);
    QCOMPARE(*stats.rate(Rate::Approval), 4.0 / 11.0);
    QCOMPARE(*stats.rate(Rate::ApprovalWithoutTrash), 4.0 / 9.0);
    QCOMPARE(*stats.rate(Rate::Trash), 2.0 / 11.0);
    QCOMPARE(*stats.rate(Rate::Buyout), 0.5);
    QCOMPARE(LeadStats::percentText(stats.rate(Rate::Approval)), QStringLiteral("36.4 %"));
    QCOMPARE(LeadStats::percentText(stats.rate(Rate::Buyout)), QStringLiteral("50.0 %"));
}

void TestLeadStats::followsTheFilter()
{
    m_proxy->setCountry(QStringLiteral("ru"));
    // RU: 9 approve/6, 10 approve/10, 12 trash, 13 trash, 16 approve/17, the "review" lead, 18 queued.
    const LeadStats stats = LeadStats::ofVisibleRows(*m_proxy);
    QCOMPARE(stats.shown(), 7);
    QCOMPARE(stats.reported(), 6);
    QCOMPARE(stats.count(Stage::Approve), 3);
    QCOMPARE(*stats.rate(Rate::Approval), 3.0 / 6.0);
    QCOMPARE(*stats.rate(Rate::ApprovalWithoutTrash), 3.0 / 4.0);
    QCOMPARE(*stats.rate(Rate::Trash), 2.0 / 6.0);
    QCOMPARE(*stats.rate(Rate::Buyout), 1.0); // one completed, none returned
}

void TestLeadStats::noFigureWithoutDenominator()
{
    m_proxy->setStages({QString()}); // only the lead nobody reported on
    const LeadStats stats = LeadStats::ofVisibleRows(*m_proxy);
    QCOMPARE(stats.shown(), 1);
    QVERIFY(!stats.rate(Rate::Approval).has_value());
    QVERIFY(!stats.rate(Rate::ApprovalWithoutTrash).has_value());
    QVERIFY(!stats.rate(Rate::Trash).has_value());
    QVERIFY(!stats.rate(Rate::Buyout).has_value());
    QCOMPARE(LeadStats::percentText(std::nullopt), QStringLiteral("–"));

    LeadStats onlyTrash;
    JournalRow trash;
    trash.stage = QStringLiteral("trash");
    onlyTrash.add(trash);
    QCOMPARE(*onlyTrash.rate(Rate::Trash), 1.0);
    QVERIFY(!onlyTrash.rate(Rate::ApprovalWithoutTrash).has_value());
}

void TestLeadStats::explanationsSayWhatWasCounted()
{
    const LeadStats stats = LeadStats::ofVisibleRows(*m_proxy);
    QVERIFY(stats.explanation(Rate::Approval).contains(QStringLiteral("4 of 11")));
    QVERIFY(stats.explanation(Rate::ApprovalWithoutTrash).contains(QStringLiteral("4 of 9")));
    QVERIFY(stats.explanation(Rate::Trash).contains(QStringLiteral("2 of 11")));
    QVERIFY(stats.explanation(Rate::Buyout).contains(QStringLiteral("1 of 2")));
    QCOMPARE(LeadStats::rateName(Rate::Buyout), QStringLiteral("Buyout"));
}

QTEST_GUILESS_MAIN(TestLeadStats)
#include "tst_leadstats.moc"

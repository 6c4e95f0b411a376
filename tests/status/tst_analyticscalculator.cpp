#include "journal/JournalTypes.h"
#include "status/AnalyticsCalculator.h"
#include "status/AnalyticsTableModel.h"
#include "status/LeadFilter.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QTest>

namespace {

using Stage = StatusCatalog::Stage;
using Rate = LeadStats::Rate;
constexpr qint64 hour = 3'600'000;

qint64 created(int day)
{
    return QDateTime(QDate(2024, 3, 1), QTime(12, 0)).addDays(day).toMSecsSinceEpoch();
}

// A fixed set: leads still waiting to be sent, a stage word and a status code this version does not
// know, leads with no offer and no country, a country in two cases, approvals after hours and days.
//   key  offer wm country day stage    status  sent   first approval
//   a1   10    1  RU      0   approve  6       yes    2 h (history)
//   a2   10    1  RU      0   approve  10      yes    50 h (history)
//   a3   20    2  KZ      1   approve  11      yes    144 h (history)
//   a4   -     2  KZ      1   approve  99      yes    240 h (no history: its last change)
//   c1   20    2  kz      2   cancel   5       yes
//   t1   10    3  RU      2   trash    5       yes
//   t2   -     3  -       3   trash    5       yes
//   w1   30    3  BY      3   wait     1       yes
//   h1   30    3  BY      7   hold     4       yes
//   q1   10    1  RU      8   -        0       queued
//   x1   10    1  RU      8   review   2       yes
struct Fixture
{
    QVector<JournalRow> rows;
    QHash<QString, qint64> firstApproved;

    Fixture()
    {
        auto add = [this](const char *key, const char *offer, const char *wm, const char *country, int day,
                          const char *stage, int status, SendState sendState, qint64 changedAfter = hour) {
            JournalRow row;
            row.key = QString::fromLatin1(key);
            row.orderId = row.key;
            row.offer = QString::fromLatin1(offer);
            row.wm = QString::fromLatin1(wm);
            row.country = QString::fromLatin1(country);
            row.stage = QString::fromLatin1(stage);
            row.status = qint16(status);
            row.sendState = sendState;
            row.createdAtMs = created(day);
            row.changedAtMs = row.createdAtMs + changedAfter;
            rows.append(row);
        };
        add("a1", "10", "1", "RU", 0, "approve", 6, SendState::Sent);
        add("a2", "10", "1", "RU", 0, "approve", 10, SendState::Sent);
        add("a3", "20", "2", "KZ", 1, "approve", 11, SendState::Sent);
        add("a4", "", "2", "KZ", 1, "approve", 99, SendState::Sent, 240 * hour);
        add("c1", "20", "2", "kz", 2, "cancel", 5, SendState::Sent);
        add("t1", "10", "3", "RU", 2, "trash", 5, SendState::Sent);
        add("t2", "", "3", "", 3, "trash", 5, SendState::Sent);
        add("w1", "30", "3", "BY", 3, "wait", 1, SendState::Sent);
        add("h1", "30", "3", "BY", 7, "hold", 4, SendState::Sent);
        add("q1", "10", "1", "RU", 8, "", 0, SendState::Queued);
        add("x1", "10", "1", "RU", 8, "review", 2, SendState::Sent);
        firstApproved.insert(QStringLiteral("a1"), created(0) + 2 * hour);
        firstApproved.insert(QStringLiteral("a2"), created(0) + 50 * hour);
        firstApproved.insert(QStringLiteral("a3"), created(1) + 144 * hour);
    }

    AnalyticsFigures figures(AnalyticsBreakdown breakdown, const LeadFilter &filter = LeadFilter(),
                             const QDate &today = QDate(2024, 3, 20)) const
    {
        AnalyticsQuery query;
        query.breakdown = breakdown;
        query.filter = filter;
        query.today = today;
        return AnalyticsCalculator::compute(rows, firstApproved, query);
    }

    int countMatching(const LeadFilter &filter) const
    {
        const LeadFilterMatcher matcher(filter);
        return int(std::count_if(rows.cbegin(), rows.cend(),
                                 [&](const JournalRow &row) { return matcher.accepts(row); }));
    }
};

// "10,,20": the groups' keys in order.
QString keysOf(const QVector<AnalyticsGroup> &groups)
{
    QStringList keys;
    for (const AnalyticsGroup &group : groups)
        keys << (group.isRest ? QStringLiteral("<rest>") : group.key);
    return keys.join(QLatin1Char(','));
}

} // namespace

class TestAnalyticsCalculator : public QObject
{
    Q_OBJECT

private slots:
    void totalsUseTheSummaryBarsDefinitions();
    void byOffer();
    void byCountryIsCaseBlind();
    void topGroupsFoldTheRest();
    void byDayWeekMonth();
    void cohorts();
    void cohortsNotJudgedTooEarly();
    void filterNarrowsEveryFigure();
    void everyGroupFilterMatchesItsCount_data();
    void everyGroupFilterMatchesItsCount();
    void tableShowsTheSameNumbers();
    void nothingMatches();
};

void TestAnalyticsCalculator::totalsUseTheSummaryBarsDefinitions()
{
    const Fixture fixture;
    const AnalyticsFigures figures = fixture.figures(AnalyticsBreakdown::Offer);
    const LeadStats &total = figures.total.stats;
    QCOMPARE(total.shown(), 11);
    QCOMPARE(total.reported(), 10);
    QCOMPARE(total.sent(), 10);
    QCOMPARE(total.count(Stage::Approve), 4);
    QCOMPARE(total.count(Stage::Cancel), 1);
    QCOMPARE(total.count(Stage::Trash), 2);
    QCOMPARE(total.count(Stage::Wait), 1);
    QCOMPARE(total.count(Stage::Hold), 1);
    QCOMPARE(total.count(Stage::Other), 1);
    QCOMPARE(total.count(Stage::None), 1);
    QCOMPARE(total.rate(Rate::Approval), std::optional<double>(4.0 / 10.0));
    QCOMPARE(total.rate(Rate::ApprovalWithoutTrash), std::optional<double>(4.0 / 8.0));
    QCOMPARE(total.rate(Rate::Trash), std::optional<double>(2.0 / 10.0));
    QCOMPARE(total.rate(Rate::Buyout), std::optional<double>(1.0 / 2.0));
    // The same figures as the summary bar adds them up, lead by lead.
    LeadStats summaryBar;
    for (const JournalRow &row : fixture.rows)
        summaryBar.add(row);
    for (Rate rate : {Rate::Approval, Rate::ApprovalWithoutTrash, Rate::Trash, Rate::Buyout})
        QCOMPARE(total.rate(rate), summaryBar.rate(rate));
}

void TestAnalyticsCalculator::byOffer()
{
    const AnalyticsFigures figures = Fixture().figures(AnalyticsBreakdown::Offer);
    // Most leads first, ties by name; "no offer" is a group of its own.
    QCOMPARE(keysOf(figures.groups), QStringLiteral("10,,20,30"));
    const LeadStats &ten = figures.groups.at(0).stats;
    QCOMPARE(ten.shown(), 5);
    QCOMPARE(ten.reported(), 4);
    QCOMPARE(ten.rate(Rate::Approval), std::optional<double>(0.5));
    QCOMPARE(ten.rate(Rate::ApprovalWithoutTrash), std::optional<double>(2.0 / 3.0));
    QCOMPARE(ten.rate(Rate::Trash), std::optional<double>(0.25));
    QCOMPARE(ten.rate(Rate::Buyout), std::optional<double>(1.0));
    const AnalyticsGroup &none = figures.groups.at(1);
    QCOMPARE(none.label(AnalyticsBreakdown::Offer), QStringLiteral("No offer"));
    QCOMPARE(none.stats.shown(), 2);
    QCOMPARE(none.stats.rate(Rate::Approval), std::optional<double>(0.5));
    QCOMPARE(none.stats.rate(Rate::Buyout), std::nullopt); // status 99 is neither completed nor returned
}

void TestAnalyticsCalculator::byCountryIsCaseBlind()
{
    const AnalyticsFigures figures = Fixture().figures(AnalyticsBreakdown::Country);
    QCOMPARE(keysOf(figures.groups), QStringLiteral("RU,KZ,BY,"));
    QCOMPARE(figures.groups.at(1).stats.shown(), 3);
    QCOMPARE(figures.groups.at(3).label(AnalyticsBreakdown::Country), QStringLiteral("No country"));
}

void TestAnalyticsCalculator::topGroupsFoldTheRest()
{
    const Fixture fixture;
    const AnalyticsFigures figures = fixture.figures(AnalyticsBreakdown::Offer);
    const QVector<AnalyticsGroup> top = figures.topGroups(3);
    QCOMPARE(keysOf(top), QStringLiteral("10,,<rest>"));
    const AnalyticsGroup &rest = top.at(2);
    QCOMPARE(rest.label(AnalyticsBreakdown::Offer), QStringLiteral("Other"));
    QCOMPARE(rest.stats.shown(), 4);
    QCOMPARE(rest.stats.count(Stage::Approve), 1);
    QCOMPARE(rest.stats.count(Stage::Hold), 1);
    QCOMPARE(fixture.countMatching(rest.filter), 4);
    QCOMPARE(figures.topGroups(4).size(), 4);                                  // nothing to fold
    QCOMPARE(fixture.figures(AnalyticsBreakdown::Day).topGroups(2).size(), 6); // periods never fold
}

void TestAnalyticsCalculator::byDayWeekMonth()
{
    const Fixture fixture;
    const AnalyticsFigures days = fixture.figures(AnalyticsBreakdown::Day);
    QCOMPARE(keysOf(days.groups),
             QStringLiteral("2024-03-01,2024-03-02,2024-03-03,2024-03-04,2024-03-08,2024-03-09"));
    QCOMPARE(days.groups.at(5).stats.shown(), 2);
    QCOMPARE(days.groups.at(5).stats.reported(), 1);

    const AnalyticsFigures weeks = fixture.figures(AnalyticsBreakdown::Week);
    QCOMPARE(keysOf(weeks.groups), QStringLiteral("2024-02-26,2024-03-04")); // Mondays
    QCOMPARE(weeks.groups.at(0).stats.shown(), 6);
    QCOMPARE(weeks.groups.at(1).stats.shown(), 5);
    QCOMPARE(weeks.groups.at(0).stats.rate(Rate::Approval), std::optional<double>(4.0 / 6.0));

    const AnalyticsFigures months = fixture.figures(AnalyticsBreakdown::Month);
    QCOMPARE(keysOf(months.groups), QStringLiteral("2024-03-01"));
    QCOMPARE(months.groups.at(0).stats.shown(), 11);
}

void TestAnalyticsCalculator::cohorts()
{
    const AnalyticsFigures figures = Fixture().figures(AnalyticsBreakdown::Offer);
    QCOMPARE(figures.cohorts.size(), 6);
    const CohortRow &first = figures.cohorts.at(0);
    QCOMPARE(first.day, QDate(2024, 3, 1));
    QCOMPARE(first.leads, 2);
    QCOMPARE(first.approvedWithin, (std::array<int, 4>{1, 2, 2, 2}));
    QCOMPARE(first.share(0), std::optional<double>(0.5));
    const CohortRow &second = figures.cohorts.at(1);
    QCOMPARE(second.approvedWithin, (std::array<int, 4>{0, 0, 1, 2})); // 6 days; 10 days without history
    QCOMPARE(figures.cohorts.at(2).approvedWithin, (std::array<int, 4>{0, 0, 0, 0}));
}

void TestAnalyticsCalculator::cohortsNotJudgedTooEarly()
{
    const AnalyticsFigures figures =
        Fixture().figures(AnalyticsBreakdown::Offer, LeadFilter(), QDate(2024, 3, 10));
    const CohortRow &first = figures.cohorts.at(0); // 1 March, judged on 10 March
    QCOMPARE(first.judged, (std::array<bool, 4>{true, true, true, false}));
    QCOMPARE(first.share(3), std::nullopt);
    const CohortRow &last = figures.cohorts.last(); // 9 March
    QCOMPARE(last.judged, (std::array<bool, 4>{false, false, false, false}));
}

void TestAnalyticsCalculator::filterNarrowsEveryFigure()
{
    LeadFilter filter;
    filter.countries = {QStringLiteral("kz")};
    filter.createdFrom = QDate(2024, 3, 2);
    const AnalyticsFigures figures = Fixture().figures(AnalyticsBreakdown::Offer, filter);
    QCOMPARE(figures.total.stats.shown(), 3);
    QCOMPARE(keysOf(figures.groups), QStringLiteral("20,"));
    QCOMPARE(figures.groups.at(0).stats.count(Stage::Cancel), 1);
    QCOMPARE(figures.cohorts.size(), 2);
}

void TestAnalyticsCalculator::everyGroupFilterMatchesItsCount_data()
{
    QTest::addColumn<AnalyticsBreakdown>("breakdown");
    QTest::newRow("offer") << AnalyticsBreakdown::Offer;
    QTest::newRow("webmaster") << AnalyticsBreakdown::Webmaster;
    QTest::newRow("country") << AnalyticsBreakdown::Country;
    QTest::newRow("day") << AnalyticsBreakdown::Day;
    QTest::newRow("week") << AnalyticsBreakdown::Week;
    QTest::newRow("month") << AnalyticsBreakdown::Month;
}

void TestAnalyticsCalculator::everyGroupFilterMatchesItsCount()
{
    QFETCH(AnalyticsBreakdown, breakdown);
    const Fixture fixture;
    LeadFilter filter;
    filter.stages = {QStringLiteral("approve"), QStringLiteral("trash"), QString()};
    const AnalyticsFigures figures = fixture.figures(breakdown, filter);
    QVERIFY(!figures.groups.isEmpty());
    for (const AnalyticsGroup &group : figures.topGroups(2))
        QCOMPARE(fixture.countMatching(group.filter), group.stats.shown());
    QCOMPARE(fixture.countMatching(figures.total.filter), figures.total.stats.shown());
}

void TestAnalyticsCalculator::tableShowsTheSameNumbers()
{
    const AnalyticsFigures figures = Fixture().figures(AnalyticsBreakdown::Offer);
    AnalyticsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.showGroups(figures.groups, figures.total, AnalyticsBreakdown::Offer);
    QCOMPARE(model.rowCount(), 5); // four offers and the total
    QCOMPARE(model.index(1, AnalyticsTableModel::GroupName).data().toString(), QStringLiteral("No offer"));
    QCOMPARE(model.index(0, AnalyticsTableModel::Leads).data(AnalyticsTableModel::UnderlyingDataRole).toInt(),
             5);
    QCOMPARE(model.index(0, AnalyticsTableModel::ApprovalRate)
                 .data(AnalyticsTableModel::UnderlyingDataRole)
                 .toDouble(),
             0.5);
    QCOMPARE(model.index(4, AnalyticsTableModel::GroupName).data().toString(), QStringLiteral("Total"));
    QCOMPARE(model.index(4, AnalyticsTableModel::Leads).data().toString(), QStringLiteral("11"));
    QCOMPARE(model.index(1, AnalyticsTableModel::BuyoutRate).data().toString(), QStringLiteral("–"));
    const QStringList lines = model.tabSeparatedText().split(QLatin1Char('\n'));
    QCOMPARE(lines.at(0).split(QLatin1Char('\t')).size(), int(AnalyticsTableModel::GroupColumnCount));
    QCOMPARE(lines.at(1), QStringLiteral("10\t5\t0\t0\t2\t0\t1\t50.0 %\t66.7 %\t25.0 %\t100.0 %"));

    model.showFunnel(figures.total.stats);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 1).data(AnalyticsTableModel::UnderlyingDataRole).toInt(), 10);
    QCOMPARE(model.index(1, 1).data(AnalyticsTableModel::UnderlyingDataRole).toInt(), 4);
    QCOMPARE(model.index(2, 1).data(AnalyticsTableModel::UnderlyingDataRole).toInt(), 1);

    model.showCohorts(figures.cohorts);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), 6);
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("100.0 %"));
}

void TestAnalyticsCalculator::nothingMatches()
{
    LeadFilter filter;
    filter.offers = {QStringLiteral("nope")};
    const AnalyticsFigures figures = Fixture().figures(AnalyticsBreakdown::Day, filter);
    QCOMPARE(figures.total.stats.shown(), 0);
    QVERIFY(figures.groups.isEmpty());
    QVERIFY(figures.cohorts.isEmpty());
    QCOMPARE(figures.total.stats.rate(Rate::Approval), std::nullopt);
}

QTEST_GUILESS_MAIN(TestAnalyticsCalculator)
#include "tst_analyticscalculator.moc"

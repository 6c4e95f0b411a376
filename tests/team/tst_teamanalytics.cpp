#include "AnalyticsView.h"
#include "StatusView.h"
#include "TeamFixture.h"
#include "journal/Journal.h"
#include "journal/JournalTypes.h"
#include "status/AnalyticsCalculator.h"
#include "status/AnalyticsTableModel.h"
#include "status/LeadTableModel.h"
#include "status/LeadTracking.h"
#include "status/LocalAnalyticsSource.h"
#include "team/TeamAnalyticsSource.h"
#include "team/TeamConnection.h"
#include "team/TeamLeadsModel.h"
#include "team/TeamSchema.h"

#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

using Stage = StatusCatalog::Stage;
using Rate = LeadStats::Rate;
constexpr qint64 hour = 3'600'000;
constexpr int ServerTimeoutMs = 30000;
const QDate today(2024, 3, 20);

qint64 created(int day)
{
    return QDateTime(QDate(2024, 3, 1), QTime(12, 0)).addDays(day).toMSecsSinceEpoch();
}

// The analytics calculator's fixed set (tests/status/tst_analyticscalculator.cpp), each lead with the
// operator who took it: leads still waiting to be sent, a stage word and a status code this version
// does not know, leads with no offer (NULL and '' at the server) and no country, a country in two
// cases, approvals after hours and days, leads of no operator.
//   key  offer country day stage    status  sent    operator  first approval
//   a1   10    RU      0   approve  6       yes     Anna      2 h (history, after a "wait")
//   a2   10    RU      0   approve  10      yes     Anna      50 h (history)
//   a3   20    KZ      1   approve  11      yes     Boris     144 h (history; approved again later)
//   a4   NULL  KZ      1   approve  99      yes     Boris     240 h (no history: its last change)
//   c1   20    kz      2   cancel   5       yes     Boris
//   t1   10    RU      2   trash    5       yes     -
//   t2   ''    NULL    3   trash    5       yes     -
//   w1   30    BY      3   wait     1       yes     -
//   h1   30    BY      7   hold     4       yes     Boris
//   q1   10    RU      8   -        0       queued  Anna
//   x1   10    RU      8   review   2       yes     Anna
struct TeamLead
{
    JournalRow row;
    QString operatorName;
    bool nullOffer = false;
};

QVector<TeamLead> fixedLeads()
{
    QVector<TeamLead> leads;
    auto add = [&leads](const char *key, const char *offer, const char *country, int day, const char *stage,
                        int status, SendState sendState, const char *who, qint64 changedAfter = hour) {
        TeamLead lead;
        lead.row.key = QString::fromLatin1(key);
        lead.row.orderId = lead.row.key;
        lead.row.offer = QString::fromLatin1(offer);
        lead.row.country = QString::fromLatin1(country);
        lead.row.stage = QString::fromLatin1(stage);
        lead.row.status = qint16(status);
        lead.row.sendState = sendState;
        lead.row.createdAtMs = created(day);
        lead.row.changedAtMs = lead.row.createdAtMs + changedAfter;
        lead.operatorName = QString::fromLatin1(who);
        leads.append(lead);
    };
    add("a1", "10", "RU", 0, "approve", 6, SendState::Sent, "Anna");
    add("a2", "10", "RU", 0, "approve", 10, SendState::Sent, "Anna");
    add("a3", "20", "KZ", 1, "approve", 11, SendState::Sent, "Boris");
    add("a4", "", "KZ", 1, "approve", 99, SendState::Sent, "Boris", 240 * hour);
    leads.last().nullOffer = true;
    add("c1", "20", "kz", 2, "cancel", 5, SendState::Sent, "Boris");
    add("t1", "10", "RU", 2, "trash", 5, SendState::Sent, "");
    add("t2", "", "", 3, "trash", 5, SendState::Sent, "");
    add("w1", "30", "BY", 3, "wait", 1, SendState::Sent, "");
    add("h1", "30", "BY", 7, "hold", 4, SendState::Sent, "Boris");
    add("q1", "10", "RU", 8, "", 0, SendState::Queued, "Anna");
    add("x1", "10", "RU", 8, "review", 2, SendState::Sent, "Anna");
    return leads;
}

QHash<QString, qint64> firstApprovals()
{
    return {{QStringLiteral("a1"), created(0) + 2 * hour},
            {QStringLiteral("a2"), created(0) + 50 * hour},
            {QStringLiteral("a3"), created(1) + 144 * hour}};
}

QString timestamp(qint64 ms)
{
    return QStringLiteral("to_timestamp(%1 / 1000.0)").arg(ms);
}

QString literal(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

// Every count and rate of a group.
QString statsText(const LeadStats &stats)
{
    QStringList parts{QString::number(stats.shown()), QString::number(stats.reported()),
                      QString::number(stats.sent())};
    for (int stage = 0; stage <= int(Stage::None); ++stage)
        parts << QString::number(stats.count(Stage(stage)));
    parts << QString::number(stats.completed()) << QString::number(stats.returned());
    for (Rate rate : {Rate::Approval, Rate::ApprovalWithoutTrash, Rate::Trash, Rate::Buyout})
        parts << LeadStats::percentText(stats.rate(rate));
    return parts.join(QLatin1Char(' '));
}

// Every number of a set of figures, one line a group or cohort day: two sets compare as text, and a
// difference shows where it is.
QString dump(const AnalyticsFigures &figures)
{
    auto filterText = [](const LeadFilter &filter) -> QString {
        auto sorted = [](const QSet<QString> &set) -> QString {
            QStringList list(set.cbegin(), set.cend());
            list.sort();
            return QLatin1Char('{') + list.join(QLatin1Char(',')) + QLatin1Char('}');
        };
        return sorted(filter.stages) + sorted(filter.offers) + sorted(filter.countries) +
               sorted(filter.operators) + filter.createdFrom.toString(Qt::ISODate) + QLatin1Char('-') +
               filter.createdTo.toString(Qt::ISODate);
    };
    QStringList lines;
    for (const AnalyticsGroup &group : figures.groups)
        lines
            << QStringLiteral("[%1] %2 %3").arg(group.key, statsText(group.stats), filterText(group.filter));
    lines << QStringLiteral("total %1").arg(statsText(figures.total.stats));
    for (const CohortRow &cohort : figures.cohorts) {
        QStringList within;
        for (std::size_t column = 0; column < CohortRow::days.size(); ++column)
            within << QStringLiteral("%1%2")
                          .arg(cohort.approvedWithin.at(column))
                          .arg(QLatin1String(cohort.judged.at(column) ? "" : "?"));
        lines << QStringLiteral("cohort %1: %2 leads, %3")
                     .arg(cohort.day.toString(Qt::ISODate))
                     .arg(cohort.leads)
                     .arg(within.join(QLatin1Char(' ')));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Q_DECLARE_METATYPE(LeadFilter)

// The Analytics screen's Team scope: figures counted by a real PostgreSQL (TeamAnalyticsSource) on a
// fixed set of the team's leads, pinned and compared with what the local calculation makes of the same
// leads; the screen's scope switch, the Operator breakdown, a click-through to the Leads screen's Team
// scope, and a stopped server.
class TestTeamAnalytics : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void figuresEqualTheLocalOnesForTheSameLeads_data();
    void figuresEqualTheLocalOnesForTheSameLeads();
    void operatorBreakdownIsPinned();
    void screenSwitchesScopeAndOpensExactlyTheCountedTeamLeads();
    void slowServerGivesASentenceAndTheWindowKeepsAnswering();
    void stoppedServerGivesASentence(); // last: it stops the server

private:
    AnalyticsFigures teamFigures(const AnalyticsQuery &query);
    static AnalyticsFigures localFigures(const AnalyticsQuery &query, const QString &onlyOperator = QString(),
                                         bool byOperator = false);

    TeamFixture m_team;
};

void TestTeamAnalytics::initTestCase()
{
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
    {
        TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
        QVERIFY2(owner.open(), qPrintable(owner.errorString()));
        QSqlDatabase db = owner.database();
        QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
    }
    QStringList leads;
    for (const TeamLead &lead : fixedLeads()) {
        const JournalRow &row = lead.row;
        const QString offer = lead.nullOffer ? QStringLiteral("NULL") : literal(row.offer);
        const QString country = row.country.isEmpty() ? QStringLiteral("NULL") : literal(row.country);
        leads << QStringLiteral(
                     "('acc', '%1', 'ws-1', '%2', %3, %4, 'Name', '79000000000', '%5', '%6', %7, %8, %9)")
                     .arg(row.orderId, lead.operatorName, offer, country,
                          row.sendState == SendState::Queued ? QStringLiteral("queued")
                                                             : QStringLiteral("sent"),
                          row.stage)
                     .arg(row.status)
                     .arg(timestamp(row.createdAtMs), timestamp(row.changedAtMs));
    }
    QStringList history;
    const auto addHistory = [&history](const char *orderId, qint64 at, const char *stage) {
        history << QStringLiteral("('acc', '%1', %2, '%3', 'ws-1')")
                       .arg(QLatin1String(orderId), timestamp(at), QLatin1String(stage));
    };
    const QHash<QString, qint64> approvals = firstApprovals();
    addHistory("a1", created(0) + hour, "wait");
    addHistory("a1", approvals.value(QStringLiteral("a1")), "approve");
    addHistory("a2", approvals.value(QStringLiteral("a2")), "approve");
    addHistory("a3", approvals.value(QStringLiteral("a3")), "approve");
    addHistory("a3", approvals.value(QStringLiteral("a3")) + 100 * hour, "approve");
    QVERIFY2(m_team.server().exec(
                 {QStringLiteral("INSERT INTO workstations (workstation_id, db_user, operator_name) VALUES"
                                 " ('ws-1', 'operator_anna', 'Anna')"),
                  QStringLiteral("INSERT INTO leads (account, order_id, workstation_id, operator_name, offer,"
                                 " country, name, phone, send_state, stage, status, created_at,"
                                 " status_changed_at) VALUES ") +
                      leads.join(QStringLiteral(", ")),
                  QStringLiteral(
                      "INSERT INTO status_history (account, order_id, changed_at, stage, workstation_id)"
                      " VALUES ") +
                      history.join(QStringLiteral(", "))},
                 TeamFixture::databaseName()),
             qPrintable(m_team.server().errorString()));
}

AnalyticsFigures TestTeamAnalytics::teamFigures(const AnalyticsQuery &query)
{
    TeamAnalyticsSource source(m_team.config(TeamFixture::manager()));
    QSignalSpy ready(&source, &AnalyticsSource::figuresReady);
    QSignalSpy failed(&source, &AnalyticsSource::failed);
    const quint64 ticket = source.request(query);
    if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, ServerTimeoutMs) ||
        !failed.isEmpty()) {
        qWarning() << "no team figures:" << (failed.isEmpty() ? QVariant() : failed.first().at(1));
        return AnalyticsFigures();
    }
    if (ready.first().at(0).toULongLong() != ticket)
        qWarning() << "figures of another ticket";
    return ready.first().at(1).value<AnalyticsFigures>();
}

AnalyticsFigures TestTeamAnalytics::localFigures(const AnalyticsQuery &query, const QString &onlyOperator,
                                                 bool byOperator)
{
    QVector<JournalRow> rows;
    for (const TeamLead &lead : fixedLeads()) {
        if (!byOperator || lead.operatorName == onlyOperator)
            rows.append(lead.row);
    }
    return AnalyticsCalculator::compute(rows, firstApprovals(), query);
}

void TestTeamAnalytics::figuresEqualTheLocalOnesForTheSameLeads_data()
{
    QTest::addColumn<int>("breakdown");
    QTest::addColumn<LeadFilter>("filter");
    LeadFilter none;
    for (AnalyticsBreakdown breakdown :
         {AnalyticsBreakdown::Offer, AnalyticsBreakdown::Country, AnalyticsBreakdown::Day,
          AnalyticsBreakdown::Week, AnalyticsBreakdown::Month}) {
        const QString name = AnalyticsBreakdowns::displayName(breakdown);
        QTest::newRow(qPrintable(name)) << int(breakdown) << none;
    }
    LeadFilter narrowed;
    narrowed.countries = {QStringLiteral("kz"), QStringLiteral("")};
    narrowed.offers = {QStringLiteral("20"), QStringLiteral("")};
    narrowed.createdFrom = QDate(2024, 3, 2);
    QTest::newRow("offer, filtered") << int(AnalyticsBreakdown::Offer) << narrowed;
    LeadFilter stages;
    stages.stages = {QStringLiteral("approve"), QStringLiteral("")};
    stages.createdTo = QDate(2024, 3, 8);
    QTest::newRow("week, by stage") << int(AnalyticsBreakdown::Week) << stages;
}

void TestTeamAnalytics::figuresEqualTheLocalOnesForTheSameLeads()
{
    QFETCH(int, breakdown);
    QFETCH(LeadFilter, filter);
    AnalyticsQuery query;
    query.breakdown = AnalyticsBreakdown(breakdown);
    query.filter = filter;
    query.today = today;
    const AnalyticsFigures team = teamFigures(query);
    const AnalyticsFigures local = localFigures(query);
    QVERIFY(local.total.stats.shown() > 0);
    QCOMPARE(dump(team), dump(local));
    for (int group = 0; group < team.groups.size(); ++group)
        QCOMPARE(team.groups.at(group).filter, local.groups.at(group).filter);
}

void TestTeamAnalytics::operatorBreakdownIsPinned()
{
    AnalyticsQuery query;
    query.breakdown = AnalyticsBreakdown::Operator;
    query.today = today;
    const AnalyticsFigures figures = teamFigures(query);
    QCOMPARE(figures.groups.size(), 3);
    // Most leads first, ties by name; the leads of no operator have a name of their own.
    QCOMPARE(figures.groups.at(0).key, QStringLiteral("Anna"));
    QCOMPARE(figures.groups.at(1).key, QStringLiteral("Boris"));
    QCOMPARE(figures.groups.at(2).key, QString());
    QCOMPARE(figures.groups.at(2).label(AnalyticsBreakdown::Operator), AnalyticsFigures::tr("No operator"));

    const LeadStats &anna = figures.groups.at(0).stats; // a1 a2 q1 x1
    QCOMPARE(anna.shown(), 4);
    QCOMPARE(anna.reported(), 3); // q1 still waits to be sent
    QCOMPARE(anna.sent(), 3);
    QCOMPARE(anna.count(Stage::Approve), 2);
    QCOMPARE(anna.count(Stage::Other), 1); // "review", a stage word this version does not know
    QCOMPARE(anna.count(Stage::None), 1);
    QCOMPARE(anna.rate(Rate::Approval), std::optional<double>(2.0 / 3.0));
    QCOMPARE(anna.rate(Rate::Buyout), std::optional<double>(1.0));
    const LeadStats &boris = figures.groups.at(1).stats; // a3 a4 c1 h1
    QCOMPARE(boris.shown(), 4);
    QCOMPARE(boris.count(Stage::Approve), 2);
    QCOMPARE(boris.count(Stage::Cancel), 1);
    QCOMPARE(boris.count(Stage::Hold), 1);
    QCOMPARE(boris.rate(Rate::Approval), std::optional<double>(0.5));
    QCOMPARE(boris.rate(Rate::Buyout), std::optional<double>(0.0)); // a3 returned, a4's status unknown
    const LeadStats &nobody = figures.groups.at(2).stats;           // t1 t2 w1
    QCOMPARE(nobody.shown(), 3);
    QCOMPARE(nobody.rate(Rate::Trash), std::optional<double>(2.0 / 3.0));
    QCOMPARE(nobody.rate(Rate::ApprovalWithoutTrash), std::optional<double>(0.0));
    QCOMPARE(nobody.rate(Rate::Buyout), std::nullopt);
    QCOMPARE(figures.total.stats.shown(), 11);

    // Each operator's figures are what the local calculation makes of that operator's leads alone, and
    // each group's filter names its operator.
    for (const AnalyticsGroup &group : figures.groups) {
        AnalyticsQuery alone;
        alone.today = today;
        const AnalyticsFigures local = localFigures(alone, group.key, true);
        QCOMPARE(statsText(group.stats), statsText(local.total.stats));
        QCOMPARE(group.filter.operators, QSet<QString>{group.key});
    }
    // Cohorts count every operator's leads, as for any breakdown.
    AnalyticsQuery byOffer = query;
    byOffer.breakdown = AnalyticsBreakdown::Offer;
    QCOMPARE(dump(figures).section(QStringLiteral("cohort"), 1),
             dump(localFigures(byOffer)).section(QStringLiteral("cohort"), 1));
}

void TestTeamAnalytics::screenSwitchesScopeAndOpensExactlyTheCountedTeamLeads()
{
    QTemporaryDir dir;
    Journal journal;
    QVERIFY(journal.open(dir.filePath(QStringLiteral("journal.sqlite"))));
    StatusView status(new LeadTableModel(&journal), new LeadTracking(&journal));
    status.leadModel()->setParent(&status);
    status.setProfile(QStringLiteral("main"));
    LocalAnalyticsSource local(status.leadModel(), journal.filePath());
    AnalyticsView view(&local);
    TeamLeadsModel teamLeads(m_team.config(TeamFixture::manager()));
    TeamAnalyticsSource teamFigures(m_team.config(TeamFixture::manager()));
    status.setTeamModel(&teamLeads);
    // As the main window connects them.
    connect(&view, &AnalyticsView::leadsRequested, &status,
            [&status](const LeadFilter &filter, const QString &, bool team) {
                status.setTeamScope(team);
                status.showLeads(filter);
            });
    auto *scope = view.findChild<QComboBox *>(QStringLiteral("analyticsScopeCombo"));
    auto *breakdown = view.findChild<QComboBox *>(QStringLiteral("breakdownCombo"));
    view.resize(1100, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // Without a team server: no scope switch, no Operator breakdown.
    QVERIFY(!scope->isVisible());
    QCOMPARE(breakdown->findData(int(AnalyticsBreakdown::Operator)), -1);
    QVERIFY(breakdown->findData(int(AnalyticsBreakdown::Webmaster)) >= 0);

    view.setTeamSource(&teamFigures);
    QVERIFY(scope->isVisible());
    QSignalSpy shown(&view, &AnalyticsView::figuresShown);
    scope->setFocus();
    QTest::keyClick(scope, Qt::Key_Down); // "Team"
    QVERIFY(view.isTeamScope());
    QVERIFY(view.findChild<QComboBox *>(QStringLiteral("analyticsOperatorCombo"))->isVisible());
    QVERIFY(!view.findChild<QComboBox *>(QStringLiteral("analyticsWmCombo"))->isVisible());
    QCOMPARE(breakdown->findData(int(AnalyticsBreakdown::Webmaster)), -1); // the team keeps no webmaster
    breakdown->setCurrentIndex(breakdown->findData(int(AnalyticsBreakdown::Operator)));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing() &&
                                 view.figures().query.breakdown == AnalyticsBreakdown::Operator &&
                                 view.figures().total.stats.shown() == 11,
                             ServerTimeoutMs);
    AnalyticsTableModel *table = view.tableModel();
    QCOMPARE(table->index(1, AnalyticsTableModel::GroupName).data().toString(), QStringLiteral("Boris"));
    QCOMPARE(table->index(1, AnalyticsTableModel::Approved).data().toInt(), 2);

    // Enter on Boris's approved leads: the Leads screen's Team scope, exactly a3 and a4.
    auto *tableView = view.findChild<QTableView *>(QStringLiteral("analyticsTable"));
    tableView->setFocus();
    tableView->setCurrentIndex(table->index(1, AnalyticsTableModel::Approved));
    QTest::keyClick(tableView, Qt::Key_Return);
    QVERIFY(status.isTeamScope());
    // The team's filter lists arrive from the server afterwards (operators as the workstations are
    // named: Anna alone) and must leave the filter as it is.
    auto *operators = status.findChild<QComboBox *>(QStringLiteral("operatorCombo"));
    QTRY_VERIFY_WITH_TIMEOUT(operators->findText(QStringLiteral("Anna")) > 0, ServerTimeoutMs);
    QCOMPARE(operators->currentText(), QStringLiteral("Boris"));
    QCOMPARE(teamLeads.query().filter.operators, QSet<QString>{QStringLiteral("Boris")});
    QTRY_VERIFY_WITH_TIMEOUT(teamLeads.isComplete() && teamLeads.hasSummary(), ServerTimeoutMs);
    QCOMPARE(teamLeads.rowCount(), 2);
    QSet<QString> ids;
    for (int row = 0; row < teamLeads.rowCount(); ++row) {
        ids.insert(teamLeads.rowAt(row).orderId);
        QCOMPARE(teamLeads.rowAt(row).operatorName, QStringLiteral("Boris"));
    }
    QCOMPARE(ids, (QSet<QString>{QStringLiteral("a3"), QStringLiteral("a4")}));
    QCOMPARE(teamLeads.summary().shown(), 2);

    // The whole row of the leads of no operator: t1, t2 and w1.
    tableView->setCurrentIndex(table->index(2, AnalyticsTableModel::GroupName));
    QTest::keyClick(tableView, Qt::Key_Return);
    QCOMPARE(teamLeads.query().filter.operators, QSet<QString>{QString()});
    QTRY_VERIFY_WITH_TIMEOUT(teamLeads.isComplete() && teamLeads.hasSummary(), ServerTimeoutMs);
    QCOMPARE(teamLeads.rowCount(), 3);
    QCOMPARE(teamLeads.summary().shown(), 3);
    for (int row = 0; row < teamLeads.rowCount(); ++row)
        QCOMPARE(teamLeads.rowAt(row).operatorName, QString());

    // Back to My leads: the Operator breakdown goes, the workstation's (empty) figures come.
    scope->setCurrentIndex(0);
    QCOMPARE(breakdown->findData(int(AnalyticsBreakdown::Operator)), -1);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing() && view.figures().total.stats.shown() == 0, ServerTimeoutMs);
    QVERIFY(shown.count() >= 2);
}

void TestTeamAnalytics::slowServerGivesASentenceAndTheWindowKeepsAnswering()
{
    QTemporaryDir dir;
    Journal journal;
    QVERIFY(journal.open(dir.filePath(QStringLiteral("journal.sqlite"))));
    LeadTableModel leads(&journal);
    LocalAnalyticsSource local(&leads, journal.filePath());
    TeamAnalyticsSource team(m_team.config(TeamFixture::manager()));
    AnalyticsView view(&local);
    view.setTeamSource(&team);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTeamScope(true);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing() && view.figures().total.stats.shown() == 11,
                             ServerTimeoutMs);

    // The owner holds the leads table locked: the next count waits for it.
    TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
    QVERIFY2(owner.open(), qPrintable(owner.errorString()));
    QSqlQuery lock(owner.database());
    QVERIFY(lock.exec(QStringLiteral("BEGIN")));
    QVERIFY(lock.exec(QStringLiteral("LOCK TABLE leads IN ACCESS EXCLUSIVE MODE")));
    auto *breakdown = view.findChild<QComboBox *>(QStringLiteral("breakdownCombo"));
    breakdown->setCurrentIndex(breakdown->findData(int(AnalyticsBreakdown::Operator)));
    QVERIFY(view.isComputing());
    auto *notice = view.findChild<QLabel *>(QStringLiteral("analyticsNoticeLabel"));
    // The window goes on handling events (the wait below runs on them) and says what it waits for.
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), ServerTimeoutMs);
    QCOMPARE(notice->text(), AnalyticsView::tr("Waiting for the team server to count the leads…"));
    QVERIFY(view.isComputing());
    QElapsedTimer responsive;
    responsive.start();
    QTest::keyClick(breakdown, Qt::Key_Up); // the keyboard still works while the server counts
    QVERIFY(responsive.elapsed() < 1000);

    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing(), ServerTimeoutMs);
    QVERIFY(!notice->isVisible());
    QCOMPARE(view.figures().total.stats.shown(), 11);
}

void TestTeamAnalytics::stoppedServerGivesASentence()
{
    QTemporaryDir dir;
    Journal journal;
    QVERIFY(journal.open(dir.filePath(QStringLiteral("journal.sqlite"))));
    LeadTableModel leads(&journal);
    LocalAnalyticsSource local(&leads, journal.filePath());
    TeamAnalyticsSource team(m_team.config(TeamFixture::manager()));
    AnalyticsView view(&local);
    view.setTeamSource(&team);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTeamScope(true);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing() && view.figures().total.stats.shown() == 11,
                             ServerTimeoutMs);

    QVERIFY2(m_team.server().stop(), qPrintable(m_team.errorString()));
    auto *notice = view.findChild<QLabel *>(QStringLiteral("analyticsNoticeLabel"));
    QVERIFY(!notice->isVisible());
    auto *breakdown = view.findChild<QComboBox *>(QStringLiteral("breakdownCombo"));
    breakdown->setCurrentIndex(breakdown->findData(int(AnalyticsBreakdown::Country)));
    // The window keeps answering while the source finds the server gone, then says so; no figures of
    // the server from before stay on screen.
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), ServerTimeoutMs);
    QVERIFY2(
        notice->text().startsWith(
            AnalyticsView::tr("The team server could not be read, so the team's figures are not shown: %1")
                .arg(QString())),
        qPrintable(notice->text()));
    QVERIFY(!view.isComputing());
    QCOMPARE(view.figures().total.stats.shown(), 0);
    QCOMPARE(view.tableModel()->rowCount(), 0);
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("analyticsSummaryLabel"))->text().isEmpty());
}

QTEST_MAIN(TestTeamAnalytics)
#include "tst_teamanalytics.moc"

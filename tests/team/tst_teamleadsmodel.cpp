#include "TeamFixture.h"
#include "team/TeamConnection.h"
#include "team/TeamLeadsModel.h"
#include "team/TeamLeadsReader.h"
#include "team/TeamSchema.h"

#include <QDateTime>
#include <QFile>
#include <QSet>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {

constexpr int Leads = 1000;
constexpr int ServerTimeoutMs = 30000;
const QStringList stages = {QString(),
                            QStringLiteral("wait"),
                            QStringLiteral("hold"),
                            QStringLiteral("approve"),
                            QStringLiteral("cancel"),
                            QStringLiteral("trash")};
const QStringList offers = {QStringLiteral("101"), QStringLiteral("202"), QStringLiteral("303")};
const QStringList countries = {QStringLiteral("RU"), QStringLiteral("KZ")};
const QStringList operatorNames = {QStringLiteral("Anna"), QStringLiteral("Boris")};

// The rows the test puts on the server, kept here too: what every answer is checked against.
struct Expected
{
    QString orderId;
    QString operatorName;
    QString offer;
    QString country;
    QString stage;
    QString phone;
    QString sendState;
    qint64 createdAtMs;
};

Expected expectedLead(int i)
{
    Expected lead;
    lead.orderId = QStringLiteral("L%1").arg(i, 5, 10, QLatin1Char('0'));
    lead.operatorName = operatorNames.at(i % 2);
    lead.offer = offers.at(i % 3);
    lead.country = countries.at((i / 3) % 2);
    lead.stage = stages.at((i / 2) % stages.size());
    lead.phone = QStringLiteral("7900%1").arg(i, 7, 10, QLatin1Char('0'));
    lead.sendState = (i % 7 == 0) ? QStringLiteral("queued") : QStringLiteral("sent");
    // 2026-01-01 and a lead every 10 minutes; ids grow with time.
    lead.createdAtMs = 1767225600000 + qint64(i) * 600000;
    return lead;
}

} // namespace

// TeamLeadsModel against a real PostgreSQL filled with two operators' leads: it pages, filters, sorts
// and counts in the server, and every answer equals a brute-force count of the rows put there.
class TestTeamLeadsModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void firstPageOnlyThenFetchMorePagesToTheEnd();
    void filtersSelectExactlyTheMatchingLeads_data();
    void filtersSelectExactlyTheMatchingLeads();
    void sortsByAnyColumnInTheServer();
    void summaryEqualsABruteForceCount();
    void exportStreamsEveryRowOfTheQuery();
    void unreachableServerSaysSoWithoutBlocking();

private:
    std::unique_ptr<TeamLeadsModel> makeModel(int pageSize = 50);
    static void loadAll(TeamLeadsModel &model);
    static QList<Expected> matching(const std::function<bool(const Expected &)> &accepts);

    TeamFixture m_team;
};

void TestTeamLeadsModel::initTestCase()
{
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
    {
        TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
        QVERIFY2(owner.open(), qPrintable(owner.errorString()));
        QSqlDatabase db = owner.database();
        QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
    }
    QStringList values;
    for (int i = 0; i < Leads; ++i) {
        const Expected lead = expectedLead(i);
        values.append(
            QStringLiteral("('acc', '%1', 'ws-%2', '%2', '%3', '%4', 'Name %1', '%5', '%6', %7, '%8',"
                           " to_timestamp(%9 / 1000.0))")
                .arg(lead.orderId, lead.operatorName, lead.offer, lead.country, lead.phone, lead.sendState,
                     lead.sendState == QLatin1String("sent")
                         ? QStringLiteral("'N") + lead.orderId + QLatin1Char('\'')
                         : QStringLiteral("NULL"),
                     lead.stage)
                .arg(lead.createdAtMs));
    }
    QVERIFY2(
        m_team.server().exec(
            {QStringLiteral("INSERT INTO workstations (workstation_id, db_user, operator_name) VALUES"
                            " ('ws-Anna', 'operator_anna', 'Anna'), ('ws-Boris', 'operator_boris', 'Boris')"),
             QStringLiteral(
                 "INSERT INTO leads (account, order_id, workstation_id, operator_name, offer,"
                 " country, name, phone, send_state, network_order_id, stage, created_at) VALUES ") +
                 values.join(QStringLiteral(", "))},
            TeamFixture::databaseName()),
        qPrintable(m_team.server().errorString()));
}

std::unique_ptr<TeamLeadsModel> TestTeamLeadsModel::makeModel(int pageSize)
{
    // The manager's login: reading needs nothing more.
    auto model = std::make_unique<TeamLeadsModel>(m_team.config(TeamFixture::manager()));
    model->setPageSize(pageSize);
    model->reload();
    return model;
}

void TestTeamLeadsModel::loadAll(TeamLeadsModel &model)
{
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoadingPage(), ServerTimeoutMs);
    while (model.canFetchMore(QModelIndex())) {
        model.fetchMore(QModelIndex());
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoadingPage(), ServerTimeoutMs);
    }
    QVERIFY2(model.errorString().isEmpty(), qPrintable(model.errorString()));
    QVERIFY(model.isComplete());
}

QList<Expected> TestTeamLeadsModel::matching(const std::function<bool(const Expected &)> &accepts)
{
    QList<Expected> leads;
    for (int i = 0; i < Leads; ++i) {
        if (accepts(expectedLead(i)))
            leads.append(expectedLead(i));
    }
    return leads;
}

void TestTeamLeadsModel::firstPageOnlyThenFetchMorePagesToTheEnd()
{
    auto model = makeModel(50);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 50, ServerTimeoutMs);
    QVERIFY(model->canFetchMore(QModelIndex()));
    // Newest first by default.
    QCOMPARE(model->rowAt(0).orderId, expectedLead(Leads - 1).orderId);
    model->fetchMore(QModelIndex());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 100, ServerTimeoutMs);
    loadAll(*model);
    QCOMPARE(model->rowCount(), Leads);
    QSet<QString> seen;
    for (int row = 0; row < model->rowCount(); ++row) {
        seen.insert(model->rowAt(row).orderId);
        QCOMPARE(model->rowAt(row).orderId, expectedLead(Leads - 1 - row).orderId);
    }
    QCOMPARE(seen.size(), Leads);
}

void TestTeamLeadsModel::filtersSelectExactlyTheMatchingLeads_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("stages") << 0;
    QTest::newRow("offers") << 1;
    QTest::newRow("countries, any case") << 2;
    QTest::newRow("operator") << 3;
    QTest::newRow("dates") << 4;
    QTest::newRow("search order id") << 5;
    QTest::newRow("search phone digits") << 6;
    QTest::newRow("everything at once") << 7;
    // More matches than TeamLeadsQuery::rareMatchLimit: the page walks the sort index instead of sorting
    // the matches it collected. Both ways must show the same leads in the same order.
    QTest::newRow("search order id, many matches") << 8;
    QTest::newRow("search phone digits, many matches") << 9;
    // Digits found in both the order ids and the phones: TeamLeadsQuery looks the phone up on its own,
    // and a lead must show once, also one whose network id is NULL (no match, not an unknown one).
    QTest::newRow("search digits in order ids and phones") << 10;
    QTest::newRow("search digits with filters") << 11;
    // Five digits or more are found through the phone index of schema step 5 (the phone's positions
    // as lexemes, searched by prefix): it must find a phone whatever the place of the digits in it.
    QTest::newRow("search phone digits at the start") << 12;
    QTest::newRow("search phone digits at the end") << 13;
    QTest::newRow("search a whole phone number") << 14;
}

void TestTeamLeadsModel::filtersSelectExactlyTheMatchingLeads()
{
    QFETCH(int, which);
    TeamLeadsQuery query;
    std::function<bool(const Expected &)> accepts;
    const QDate from = QDateTime::fromMSecsSinceEpoch(expectedLead(300).createdAtMs).date();
    const QDate to = from.addDays(1);
    auto inDates = [from, to](const Expected &lead) {
        const QDate date = QDateTime::fromMSecsSinceEpoch(lead.createdAtMs).date();
        return date >= from && date <= to;
    };
    // Where a phone search's digits (`placed`) stand in the phones it finds.
    enum Place
    {
        Anywhere,
        PhoneStart,
        PhoneMiddle,
        PhoneEnd
    } place = Anywhere;
    QString placed;
    switch (which) {
    case 0:
        query.filter.stages = {QStringLiteral("approve"), QString()};
        accepts = [](const Expected &lead) {
            return lead.stage == QLatin1String("approve") || lead.stage.isEmpty();
        };
        break;
    case 1:
        query.filter.offers = {QStringLiteral("202")};
        accepts = [](const Expected &lead) {
            return lead.offer == QLatin1String("202");
        };
        break;
    case 2:
        query.filter.countries = {QStringLiteral("kz")};
        accepts = [](const Expected &lead) {
            return lead.country == QLatin1String("KZ");
        };
        break;
    case 3:
        query.operators = {QStringLiteral("Boris")};
        accepts = [](const Expected &lead) {
            return lead.operatorName == QLatin1String("Boris");
        };
        break;
    case 4:
        query.filter.createdFrom = from;
        query.filter.createdTo = to;
        accepts = inDates;
        break;
    case 5:
        query.searchText = QStringLiteral("l0012");
        query.sortColumn = TeamLeadsQuery::OrderId; // ids grow with time: still newest first
        accepts = [](const Expected &lead) {
            return lead.orderId.startsWith(QLatin1String("L0012"));
        };
        break;
    case 6:
        query.searchText = QStringLiteral("(000) 05-5");
        place = PhoneMiddle;
        placed = QStringLiteral("000055");
        accepts = [](const Expected &lead) {
            return lead.phone.contains(QLatin1String("000055"));
        };
        break;
    case 8:
        query.searchText = QStringLiteral("l001");
        query.rareMatchLimit = 5;
        accepts = [](const Expected &lead) {
            return lead.orderId.startsWith(QLatin1String("L001"));
        };
        break;
    case 9:
        query.searchText = QStringLiteral("(000) 05");
        query.rareMatchLimit = 5;
        query.sortColumn = TeamLeadsQuery::OrderId; // ids grow with time: still newest first
        accepts = [](const Expected &lead) {
            return lead.phone.contains(QLatin1String("00005"));
        };
        break;
    case 10:
        query.searchText = QStringLiteral("0001");
        accepts = [](const Expected &lead) {
            return lead.orderId.contains(QLatin1String("0001")) || lead.phone.contains(QLatin1String("0001"));
        };
        break;
    case 11: // each part of the phone search binds the filters' values too, in its own place
        query.searchText = QStringLiteral("0001");
        query.operators = {QStringLiteral("Anna")};
        query.filter.offers = {QStringLiteral("101"), QStringLiteral("303")};
        accepts = [](const Expected &lead) {
            return lead.operatorName == QLatin1String("Anna") && lead.offer != QLatin1String("202") &&
                   (lead.orderId.contains(QLatin1String("0001")) ||
                    lead.phone.contains(QLatin1String("0001")));
        };
        break;
    case 12: // 7900000012x: the leads 120-129, the digits at the start of their phones only
        query.searchText = QStringLiteral("+7 (900) 00-00-12");
        place = PhoneStart;
        placed = QStringLiteral("7900000012");
        accepts = [](const Expected &lead) {
            return lead.phone.contains(QLatin1String("7900000012"));
        };
        break;
    case 13: // 79000000999: the lead 999, the digits at the end of its phone only (the dash keeps
             // the text from matching its order id, L00999: the phone must find it)
        query.searchText = QStringLiteral("0-0999");
        place = PhoneEnd;
        placed = QStringLiteral("00999");
        accepts = [](const Expected &lead) {
            return lead.phone.contains(QLatin1String("00999"));
        };
        break;
    case 14:
        query.searchText = QStringLiteral("79000000421");
        accepts = [](const Expected &lead) {
            return lead.phone == QLatin1String("79000000421");
        };
        break;
    default:
        query.filter.stages = {QStringLiteral("wait"), QStringLiteral("hold")};
        query.filter.offers = {QStringLiteral("101"), QStringLiteral("303")};
        query.operators = {QStringLiteral("Anna")};
        query.filter.createdFrom = from;
        query.filter.createdTo = to;
        accepts = [inDates](const Expected &lead) {
            return (lead.stage == QLatin1String("wait") || lead.stage == QLatin1String("hold")) &&
                   lead.offer != QLatin1String("202") && lead.operatorName == QLatin1String("Anna") &&
                   inDates(lead);
        };
        break;
    }
    // Many matches: all of them on one page, which a key from the wrong branch could not hide.
    auto model = makeModel(query.rareMatchLimit < TeamLeadsQuery::RareMatchLimit ? 200 : 40);
    model->setQuery(query);
    loadAll(*model);
    const QList<Expected> expected = matching(accepts);
    QVERIFY(!expected.isEmpty());
    // The data set puts the digits where the case says: at the start of the phones, at their end, or
    // (for one phone at least) in the middle.
    for (const Expected &lead : expected) {
        if (place == PhoneStart)
            QVERIFY(lead.phone.startsWith(placed) && !lead.phone.endsWith(placed));
        else if (place == PhoneEnd)
            QVERIFY(!lead.phone.startsWith(placed) && lead.phone.endsWith(placed));
    }
    if (place == PhoneMiddle) {
        QVERIFY(std::any_of(expected.cbegin(), expected.cend(), [&placed](const Expected &lead) {
            return !lead.phone.startsWith(placed) && !lead.phone.endsWith(placed);
        }));
    }
    QCOMPARE(model->rowCount(), expected.size());
    QSet<QString> expectedIds;
    for (const Expected &lead : expected)
        expectedIds.insert(lead.orderId);
    QSet<QString> shownIds;
    for (int row = 0; row < model->rowCount(); ++row) {
        shownIds.insert(model->rowAt(row).orderId);
        if (row > 0) // newest first, however the page was found
            QVERIFY(model->rowAt(row - 1).createdAtMs > model->rowAt(row).createdAtMs);
    }
    QCOMPARE(shownIds, expectedIds);
    QTRY_VERIFY_WITH_TIMEOUT(model->hasSummary(), ServerTimeoutMs);
    QCOMPARE(model->summary().shown(), expected.size());
}

void TestTeamLeadsModel::sortsByAnyColumnInTheServer()
{
    auto model = makeModel(100);
    model->sort(TeamLeadsQuery::Offer, Qt::AscendingOrder);
    loadAll(*model);
    QCOMPARE(model->rowCount(), Leads);
    for (int row = 1; row < model->rowCount(); ++row) {
        const TeamLeadRow &before = model->rowAt(row - 1);
        const TeamLeadRow &after = model->rowAt(row);
        QVERIFY(before.offer < after.offer ||
                (before.offer == after.offer && before.orderId < after.orderId));
    }
    model->sort(TeamLeadsQuery::Operator, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 100, ServerTimeoutMs);
    QCOMPARE(model->rowAt(0).operatorName, QStringLiteral("Boris"));
    QCOMPARE(model->rowAt(0).orderId, expectedLead(Leads - 1).orderId);
    QCOMPARE(model->rowAt(99).operatorName, QStringLiteral("Boris"));
}

void TestTeamLeadsModel::summaryEqualsABruteForceCount()
{
    auto model = makeModel();
    TeamLeadsQuery query;
    query.operators = {QStringLiteral("Anna")};
    model->setQuery(query);
    QTRY_VERIFY_WITH_TIMEOUT(model->hasSummary(), ServerTimeoutMs);
    const QList<Expected> anna =
        matching([](const Expected &lead) { return lead.operatorName == QLatin1String("Anna"); });
    const LeadStats &stats = model->summary();
    QCOMPARE(stats.shown(), anna.size());
    int sent = 0;
    int reported = 0;
    QMap<StatusCatalog::Stage, int> perStage;
    for (const Expected &lead : anna) {
        if (!lead.stage.isEmpty() || lead.sendState == QLatin1String("sent"))
            ++sent;
        if (!lead.stage.isEmpty())
            ++reported;
        ++perStage[StatusCatalog::stageOf(lead.stage)];
    }
    QCOMPARE(stats.sent(), sent);
    QCOMPARE(stats.reported(), reported);
    for (auto it = perStage.cbegin(); it != perStage.cend(); ++it)
        QCOMPARE(stats.count(it.key()), it.value());
    // Only the first page is loaded: the figures are the server's, not the rows'.
    QVERIFY(model->rowCount() < anna.size());
}

void TestTeamLeadsModel::exportStreamsEveryRowOfTheQuery()
{
    auto model = makeModel(20);
    TeamLeadsQuery query;
    query.filter.offers = {QStringLiteral("303")};
    model->setQuery(query);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 20, ServerTimeoutMs);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("team.csv"));
    bool finished = false;
    int written = -1;
    connect(model.get(), &TeamLeadsModel::exportFinished, this,
            [&](bool ok, int rows, const QString &, const QString &error) {
                QVERIFY2(ok, qPrintable(error));
                finished = true;
                written = rows;
            });
    model->exportTo(path, {TeamLeadsQuery::OrderId, TeamLeadsQuery::Operator, TeamLeadsQuery::Offer});
    QTRY_VERIFY_WITH_TIMEOUT(finished, ServerTimeoutMs);
    const int expected =
        matching([](const Expected &lead) { return lead.offer == QLatin1String("303"); }).size();
    QCOMPARE(written, expected);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    // Header, the rows, and the empty piece after the last CRLF.
    QCOMPARE(lines.size(), expected + 2);
    QCOMPARE(lines.at(0), QByteArray("\xEF\xBB\xBFOrder id,Operator,Offer\r"));
    QCOMPARE(lines.at(1), QByteArray("L00998,Anna,303\r"));
    // The model itself still holds one page.
    QCOMPARE(model->rowCount(), 20);
}

void TestTeamLeadsModel::unreachableServerSaysSoWithoutBlocking()
{
    TeamServerConfig config = m_team.config(TeamFixture::manager());
    config.password = QStringLiteral("wrong");
    TeamLeadsModel model(config);
    model.reload();
    QCOMPARE(model.rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!model.errorString().isEmpty(), ServerTimeoutMs);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QVERIFY(!model.errorString().contains(QLatin1String("wrong")));
}

QTEST_GUILESS_MAIN(TestTeamLeadsModel)
#include "tst_teamleadsmodel.moc"

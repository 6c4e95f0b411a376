#include "StatusDataSet.h"
#include "TestEnvironment.h"
#include "api/ReplyParser.h"
#include "journal/Journal.h"
#include "status/LeadTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString profile = QStringLiteral("profile-a");
}

class TestLeadTableModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadsEveryLeadOfTheProfile();
    void wordsForCodes();
    void unknownCodesStayVisible();
    void underlyingValues();
    void compareIdsAsNumbers_data();
    void compareIdsAsNumbers();
    void compareRowsByDateAndStage();
    void toolTipGivesCodesAndHistory();
    void incrementalUpdatesNeverReset();
    void unseenFlagFollowsTheJournal();
    void trackedIdsJoinTheTable();
    void olderEngineRowsShowTheirWords();
    void otherProfilesStayApart();
    void distinctValuesForFilters();
    void sortsItself();
    void staysSortedAsLeadsArriveAndChange();
    void bigImportIsSortedIn();
    void unchangedStatusMovesOnlyTheCheckedColumn();
    void mergedLeadTheModelNeverHeardOfIsReadWhole();
    void loadsInBackgroundWhileLeadsComeAndGo();

private:
    int rowOf(const QString &orderId) const;
    QString text(const QString &orderId, int column) const;

    TestEnvironment m_env;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<LeadTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestLeadTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(m_dir->filePath(QStringLiteral("journal.sqlite"))),
             qPrintable(m_journal->errorString()));
    QVERIFY(StatusDataSet::fill(*m_journal, profile));
    m_model = std::make_unique<LeadTableModel>(m_journal.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setProfile(profile);
}

void TestLeadTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_journal.reset();
    m_dir.reset();
}

int TestLeadTableModel::rowOf(const QString &orderId) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->leadAt(row).orderId == orderId)
            return row;
    }
    return -1;
}

QString TestLeadTableModel::text(const QString &orderId, int column) const
{
    const int row = rowOf(orderId);
    if (row < 0)
        return QStringLiteral("<no row %1>").arg(orderId);
    return m_model->index(row, column).data().toString();
}

void TestLeadTableModel::loadsEveryLeadOfTheProfile()
{
    QCOMPARE(m_model->rowCount(), int(StatusDataSet::leads().size()));
    QCOMPARE(m_model->columnCount(), int(LeadTableModel::NB_COLUMNS));
    for (const StatusDataSetLead &lead : StatusDataSet::leads())
        QVERIFY2(rowOf(lead.orderId) >= 0, qPrintable(lead.orderId));
    QCOMPARE(m_model->headerData(LeadTableModel::Stage, Qt::Horizontal).toString(), QStringLiteral("Stage"));
    QCOMPARE(m_model->headerData(LeadTableModel::Count, Qt::Horizontal).toString(), QStringLiteral("Goods"));
}

void TestLeadTableModel::wordsForCodes()
{
    QCOMPARE(text(QStringLiteral("9"), LeadTableModel::Stage), QStringLiteral("Approved"));
    QCOMPARE(text(QStringLiteral("9"), LeadTableModel::Status), QStringLiteral("Packing"));
    QCOMPARE(text(QStringLiteral("9"), LeadTableModel::NetworkId), QStringLiteral("5009"));
    QCOMPARE(text(QStringLiteral("9"), LeadTableModel::Country), QStringLiteral("RU"));
    QCOMPARE(text(QStringLiteral("10"), LeadTableModel::Status), QStringLiteral("Completed"));
    QCOMPARE(text(QStringLiteral("10"), LeadTableModel::Count), QStringLiteral("2"));
    QCOMPARE(text(QStringLiteral("11"), LeadTableModel::Stage), QStringLiteral("Cancelled"));
    QCOMPARE(text(QStringLiteral("11"), LeadTableModel::Reason), QStringLiteral("Changed their mind"));
    QCOMPARE(text(QStringLiteral("11"), LeadTableModel::Count), QString());
    QCOMPARE(text(QStringLiteral("12"), LeadTableModel::Stage), QStringLiteral("Trash"));
    QCOMPARE(text(QStringLiteral("12"), LeadTableModel::Reason), QStringLiteral("Incorrect phone (trash)"));
    QCOMPARE(text(QStringLiteral("14"), LeadTableModel::Stage), QStringLiteral("Waiting"));
    QCOMPARE(text(QStringLiteral("15"), LeadTableModel::Stage), QStringLiteral("On hold"));
    QCOMPARE(text(QStringLiteral("15"), LeadTableModel::Comment), QStringLiteral("call back\nafter 6pm"));
    // Not reported on yet: the stage column says where the lead is on its way, but has no stage.
    QCOMPARE(text(QStringLiteral("18"), LeadTableModel::Stage), QStringLiteral("Waiting to send"));
    QCOMPARE(m_model->index(rowOf(QStringLiteral("18")), 0).data(LeadTableModel::StageRole).toString(),
             QString());
    QCOMPARE(m_model->index(rowOf(QStringLiteral("12")), 3).data(LeadTableModel::StageRole).toString(),
             QStringLiteral("trash"));

    const QDateTime created = QDateTime::fromMSecsSinceEpoch(StatusDataSet::createdMs(0));
    QCOMPARE(text(QStringLiteral("9"), LeadTableModel::Created),
             QLocale().toString(created, QLocale::ShortFormat));
    QCOMPARE(m_model->index(rowOf(QStringLiteral("9")), LeadTableModel::Created)
                 .data(LeadTableModel::ExportRole)
                 .toString(),
             QStringLiteral("2024-03-01 12:00:00"));
}

void TestLeadTableModel::unknownCodesStayVisible()
{
    QCOMPARE(text(QStringLiteral("16"), LeadTableModel::Status), QStringLiteral("Status 17"));
    QCOMPARE(text(QStringLiteral("17"), LeadTableModel::Reason), QStringLiteral("Reason 19"));
    QCOMPARE(text(QStringLiteral("12345678901234567890123"), LeadTableModel::Stage),
             QStringLiteral("review"));
}

void TestLeadTableModel::underlyingValues()
{
    const int role = LeadTableModel::UnderlyingDataRole;
    const int nine = rowOf(QStringLiteral("9"));
    QCOMPARE(m_model->index(nine, LeadTableModel::OrderId).data(role), QVariant(qulonglong(9)));
    QCOMPARE(m_model->index(nine, LeadTableModel::Created).data(role), QVariant(StatusDataSet::createdMs(0)));
    QCOMPARE(m_model->index(nine, LeadTableModel::Status).data(role), QVariant(6));
    QCOMPARE(m_model->index(nine, LeadTableModel::Count).data(role), QVariant(1));
    // Longer than any integer: stays text, never rounded through a double.
    const int huge = rowOf(QStringLiteral("12345678901234567890123"));
    QCOMPARE(m_model->index(huge, LeadTableModel::OrderId).data(role),
             QVariant(QStringLiteral("12345678901234567890123")));
    QVERIFY(m_model->index(nine, LeadTableModel::Stage).data(role).toInt() <
            m_model->index(rowOf(QStringLiteral("12")), LeadTableModel::Stage).data(role).toInt());
}

void TestLeadTableModel::compareIdsAsNumbers_data()
{
    QTest::addColumn<QString>("smaller");
    QTest::addColumn<QString>("larger");
    QTest::newRow("9 < 10") << QStringLiteral("9") << QStringLiteral("10");
    QTest::newRow("10 < 100") << QStringLiteral("10") << QStringLiteral("100");
    QTest::newRow("beyond 64 bits") << QStringLiteral("99999999999999999999")
                                    << QStringLiteral("100000000000000000000");
    QTest::newRow("same length") << QStringLiteral("12345678901234567890122")
                                 << QStringLiteral("12345678901234567890123");
    QTest::newRow("leading zero ties on value, then text") << QStringLiteral("007") << QStringLiteral("7");
    QTest::newRow("leading zeros by value") << QStringLiteral("009") << QStringLiteral("10");
    QTest::newRow("numbers before text") << QStringLiteral("123456") << QStringLiteral("abc");
    QTest::newRow("text among itself") << QStringLiteral("a-10") << QStringLiteral("b-1");
    QTest::newRow("empty first") << QString() << QStringLiteral("1");
}

void TestLeadTableModel::compareIdsAsNumbers()
{
    QFETCH(QString, smaller);
    QFETCH(QString, larger);
    if (!smaller.isEmpty()) // an empty id is text, so it sorts after every number
        QVERIFY(LeadTableModel::compareIds(smaller, larger) < 0);
    else
        QVERIFY(LeadTableModel::compareIds(smaller, larger) > 0);
    QCOMPARE(LeadTableModel::compareIds(larger, smaller), -LeadTableModel::compareIds(smaller, larger));
    QCOMPARE(LeadTableModel::compareIds(larger, larger), 0);
}

void TestLeadTableModel::compareRowsByDateAndStage()
{
    const int nine = rowOf(QStringLiteral("9"));      // day 0, approve
    const int hundred = rowOf(QStringLiteral("100")); // day 1, approve
    const int twelve = rowOf(QStringLiteral("12"));   // day 2, trash
    const int waiting = rowOf(QStringLiteral("14"));  // wait
    QVERIFY(m_model->compareRows(nine, hundred, LeadTableModel::Created) < 0);
    QVERIFY(m_model->compareRows(twelve, hundred, LeadTableModel::Created) > 0);
    QVERIFY(m_model->compareRows(nine, hundred, LeadTableModel::OrderId) < 0);
    QVERIFY(m_model->compareRows(waiting, nine, LeadTableModel::Stage) < 0);
    QVERIFY(m_model->compareRows(nine, twelve, LeadTableModel::Stage) < 0);
    QCOMPARE(m_model->compareRows(nine, hundred, LeadTableModel::Stage), 0);
}

void TestLeadTableModel::toolTipGivesCodesAndHistory()
{
    const QString tip =
        m_model->index(rowOf(QStringLiteral("12")), LeadTableModel::Reason).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Stage: Trash (code \"trash\")")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Status: Cancelled (code 5)")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Reason: Incorrect phone (trash) (code 1)")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("nothing yet → Waiting, New")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Waiting, New → Trash, Cancelled")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("final")), qPrintable(tip));

    const QString queued = m_model->index(rowOf(QStringLiteral("18")), 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(queued.contains(QStringLiteral("Waiting to send")), qPrintable(queued));
    QVERIFY2(!queued.contains(QStringLiteral("History")), qPrintable(queued));
}

void TestLeadTableModel::incrementalUpdatesNeverReset()
{
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const int before = m_model->rowCount();

    Lead lead;
    lead.orderId = QStringLiteral("4242");
    lead.offer = QStringLiteral("99");
    lead.phone = QStringLiteral("79990001122");
    lead.name = QStringLiteral("New Customer");
    QVERIFY(m_journal->addLead(profile, lead.orderId, lead, StatusDataSet::createdMs(9)));
    QCOMPARE(m_model->rowCount(), before + 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(text(QStringLiteral("4242"), LeadTableModel::Name), QStringLiteral("New Customer"));

    QVERIFY(m_journal->markSending(profile, lead.orderId, QByteArray("x"), StatusDataSet::createdMs(9)));
    QVERIFY(m_journal->markSent(profile, lead.orderId, QStringLiteral("8888"), QString(),
                                StatusDataSet::createdMs(9)));
    StatusRow row;
    row.ourOrderId = lead.orderId;
    row.stage = QStringLiteral("approve");
    row.status = 6;
    changed.clear();
    QVERIFY(m_journal->mergeStatus(profile, row, StatusDataSet::createdMs(10)).changed);
    QCOMPARE(changed.count(), 1);
    const int changedRow = changed.first().at(0).toModelIndex().row();
    QCOMPARE(changedRow, rowOf(QStringLiteral("4242")));
    QCOMPARE(changed.first().at(1).toModelIndex().row(), changedRow);
    QCOMPARE(text(QStringLiteral("4242"), LeadTableModel::Stage), QStringLiteral("Approved"));
    QCOMPARE(text(QStringLiteral("4242"), LeadTableModel::NetworkId), QStringLiteral("8888"));

    QVERIFY(m_journal->remove(profile, QStringLiteral("11")));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->rowCount(), before);
    QCOMPARE(rowOf(QStringLiteral("11")), -1);
    // The key index follows the removal: every remaining key maps to its own row.
    for (int r = 0; r < m_model->rowCount(); ++r)
        QCOMPARE(m_model->rowOfKey(m_model->leadAt(r).key), r);
    QCOMPARE(resets.count(), 0);
}

void TestLeadTableModel::unseenFlagFollowsTheJournal()
{
    const int row = rowOf(QStringLiteral("9"));
    QVERIFY(m_model->index(row, 0).data(LeadTableModel::UnseenRole).toBool());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QCOMPARE(m_journal->markSeen(profile, {QStringLiteral("9"), QStringLiteral("10")}), 2);
    QVERIFY(!changed.isEmpty());
    QVERIFY(!m_model->index(row, 0).data(LeadTableModel::UnseenRole).toBool());
    QVERIFY(!m_model->index(rowOf(QStringLiteral("10")), 0).data(LeadTableModel::UnseenRole).toBool());
    QVERIFY(m_model->index(rowOf(QStringLiteral("11")), 0).data(LeadTableModel::UnseenRole).toBool());
    // Never reported on: nothing to see.
    QVERIFY(!m_model->index(rowOf(QStringLiteral("18")), 0).data(LeadTableModel::UnseenRole).toBool());
}

void TestLeadTableModel::trackedIdsJoinTheTable()
{
    const int before = m_model->rowCount();
    QCOMPARE(m_journal->addTracked(profile,
                                   {QStringLiteral("555"), QStringLiteral("556"), QStringLiteral("9")},
                                   StatusDataSet::createdMs(12)),
             2);
    QCOMPARE(m_model->rowCount(), before + 2);
    QCOMPARE(text(QStringLiteral("555"), LeadTableModel::Stage), QStringLiteral("Tracked"));
    StatusRow row;
    row.ourOrderId = QStringLiteral("556");
    row.networkOrderId = QStringLiteral("77556");
    row.stage = QStringLiteral("hold");
    row.status = 4;
    QVERIFY(m_journal->mergeStatus(profile, row, StatusDataSet::createdMs(13)).found);
    QCOMPARE(text(QStringLiteral("556"), LeadTableModel::Stage), QStringLiteral("On hold"));
    QCOMPARE(text(QStringLiteral("556"), LeadTableModel::NetworkId), QStringLiteral("77556"));
}

void TestLeadTableModel::olderEngineRowsShowTheirWords()
{
    QCOMPARE(m_journal->addTracked(profile, {QStringLiteral("757"), QStringLiteral("758")},
                                   StatusDataSet::createdMs(12)),
             2);
    // As older engine builds answer (issue 23), read by the reply parser.
    const ListResult answer =
        ReplyParser::parseListReply(200, R"({"757":{"id":757,"status":17,"status_text":"Особый статус 17"},)"
                                         R"("758":{"id":758,"status":6,"status_text":"Упаковка"}})");
    QCOMPARE(answer.rows.size(), 2);
    for (const StatusRow &row : answer.rows)
        QVERIFY(m_journal->mergeStatus(profile, row, StatusDataSet::createdMs(13)).changed);

    // A code this version does not know: the engine's words in the cell; no stage derived from it.
    QCOMPARE(text(QStringLiteral("757"), LeadTableModel::Status), QStringLiteral("Особый статус 17"));
    QCOMPARE(text(QStringLiteral("757"), LeadTableModel::Stage), QStringLiteral("Tracked"));
    const QString unknownTip =
        m_model->index(rowOf(QStringLiteral("757")), LeadTableModel::Status).data(Qt::ToolTipRole).toString();
    QVERIFY2(unknownTip.contains(QStringLiteral("Status: Особый статус 17 (code 17)")),
             qPrintable(unknownTip));
    QVERIFY2(!unknownTip.contains(QStringLiteral("Not reported on")), qPrintable(unknownTip));
    QVERIFY(!unknownTip.contains(QStringLiteral("derived")));

    // A known code: our word in the cell, the derived stage, and the engine's words in the tooltip.
    QCOMPARE(text(QStringLiteral("758"), LeadTableModel::Status), QStringLiteral("Packing"));
    QCOMPARE(text(QStringLiteral("758"), LeadTableModel::Stage), QStringLiteral("Approved"));
    const QString knownTip =
        m_model->index(rowOf(QStringLiteral("758")), LeadTableModel::Stage).data(Qt::ToolTipRole).toString();
    QVERIFY2(knownTip.contains(QStringLiteral("derived from the status")), qPrintable(knownTip));
    QVERIFY2(knownTip.contains(QStringLiteral("Упаковка")), qPrintable(knownTip));
}

void TestLeadTableModel::otherProfilesStayApart()
{
    const int before = m_model->rowCount();
    QVERIFY(m_journal->addTracked(QStringLiteral("profile-b"), {QStringLiteral("31337")}, 1) == 1);
    QCOMPARE(m_model->rowCount(), before);
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setProfile(QStringLiteral("profile-b"));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(text(QStringLiteral("31337"), LeadTableModel::OrderId), QStringLiteral("31337"));
    m_model->setProfile(QString());
    QCOMPARE(m_model->rowCount(), 0);
}

void TestLeadTableModel::distinctValuesForFilters()
{
    QCOMPARE(m_model->distinctValues(LeadTableModel::Offer),
             (QStringList{QStringLiteral("10"), QStringLiteral("20"), QStringLiteral("30")}));
    QCOMPARE(m_model->distinctValues(LeadTableModel::Country),
             (QStringList{QStringLiteral("BY"), QStringLiteral("DE"), QStringLiteral("KZ"),
                          QStringLiteral("RU")}));
    QCOMPARE(m_model->distinctValues(LeadTableModel::Wm),
             (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
}

namespace {
QStringList orderIds(const LeadTableModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.leadAt(row).orderId;
    return ids;
}
} // namespace

void TestLeadTableModel::sortsItself()
{
    QSignalSpy layouts(m_model.get(), &QAbstractItemModel::layoutChanged);
    const QPersistentModelIndex hundred = m_model->index(rowOf(QStringLiteral("100")), LeadTableModel::Name);
    m_model->sort(LeadTableModel::OrderId, Qt::AscendingOrder);
    QCOMPARE(layouts.count(), 1);
    QCOMPARE(orderIds(*m_model).mid(0, 4), (QStringList{QStringLiteral("9"), QStringLiteral("10"),
                                                        QStringLiteral("11"), QStringLiteral("12")}));
    QCOMPARE(orderIds(*m_model).mid(10),
             (QStringList{QStringLiteral("100"), QStringLiteral("12345678901234567890123")}));
    // Whoever held on to a row (a selection) still holds the same lead.
    QCOMPARE(hundred.data().toString(), QStringLiteral("Carla Diaz"));
    QCOMPARE(hundred.row(), 10);
    m_model->sort(LeadTableModel::OrderId, Qt::DescendingOrder);
    QCOMPARE(orderIds(*m_model).first(), QStringLiteral("12345678901234567890123"));
    QCOMPARE(hundred.row(), 1);
    m_model->sort(LeadTableModel::Created, Qt::DescendingOrder);
    for (int row = 1; row < m_model->rowCount(); ++row)
        QVERIFY(m_model->leadAt(row - 1).createdAtMs >= m_model->leadAt(row).createdAtMs);
    m_model->sort(-1);
    // The journal's order again: by creation, then by key as text ("10" before "9", same minute).
    QCOMPARE(orderIds(*m_model).mid(0, 2), (QStringList{QStringLiteral("10"), QStringLiteral("9")}));
    for (int r = 0; r < m_model->rowCount(); ++r)
        QCOMPARE(m_model->rowOfKey(m_model->leadAt(r).key), r);
}

void TestLeadTableModel::staysSortedAsLeadsArriveAndChange()
{
    m_model->sort(LeadTableModel::Stage, Qt::AscendingOrder);
    auto checkSorted = [this] {
        for (int row = 1; row < m_model->rowCount(); ++row) {
            if (m_model->compareRows(row - 1, row, LeadTableModel::Stage) > 0)
                return false;
        }
        for (int r = 0; r < m_model->rowCount(); ++r) {
            if (m_model->rowOfKey(m_model->leadAt(r).key) != r)
                return false;
        }
        return true;
    };
    QVERIFY(checkSorted());
    QCOMPARE(m_model->leadAt(0).orderId, QStringLiteral("14")); // the only waiting lead

    StatusRow row;
    row.ourOrderId = QStringLiteral("14");
    row.stage = QStringLiteral("trash");
    row.status = 5;
    row.reason = 1;
    const QPersistentModelIndex fourteen = m_model->index(0, LeadTableModel::OrderId);
    QVERIFY(m_journal->mergeStatus(profile, row, StatusDataSet::createdMs(20)).changed);
    QVERIFY(checkSorted());
    QCOMPARE(fourteen.data().toString(), QStringLiteral("14"));
    QCOMPARE(m_model->leadAt(0).stage, QStringLiteral("hold"));

    QCOMPARE(m_journal->addTracked(profile, {QStringLiteral("901"), QStringLiteral("902")}, 5), 2);
    QVERIFY(checkSorted());
    QCOMPARE(m_model->leadAt(m_model->rowCount() - 1).stage, QString()); // unreported: last
    row.ourOrderId = QStringLiteral("901");
    row.stage = QStringLiteral("wait");
    row.status = 1;
    row.reason = 0;
    QVERIFY(m_journal->mergeStatus(profile, row, StatusDataSet::createdMs(21)).changed);
    QVERIFY(checkSorted());
    QCOMPARE(m_model->leadAt(0).orderId, QStringLiteral("901"));

    QVERIFY(m_journal->remove(profile, QStringLiteral("15")));
    QVERIFY(checkSorted());
    QCOMPARE(rowOf(QStringLiteral("15")), -1);
    QCOMPARE(fourteen.data().toString(), QStringLiteral("14"));
}

void TestLeadTableModel::bigImportIsSortedIn()
{
    m_model->sort(LeadTableModel::OrderId, Qt::DescendingOrder);
    QStringList ids;
    for (int i = 0; i < 300; ++i)
        ids << QString::number(1000 + i * 3);
    QCOMPARE(m_journal->addTracked(profile, ids, 7), 300);
    QCOMPARE(m_model->rowCount(), 312);
    for (int row = 1; row < m_model->rowCount(); ++row)
        QVERIFY(LeadTableModel::compareIds(m_model->leadAt(row - 1).orderId, m_model->leadAt(row).orderId) >
                0);
    QCOMPARE(m_model->leadAt(1).orderId, QStringLiteral("1897"));
}

void TestLeadTableModel::unchangedStatusMovesOnlyTheCheckedColumn()
{
    const int row = rowOf(QStringLiteral("11"));
    QVERIFY(row >= 0);
    const JournalRow before = m_model->leadAt(row);
    QVERIFY(!before.stage.isEmpty());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    StatusRow same;
    same.ourOrderId = before.orderId;
    same.stage = before.stage;
    same.status = before.status;
    same.reason = before.reason;
    const qint64 now = before.checkedAtMs + 60'000;
    const StatusMergeBatch batch = m_journal->mergeStatuses(profile, {same}, now);
    QVERIFY(batch.ok);
    QVERIFY(batch.changedStatuses.isEmpty());
    // No query, no whole-row repaint: the one cell that moved.
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), m_model->index(row, LeadTableModel::Checked));
    QCOMPARE(changed.first().at(1).toModelIndex(), m_model->index(row, LeadTableModel::Checked));
    QCOMPARE(m_model->leadAt(row).checkedAtMs, now);
    QCOMPARE(m_model->leadAt(row).stage, before.stage);
}

void TestLeadTableModel::mergedLeadTheModelNeverHeardOfIsReadWhole()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading(), 10000);
    const int before = m_model->rowCount();
    {
        // Added through another connection (another window, another process): this model was not told.
        Journal other;
        QVERIFY(other.open(m_dir->filePath(QStringLiteral("journal.sqlite"))));
        Lead lead;
        lead.orderId = QStringLiteral("5151");
        lead.offer = QStringLiteral("77");
        lead.phone = QStringLiteral("79995550000");
        lead.name = QStringLiteral("Added Elsewhere");
        QVERIFY(other.addLead(profile, lead.orderId, lead, StatusDataSet::createdMs(20)));
        QVERIFY(other.markSending(profile, lead.orderId, QByteArray("x"), StatusDataSet::createdMs(20)));
        QVERIFY(other.markSent(profile, lead.orderId, QStringLiteral("9191"), QString(),
                               StatusDataSet::createdMs(20)));
    }
    QCOMPARE(m_model->rowCount(), before);

    // Its first status comes with a merge that says only what changed: the rest is read.
    StatusRow row;
    row.ourOrderId = QStringLiteral("5151");
    row.stage = QStringLiteral("hold");
    row.status = 4;
    QVERIFY(m_journal->mergeStatus(profile, row, StatusDataSet::createdMs(21)).changed);
    QCOMPARE(m_model->rowCount(), before + 1);
    const JournalRow shown = m_model->leadAt(rowOf(QStringLiteral("5151")));
    QCOMPARE(shown.name, QStringLiteral("Added Elsewhere"));
    QCOMPARE(shown.phone, QStringLiteral("79995550000"));
    QCOMPARE(shown.networkOrderId, QStringLiteral("9191"));
    QCOMPARE(shown.stage, QStringLiteral("hold"));
    QCOMPARE(shown.checkedAtMs, StatusDataSet::createdMs(21));
    QVERIFY(shown.unseenChange);
}

void TestLeadTableModel::loadsInBackgroundWhileLeadsComeAndGo()
{
    const QString big = QStringLiteral("profile-big");
    QVERIFY(StatusDataSet::fillGenerated(*m_journal, big, 1500));
    const QString goneKey = m_journal->rows(big).at(1400).key; // in the second piece

    LeadTableModel model(m_journal.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLoadInBackground(true);
    model.sort(LeadTableModel::Name, Qt::DescendingOrder);
    QSignalSpy loading(&model, &LeadTableModel::loadingChanged);
    model.setProfile(big);
    QVERIFY(model.isLoading());
    QCOMPARE(model.rowCount(), 0);

    // While the rows are read elsewhere, the operator sends a lead and someone discards another.
    Lead lead;
    lead.orderId = QStringLiteral("5550001");
    lead.offer = QStringLiteral("10");
    lead.phone = QStringLiteral("79995550001");
    lead.name = QStringLiteral("Zed Newcomer");
    QVERIFY(m_journal->addLead(big, lead.orderId, lead, StatusDataSet::createdMs(40)));
    QVERIFY(m_journal->remove(big, goneKey));

    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
    QCOMPARE(loading.count(), 2);
    QCOMPARE(loading.at(0).at(0).toBool(), true);
    QCOMPARE(loading.at(1).at(0).toBool(), false);
    QCOMPARE(model.rowCount(), 1500);
    QSet<QString> keys;
    for (int row = 0; row < model.rowCount(); ++row)
        keys.insert(model.leadAt(row).key);
    QCOMPARE(keys.size(), 1500); // no lead twice
    QVERIFY(keys.contains(lead.orderId));
    QVERIFY(!keys.contains(goneKey));
    // The sort asked for before the load holds for every row once it is complete.
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY2(model.compareRows(row - 1, row, LeadTableModel::Name) >= 0,
                 qPrintable(QString::number(row)));
    QCOMPARE(model.rowOfKey(lead.orderId), 0); // "Zed" first, descending
}

QTEST_GUILESS_MAIN(TestLeadTableModel)
#include "tst_leadtablemodel.moc"

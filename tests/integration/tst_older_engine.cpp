// Issue 23: older engine builds answer list.json rows with only id, status and status_text (no stage, uid
// or reason) and add.json without uid. The same leads, moved the same way on the sandbox, are sent and
// refreshed against both answer shapes over HTTP on 127.0.0.1: the table's stage, the summary's rates,
// the CSV export and the stage notifications read the same stages either way, the derived ones marked
// as derived and the engine's words shown.

#include "IntegrationStack.h"
#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "leads/StatusCatalog.h"
#include "status/CsvExport.h"
#include "status/LeadFilterProxy.h"
#include "status/LeadStats.h"
#include "status/LeadTableModel.h"
#include "sync/Outbox.h"
#include "sync/StatusPoller.h"

#include <QSignalSpy>
#include <QTest>

namespace {

constexpr int TimeoutMs = 60000;

// Each lead's way on the sandbox: first New, then this outcome.
struct Outcome
{
    QString stage; // as a current engine sends it
    int status = 0;
    int reason = 0;
};

const QList<Outcome> &outcomes()
{
    static const QList<Outcome> list{
        {QStringLiteral("approve"), 6, 0},  // Packing
        {QStringLiteral("approve"), 10, 0}, // Completed
        {QStringLiteral("cancel"), 5, 0},   // Cancelled (an older row carries no reason)
        {QStringLiteral("trash"), 12, 0},   // Deleted
        {QStringLiteral("hold"), 17, 0},    // a status this version does not know
    };
    return list;
}

} // namespace

class TestOlderEngine : public QObject
{
    Q_OBJECT

private slots:
    void bothShapesReadTheSameStages_data();
    void bothShapesReadTheSameStages();

private:
    static bool refreshAndWait(StatusPoller *poller);
};

bool TestOlderEngine::refreshAndWait(StatusPoller *poller)
{
    QSignalSpy finished(poller, &StatusPoller::finished);
    if (!poller->refreshAll())
        return false;
    if (!QTest::qWaitFor([&finished] { return finished.size() > 0; }, TimeoutMs))
        return false;
    return finished.constFirst().at(0).toBool();
}

void TestOlderEngine::bothShapesReadTheSameStages_data()
{
    QTest::addColumn<bool>("olderEngine");
    QTest::newRow("current engine") << false;
    QTest::newRow("older engine") << true;
}

void TestOlderEngine::bothShapesReadTheSameStages()
{
    QFETCH(bool, olderEngine);
    TestEnvironment environment;
    SandboxOptions options;
    options.speed = 0; // the leads move only as the test moves them
    options.olderEngine = olderEngine;
    Sandbox sandbox(options);
    QVERIFY(sandbox.listen() != 0);
    ApiConfig config;
    config.baseUrl = sandbox.baseUrl();
    config.user = options.user;
    config.key = options.key;
    IntegrationStack stack;
    QVERIFY(stack.open(environment.path() + QStringLiteral("/journal.sqlite"), config));

    // Sent through the outbox: an add.json answer without uid still confirms the id we sent.
    Outbox *outbox = stack.outbox();
    QSignalSpy sent(outbox, &Outbox::sent);
    outbox->start();
    QStringList keys;
    for (int i = 0; i < outcomes().size(); ++i) {
        const QString key =
            outbox->submit(IntegrationLeads::lead(QString(), IntegrationLeads::phone(2300 + i)));
        QVERIFY2(!key.isEmpty(), qPrintable(outbox->lastError()));
        keys << key;
    }
    QTRY_VERIFY_WITH_TIMEOUT(outbox->waitingCount() == 0, TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), keys.size(), TimeoutMs);
    const QString profile = IntegrationStack::profileId();
    for (const QString &key : std::as_const(keys)) {
        const auto entry = stack.journal()->entry(profile, key);
        QCOMPARE(entry->sendState, SendState::Sent);
        QCOMPARE(entry->orderId, key);
        QVERIFY(!entry->networkOrderId.isEmpty());
    }

    LeadTableModel model(stack.journal());
    model.setProfile(profile);
    QCOMPARE(model.rowCount(), keys.size());
    QSignalSpy stages(stack.poller(), &StatusPoller::stagesChanged);

    // Step 1: all New. The first stage a lead gets is no change worth a notification.
    for (const QString &key : std::as_const(keys))
        QVERIFY(sandbox.setLeadState(key, QStringLiteral("wait"), 1, 0));
    QVERIFY(refreshAndWait(stack.poller()));
    for (const QString &key : std::as_const(keys)) {
        const auto entry = stack.journal()->entry(profile, key);
        QCOMPARE(entry->stage, QStringLiteral("wait"));
        QCOMPARE(entry->stageDerived, olderEngine);
        QCOMPARE(entry->statusText, olderEngine ? QStringLiteral("Новый") : QString());
    }
    QCOMPARE(stages.size(), 0);

    // Step 2: each to its outcome.
    for (int i = 0; i < keys.size(); ++i) {
        const Outcome &outcome = outcomes().at(i);
        QVERIFY(sandbox.setLeadState(keys.at(i), outcome.stage, outcome.status, outcome.reason));
    }
    QVERIFY(refreshAndWait(stack.poller()));

    // The stage each lead has in the journal and the table: the same for both shapes, but for the
    // status this version does not know, from which nothing is derived (it keeps "wait").
    const QStringList expectedStages{QStringLiteral("approve"), QStringLiteral("approve"),
                                     QStringLiteral("cancel"), QStringLiteral("trash"),
                                     olderEngine ? QStringLiteral("wait") : QStringLiteral("hold")};
    QTRY_COMPARE(model.rowCount(), keys.size());
    for (int i = 0; i < keys.size(); ++i) {
        const int row = model.rowOfKey(keys.at(i));
        QVERIFY(row >= 0);
        QCOMPARE(model.data(model.index(row, LeadTableModel::Stage), LeadTableModel::StageRole).toString(),
                 expectedStages.at(i));
        QCOMPARE(model.data(model.index(row, LeadTableModel::Stage)).toString(),
                 StatusCatalog::stageName(expectedStages.at(i)));
        const QString toolTip =
            model.data(model.index(row, LeadTableModel::Stage), Qt::ToolTipRole).toString();
        // Every stage of the older shape was derived (the unknown status's "wait" from step 1).
        QCOMPARE(toolTip.contains(QStringLiteral("derived from the status")), olderEngine);
        if (olderEngine) // the engine's words, always in the tooltip
            QVERIFY2(toolTip.contains(QStringLiteral("Особый статус 17")) == (i == 4), qPrintable(toolTip));
    }
    // The unknown status: the engine's words in the cell rather than "Status 17".
    const int unknownRow = model.rowOfKey(keys.at(4));
    QCOMPARE(model.data(model.index(unknownRow, LeadTableModel::Status)).toString(),
             olderEngine ? QStringLiteral("Особый статус 17") : StatusCatalog::statusName(17));
    QCOMPARE(model.data(model.index(model.rowOfKey(keys.at(0)), LeadTableModel::Status)).toString(),
             StatusCatalog::statusName(6));

    // The summary's rates.
    LeadFilterProxy proxy;
    proxy.setSourceModel(&model);
    const LeadStats stats = LeadStats::ofVisibleRows(proxy);
    QCOMPARE(stats.reported(), 5);
    QCOMPARE(stats.count(StatusCatalog::Stage::Approve), 2);
    QCOMPARE(stats.count(StatusCatalog::Stage::Cancel), 1);
    QCOMPARE(stats.count(StatusCatalog::Stage::Trash), 1);
    QCOMPARE(stats.completed(), 1);
    QCOMPARE(stats.numerator(LeadStats::Rate::Approval), 2);
    QCOMPARE(stats.numerator(LeadStats::Rate::Trash), 1);
    QVERIFY(stats.rate(LeadStats::Rate::Approval).has_value());
    QVERIFY(stats.rate(LeadStats::Rate::Trash).has_value());

    // The CSV export.
    const QString csv = QString::fromUtf8(
        CsvExport::toCsv(model, {LeadTableModel::OrderId, LeadTableModel::Stage, LeadTableModel::Status},
                         LeadTableModel::ExportRole));
    for (int i = 0; i < 4; ++i) {
        const QString line = QStringLiteral("%1,%2,%3")
                                 .arg(keys.at(i), StatusCatalog::stageName(expectedStages.at(i)),
                                      StatusCatalog::statusName(outcomes().at(i).status));
        QVERIFY2(csv.contains(line), qPrintable(line + QStringLiteral(" not in\n") + csv));
    }
    if (olderEngine)
        QVERIFY(csv.contains(keys.at(4) + QStringLiteral(",") +
                             StatusCatalog::stageName(QStringLiteral("wait")) +
                             QStringLiteral(",Особый статус 17")));

    // The notifications: wait -> each derived stage, as for stages the engine sends.
    QCOMPARE(stages.size(), 1);
    const auto changes = stages.constFirst().at(0).value<QList<StageChange>>();
    QStringList noted;
    for (const StageChange &change : changes) {
        QCOMPARE(change.previousStage, QStringLiteral("wait"));
        noted << change.key + QLatin1Char('>') + change.stage;
    }
    noted.sort();
    QStringList expectedNotes;
    for (int i = 0; i < keys.size(); ++i)
        if (expectedStages.at(i) != QStringLiteral("wait"))
            expectedNotes << keys.at(i) + QLatin1Char('>') + expectedStages.at(i);
    expectedNotes.sort();
    QCOMPARE(noted, expectedNotes);
}

QTEST_MAIN(TestOlderEngine)
#include "tst_older_engine.moc"

#include "SandboxHttpClient.h"
#include "StageStyle.h"
#include "StatusView.h"
#include "TestEnvironment.h"
#include "api/ApiClient.h"
#include "journal/Journal.h"
#include "sandbox/Sandbox.h"
#include "status/LeadTableModel.h"
#include "status/LeadTracking.h"
#include "sync/ApiLeadTransport.h"
#include "sync/StatusPoller.h"
#include "sync/TeamCoverage.h"

#include <QAction>
#include <QApplication>
#include <QFrame>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString profile = QStringLiteral("sandbox-profile");
const QString user = QStringLiteral("demo");
const QString key = QStringLiteral("k3y-CANARY-refresh-7d1");
constexpr int leadCount = 120;

QString orderIdOf(int i)
{
    return QString::number(610000 + i);
}

} // namespace

// The status screen against the built-in sandbox over real HTTP on 127.0.0.1: ApiClient, the poller
// and the view together, as the app wires them.
class TestStatusViewRefresh : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void trackedIdsAreRefreshedInBatchesOfFifty();
    void refreshShowsNewOutcomesInWordsAndColours();
    void failedRefreshKeepsTheTable();
    void cancelKeepsTheTable();
    void nothingToRefreshIsSaid();
    void aRefreshOnACoveredWorkstationAsksAboutItsLeads();

private:
    int listRequests() const;
    QModelIndex cell(const QString &orderId, int column) const;
    bool runRefresh(QAction *action);

    TestEnvironment m_env;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ApiLeadTransport> m_transport;
    std::unique_ptr<StatusPoller> m_poller;
    std::unique_ptr<StatusView> m_view;
    QStringList m_ids;
};

void TestStatusViewRefresh::initTestCase()
{
    QApplication::setAttribute(Qt::AA_Use96Dpi);
}

void TestStatusViewRefresh::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    SandboxOptions options;
    options.user = user;
    options.key = key;
    options.speed = 0; // outcomes only move when the test says so
    m_sandbox = std::make_unique<Sandbox>(options);
    QVERIFY(m_sandbox->listen() != 0);

    // 120 leads sent by "another system" straight to the network.
    SandboxHttpClient http(m_sandbox->baseUrl(), user, key);
    const QString offer = m_sandbox->demoOffers().first();
    m_ids.clear();
    for (int i = 0; i < leadCount; ++i) {
        m_ids << orderIdOf(i);
        const SandboxHttpReply reply =
            http.addLead(orderIdOf(i), offer, QStringLiteral("7901") + QString::number(2000000 + i));
        QVERIFY2(reply.errorCode().isEmpty(), reply.body.constData());
    }

    m_journal = std::make_unique<Journal>();
    QVERIFY(m_journal->open(m_dir->filePath(QStringLiteral("journal.sqlite"))));
    m_client = std::make_unique<ApiClient>();
    ApiConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.user = user;
    config.key = key;
    config.transferTimeoutMs = 3000;
    config.deadlineMs = 10000;
    m_client->setConfig(config);
    m_transport = std::make_unique<ApiLeadTransport>(m_client.get());
    m_poller = std::make_unique<StatusPoller>(m_journal.get(), m_transport.get(), profile);
    m_poller->setAutoRefreshInterval(0);

    // The view shows a model and acts through the tracking service; it keeps both here.
    auto *model = new LeadTableModel(m_journal.get());
    auto *tracking = new LeadTracking(m_journal.get());
    m_view = std::make_unique<StatusView>(model, tracking);
    model->setParent(m_view.get());
    tracking->setParent(m_view.get());
    m_view->setProfile(profile);
    m_view->setPoller(m_poller.get());
    m_view->resize(1200, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestStatusViewRefresh::cleanup()
{
    m_view.reset();
    m_poller.reset();
    m_transport.reset();
    m_client.reset();
    m_journal.reset();
    m_sandbox.reset();
    m_dir.reset();
}

int TestStatusViewRefresh::listRequests() const
{
    int count = 0;
    for (const SandboxRequest &request : m_sandbox->receivedRequests()) {
        if (request.path.endsWith("/list.json"))
            ++count;
    }
    return count;
}

QModelIndex TestStatusViewRefresh::cell(const QString &orderId, int column) const
{
    const QAbstractItemModel *model = m_view->table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, LeadTableModel::OrderId).data().toString() == orderId)
            return model->index(row, column);
    }
    return QModelIndex();
}

bool TestStatusViewRefresh::runRefresh(QAction *action)
{
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    if (!action->isEnabled())
        return false;
    action->trigger();
    return finished.wait(20000) || !finished.isEmpty();
}

void TestStatusViewRefresh::trackedIdsAreRefreshedInBatchesOfFifty()
{
    m_sandbox->clearReceivedRequests();
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    QSignalSpy tracked(m_view.get(), &StatusView::orderIdsTracked);
    m_view->trackOrderIds(m_ids);
    QTRY_COMPARE_WITH_TIMEOUT(tracked.count(), 1, 20000);
    QCOMPARE(tracked.first().at(0).toInt(), leadCount);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(finished.first().at(0).toBool(), true);
    QCOMPARE(listRequests(), 3); // 50 + 50 + 20
    QCOMPARE(m_view->table()->model()->rowCount(), leadCount);
    // Every tracked lead now has an outcome from the network, and the network's id.
    for (const QString &id : std::as_const(m_ids)) {
        QVERIFY2(!cell(id, LeadTableModel::Stage).data(LeadTableModel::StageRole).toString().isEmpty(),
                 qPrintable(id));
        QVERIFY2(!cell(id, LeadTableModel::NetworkId).data().toString().isEmpty(), qPrintable(id));
    }
    // The key never travels in what the sandbox logged, nor shows on screen.
    for (const SandboxRequest &request : m_sandbox->receivedRequests())
        QVERIFY(!request.query.contains(key.toUtf8()));
}

void TestStatusViewRefresh::refreshShowsNewOutcomesInWordsAndColours()
{
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    m_view->trackOrderIds(m_ids);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);

    QVERIFY(m_sandbox->setLeadState(orderIdOf(0), QStringLiteral("approve"), 6));
    QVERIFY(m_sandbox->setLeadState(orderIdOf(1), QStringLiteral("cancel"), 5, 2));
    QVERIFY(m_sandbox->setLeadState(orderIdOf(2), QStringLiteral("trash"), 5, 1));
    QVERIFY(m_sandbox->setLeadState(orderIdOf(3), QStringLiteral("hold"), 4));
    QVERIFY(m_sandbox->setLeadState(orderIdOf(4), QStringLiteral("approve"), 10));
    m_sandbox->clearReceivedRequests();
    auto *refresh = m_view->findChild<QAction *>(QStringLiteral("refreshAllAction"));
    QVERIFY(runRefresh(refresh));
    QVERIFY(listRequests() >= 1 && listRequests() <= 3);

    const StageStyle style(m_view->palette());
    struct Expect
    {
        int lead;
        const char *stage;
        const char *word;
        const char *status;
        const char *reason;
    };
    const Expect expectations[] = {
        {0, "approve", "Approved", "Packing", ""},
        {1, "cancel", "Cancelled", "Cancelled", "Changed their mind"},
        {2, "trash", "Trash", "Cancelled", "Incorrect phone (trash)"},
        {3, "hold", "On hold", "Hold", ""},
        {4, "approve", "Approved", "Completed", ""},
    };
    for (const Expect &e : expectations) {
        const QModelIndex stage = cell(orderIdOf(e.lead), LeadTableModel::Stage);
        QCOMPARE(stage.data().toString(), QLatin1String(e.word));
        QCOMPARE(stage.data(Qt::BackgroundRole).value<QColor>(), style.background(QLatin1String(e.stage)));
        QCOMPARE(stage.data(Qt::ForegroundRole).value<QColor>(), style.foreground(QLatin1String(e.stage)));
        QCOMPARE(cell(orderIdOf(e.lead), LeadTableModel::Status).data().toString(), QLatin1String(e.status));
        QCOMPARE(cell(orderIdOf(e.lead), LeadTableModel::Reason).data().toString(), QLatin1String(e.reason));
    }
    QVERIFY(cell(orderIdOf(0), LeadTableModel::Stage)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("→ Approved")));
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("refreshLabel"))
                ->text()
                .startsWith(QStringLiteral("Refreshed")));
    QVERIFY(m_view->findChild<QFrame *>(QStringLiteral("bannerFrame"))->isHidden());

    // A final outcome is not asked about again.
    m_sandbox->clearReceivedRequests();
    m_view->table()->selectRow(cell(orderIdOf(2), 0).row());
    QVERIFY(runRefresh(m_view->findChild<QAction *>(QStringLiteral("refreshSelectedAction"))));
    QCOMPARE(listRequests(), 1);
    QVERIFY(m_sandbox->receivedRequests().first().query.contains(orderIdOf(2).toUtf8()) ||
            m_sandbox->receivedRequests().first().body.contains(orderIdOf(2).toUtf8()));
}

void TestStatusViewRefresh::failedRefreshKeepsTheTable()
{
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    m_view->trackOrderIds(m_ids);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QStringList before;
    const QAbstractItemModel *model = m_view->table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        before << model->index(row, LeadTableModel::OrderId).data().toString() + QLatin1Char('=') +
                      model->index(row, LeadTableModel::Stage).data().toString();

    SandboxFaults faults;
    faults.html502 = 1.0;
    m_sandbox->setFaults(faults);
    QVERIFY(runRefresh(m_view->findChild<QAction *>(QStringLiteral("refreshAllAction"))));

    auto *banner = m_view->findChild<QFrame *>(QStringLiteral("bannerFrame"));
    auto *bannerLabel = m_view->findChild<QLabel *>(QStringLiteral("bannerLabel"));
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(bannerLabel->text().contains(QStringLiteral("could not be reached")),
             qPrintable(bannerLabel->text()));
    QVERIFY(!bannerLabel->text().contains(key));
    QStringList after;
    for (int row = 0; row < model->rowCount(); ++row)
        after << model->index(row, LeadTableModel::OrderId).data().toString() + QLatin1Char('=') +
                     model->index(row, LeadTableModel::Stage).data().toString();
    QCOMPARE(after, before);
    QVERIFY(m_view->findChild<QProgressBar *>(QStringLiteral("refreshProgressBar"))->isHidden());
    QVERIFY(m_view->findChild<QAction *>(QStringLiteral("refreshAllAction"))->isEnabled());

    // The next refresh that gets through clears the message.
    m_sandbox->setFaults(SandboxFaults());
    QVERIFY(runRefresh(m_view->findChild<QAction *>(QStringLiteral("refreshAllAction"))));
    QTRY_VERIFY(banner->isHidden());
}

void TestStatusViewRefresh::cancelKeepsTheTable()
{
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    m_view->trackOrderIds(m_ids);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    finished.clear();
    const QString stageBefore = cell(orderIdOf(7), LeadTableModel::Stage).data().toString();

    SandboxFaults faults;
    faults.delay = 1.0;
    faults.delayMs = 8000;
    m_sandbox->setFaults(faults);
    QVERIFY(m_sandbox->setLeadState(orderIdOf(7), QStringLiteral("approve"), 6));
    m_view->findChild<QAction *>(QStringLiteral("refreshAllAction"))->trigger();
    auto *progress = m_view->findChild<QProgressBar *>(QStringLiteral("refreshProgressBar"));
    auto *cancel = m_view->findChild<QPushButton *>(QStringLiteral("cancelRefreshButton"));
    QTRY_VERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QVERIFY(!m_view->findChild<QAction *>(QStringLiteral("refreshAllAction"))->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(progress->isHidden());
    QCOMPARE(cell(orderIdOf(7), LeadTableModel::Stage).data().toString(), stageBefore);
    QCOMPARE(m_view->table()->model()->rowCount(), leadCount);
}

void TestStatusViewRefresh::nothingToRefreshIsSaid()
{
    // No lead tracked or sent yet: the refresh asks the network nothing and says why.
    m_sandbox->clearReceivedRequests();
    auto *refresh = m_view->findChild<QAction *>(QStringLiteral("refreshAllAction"));
    QVERIFY(runRefresh(refresh));
    QCOMPARE(listRequests(), 0);
    QVERIFY2(m_view->findChild<QLabel *>(QStringLiteral("refreshLabel"))
                 ->text()
                 .startsWith(QStringLiteral("Nothing to refresh")),
             qPrintable(m_view->findChild<QLabel *>(QStringLiteral("refreshLabel"))->text()));
    QVERIFY(refresh->isEnabled());

    // The automatic refresh, with nothing to do either, leaves the line as it was.
    auto *label = m_view->findChild<QLabel *>(QStringLiteral("refreshLabel"));
    label->setText(QStringLiteral("as before"));
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    m_poller->setAutoRefreshInterval(10);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    m_poller->setAutoRefreshInterval(0);
    QCOMPARE(label->text(), QStringLiteral("as before"));
}

namespace {
// Another workstation holds the team's refresh lease (issue 19); its round covers `covered`, and was
// heard of just now.
class CoveredByTheTeam : public TeamCoverage
{
public:
    explicit CoveredByTheTeam(const QStringList &covered) : m_covered(covered) {}
    Role role() const override { return Role::Covered; }
    quint64 requestOpenTeamOrderIds() override { return 0; }
    quint64 requestCoveredOrderIds() override
    {
        const quint64 ticket = ++m_lastTicket;
        QMetaObject::invokeMethod(
            this, [this, ticket] { emit openTeamOrderIds(ticket, m_covered, QString()); },
            Qt::QueuedConnection);
        return ticket;
    }
    void recordTeamStatuses(const QList<StatusRow> &, qint64) override {}
    void teamRoundDone() override {}
    qint64 msSinceTeamRound() const override { return 0; }
    void setLeaseWanted(bool) override {}

private:
    QStringList m_covered;
    quint64 m_lastTicket = 0;
};
} // namespace

void TestStatusViewRefresh::aRefreshOnACoveredWorkstationAsksAboutItsLeads()
{
    const QString id = QStringLiteral("4400001");
    QVERIFY(m_journal->addTracked(profile, {id}, QDateTime::currentMSecsSinceEpoch()) == 1);
    CoveredByTheTeam team({id});
    m_poller->setTeamCoverage(&team);

    // The automatic refresh leaves the lead to the team's refresh: the network is not asked.
    QSignalSpy leftToTeam(m_poller.get(), &StatusPoller::leftToTeam);
    QSignalSpy finished(m_poller.get(), &StatusPoller::finished);
    m_sandbox->clearReceivedRequests();
    m_poller->setAutoRefreshInterval(10);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    m_poller->setAutoRefreshInterval(60 * 60 * 1000); // on, so that the team's rounds count as heard of
    QTRY_VERIFY(!m_poller->isRunning());
    QVERIFY(!leftToTeam.isEmpty());
    QCOMPARE(listRequests(), 0);

    // The operator's Refresh asks the network now, and says when.
    m_sandbox->clearReceivedRequests();
    auto *refresh = m_view->findChild<QAction *>(QStringLiteral("refreshAllAction"));
    QVERIFY(runRefresh(refresh));
    QCOMPARE(listRequests(), 1);
    auto *label = m_view->findChild<QLabel *>(QStringLiteral("refreshLabel"));
    QVERIFY2(label->text().startsWith(QStringLiteral("Refreshed at")), qPrintable(label->text()));
    m_poller->setAutoRefreshInterval(0);
    m_poller->setTeamCoverage(nullptr);
}

QTEST_MAIN(TestStatusViewRefresh)
#include "tst_statusview_refresh.moc"

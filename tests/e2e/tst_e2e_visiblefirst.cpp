// Issue 22, end to end: the rows the Leads screen shows are asked about first. The real window over a real
// session in sandbox mode, the sandbox answering like a distant server; the table is scrolled so that the
// rows on screen are leads a refresh would otherwise ask about near its end. The sandbox's request log
// says which ids went out in the first round of requests.

#include "E2eApp.h"
#include "MainWindow.h"
#include "StatusView.h"
#include "TestEnvironment.h"
#include "api/ApiClient.h"
#include "api/FormCodec.h"
#include "journal/Journal.h"
#include "status/LeadTableModel.h"
#include "sync/ApiLeadTransport.h"
#include "sync/StatusPoller.h"

#include <QAction>
#include <QDateTime>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {

constexpr int LeadCount = 600; // 12 requests of 50: two rounds of 6
constexpr int TimeoutMs = 30000;

QStringList idsOf(const SandboxRequest &request)
{
    QString ids = QUrlQuery(QString::fromLatin1(request.query)).queryItemValue(QStringLiteral("ids"));
    if (ids.isEmpty())
        ids = FormCodec::decode(request.body).value(QStringLiteral("ids")).toString();
    return ids.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace

class TestE2eVisibleFirst : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rowsOnScreenAreAskedFirst();

private:
    QStringList idsOnScreen(QTableView *table) const;

    std::unique_ptr<TestEnvironment> m_env;
};

void TestE2eVisibleFirst::initTestCase()
{
    m_env = std::make_unique<TestEnvironment>();
}

QStringList TestE2eVisibleFirst::idsOnScreen(QTableView *table) const
{
    QStringList ids;
    const int first = table->rowAt(0);
    int last = table->rowAt(table->viewport()->height() - 1);
    if (last < 0)
        last = table->model()->rowCount() - 1;
    for (int row = first; first >= 0 && row <= last; ++row)
        ids << table->model()->index(row, LeadTableModel::OrderId).data().toString();
    return ids;
}

void TestE2eVisibleFirst::rowsOnScreenAreAskedFirst()
{
    E2eApp app;
    QVERIFY(app.start());
    auto *statusView = app.child<StatusView>(QStringLiteral("statusView"));
    auto *table = app.child<QTableView>(QStringLiteral("leadsTable"));
    QVERIFY(statusView && table);
    app.child<QTabWidget>(QStringLiteral("mainTabWidget"))->setCurrentWidget(statusView);
    QSignalSpy shown(statusView, &StatusView::visibleOrderIdsChanged);

    // Leads another system sent, tracked by id, one second apart: the table shows the newest first, and
    // a refresh goes oldest first, so the rows at the top would be asked about last.
    const QString profileId = app.session()->activeProfile().id;
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch() - LeadCount * 1000;
    QStringList ids;
    for (int i = 0; i < LeadCount; ++i) {
        const QString id = QStringLiteral("55%1").arg(i, 8, 10, QLatin1Char('0'));
        QCOMPARE(app.session()->journal()->addTracked(profileId, {id}, startMs + i * 1000), 1);
        ids << id;
    }
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), LeadCount, TimeoutMs);
    StatusPoller *poller = app.session()->poller();
    QTRY_VERIFY_WITH_TIMEOUT(!poller->isRunning(), TimeoutMs); // an automatic refresh at start-up

    // Paged down from the keyboard: on screen are leads some 80 rows below the newest, which the
    // oldest-first order would put in the second round of requests.
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, LeadTableModel::OrderId));
    for (int page = 0; page < 6; ++page)
        QTest::keyClick(table, Qt::Key_PageDown);
    QTRY_VERIFY(table->rowAt(0) > 40);
    const QStringList onScreen = idsOnScreen(table);
    QVERIFY(onScreen.size() > 5);
    QVERIFY(onScreen.size() <= ApiClient::MaxIdsPerRequest);
    for (const QString &id : onScreen)
        QVERIFY2(ids.indexOf(id) >= LeadCount / 2, qPrintable(id)); // not among the oldest half
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.constLast().at(0).toStringList() == onScreen,
                             TimeoutMs);

    SandboxLatency latency;
    latency.ms = 60;
    latency.jitterMs = 20;
    app.sandbox()->setLatency(latency);
    app.sandbox()->clearReceivedRequests();
    QSignalSpy finished(poller, &StatusPoller::finished);
    auto *refreshAll = statusView->findChild<QAction *>(QStringLiteral("refreshAllAction"));
    QVERIFY(refreshAll && refreshAll->isEnabled());
    refreshAll->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, TimeoutMs);
    app.sandbox()->setLatency({});

    QList<SandboxRequest> lists;
    for (const SandboxRequest &request : app.sandbox()->receivedRequests()) {
        if (request.path == "/ext/list.json")
            lists << request;
    }
    QCOMPARE(lists.size(), LeadCount / ApiClient::MaxIdsPerRequest);
    // The rows on screen went out in the first round (requests of one round may arrive in any order).
    const int inFlight = ApiLeadTransport::parallelFetchesFor(app.sandbox()->baseUrl(), 0);
    QSet<QString> firstRound;
    for (int i = 0; i < inFlight && i < lists.size(); ++i) {
        for (const QString &id : idsOf(lists.at(i)))
            firstRound.insert(id);
    }
    for (const QString &id : onScreen)
        QVERIFY2(firstRound.contains(id),
                 qPrintable(id + QStringLiteral(" was not asked in the first round")));
}

QTEST_MAIN(TestE2eVisibleFirst)
#include "tst_e2e_visiblefirst.moc"

// The sandbox's lead lifecycle, observed through list.json: seeded determinism, the clock, the order of
// statuses and the outcome rates.

#include "SandboxHttpClient.h"
#include "TestEnvironment.h"
#include "sandbox/Sandbox.h"

#include <QJsonObject>
#include <QTest>

#include <memory>

namespace {

constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;

struct Observed
{
    QString stage;
    int status = 0;
    int reason = 0;
    QString comment;

    bool operator==(const Observed &o) const
    {
        return stage == o.stage && status == o.status && reason == o.reason && comment == o.comment;
    }
};

// What list.json says of these leads, read leniently (numbers may come as strings), 50 ids a request.
QHash<QString, Observed> observe(SandboxHttpClient &client, const QStringList &ids)
{
    QHash<QString, Observed> states;
    for (qsizetype start = 0; start < ids.size(); start += 50) {
        const QJsonObject rows = client.list(ids.mid(start, 50)).json().object();
        for (auto it = rows.begin(); it != rows.end(); ++it) {
            const QJsonObject row = it->toObject();
            states.insert(it.key(), {row.value(QStringLiteral("stage")).toString(),
                                     row.value(QStringLiteral("status")).toVariant().toInt(),
                                     row.value(QStringLiteral("reason")).toVariant().toInt(),
                                     row.value(QStringLiteral("comment")).toString()});
        }
    }
    return states;
}

std::unique_ptr<Sandbox> startSandbox(quint32 seed)
{
    SandboxOptions options;
    options.seed = seed;
    options.speed = 0; // only advanceClock() moves time: runs repeat exactly
    auto sandbox = std::make_unique<Sandbox>(options);
    if (sandbox->listen() == 0)
        return nullptr;
    return sandbox;
}

QStringList addLeads(SandboxHttpClient &client, int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const QString id = QString::number(700000 + i);
        const QString phone = QStringLiteral("7901%1").arg(i, 7, 10, QLatin1Char('0'));
        if (client.addLead(id, QStringLiteral("217"), phone).errorCode().isEmpty())
            ids << id;
    }
    return ids;
}

bool isTrashReason(int reason)
{
    return QList<int>{1, 3, 5, 6, 7, 8, 11, 12, 13, 14}.contains(reason);
}

} // namespace

class tst_SandboxLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void newLeadsWait();
    void sameSeedSameLives();
    void otherSeedOtherLives();
    void statusesOnlyMoveForward();
    void clockFollowsSpeed();
    void forcedStateStays();
    void outcomeRates();

private:
    TestEnvironment m_environment;
};

void tst_SandboxLifecycle::newLeadsWait()
{
    const auto sandbox = startSandbox(1);
    QVERIFY(sandbox);
    SandboxHttpClient client(sandbox->baseUrl());
    const QStringList ids = addLeads(client, 20);
    QCOMPARE(ids.size(), 20);
    const auto states = observe(client, ids);
    for (const Observed &state : states) {
        QCOMPARE(state.stage, QStringLiteral("wait"));
        QCOMPARE(state.status, 1);
    }
}

void tst_SandboxLifecycle::sameSeedSameLives()
{
    const auto first = startSandbox(42);
    const auto second = startSandbox(42);
    QVERIFY(first && second);
    SandboxHttpClient firstClient(first->baseUrl());
    SandboxHttpClient secondClient(second->baseUrl());
    const QStringList ids = addLeads(firstClient, 100);
    QCOMPARE(addLeads(secondClient, 100), ids);

    for (const qint64 step : {Hour, 6 * Hour, Day, 3 * Day, 10 * Day, 30 * Day}) {
        first->advanceClock(step);
        second->advanceClock(step);
        const auto firstStates = observe(firstClient, ids);
        QCOMPARE(firstStates.size(), ids.size());
        QVERIFY(firstStates == observe(secondClient, ids));
    }
}

void tst_SandboxLifecycle::otherSeedOtherLives()
{
    const auto first = startSandbox(1);
    const auto second = startSandbox(2);
    QVERIFY(first && second);
    SandboxHttpClient firstClient(first->baseUrl());
    SandboxHttpClient secondClient(second->baseUrl());
    const QStringList ids = addLeads(firstClient, 100);
    QCOMPARE(addLeads(secondClient, 100), ids);
    first->advanceClock(60 * Day);
    second->advanceClock(60 * Day);
    QVERIFY(observe(firstClient, ids) != observe(secondClient, ids));
}

void tst_SandboxLifecycle::statusesOnlyMoveForward()
{
    const auto sandbox = startSandbox(7);
    QVERIFY(sandbox);
    SandboxHttpClient client(sandbox->baseUrl());
    const QStringList ids = addLeads(client, 200);

    // The order the call centre and the delivery go through; 3 (callback) and 4 (hold) may be skipped,
    // 5 (cancelled) ends it, and so do 10 and 11 (completed, returned).
    const QHash<int, int> rank{{1, 0}, {2, 1}, {3, 2}, {4, 3},  {5, 4}, {6, 4},
                               {7, 5}, {8, 6}, {9, 7}, {10, 8}, {11, 8}};
    QHash<QString, Observed> previous = observe(client, ids);
    QHash<QString, QList<int>> histories;
    for (int hour = 0; hour < 40 * 24; hour += 2) {
        sandbox->advanceClock(2 * Hour);
        const auto states = observe(client, ids);
        QCOMPARE(states.size(), ids.size());
        for (auto it = states.cbegin(); it != states.cend(); ++it) {
            const Observed &now = *it;
            const Observed &before = previous.value(it.key());
            QVERIFY2(rank.contains(now.status), qPrintable(QString::number(now.status)));
            QVERIFY2(rank.value(now.status) >= rank.value(before.status),
                     qPrintable(
                         QStringLiteral("%1: %2 after %3").arg(it.key()).arg(now.status).arg(before.status)));
            if (before.status == 5 || before.status == 10 || before.status == 11)
                QVERIFY(now == before);
            // The stage follows the status; reasons only for cancellations, trash reasons in trash.
            if (now.status <= 3)
                QCOMPARE(now.stage, QStringLiteral("wait"));
            else if (now.status == 4)
                QCOMPARE(now.stage, QStringLiteral("hold"));
            else if (now.status == 5)
                QCOMPARE(now.stage,
                         isTrashReason(now.reason) ? QStringLiteral("trash") : QStringLiteral("cancel"));
            else
                QCOMPARE(now.stage, QStringLiteral("approve"));
            QCOMPARE(now.reason != 0, now.status == 5);
            if (histories[it.key()].isEmpty() || histories[it.key()].constLast() != now.status)
                histories[it.key()] << now.status;
        }
        previous = states;
    }
    // After 40 days every life has ended, and approved ones went through the whole delivery.
    for (auto it = histories.cbegin(); it != histories.cend(); ++it) {
        const int last = it->constLast();
        QVERIFY2(last == 5 || last == 10 || last == 11, qPrintable(it.key()));
        if (last != 5) {
            for (const int status : {6, 7, 8, 9})
                QVERIFY2(it->contains(status), qPrintable(it.key()));
        }
    }
}

void tst_SandboxLifecycle::clockFollowsSpeed()
{
    SandboxOptions options;
    options.speed = 3600; // an hour a second
    Sandbox sandbox(options);
    QVERIFY(sandbox.listen() != 0);
    SandboxHttpClient client(sandbox.baseUrl());
    const QStringList ids = addLeads(client, 30);
    const qint64 start = sandbox.clockSeconds();
    // Real time passing moves the lifecycle along: some lead leaves "New" within a few sandbox hours.
    QTRY_VERIFY_WITH_TIMEOUT(sandbox.clockSeconds() - start >= 2 * Hour, 30000);
    const auto states = observe(client, ids);
    QVERIFY(
        std::any_of(states.cbegin(), states.cend(), [](const Observed &state) { return state.status > 1; }));
    // advanceClock adds on top.
    const qint64 before = sandbox.clockSeconds();
    sandbox.advanceClock(10 * Day);
    QVERIFY(sandbox.clockSeconds() >= before + 10 * Day);
}

void tst_SandboxLifecycle::forcedStateStays()
{
    const auto sandbox = startSandbox(3);
    QVERIFY(sandbox);
    SandboxHttpClient client(sandbox->baseUrl());
    const QStringList ids = addLeads(client, 1);
    QVERIFY(sandbox->setLeadState(ids.first(), QStringLiteral("hold"), 4));
    sandbox->advanceClock(60 * Day);
    const Observed state = observe(client, ids).value(ids.first());
    QCOMPARE(state.stage, QStringLiteral("hold"));
    QCOMPARE(state.status, 4);
}

void tst_SandboxLifecycle::outcomeRates()
{
    const auto sandbox = startSandbox(2024);
    QVERIFY(sandbox);
    SandboxHttpClient client(sandbox->baseUrl());
    const QStringList ids = addLeads(client, 2000);
    QCOMPARE(ids.size(), 2000);
    sandbox->advanceClock(60 * Day);
    const auto states = observe(client, ids);
    QCOMPARE(states.size(), 2000);

    QHash<QString, int> stages;
    int returned = 0;
    for (const Observed &state : states) {
        ++stages[state.stage];
        returned += state.status == 11;
    }
    const double approved = stages.value(QStringLiteral("approve")) / 2000.0;
    const double trash = stages.value(QStringLiteral("trash")) / 2000.0;
    const double cancelled = stages.value(QStringLiteral("cancel")) / 2000.0;
    qInfo("approve %.3f, trash %.3f, cancel %.3f, returns %d", approved, trash, cancelled, returned);
    // Loose bounds around "a third approved, a fifth trash".
    QVERIFY(approved > 0.27 && approved < 0.41);
    QVERIFY(trash > 0.14 && trash < 0.26);
    QVERIFY(cancelled > 0.36 && cancelled < 0.56);
    QCOMPARE(stages.value(QStringLiteral("approve")) + stages.value(QStringLiteral("trash")) +
                 stages.value(QStringLiteral("cancel")),
             2000);
    // Some approved orders come back.
    QVERIFY(returned > 0 && returned < stages.value(QStringLiteral("approve")) / 2);
}

QTEST_GUILESS_MAIN(tst_SandboxLifecycle)
#include "tst_sandboxlifecycle.moc"

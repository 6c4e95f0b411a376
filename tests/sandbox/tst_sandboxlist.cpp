// list.json of the sandbox, over real HTTP: its shapes, id mapping, numbers as strings and the 50-id limit.

#include "SandboxHttpClient.h"
#include "TestEnvironment.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <memory>

class tst_SandboxList : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void objectKeyedByOurId();
    void unknownIdsAreLeftOut();
    void nothingMatchedIsAnEmptyArray();
    void idsFromQueryOrBody_data();
    void idsFromQueryOrBody();
    void readsOnlyTheFirst50Ids();
    void reasonOnlyForCancellations();
    void numbersSometimesAsStrings();
    void olderEngineShape();

private:
    QStringList addLeads(int count, int firstId = 1000);

    TestEnvironment m_environment;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<SandboxHttpClient> m_client;
};

void tst_SandboxList::init()
{
    SandboxOptions options;
    options.speed = 0;
    m_sandbox = std::make_unique<Sandbox>(options);
    QVERIFY(m_sandbox->listen() != 0);
    m_client = std::make_unique<SandboxHttpClient>(m_sandbox->baseUrl());
}

void tst_SandboxList::cleanup()
{
    m_client.reset();
    m_sandbox.reset();
}

QStringList tst_SandboxList::addLeads(int count, int firstId)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const QString id = QString::number(firstId + i);
        const SandboxHttpReply reply = m_client->addLead(
            id, QStringLiteral("217"), QStringLiteral("7900%1").arg(firstId + i, 7, 10, QLatin1Char('0')));
        if (reply.errorCode().isEmpty())
            ids << id;
    }
    return ids;
}

void tst_SandboxList::objectKeyedByOurId()
{
    const SandboxHttpReply added =
        m_client->addLead(QStringLiteral("1234"), QStringLiteral("217"), QStringLiteral("79001234567"));
    const QString networkId = added.json().object().value(QStringLiteral("id")).toVariant().toString();
    addLeads(1, 2345);

    const SandboxHttpReply reply = m_client->list({QStringLiteral("1234"), QStringLiteral("2345")});
    QCOMPARE(reply.httpStatus, 200);
    QVERIFY(reply.json().isObject());
    const QJsonObject rows = reply.json().object();
    QCOMPARE(rows.keys(), (QStringList{QStringLiteral("1234"), QStringLiteral("2345")}));
    const QJsonObject row = rows.value(QStringLiteral("1234")).toObject();
    // list.json names them the other way round from add.json: "id" is ours, "uid" the network's.
    QCOMPARE(row.value(QStringLiteral("id")).toVariant().toString(), QStringLiteral("1234"));
    QCOMPARE(row.value(QStringLiteral("uid")).toVariant().toString(), networkId);
    QCOMPARE(row.value(QStringLiteral("stage")).toString(), QStringLiteral("wait"));
    QCOMPARE(row.value(QStringLiteral("status")).toVariant().toInt(), 1);
    QVERIFY(row.contains(QStringLiteral("src")));
    QVERIFY(!row.contains(QStringLiteral("reason")));
}

void tst_SandboxList::unknownIdsAreLeftOut()
{
    addLeads(2, 10);
    const QJsonObject rows = m_client
                                 ->list({QStringLiteral("10"), QStringLiteral("999999"), QStringLiteral("11"),
                                         QStringLiteral("10")})
                                 .json()
                                 .object();
    QCOMPARE(rows.size(), 2);
    QVERIFY(rows.contains(QStringLiteral("10")));
    QVERIFY(rows.contains(QStringLiteral("11")));
}

void tst_SandboxList::nothingMatchedIsAnEmptyArray()
{
    addLeads(1);
    QCOMPARE(m_client->list({QStringLiteral("424242")}).body, QByteArray("[]"));
    QCOMPARE(m_client->get(QStringLiteral("list"), QString()).body, QByteArray("[]"));
    QCOMPARE(m_client->list({}).body, QByteArray("[]"));
}

void tst_SandboxList::idsFromQueryOrBody_data()
{
    QTest::addColumn<bool>("post");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");

    const QByteArray form = SandboxHttpClient::FormType;
    QTest::newRow("GET, query") << false << "ids=1,2,3" << QByteArray() << QByteArray();
    QTest::newRow("GET, query, spaces") << false << "ids=1,%202,3%20" << QByteArray() << QByteArray();
    QTest::newRow("POST, query") << true << "ids=1,2,3" << QByteArray() << form;
    QTest::newRow("POST, form body") << true << "" << QByteArray("ids=1%2C2%2C3") << form;
    QTest::newRow("POST, form body, PHP array")
        << true << "" << QByteArray("ids[]=1&ids[]=2&ids[]=3") << form;
    QTest::newRow("POST, json body, text")
        << true << "" << QByteArray(R"({"ids":"1,2,3"})") << QByteArray(SandboxHttpClient::JsonType);
    QTest::newRow("POST, json body, array")
        << true << "" << QByteArray(R"({"ids":[1,"2",3]})") << QByteArray(SandboxHttpClient::JsonType);
}

void tst_SandboxList::idsFromQueryOrBody()
{
    QFETCH(bool, post);
    QFETCH(QString, query);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);

    addLeads(3, 1);
    const SandboxHttpReply reply = post ? m_client->post(QStringLiteral("list"), body, contentType, {}, query)
                                        : m_client->get(QStringLiteral("list"), query);
    QCOMPARE(reply.httpStatus, 200);
    QCOMPARE(reply.json().object().keys(),
             (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
}

void tst_SandboxList::readsOnlyTheFirst50Ids()
{
    const QStringList ids = addLeads(60);
    QCOMPARE(ids.size(), 60);

    const QJsonObject rows = m_client->list(ids).json().object();
    QCOMPARE(rows.size(), 50);
    for (int i = 0; i < 50; ++i)
        QVERIFY2(rows.contains(ids.at(i)), qPrintable(ids.at(i)));

    // Unknown ids use up places too: the service reads 50 ids, not 50 matches.
    QStringList padded;
    for (int i = 0; i < 45; ++i)
        padded << QStringLiteral("8%1").arg(i);
    padded << ids.mid(0, 10);
    QCOMPARE(m_client->list(padded).json().object().size(), 5);

    // The same limit for ids in the body.
    const QByteArray body = "ids=" + ids.join(QLatin1Char(',')).toLatin1();
    QCOMPARE(m_client->post(QStringLiteral("list"), body).json().object().size(), 50);
}

void tst_SandboxList::reasonOnlyForCancellations()
{
    addLeads(3, 1);
    QVERIFY(m_sandbox->setLeadState(QStringLiteral("1"), QStringLiteral("cancel"), 5, 2));
    QVERIFY(m_sandbox->setLeadState(QStringLiteral("2"), QStringLiteral("trash"), 5, 7));
    QVERIFY(m_sandbox->setLeadState(QStringLiteral("3"), QStringLiteral("approve"), 6));
    QVERIFY(!m_sandbox->setLeadState(QStringLiteral("4"), QStringLiteral("approve"), 6));

    const QJsonObject rows =
        m_client->list({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}).json().object();
    const QJsonObject cancelled = rows.value(QStringLiteral("1")).toObject();
    QCOMPARE(cancelled.value(QStringLiteral("stage")).toString(), QStringLiteral("cancel"));
    QCOMPARE(cancelled.value(QStringLiteral("status")).toVariant().toInt(), 5);
    QCOMPARE(cancelled.value(QStringLiteral("reason")).toVariant().toInt(), 2);
    const QJsonObject trash = rows.value(QStringLiteral("2")).toObject();
    QCOMPARE(trash.value(QStringLiteral("stage")).toString(), QStringLiteral("trash"));
    QCOMPARE(trash.value(QStringLiteral("reason")).toVariant().toInt(), 7);
    const QJsonObject approved = rows.value(QStringLiteral("3")).toObject();
    QCOMPARE(approved.value(QStringLiteral("stage")).toString(), QStringLiteral("approve"));
    QCOMPARE(approved.value(QStringLiteral("status")).toVariant().toInt(), 6);
    QVERIFY(!approved.contains(QStringLiteral("reason")));
}

void tst_SandboxList::numbersSometimesAsStrings()
{
    const QStringList ids = addLeads(50);
    const QByteArray first = m_client->list(ids).body;
    const QJsonObject rows = QJsonDocument::fromJson(first).object();
    QCOMPARE(rows.size(), 50);
    int asStrings = 0;
    int asNumbers = 0;
    for (const QString &id : ids) {
        const QJsonObject row = rows.value(id).toObject();
        const QJsonValue status = row.value(QStringLiteral("status"));
        if (status.isString()) {
            ++asStrings;
            QCOMPARE(row.value(QStringLiteral("uid")).type(), QJsonValue::String);
            QCOMPARE(row.value(QStringLiteral("id")).toString(), id);
        } else {
            QVERIFY(status.isDouble());
            ++asNumbers;
            QCOMPARE(row.value(QStringLiteral("id")).toVariant().toString(), id);
        }
        QCOMPARE(status.toVariant().toInt(), 1);
    }
    QVERIFY2(asStrings > 0 && asNumbers > 0,
             qPrintable(QStringLiteral("%1 / %2").arg(asStrings).arg(asNumbers)));
    // The same lead always comes the same way.
    QCOMPARE(m_client->list(ids).body, first);
}

void tst_SandboxList::olderEngineShape()
{
    // --older-engine: add.json without uid, list.json rows with only id (a number), status and the
    // engine's words, refusals in error_text with the older codes.
    SandboxOptions options;
    options.speed = 0;
    options.olderEngine = true;
    Sandbox older(options);
    QVERIFY(older.listen() != 0);
    SandboxHttpClient client(older.baseUrl());
    const SandboxHttpReply added =
        client.addLead(QStringLiteral("7500000"), QStringLiteral("217"), QStringLiteral("79001234567"));
    QCOMPARE(added.json().object().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QVERIFY(added.json().object().contains(QStringLiteral("id")));
    QVERIFY(!added.json().object().contains(QStringLiteral("uid")));
    QVERIFY(client.addLead(QStringLiteral("7500003"), QStringLiteral("217"), QStringLiteral("79001234568"))
                .errorCode()
                .isEmpty());
    QVERIFY(older.setLeadState(QStringLiteral("7500000"), QStringLiteral("approve"), 6, 0));
    QVERIFY(older.setLeadState(QStringLiteral("7500003"), QStringLiteral("approve"), 17, 0));

    const SandboxHttpReply reply = client.list({QStringLiteral("7500000"), QStringLiteral("7500003")});
    QCOMPARE(reply.httpStatus, 200);
    QCOMPARE(reply.body,
             QByteArray(R"({"7500000":{"id":7500000,"status":6,"status_text":"Упаковка"},)"
                        R"("7500003":{"id":7500003,"status":17,"status_text":"Особый статус 17"}})"));

    const SandboxHttpReply refused =
        client.addLead({{QStringLiteral("id"), QStringLiteral("1")},
                        {QStringLiteral("phone"), QStringLiteral("79001112233")}});
    QCOMPARE(refused.body, QByteArray(R"({"status":"error","error_text":"no-offer-code"})"));
}

QTEST_GUILESS_MAIN(tst_SandboxList)
#include "tst_sandboxlist.moc"

// add.json of the sandbox, over real HTTP: validation codes, auto ids, duplicates, key and signatures.

#include "SandboxHttpClient.h"
#include "TestEnvironment.h"
#include "api/FormCodec.h"
#include "sandbox/Sandbox.h"

#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTcpSocket>
#include <QTest>

#include <memory>

class tst_SandboxAdd : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void storesAValidLead();
    void recordsTheRequestWithoutTheKey();
    void validationCodes_data();
    void validationCodes();
    void readsLeadFieldsFromTheBodyOnly();
    void acceptsJsonBodies();
    void undecodableBodyIsData_data();
    void undecodableBodyIsData();
    void autoAssignsOurId();
    void duplicateBySameOrderId();
    void duplicateBySamePhoneAndOfferWithin24Hours();
    void wrongCredentialsAreKey_data();
    void wrongCredentialsAreKey();
    void signedRequests();
    void serverDoesNotRunOnTheCallersThread();

private:
    TestEnvironment m_environment;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<SandboxHttpClient> m_client;
};

namespace {
const QString User = QStringLiteral("4242");
const QString Key = QStringLiteral("k3y-Secret0");
} // namespace

void tst_SandboxAdd::init()
{
    SandboxOptions options;
    options.user = User;
    options.key = Key;
    options.speed = 0; // the clock moves only when a test says so
    m_sandbox = std::make_unique<Sandbox>(options);
    QVERIFY(m_sandbox->listen() != 0);
    m_client = std::make_unique<SandboxHttpClient>(m_sandbox->baseUrl(), User, Key);
}

void tst_SandboxAdd::cleanup()
{
    m_client.reset();
    m_sandbox.reset();
}

void tst_SandboxAdd::storesAValidLead()
{
    const SandboxHttpReply reply =
        m_client->addLead(QStringLiteral("112358"), QStringLiteral("217"), QStringLiteral("79001234567"));
    QCOMPARE(reply.error, QNetworkReply::NoError);
    QCOMPARE(reply.httpStatus, 200);
    const QJsonObject answer = reply.json().object();
    QCOMPARE(answer.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    // add.json: "uid" is OUR id, "id" the network's.
    QCOMPARE(answer.value(QStringLiteral("uid")).toVariant().toString(), QStringLiteral("112358"));
    const QString networkId = answer.value(QStringLiteral("id")).toVariant().toString();
    QVERIFY(!networkId.isEmpty());
    QVERIFY(networkId != QStringLiteral("112358"));
    QCOMPARE(m_sandbox->storedLeadCount(), 1);
    QCOMPARE(m_sandbox->timesStored(QStringLiteral("112358")), 1);
    QCOMPARE(m_sandbox->storedOrderIds(), QStringList{QStringLiteral("112358")});

    // A second lead gets another network id.
    const SandboxHttpReply second =
        m_client->addLead(QStringLiteral("112359"), QStringLiteral("311"), QStringLiteral("79001234568"));
    QCOMPARE(second.errorCode(), QString());
    QVERIFY(second.json().object().value(QStringLiteral("id")).toVariant().toString() != networkId);
}

void tst_SandboxAdd::recordsTheRequestWithoutTheKey()
{
    m_client->addLead(QStringLiteral("7"), QStringLiteral("217"), QStringLiteral("79001234567"));
    const QList<SandboxRequest> requests = m_sandbox->receivedRequests();
    QCOMPARE(requests.size(), 1);
    const SandboxRequest &request = requests.first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/ext/add.json"));
    QCOMPARE(request.contentType, QByteArray(SandboxHttpClient::FormType));
    QCOMPARE(request.body, SandboxHttpClient::leadForm(QStringLiteral("7"), QStringLiteral("217"),
                                                       QStringLiteral("79001234567")));
    QCOMPARE(request.query, QByteArray("id=4242-***"));
    QVERIFY(!request.query.contains(Key.toUtf8()));

    m_sandbox->clearReceivedRequests();
    QVERIFY(m_sandbox->receivedRequests().isEmpty());
}

void tst_SandboxAdd::validationCodes_data()
{
    QTest::addColumn<QString>("orderId");
    QTest::addColumn<QString>("offer");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("code");

    const QString ip = QStringLiteral("12.34.56.78");
    QTest::newRow("no offer") << "1"
                              << ""
                              << "79001234567" << ip << "nooffer";
    QTest::newRow("no id") << ""
                           << "217"
                           << "79001234567" << ip << "noid";
    QTest::newRow("no phone") << "1"
                              << "217"
                              << "" << ip << "nophone";
    QTest::newRow("phone without digits") << "1"
                                          << "217"
                                          << "+ ( ) -" << ip << "nophone";
    QTest::newRow("unknown offer") << "1"
                                   << "123456"
                                   << "79001234567" << ip << "offer";
    QTest::newRow("blocked offer") << "1"
                                   << "999"
                                   << "79001234567" << ip << "traffic";
    QTest::newRow("banned phone") << "1"
                                  << "217"
                                  << "79999999999" << ip << "ban";
    QTest::newRow("banned phone, formatted") << "1"
                                             << "217"
                                             << "+7 (999) 999-99-99" << ip << "ban";
    QTest::newRow("banned ip") << "1"
                               << "217"
                               << "79001234567"
                               << "203.0.113.66"
                               << "ban";
}

void tst_SandboxAdd::validationCodes()
{
    QFETCH(QString, orderId);
    QFETCH(QString, offer);
    QFETCH(QString, phone);
    QFETCH(QString, ip);
    QFETCH(QString, code);

    // The catalogue the tests rely on is the one the sandbox advertises.
    QVERIFY(m_sandbox->bannedPhones().contains(QStringLiteral("79999999999")));
    QVERIFY(m_sandbox->bannedIps().contains(QStringLiteral("203.0.113.66")));
    QCOMPARE(m_sandbox->blockedOffer(), QStringLiteral("999"));
    QVERIFY(!m_sandbox->demoOffers().contains(QStringLiteral("999")));

    const SandboxHttpReply reply = m_client->addLead(orderId, offer, phone, ip);
    QCOMPARE(reply.error, QNetworkReply::NoError);
    QCOMPARE(reply.httpStatus, 200); // errors come with HTTP 200
    QCOMPARE(reply.json().object().value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    QCOMPARE(reply.errorCode(), code);
    QCOMPARE(m_sandbox->storedLeadCount(), 0);
}

void tst_SandboxAdd::readsLeadFieldsFromTheBodyOnly()
{
    const QString fieldsInQuery = QStringLiteral("offer=217&phone=79001234567&ip=1.2.3.4");
    const SandboxHttpReply reply =
        m_client->post(QStringLiteral("add"), "id=55", SandboxHttpClient::FormType, {}, fieldsInQuery);
    QCOMPARE(reply.errorCode(), QStringLiteral("nooffer"));
    QCOMPARE(m_sandbox->storedLeadCount(), 0);
}

void tst_SandboxAdd::acceptsJsonBodies()
{
    const QByteArray body = R"({"id": 112358, "wm": 42, "offer": 311, "ip": "12.34.56.78", "name": "Jane Doe",
        "phone": "79000000000", "country": "ru", "items": [{"id": 135, "price": 9900, "count": 2}],
        "params": {"sirname": "Doe"}})";
    const SandboxHttpReply reply = m_client->post(QStringLiteral("add"), body, SandboxHttpClient::JsonType);
    QCOMPARE(reply.errorCode(), QString());
    QCOMPARE(reply.json().object().value(QStringLiteral("uid")).toVariant().toString(),
             QStringLiteral("112358"));

    // The nested goods' count shows in list.json, the wm as src.
    const QJsonObject row =
        m_client->list({QStringLiteral("112358")}).json().object().value(QStringLiteral("112358")).toObject();
    QCOMPARE(row.value(QStringLiteral("count")).toVariant().toInt(), 2);
    QCOMPARE(row.value(QStringLiteral("src")).toVariant().toString(), QStringLiteral("42"));

    // Nested goods in PHP bracket notation count the same.
    const SandboxHttpReply form =
        m_client->addLead({{QStringLiteral("id"), QStringLiteral("112359")},
                           {QStringLiteral("offer"), QStringLiteral("412")},
                           {QStringLiteral("phone"), QStringLiteral("77000000000")},
                           {QStringLiteral("ip"), QStringLiteral("12.34.56.78")},
                           {QStringLiteral("items[0][id]"), QStringLiteral("501")},
                           {QStringLiteral("items[0][count]"), QStringLiteral("1")},
                           {QStringLiteral("items[1][id]"), QStringLiteral("503")},
                           {QStringLiteral("items[1][count]"), QStringLiteral("3")}});
    QCOMPARE(form.errorCode(), QString());
    const QJsonObject formRow =
        m_client->list({QStringLiteral("112359")}).json().object().value(QStringLiteral("112359")).toObject();
    QCOMPARE(formRow.value(QStringLiteral("count")).toVariant().toInt(), 4);
}

void tst_SandboxAdd::undecodableBodyIsData_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");

    QTest::newRow("broken json") << QByteArray(R"({"id": 1, "offer": )")
                                 << QByteArray(SandboxHttpClient::JsonType);
    QTest::newRow("json array") << QByteArray(R"([1, 2, 3])") << QByteArray(SandboxHttpClient::JsonType);
    QTest::newRow("form with invalid utf-8") << QByteArray("id=1&offer=217&phone=79001234567&name=%C3%28")
                                             << QByteArray(SandboxHttpClient::FormType);
    QTest::newRow("unreadable media type")
        << QByteArray("id=1&offer=217&phone=79001234567") << QByteArray("text/plain");
}

void tst_SandboxAdd::undecodableBodyIsData()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    const SandboxHttpReply reply = m_client->post(QStringLiteral("add"), body, contentType);
    QCOMPARE(reply.httpStatus, 200);
    QCOMPARE(reply.errorCode(), QStringLiteral("data"));
    // The engine's own failures come as "error_text", as on the real service.
    QVERIFY(reply.json().object().contains(QStringLiteral("error_text")));
    QCOMPARE(m_sandbox->storedLeadCount(), 0);
}

void tst_SandboxAdd::autoAssignsOurId()
{
    const SandboxHttpReply first =
        m_client->addLead(QStringLiteral("auto"), QStringLiteral("217"), QStringLiteral("79001234567"));
    const SandboxHttpReply second =
        m_client->addLead(QStringLiteral("auto"), QStringLiteral("217"), QStringLiteral("79001234568"));
    QCOMPARE(first.errorCode(), QString());
    QCOMPARE(second.errorCode(), QString());
    const QString firstId = first.json().object().value(QStringLiteral("uid")).toVariant().toString();
    const QString secondId = second.json().object().value(QStringLiteral("uid")).toVariant().toString();
    QVERIFY(!firstId.isEmpty());
    QVERIFY(firstId != secondId);
    for (const QString &id : {firstId, secondId}) {
        QVERIFY2(std::all_of(id.cbegin(), id.cend(), [](QChar c) { return c.isDigit(); }), qPrintable(id));
        QCOMPARE(m_sandbox->timesStored(id), 1);
    }
    QCOMPARE(m_sandbox->storedOrderIds(), (QStringList{firstId, secondId}));
    QCOMPARE(m_sandbox->timesStored(QStringLiteral("auto")), 0);
    // The assigned id is what list.json knows the lead by.
    QVERIFY(m_client->list({firstId}).json().object().contains(firstId));
}

void tst_SandboxAdd::duplicateBySameOrderId()
{
    QCOMPARE(m_client->addLead(QStringLiteral("9001"), QStringLiteral("217"), QStringLiteral("79001234567"))
                 .errorCode(),
             QString());
    // Same id, even with another customer and offer: the retry of a lead that arrived.
    QCOMPARE(m_client->addLead(QStringLiteral("9001"), QStringLiteral("311"), QStringLiteral("79007654321"))
                 .errorCode(),
             QStringLiteral("duplicate"));
    // Days later it still is.
    m_sandbox->advanceClock(30 * 24 * 3600);
    QCOMPARE(m_client->addLead(QStringLiteral("9001"), QStringLiteral("217"), QStringLiteral("79001234567"))
                 .errorCode(),
             QStringLiteral("duplicate"));
    QCOMPARE(m_sandbox->storedLeadCount(), 1);
    QCOMPARE(m_sandbox->timesStored(QStringLiteral("9001")), 1);
}

void tst_SandboxAdd::duplicateBySamePhoneAndOfferWithin24Hours()
{
    const QString phone = QStringLiteral("79001112233");
    QCOMPARE(m_client->addLead(QStringLiteral("1"), QStringLiteral("217"), phone).errorCode(), QString());
    QCOMPARE(m_client->addLead(QStringLiteral("2"), QStringLiteral("217"), phone).errorCode(),
             QStringLiteral("duplicate"));
    // The same phone written another way is the same customer.
    QCOMPARE(
        m_client->addLead(QStringLiteral("3"), QStringLiteral("217"), QStringLiteral("+7 (900) 111-22-33"))
            .errorCode(),
        QStringLiteral("duplicate"));
    // Another offer is another order.
    QCOMPARE(m_client->addLead(QStringLiteral("4"), QStringLiteral("311"), phone).errorCode(), QString());
    // Just inside the window, then just past it.
    m_sandbox->advanceClock(24 * 3600 - 10);
    QCOMPARE(m_client->addLead(QStringLiteral("5"), QStringLiteral("217"), phone).errorCode(),
             QStringLiteral("duplicate"));
    m_sandbox->advanceClock(11);
    QCOMPARE(m_client->addLead(QStringLiteral("6"), QStringLiteral("217"), phone).errorCode(), QString());
    // "auto" does not escape the phone+offer rule.
    QCOMPARE(m_client->addLead(QStringLiteral("auto"), QStringLiteral("217"), phone).errorCode(),
             QStringLiteral("duplicate"));
    QCOMPARE(m_sandbox->storedOrderIds(),
             (QStringList{QStringLiteral("1"), QStringLiteral("4"), QStringLiteral("6")}));
}

void tst_SandboxAdd::wrongCredentialsAreKey_data()
{
    QTest::addColumn<QString>("idParameter");
    QTest::newRow("wrong key") << User + QStringLiteral("-wrong");
    QTest::newRow("wrong user") << QStringLiteral("4243-") + Key;
    QTest::newRow("key alone") << Key;
    QTest::newRow("user alone") << User;
    QTest::newRow("empty") << QString(QLatin1String(""));
    QTest::newRow("key of another case") << User + QLatin1Char('-') + Key.toUpper();
}

void tst_SandboxAdd::wrongCredentialsAreKey()
{
    QFETCH(QString, idParameter);
    const QByteArray body = SandboxHttpClient::leadForm(QStringLiteral("1"), QStringLiteral("217"),
                                                        QStringLiteral("79001234567"));
    const SandboxHttpReply reply =
        m_client->post(QStringLiteral("add"), body, SandboxHttpClient::FormType, idParameter);
    QCOMPARE(reply.httpStatus, 200);
    QCOMPARE(reply.errorCode(), QStringLiteral("key"));
    QCOMPARE(m_sandbox->storedLeadCount(), 0);
    // list.json checks the same way.
    const SandboxHttpReply list = m_client->get(QStringLiteral("list"), QStringLiteral("ids=1"), idParameter);
    QCOMPARE(list.errorCode(), QStringLiteral("key"));
}

void tst_SandboxAdd::signedRequests()
{
    // docs/API.md point 10: id={user}-{sign}, sign = lowercase hex HMAC-SHA1 of the exact body, keyed by the
    // key.
    FormCodec::Pairs fields{{QStringLiteral("id"), QStringLiteral("31337")},
                            {QStringLiteral("offer"), QStringLiteral("217")},
                            {QStringLiteral("phone"), QStringLiteral("79001234567")},
                            {QStringLiteral("ip"), QStringLiteral("12.34.56.78")},
                            {QStringLiteral("_nonce"), QStringLiteral("6f1c2a")},
                            {QStringLiteral("_timer"), QStringLiteral("1700000000")}};
    const QByteArray body = FormCodec::encode(fields);
    const QByteArray sign =
        QMessageAuthenticationCode::hash(body, Key.toUtf8(), QCryptographicHash::Sha1).toHex();

    // A signature over other bytes, an upper-case one, or one keyed by another key: refused.
    const QByteArray tampered = body + "&name=X";
    QCOMPARE(m_client
                 ->post(QStringLiteral("add"), tampered, SandboxHttpClient::FormType,
                        User + QLatin1Char('-') + QString::fromLatin1(sign))
                 .errorCode(),
             QStringLiteral("key"));
    QCOMPARE(m_client
                 ->post(QStringLiteral("add"), body, SandboxHttpClient::FormType,
                        User + QLatin1Char('-') + QString::fromLatin1(sign.toUpper()))
                 .errorCode(),
             QStringLiteral("key"));
    const QByteArray otherKeySign =
        QMessageAuthenticationCode::hash(body, QByteArray("other"), QCryptographicHash::Sha1).toHex();
    QCOMPARE(m_client
                 ->post(QStringLiteral("add"), body, SandboxHttpClient::FormType,
                        User + QLatin1Char('-') + QString::fromLatin1(otherKeySign))
                 .errorCode(),
             QStringLiteral("key"));
    QCOMPARE(m_sandbox->storedLeadCount(), 0);

    const SandboxHttpReply reply = m_client->post(QStringLiteral("add"), body, SandboxHttpClient::FormType,
                                                  User + QLatin1Char('-') + QString::fromLatin1(sign));
    QCOMPARE(reply.errorCode(), QString());
    QCOMPARE(m_sandbox->timesStored(QStringLiteral("31337")), 1);
    // The recorded query shows neither key nor signature.
    QVERIFY(!m_sandbox->receivedRequests().constLast().query.contains(sign));

    // list.json signed over its (form) body.
    const QByteArray listBody = "ids=31337&_nonce=a1&_timer=1700000001";
    const QByteArray listSign =
        QMessageAuthenticationCode::hash(listBody, Key.toUtf8(), QCryptographicHash::Sha1).toHex();
    const SandboxHttpReply list =
        m_client->post(QStringLiteral("list"), listBody, SandboxHttpClient::FormType,
                       User + QLatin1Char('-') + QString::fromLatin1(listSign));
    QVERIFY(list.json().object().contains(QStringLiteral("31337")));
}

void tst_SandboxAdd::serverDoesNotRunOnTheCallersThread()
{
    // Blocking socket calls keep this thread's event loop from running: only a server with its own
    // thread can answer meanwhile.
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(m_sandbox->baseUrl().port()));
    QVERIFY(socket.waitForConnected(10000));
    const QByteArray body = SandboxHttpClient::leadForm(QStringLiteral("77"), QStringLiteral("217"),
                                                        QStringLiteral("79001234567"));
    socket.write("POST /ext/add.json?id=" + QUrl::toPercentEncoding(m_client->idParameter()) +
                 " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 "Content-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    while (!answer.contains("\"status\"") && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    QVERIFY(answer.contains(R"("status":"ok")"));
    QCOMPARE(m_sandbox->timesStored(QStringLiteral("77")), 1);
}

QTEST_GUILESS_MAIN(tst_SandboxAdd)
#include "tst_sandboxadd.moc"

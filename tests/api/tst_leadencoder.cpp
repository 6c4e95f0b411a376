#include "TestEnvironment.h"
#include "api/FormCodec.h"
#include "api/LeadEncoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

// The three examples of the API document, field for field.
Lead documentBase(const QString &name, const QString &phone, const QString &country)
{
    Lead lead;
    lead.orderId = QStringLiteral("112358");
    lead.wm = QStringLiteral("42");
    lead.offer = QStringLiteral("217");
    lead.ip = QStringLiteral("12.34.56.78");
    lead.name = name;
    lead.phone = phone;
    lead.country = country;
    return lead;
}

Lead simpleExample()
{
    return documentBase(QStringLiteral("John Doe"), QStringLiteral("77000000000"), QStringLiteral("kz"));
}

Lead itemsExample()
{
    Lead lead = documentBase(QStringLiteral("Jane Doe"), QStringLiteral("79000000000"), QStringLiteral("ru"));
    lead.items.append(LeadItem{QStringLiteral("135"), 9900, 1});
    return lead;
}

Lead paramsExample()
{
    Lead lead = documentBase(QStringLiteral("John"), QStringLiteral("77000000000"), QStringLiteral("kz"));
    lead.params = {{QStringLiteral("sirname"), QStringLiteral("Doe")},
                   {QStringLiteral("phonecc"), QStringLiteral("+7")}};
    return lead;
}

Lead everyField()
{
    Lead lead = itemsExample();
    lead.email = QStringLiteral("jane@example.com");
    lead.ua = QStringLiteral("Mozilla/5.0");
    lead.us = QStringLiteral("src");
    lead.uc = QStringLiteral("camp");
    lead.un = QStringLiteral("content");
    lead.ut = QStringLiteral("term");
    lead.um = QStringLiteral("medium");
    lead.currency = QStringLiteral("RUB");
    lead.base = QStringLiteral("9900");
    lead.count = QStringLiteral("2");
    lead.discount = QStringLiteral("10");
    lead.more = QStringLiteral("350.5");
    lead.index = QStringLiteral("010000");
    lead.addr = QStringLiteral("Lenina 1, apt 2");
    lead.area = QStringLiteral("Moscow region");
    lead.city = QStringLiteral("Moscow");
    lead.street = QStringLiteral("Lenina");
    lead.comm = QStringLiteral("Call after 6 pm");
    lead.item = QStringLiteral("135,136");
    lead.items.append(LeadItem{QStringLiteral("136"), 99.9, 3});
    lead.params = {{QStringLiteral("sirname"), QStringLiteral("Doe")}};
    return lead;
}

} // namespace

class TestLeadEncoder : public QObject
{
    Q_OBJECT

private slots:
    void documentExamplesAsForm_data();
    void documentExamplesAsForm();
    void documentExamplesAsJson_data();
    void documentExamplesAsJson();
    void everyFieldInDocumentOrder();
    void emptyFieldsAreNotSent();
    void formBodyDecodesBackToTheLead();
    void jsonNumbersOnlyWhenExact_data();
    void jsonNumbersOnlyWhenExact();
    void phoneIsAlwaysAString();
    void jsonEscapesText();
    void priceText_data();
    void priceText();

private:
    TestEnvironment m_env;
};

void TestLeadEncoder::documentExamplesAsForm_data()
{
    QTest::addColumn<Lead>("lead");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("simple") << simpleExample()
                            << QByteArray(
                                   "id=112358&wm=42&offer=217&ip=12.34.56.78&name=John+Doe&phone=77000000000"
                                   "&country=kz");
    QTest::newRow("items") << itemsExample()
                           << QByteArray(
                                  "id=112358&wm=42&offer=217&ip=12.34.56.78&name=Jane+Doe&phone=79000000000"
                                  "&country=ru&items%5B0%5D%5Bid%5D=135&items%5B0%5D%5Bprice%5D=9900"
                                  "&items%5B0%5D%5Bcount%5D=1");
    QTest::newRow("params") << paramsExample()
                            << QByteArray(
                                   "id=112358&wm=42&offer=217&ip=12.34.56.78&name=John&phone=77000000000"
                                   "&country=kz&params%5Bsirname%5D=Doe&params%5Bphonecc%5D=%2B7");
}

void TestLeadEncoder::documentExamplesAsForm()
{
    QFETCH(Lead, lead);
    QFETCH(QByteArray, body);
    QCOMPARE(LeadEncoder::formBody(lead), body);
}

void TestLeadEncoder::documentExamplesAsJson_data()
{
    QTest::addColumn<Lead>("lead");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("simple") << simpleExample()
                            << QByteArray(
                                   R"({"id":112358,"wm":42,"offer":217,"ip":"12.34.56.78","name":"John Doe",)"
                                   R"("phone":"77000000000","country":"kz"})");
    QTest::newRow("items") << itemsExample()
                           << QByteArray(
                                  R"({"id":112358,"wm":42,"offer":217,"ip":"12.34.56.78","name":"Jane Doe",)"
                                  R"("phone":"79000000000","country":"ru",)"
                                  R"("items":[{"id":135,"price":9900,"count":1}]})");
    QTest::newRow("params") << paramsExample()
                            << QByteArray(
                                   R"({"id":112358,"wm":42,"offer":217,"ip":"12.34.56.78","name":"John",)"
                                   R"("phone":"77000000000","country":"kz",)"
                                   R"("params":{"sirname":"Doe","phonecc":"+7"}})");
}

void TestLeadEncoder::documentExamplesAsJson()
{
    QFETCH(Lead, lead);
    QFETCH(QByteArray, body);
    const QByteArray json = LeadEncoder::jsonBody(lead);
    QCOMPARE(json, body);
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

void TestLeadEncoder::everyFieldInDocumentOrder()
{
    const FormCodec::Pairs pairs = LeadEncoder::formPairs(everyField());
    QStringList names;
    for (const auto &pair : pairs)
        names << pair.first;
    const QStringList expected{QStringLiteral("id"),
                               QStringLiteral("wm"),
                               QStringLiteral("offer"),
                               QStringLiteral("ip"),
                               QStringLiteral("name"),
                               QStringLiteral("phone"),
                               QStringLiteral("email"),
                               QStringLiteral("ua"),
                               QStringLiteral("country"),
                               QStringLiteral("us"),
                               QStringLiteral("uc"),
                               QStringLiteral("un"),
                               QStringLiteral("ut"),
                               QStringLiteral("um"),
                               QStringLiteral("currency"),
                               QStringLiteral("base"),
                               QStringLiteral("count"),
                               QStringLiteral("discount"),
                               QStringLiteral("more"),
                               QStringLiteral("index"),
                               QStringLiteral("addr"),
                               QStringLiteral("area"),
                               QStringLiteral("city"),
                               QStringLiteral("street"),
                               QStringLiteral("comm"),
                               QStringLiteral("item"),
                               QStringLiteral("items[0][id]"),
                               QStringLiteral("items[0][price]"),
                               QStringLiteral("items[0][count]"),
                               QStringLiteral("items[1][id]"),
                               QStringLiteral("items[1][price]"),
                               QStringLiteral("items[1][count]"),
                               QStringLiteral("params[sirname]")};
    QCOMPARE(names, expected);

    const QJsonObject json = QJsonDocument::fromJson(LeadEncoder::jsonBody(everyField())).object();
    QCOMPARE(json.size(), 28); // 26 scalar fields + items + params
    QCOMPARE(json.value(QStringLiteral("index")).toString(), QStringLiteral("010000")); // ZIP keeps its zero
    QCOMPARE(json.value(QStringLiteral("more")).toDouble(), 350.5);
    QCOMPARE(json.value(QStringLiteral("item")).toString(), QStringLiteral("135,136"));
    QCOMPARE(json.value(QStringLiteral("items"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QStringLiteral("price"))
                 .toDouble(),
             99.9);
}

void TestLeadEncoder::emptyFieldsAreNotSent()
{
    Lead lead;
    lead.orderId = QStringLiteral("auto");
    lead.offer = QStringLiteral("1");
    lead.phone = QStringLiteral("79001234567");
    lead.params = {{QStringLiteral("empty"), QString()}, {QString(), QStringLiteral("orphan")}};
    QCOMPARE(LeadEncoder::formBody(lead), QByteArray("id=auto&offer=1&phone=79001234567"));
    QCOMPARE(LeadEncoder::jsonBody(lead), QByteArray(R"({"id":"auto","offer":1,"phone":"79001234567"})"));
    QCOMPARE(LeadEncoder::jsonBody(Lead()), QByteArray("{}"));
    QCOMPARE(LeadEncoder::formBody(Lead()), QByteArray());
}

void TestLeadEncoder::formBodyDecodesBackToTheLead()
{
    const Lead lead = everyField();
    const QVariantMap decoded = FormCodec::decode(LeadEncoder::formBody(lead));
    QCOMPARE(decoded.value(QStringLiteral("addr")).toString(), lead.addr);
    QCOMPARE(decoded.value(QStringLiteral("ua")).toString(), lead.ua);
    const QVariantMap second =
        decoded.value(QStringLiteral("items")).toMap().value(QStringLiteral("1")).toMap();
    QCOMPARE(second.value(QStringLiteral("id")).toString(), QStringLiteral("136"));
    QCOMPARE(second.value(QStringLiteral("price")).toString(), QStringLiteral("99.9"));
    QCOMPARE(second.value(QStringLiteral("count")).toString(), QStringLiteral("3"));
}

void TestLeadEncoder::jsonNumbersOnlyWhenExact_data()
{
    QTest::addColumn<QString>("orderId");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("small") << QStringLiteral("1") << QByteArray("1");
    QTest::newRow("2^53") << QStringLiteral("9007199254740992") << QByteArray("9007199254740992");
    QTest::newRow("beyond double") << QStringLiteral("9007199254740993")
                                   << QByteArray("\"9007199254740993\"");
    QTest::newRow("25 digits") << QStringLiteral("1234567890123456789012345")
                               << QByteArray("\"1234567890123456789012345\"");
    QTest::newRow("leading zero") << QStringLiteral("007") << QByteArray("\"007\"");
    QTest::newRow("zero") << QStringLiteral("0") << QByteArray("0");
    QTest::newRow("negative") << QStringLiteral("-5") << QByteArray("-5");
    QTest::newRow("auto") << QStringLiteral("auto") << QByteArray("\"auto\"");
    QTest::newRow("decimal") << QStringLiteral("99.9") << QByteArray("99.9");
    QTest::newRow("trailing zero") << QStringLiteral("99.90") << QByteArray("\"99.90\"");
    QTest::newRow("exponent") << QStringLiteral("1e3") << QByteArray("\"1e3\"");
    QTest::newRow("spaces") << QStringLiteral(" 12") << QByteArray("\" 12\"");
    QTest::newRow("plus sign") << QStringLiteral("+12") << QByteArray("\"+12\"");
    QTest::newRow("arabic-indic digits")
        << QStringLiteral("\u0661\u0662") << QByteArray("\"\xd9\xa1\xd9\xa2\"");
}

void TestLeadEncoder::jsonNumbersOnlyWhenExact()
{
    QFETCH(QString, orderId);
    QFETCH(QByteArray, written);
    Lead lead;
    lead.orderId = orderId;
    QCOMPARE(LeadEncoder::jsonBody(lead), QByteArray("{\"id\":" + written + "}"));
    lead.orderId.clear();
    lead.items.append(LeadItem{orderId, 1, 1});
    QCOMPARE(LeadEncoder::jsonBody(lead),
             QByteArray("{\"items\":[{\"id\":" + written + ",\"price\":1,\"count\":1}]}"));
}

void TestLeadEncoder::phoneIsAlwaysAString()
{
    Lead lead;
    lead.phone = QStringLiteral("79001234567");
    lead.ip = QStringLiteral("1");
    QCOMPARE(LeadEncoder::jsonBody(lead), QByteArray(R"({"ip":"1","phone":"79001234567"})"));
}

void TestLeadEncoder::jsonEscapesText()
{
    Lead lead;
    lead.name = QStringLiteral("A \"B\" \\ C\n\t\u0001 \u0418/");
    const QByteArray json = LeadEncoder::jsonBody(lead);
    QCOMPARE(json, QByteArray("{\"name\":\"A \\\"B\\\" \\\\ C\\n\\t\\u0001 \xd0\x98/\"}"));
    QCOMPARE(QJsonDocument::fromJson(json).object().value(QStringLiteral("name")).toString(), lead.name);
}

void TestLeadEncoder::priceText_data()
{
    QTest::addColumn<double>("price");
    QTest::addColumn<QString>("text");
    QTest::newRow("integer") << 9900.0 << QStringLiteral("9900");
    QTest::newRow("decimal") << 99.9 << QStringLiteral("99.9");
    QTest::newRow("cents") << 0.01 << QStringLiteral("0.01");
    QTest::newRow("large") << 1e21 << QStringLiteral("1000000000000000000000");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0");
}

void TestLeadEncoder::priceText()
{
    QFETCH(double, price);
    QFETCH(QString, text);
    QCOMPARE(LeadEncoder::priceText(price), text);
}

QTEST_APPLESS_MAIN(TestLeadEncoder)
#include "tst_leadencoder.moc"

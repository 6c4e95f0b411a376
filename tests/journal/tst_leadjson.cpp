#include "journal/LeadJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestLeadJson : public QObject
{
    Q_OBJECT

private slots:
    void everyFieldRoundTrips();
    void idsStayText();
    void emptyFieldsAreLeftOut();
    void garbageIsRefused();
};

void TestLeadJson::everyFieldRoundTrips()
{
    Lead lead;
    int n = 0;
    // Every text field gets a distinct value, so a field mapped to the wrong name cannot pass.
    for (QString *field :
         {&lead.orderId,  &lead.wm,   &lead.offer,  &lead.name,     &lead.phone, &lead.email, &lead.country,
          &lead.ip,       &lead.ua,   &lead.us,     &lead.uc,       &lead.un,    &lead.ut,    &lead.um,
          &lead.currency, &lead.base, &lead.count,  &lead.discount, &lead.more,  &lead.index, &lead.addr,
          &lead.area,     &lead.city, &lead.street, &lead.comm,     &lead.item})
        *field = QStringLiteral("v%1 «ü» & \"q\"").arg(++n);
    QCOMPARE(n, 26);
    lead.items = {LeadItem{QStringLiteral("135"), 9900.5, 2}, LeadItem{QStringLiteral("7"), 0.1, 1}};
    lead.params = {{QStringLiteral("z"), QStringLiteral("last?")},
                   {QStringLiteral("a"), QStringLiteral("first")}};

    Lead back;
    QVERIFY(LeadJson::fromJson(LeadJson::toJson(lead), &back));
    QCOMPARE(back, lead);
    QCOMPARE(back.params.constFirst().first, QStringLiteral("z")); // the operator's order is kept
}

void TestLeadJson::idsStayText()
{
    Lead lead;
    lead.orderId = QStringLiteral("9007199254740993"); // not representable as a double
    const QByteArray json = LeadJson::toJson(lead);
    QVERIFY(json.contains("\"9007199254740993\""));
    Lead back;
    QVERIFY(LeadJson::fromJson(json, &back));
    QCOMPARE(back.orderId, lead.orderId);
}

void TestLeadJson::emptyFieldsAreLeftOut()
{
    Lead lead;
    lead.offer = QStringLiteral("217");
    const QJsonObject object = QJsonDocument::fromJson(LeadJson::toJson(lead)).object();
    QCOMPARE(object.keys(), QStringList{QStringLiteral("offer")});
}

void TestLeadJson::garbageIsRefused()
{
    Lead lead;
    lead.name = QStringLiteral("kept");
    QVERIFY(!LeadJson::fromJson("not json", &lead));
    QVERIFY(!LeadJson::fromJson("[1,2]", &lead));
    QCOMPARE(lead.name, QStringLiteral("kept"));
}

QTEST_APPLESS_MAIN(TestLeadJson)
#include "tst_leadjson.moc"

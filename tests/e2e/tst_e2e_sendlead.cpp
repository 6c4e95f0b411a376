#include "E2eApp.h"
#include "LeadForm.h"
#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "settings/ProfileStore.h"
#include "sync/RecentLeads.h"

#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

// End to end: a lead typed from the keyboard into the real main window travels through the journal and
// the outbox to the in-process sandbox, and the test asserts on the exact bytes the sandbox received.
// The expected bodies are written out by hand here, not produced by the app's own encoder.
class TestE2eSendLead : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void typedFullLead_arrivesAsTheExactFormBody();
    void jsonProfile_sendsTheJsonBody();

private:
    void typeFullLead();
    // Waits for the one add.json of this test and for the form to hear back; gives the journal entry.
    void waitForTheSentLead(JournalEntry *entry);

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<E2eApp> m_app;
};

void TestE2eSendLead::initTestCase()
{
    m_env = std::make_unique<TestEnvironment>();
    QLocale::setDefault(
        QLocale(QLocale::English, QLocale::UnitedStates)); // "1990.50" reads the same everywhere
}

void TestE2eSendLead::init()
{
    m_app = std::make_unique<E2eApp>();
    QVERIFY(m_app->start());
    QVERIFY(m_app->session()->isSandboxMode());
    QVERIFY(m_app->sandbox());
}

void TestE2eSendLead::cleanup()
{
    m_app.reset();
}

// Every group of the form, from the keyboard: Tab from field to field, Space to open a folded section,
// Insert/Tab/Enter in the goods and custom-field tables.
void TestE2eSendLead::typeFullLead()
{
    m_app->typeInto(QStringLiteral("offerComboBox"), QStringLiteral("217"));
    QVERIFY(m_app->tabTo(QStringLiteral("wmEdit")));
    m_app->typeHere(QStringLiteral("42"));
    QVERIFY(m_app->tabTo(QStringLiteral("nameEdit")));
    m_app->typeHere(QStringLiteral("Jane Doe"));
    QVERIFY(m_app->tabTo(QStringLiteral("phoneEdit")));
    m_app->typeHere(QStringLiteral("+7 (900) 123-45-67"));
    QVERIFY(m_app->tabTo(QStringLiteral("emailEdit")));
    m_app->typeHere(QStringLiteral("jane@example.com"));
    QVERIFY(m_app->tabTo(QStringLiteral("countryComboBox")));
    m_app->clearAndType(QStringLiteral("countryComboBox"), QStringLiteral("kz"));

    QVERIFY(m_app->tabTo(QStringLiteral("zipEdit")));
    m_app->typeHere(QStringLiteral("050000"));
    QVERIFY(m_app->tabTo(QStringLiteral("addressEdit")));
    m_app->typeHere(QStringLiteral("Abay 10, flat 5"));
    QVERIFY(m_app->tabTo(QStringLiteral("regionEdit")));
    m_app->typeHere(QStringLiteral("Almaty Region"));
    QVERIFY(m_app->tabTo(QStringLiteral("cityEdit")));
    m_app->typeHere(QStringLiteral("Алматы"));
    QVERIFY(m_app->tabTo(QStringLiteral("streetEdit")));
    m_app->typeHere(QStringLiteral("Abay Avenue"));

    QVERIFY(m_app->tabTo(QStringLiteral("currencyComboBox")));
    m_app->clearAndType(QStringLiteral("currencyComboBox"), QStringLiteral("KZT"));
    QVERIFY(m_app->tabTo(QStringLiteral("unitPriceEdit")));
    m_app->typeHere(QStringLiteral("1990.50"));
    QVERIFY(m_app->tabTo(QStringLiteral("quantityEdit")));
    m_app->typeHere(QStringLiteral("2"));
    QVERIFY(m_app->tabTo(QStringLiteral("discountEdit")));
    m_app->typeHere(QStringLiteral("10"));
    QVERIFY(m_app->tabTo(QStringLiteral("extraCostEdit")));
    m_app->typeHere(QStringLiteral("300"));

    m_app->typeRow(QStringLiteral("itemsTable"),
                   {QStringLiteral("135"), QStringLiteral("9900"), QStringLiteral("1")});
    m_app->typeRow(QStringLiteral("itemsTable"),
                   {QStringLiteral("136"), QStringLiteral("450.5"), QStringLiteral("2")});

    m_app->openSection(QStringLiteral("customFields"));
    m_app->typeRow(QStringLiteral("paramsTable"), {QStringLiteral("sirname"), QStringLiteral("Doe")});
    m_app->typeRow(QStringLiteral("paramsTable"), {QStringLiteral("phonecc"), QStringLiteral("+7")});

    m_app->openSection(QStringLiteral("tracking"));
    QVERIFY(m_app->tabTo(QStringLiteral("ipEdit")));
    m_app->typeHere(QStringLiteral("12.34.56.78"));
    QVERIFY(m_app->tabTo(QStringLiteral("userAgentEdit")));
    m_app->typeHere(QStringLiteral("Mozilla/5.0 (X11; Linux x86_64)"));
    QVERIFY(m_app->tabTo(QStringLiteral("utmSourceEdit")));
    m_app->typeHere(QStringLiteral("google"));
    QVERIFY(m_app->tabTo(QStringLiteral("utmMediumEdit")));
    m_app->typeHere(QStringLiteral("cpc"));
    QVERIFY(m_app->tabTo(QStringLiteral("utmCampaignEdit")));
    m_app->typeHere(QStringLiteral("spring"));
    QVERIFY(m_app->tabTo(QStringLiteral("utmContentEdit")));
    m_app->typeHere(QStringLiteral("banner1"));
    QVERIFY(m_app->tabTo(QStringLiteral("utmTermEdit")));
    m_app->typeHere(QStringLiteral("shoes"));
    QVERIFY(m_app->tabTo(QStringLiteral("commentEdit")));
    m_app->typeHere(QStringLiteral("Call after 18:00"));

    QVERIFY2(m_app->form()->isValid(),
             qPrintable(
                 m_app->child<QWidget>(QStringLiteral("problemSummaryLabel"))->property("text").toString()));
}

void TestE2eSendLead::waitForTheSentLead(JournalEntry *entry)
{
    QTRY_COMPARE_WITH_TIMEOUT(m_app->addRequests().size(), 1, 15000);
    // The form is free once the lead is stored; the answer comes to the recent leads.
    RecentLeads *recent = m_app->recentLeads();
    QTRY_VERIFY_WITH_TIMEOUT(recent->rowCount() == 1 && recent->answerAt(0) != RecentLeads::Answer::Sending,
                             15000);
    const QList<JournalEntry> entries = m_app->journalEntries();
    QCOMPARE(entries.size(), 1);
    *entry = entries.first();
}

void TestE2eSendLead::typedFullLead_arrivesAsTheExactFormBody()
{
    typeFullLead();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy submitted(m_app->form(), &LeadForm::leadSubmitted);
    m_app->pressCtrlEnter();
    // The form is locked at once; the journal commits on its background connection, then the form
    // learns the lead's id.
    QVERIFY(m_app->form()->isSubmitting());
    QTRY_COMPARE_WITH_TIMEOUT(submitted.size(), 1, 15000);

    JournalEntry entry;
    waitForTheSentLead(&entry);
    if (QTest::currentTestFailed())
        return;
    const QString ourId = entry.orderId;
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]{6,16}$")).match(ourId).hasMatch(), qPrintable(ourId));
    QCOMPARE(submitted.first().first().toString(), ourId);

    const SandboxRequest request = m_app->addRequests().first();
    const QByteArray expectedBody =
        "id=" + ourId.toLatin1() +
        "&wm=42&offer=217&ip=12.34.56.78&name=Jane+Doe&phone=79001234567&email=jane%40example.com"
        "&ua=Mozilla%2F5.0+%28X11%3B+Linux+x86_64%29&country=kz&us=google&uc=spring&un=banner1&ut=shoes"
        "&um=cpc&currency=KZT&base=1990.5&count=2&discount=10&more=300&index=050000"
        "&addr=Abay+10%2C+flat+5&area=Almaty+Region&city=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B"
        "&street=Abay+Avenue&comm=Call+after+18%3A00"
        "&items%5B0%5D%5Bid%5D=135&items%5B0%5D%5Bprice%5D=9900&items%5B0%5D%5Bcount%5D=1"
        "&items%5B1%5D%5Bid%5D=136&items%5B1%5D%5Bprice%5D=450.5&items%5B1%5D%5Bcount%5D=2"
        "&params%5Bsirname%5D=Doe&params%5Bphonecc%5D=%2B7";
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.body, expectedBody);
    QVERIFY(request.contentType.startsWith("application/x-www-form-urlencoded"));
    // The key travels in the query and nowhere else (the sandbox logs it as ***); the body is exactly the
    // lead, so it holds no key either.
    QCOMPARE(request.query, QByteArray("id=demo-***"));
    // What the journal kept as "the exact body of the last attempt" is what went on the wire.
    QCOMPARE(entry.requestBody, expectedBody);

    // The answer: sent, with the network's id, named in the banner beside ours.
    QCOMPARE(entry.sendState, SendState::Sent);
    QVERIFY(!entry.networkOrderId.isEmpty());
    QVERIFY(entry.networkOrderId != ourId);
    QCOMPARE(m_app->sandbox()->timesStored(ourId), 1);
    QTRY_COMPARE(m_app->bannerKind(), QStringLiteral("success"));
    const QString banner = m_app->banner();
    QVERIFY2(banner.contains(ourId) && banner.contains(entry.networkOrderId), qPrintable(banner));

    // Ready for the next call: the sticky fields are kept, the customer and the order are cleared.
    const Lead next = m_app->form()->lead();
    QCOMPARE(next.offer, QStringLiteral("217"));
    QCOMPARE(next.wm, QStringLiteral("42"));
    QCOMPARE(next.country, QStringLiteral("kz"));
    QCOMPARE(next.currency, QStringLiteral("KZT"));
    QCOMPARE(next.ip, QStringLiteral("12.34.56.78"));
    QCOMPARE(next.ua, QStringLiteral("Mozilla/5.0 (X11; Linux x86_64)"));
    QCOMPARE(next.us, QStringLiteral("google"));
    QCOMPARE(next.um, QStringLiteral("cpc"));
    QCOMPARE(next.uc, QStringLiteral("spring"));
    QCOMPARE(next.un, QStringLiteral("banner1"));
    QCOMPARE(next.ut, QStringLiteral("shoes"));
    for (const char *cleared :
         {"nameEdit", "phoneEdit", "emailEdit", "zipEdit", "addressEdit", "regionEdit", "cityEdit",
          "streetEdit", "unitPriceEdit", "quantityEdit", "discountEdit", "extraCostEdit"}) {
        auto *edit = m_app->child<QLineEdit>(QLatin1String(cleared));
        QVERIFY(edit);
        QVERIFY2(edit->text().isEmpty(), cleared);
    }
    QCOMPARE(next.comm, QString());
    QVERIFY(next.items.isEmpty());
    QVERIFY(next.params.isEmpty());
    QCOMPARE(m_app->child<QTableView>(QStringLiteral("itemsTable"))->model()->rowCount(), 0);
    QCOMPARE(m_app->child<QTableView>(QStringLiteral("paramsTable"))->model()->rowCount(), 0);
}

void TestE2eSendLead::jsonProfile_sendsTheJsonBody()
{
    ProfileStore *profiles = m_app->session()->profiles();
    std::optional<Profile> sandboxProfile = profiles->profile(ProfileStore::sandboxProfileId());
    QVERIFY(sandboxProfile);
    sandboxProfile->encoding = BodyEncoding::Json;
    QVERIFY2(profiles->update(*sandboxProfile), qPrintable(profiles->lastError()));
    // The running session follows the edited profile, as it does after the settings dialog.
    QTRY_COMPARE(m_app->session()->activeProfile().encoding, BodyEncoding::Json);

    typeFullLead();
    if (QTest::currentTestFailed())
        return;
    m_app->pressCtrlEnter();
    JournalEntry entry;
    waitForTheSentLead(&entry);
    if (QTest::currentTestFailed())
        return;
    const QString ourId = entry.orderId;
    QVERIFY(!ourId.isEmpty());

    // Our ids stay below 2^53, so they go out as JSON numbers; the phone and the ZIP code stay strings.
    const QByteArray expectedBody =
        "{\"id\":" + ourId.toLatin1() +
        ",\"wm\":42,\"offer\":217,\"ip\":\"12.34.56.78\",\"name\":\"Jane Doe\",\"phone\":\"79001234567\","
        "\"email\":\"jane@example.com\",\"ua\":\"Mozilla/5.0 (X11; Linux x86_64)\",\"country\":\"kz\","
        "\"us\":\"google\",\"uc\":\"spring\",\"un\":\"banner1\",\"ut\":\"shoes\",\"um\":\"cpc\","
        "\"currency\":\"KZT\",\"base\":1990.5,\"count\":2,\"discount\":10,\"more\":300,\"index\":\"050000\","
        "\"addr\":\"Abay 10, flat 5\",\"area\":\"Almaty Region\",\"city\":\"" +
        QStringLiteral("Алматы").toUtf8() +
        "\",\"street\":\"Abay Avenue\",\"comm\":\"Call after 18:00\","
        "\"items\":[{\"id\":135,\"price\":9900,\"count\":1},{\"id\":136,\"price\":450.5,\"count\":2}],"
        "\"params\":{\"sirname\":\"Doe\",\"phonecc\":\"+7\"}}";
    const SandboxRequest request = m_app->addRequests().first();
    QCOMPARE(request.body, expectedBody);
    QVERIFY(request.contentType.startsWith("application/json"));
    QCOMPARE(request.query, QByteArray("id=demo-***"));
    QCOMPARE(entry.sendState, SendState::Sent);
    QVERIFY(m_app->banner().contains(entry.networkOrderId));
}

QTEST_MAIN(TestE2eSendLead)
#include "tst_e2e_sendlead.moc"

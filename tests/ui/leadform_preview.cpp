// Not a test: shows the lead form on a scripted gateway, to look at it (e.g. in a screenshot taken
// under Xvfb). Arguments: --filled loads a complete lead; --duplicate then also asks to send it
// a second time, which shows the double-order warning; --sent sends it and shows the answer.
#include "LeadForm.h"
#include "ScriptedLeadGateway.h"
#include "TestEnvironment.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestEnvironment environment;
    const QStringList args = QApplication::arguments();

    ScriptedLeadGateway gateway;
    LeadFormDefaults defaults;
    defaults.wm = QStringLiteral("42");
    defaults.country = QStringLiteral("RU");
    defaults.currency = QStringLiteral("RUB");
    defaults.stickyFields = LeadFormDefaults::standardStickyFields();
    defaults.recentOffers = {QStringLiteral("217"), QStringLiteral("301")};
    LeadForm form(&gateway, defaults);

    if (args.contains(QStringLiteral("--filled"))) {
        Lead lead;
        lead.offer = QStringLiteral("217");
        lead.wm = QStringLiteral("42");
        lead.name = QStringLiteral("Jane Doe");
        lead.phone = QStringLiteral("+7 (900) 123-45-67");
        lead.email = QStringLiteral("jane@example.com");
        lead.country = QStringLiteral("ru");
        lead.city = QStringLiteral("Moscow");
        lead.currency = QStringLiteral("RUB");
        lead.discount = QStringLiteral("10");
        lead.more = QStringLiteral("300");
        lead.items = {LeadItem{QStringLiteral("135"), 9900, 1}, LeadItem{QStringLiteral("136"), 450.5, 2}};
        lead.params = {{QStringLiteral("sirname"), QStringLiteral("Doe")}};
        lead.ip = QStringLiteral("12.34.56.78");
        lead.comm = QStringLiteral("Call after 18:00");
        form.loadLead(lead);
        if (args.contains(QStringLiteral("--duplicate"))) {
            LeadSummary earlier;
            earlier.ourOrderId = QStringLiteral("2024061100017");
            earlier.networkOrderId = QStringLiteral("88123");
            earlier.createdAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
            earlier.sendState = QStringLiteral("sent");
            earlier.stage = QStringLiteral("hold");
            earlier.status = 4;
            earlier.name = QStringLiteral("Jane Doe");
            gateway.addEarlierLead(QStringLiteral("79001234567"), QStringLiteral("217"), earlier);
            form.submit();
        }
        if (args.contains(QStringLiteral("--sent")))
            form.submit();
    }
    form.resize(1024, 768);
    form.show();
    return app.exec();
}

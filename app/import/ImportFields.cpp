#include "ImportFields.h"

#include <QRegularExpression>

const QString ImportFields::Params = QStringLiteral("params");

namespace {

QStringList words(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *word : list)
        out.append(QString::fromUtf8(word));
    return out;
}

// Lower case, letters and digits only: "Phone number" and "phone_number" read the same.
QString simplified(const QString &header)
{
    QString out;
    for (const QChar c : header.toLower()) {
        if (c.isLetterOrNumber())
            out += c;
    }
    return out;
}

} // namespace

const QList<ImportField> &ImportFields::all()
{
    static const QList<ImportField> fields{
        {QStringLiteral("id"), LeadField::OrderId, &Lead::orderId, QT_TR_NOOP("Order id"),
         words({"id", "orderid", "order", "номер", "номерзаказа", "заказ", "idзаказа"})},
        {QStringLiteral("offer"), LeadField::Offer, &Lead::offer, QT_TR_NOOP("Offer"),
         words({"offer", "offerid", "оффер", "офер", "товар", "продукт"})},
        {QStringLiteral("wm"), LeadField::Wm, &Lead::wm, QT_TR_NOOP("Source (wm)"),
         words({"wm", "webmaster", "source", "вебмастер", "источник"})},
        {QStringLiteral("name"), LeadField::Name, &Lead::name, QT_TR_NOOP("Name"),
         words(
             {"name", "fullname", "customer", "client", "фио", "имя", "клиент", "покупатель", "фамилияимя"})},
        {QStringLiteral("phone"), LeadField::Phone, &Lead::phone, QT_TR_NOOP("Phone"),
         words({"phone", "phonenumber", "tel", "telephone", "mobile", "телефон", "тел", "номертелефона",
                "мобильный"})},
        {QStringLiteral("email"), LeadField::Email, &Lead::email, QT_TR_NOOP("Email"),
         words({"email", "mail", "почта", "эпочта", "электроннаяпочта"})},
        {QStringLiteral("country"), LeadField::Country, &Lead::country, QT_TR_NOOP("Country"),
         words({"country", "countrycode", "geo", "страна", "гео"})},
        {QStringLiteral("ip"), LeadField::Ip, &Lead::ip, QT_TR_NOOP("IP address"),
         words({"ip", "ipaddress", "ipадрес"})},
        {QStringLiteral("ua"), LeadField::Ua, &Lead::ua, QT_TR_NOOP("User agent"),
         words({"ua", "useragent", "браузер"})},
        {QStringLiteral("us"), LeadField::Us, &Lead::us, QT_TR_NOOP("utm_source"),
         words({"us", "utmsource"})},
        {QStringLiteral("uc"), LeadField::Uc, &Lead::uc, QT_TR_NOOP("utm_campaign"),
         words({"uc", "utmcampaign"})},
        {QStringLiteral("un"), LeadField::Un, &Lead::un, QT_TR_NOOP("utm_content"),
         words({"un", "utmcontent"})},
        {QStringLiteral("ut"), LeadField::Ut, &Lead::ut, QT_TR_NOOP("utm_term"), words({"ut", "utmterm"})},
        {QStringLiteral("um"), LeadField::Um, &Lead::um, QT_TR_NOOP("utm_medium"),
         words({"um", "utmmedium"})},
        {QStringLiteral("currency"), LeadField::Currency, &Lead::currency, QT_TR_NOOP("Currency"),
         words({"currency", "валюта"})},
        {QStringLiteral("base"), LeadField::Base, &Lead::base, QT_TR_NOOP("Price"),
         words({"base", "price", "цена", "стоимость"})},
        {QStringLiteral("count"), LeadField::Count, &Lead::count, QT_TR_NOOP("Quantity"),
         words({"count", "quantity", "qty", "количество", "колво", "кол"})},
        {QStringLiteral("discount"), LeadField::Discount, &Lead::discount, QT_TR_NOOP("Discount, %"),
         words({"discount", "скидка"})},
        {QStringLiteral("more"), LeadField::More, &Lead::more, QT_TR_NOOP("Extra cost"),
         words({"more", "extra", "delivery", "доплата", "доставка"})},
        {QStringLiteral("index"), LeadField::Index, &Lead::index, QT_TR_NOOP("ZIP code"),
         words({"index", "zip", "zipcode", "postcode", "postalcode", "индекс", "почтовыйиндекс"})},
        {QStringLiteral("addr"), LeadField::Addr, &Lead::addr, QT_TR_NOOP("Address"),
         words({"addr", "address", "адрес"})},
        {QStringLiteral("area"), LeadField::Area, &Lead::area, QT_TR_NOOP("Region"),
         words({"area", "region", "state", "регион", "область", "край"})},
        {QStringLiteral("city"), LeadField::City, &Lead::city, QT_TR_NOOP("City"),
         words({"city", "town", "город", "населенныйпункт", "населённыйпункт"})},
        {QStringLiteral("street"), LeadField::Street, &Lead::street, QT_TR_NOOP("Street"),
         words({"street", "улица"})},
        {QStringLiteral("comm"), LeadField::Comm, &Lead::comm, QT_TR_NOOP("Comment"),
         words({"comm", "comment", "comments", "note", "notes", "комментарий", "коммент", "примечание"})},
        {QStringLiteral("item"), LeadField::Item, &Lead::item, QT_TR_NOOP("Goods ids (item)"),
         words({"item", "goods", "товары"})},
        {QStringLiteral("items"), LeadField::Items, nullptr, QT_TR_NOOP("Goods with prices (items)"),
         words({"items", "позиции", "составзаказа"})},
        {Params, LeadField::Params, nullptr, QT_TR_NOOP("Custom field (params)"), QStringList()},
    };
    return fields;
}

const ImportField *ImportFields::find(const QString &apiName)
{
    for (const ImportField &field : all()) {
        if (field.apiName == apiName)
            return &field;
    }
    return nullptr;
}

const ImportField *ImportFields::find(LeadField leadField)
{
    for (const ImportField &field : all()) {
        if (field.field == leadField)
            return &field;
    }
    return nullptr;
}

QString ImportFields::label(const QString &apiName)
{
    const ImportField *field = find(apiName);
    if (!field)
        return apiName;
    return tr("%1 (%2)").arg(tr(field->label), apiName);
}

QString ImportFields::guess(const QString &header)
{
    const QString key = simplified(header);
    if (key.isEmpty())
        return QString();
    for (const ImportField &field : all()) {
        if (field.headerWords.contains(key))
            return field.apiName;
    }
    // "Телефон клиента", "Customer phone": the longest known word inside wins ("номер телефона" is a
    // phone, not an order number).
    QString best;
    qsizetype bestLength = 0;
    for (const ImportField &field : all()) {
        for (const QString &word : field.headerWords) {
            if (word.size() >= 4 && word.size() > bestLength && key.contains(word)) {
                best = field.apiName;
                bestLength = word.size();
            }
        }
    }
    return best;
}

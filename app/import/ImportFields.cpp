#include "ImportFields.h"

#include "leads/LeadFields.h"

#include <QRegularExpression>

const QString ImportFields::Params = QStringLiteral("params"); // LeadFields' name of the custom fields

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
    // What only the import knows about a field: its name in the mapping's list and the headers that mean
    // it. The API name and the member come from LeadFields, the one table of a lead's fields.
    struct ImportOnly
    {
        LeadField field;
        const char *label;
        QStringList headerWords;
    };
    static const QList<ImportOnly> rows{
        {LeadField::OrderId, QT_TR_NOOP("Order id"),
         words({"id", "orderid", "order", "номер", "номерзаказа", "заказ", "idзаказа"})},
        {LeadField::Offer, QT_TR_NOOP("Offer"),
         words({"offer", "offerid", "оффер", "офер", "товар", "продукт"})},
        {LeadField::Wm, QT_TR_NOOP("Webmaster / source"),
         words({"wm", "webmaster", "source", "вебмастер", "источник"})},
        {LeadField::Name, QT_TR_NOOP("Name"),
         words(
             {"name", "fullname", "customer", "client", "фио", "имя", "клиент", "покупатель", "фамилияимя"})},
        {LeadField::Phone, QT_TR_NOOP("Phone"),
         words({"phone", "phonenumber", "tel", "telephone", "mobile", "телефон", "тел", "номертелефона",
                "мобильный"})},
        {LeadField::Email, QT_TR_NOOP("Email"),
         words({"email", "mail", "почта", "эпочта", "электроннаяпочта"})},
        {LeadField::Country, QT_TR_NOOP("Country"),
         words({"country", "countrycode", "geo", "страна", "гео"})},
        {LeadField::Ip, QT_TR_NOOP("IP address"), words({"ip", "ipaddress", "ipадрес"})},
        {LeadField::Ua, QT_TR_NOOP("User agent"), words({"ua", "useragent", "браузер"})},
        {LeadField::Us, QT_TR_NOOP("utm_source"), words({"us", "utmsource"})},
        {LeadField::Uc, QT_TR_NOOP("utm_campaign"), words({"uc", "utmcampaign"})},
        {LeadField::Un, QT_TR_NOOP("utm_content"), words({"un", "utmcontent"})},
        {LeadField::Ut, QT_TR_NOOP("utm_term"), words({"ut", "utmterm"})},
        {LeadField::Um, QT_TR_NOOP("utm_medium"), words({"um", "utmmedium"})},
        {LeadField::Currency, QT_TR_NOOP("Currency"), words({"currency", "валюта"})},
        {LeadField::Base, QT_TR_NOOP("Price"), words({"base", "price", "цена", "стоимость"})},
        {LeadField::Count, QT_TR_NOOP("Quantity"),
         words({"count", "quantity", "qty", "количество", "колво", "кол"})},
        {LeadField::Discount, QT_TR_NOOP("Discount, %"), words({"discount", "скидка"})},
        {LeadField::More, QT_TR_NOOP("Extra cost"),
         words({"more", "extra", "delivery", "доплата", "доставка"})},
        {LeadField::Index, QT_TR_NOOP("ZIP code"),
         words({"index", "zip", "zipcode", "postcode", "postalcode", "индекс", "почтовыйиндекс"})},
        {LeadField::Addr, QT_TR_NOOP("Address"), words({"addr", "address", "адрес"})},
        {LeadField::Area, QT_TR_NOOP("Region"),
         words({"area", "region", "state", "регион", "область", "край"})},
        {LeadField::City, QT_TR_NOOP("City"),
         words({"city", "town", "город", "населенныйпункт", "населённыйпункт"})},
        {LeadField::Street, QT_TR_NOOP("Street"), words({"street", "улица"})},
        {LeadField::Comm, QT_TR_NOOP("Comment"),
         words({"comm", "comment", "comments", "note", "notes", "комментарий", "коммент", "примечание"})},
        {LeadField::Item, QT_TR_NOOP("Goods ids (item)"), words({"item", "goods", "товары"})},
        {LeadField::Items, QT_TR_NOOP("Goods with prices (items)"),
         words({"items", "позиции", "составзаказа"})},
        {LeadField::Params, QT_TR_NOOP("Custom field (params)"), QStringList()},
    };
    static const QList<ImportField> fields = [] {
        QList<ImportField> out;
        for (const ImportOnly &row : rows) {
            const LeadFieldDescriptor *descriptor = LeadFields::find(row.field);
            Q_ASSERT(descriptor);
            out.append({QString::fromLatin1(descriptor->apiName), row.field, descriptor->member, row.label,
                        row.headerWords});
        }
        return out;
    }();
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

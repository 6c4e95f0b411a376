#include "LeadFields.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

using K = LeadFieldKind;
using S = LeadFormSection;

} // namespace

const QList<LeadFieldDescriptor> &LeadFields::all()
{
    // Labels and hints are marked in the context of the widget that shows them, so that its tr() finds
    // them (lupdate reads QT_TRANSLATE_NOOP only when it is spelt out, hence no shorter macro).
    // clang-format off
    static const QList<LeadFieldDescriptor> fields{
        // field                api name    member          kind        JSON number  required
        //      form section and position, label, object names, placeholder
        //      sticky position, sticky by default, the settings dialog's label
        {LeadField::OrderId,  "id",       &Lead::orderId,  K::OrderId,  true, true,
             S::Order,    10, QT_TRANSLATE_NOOP("LeadForm", "Order id"), "orderId", nullptr,
             0, false, nullptr},
        {LeadField::Wm,       "wm",       &Lead::wm,       K::Text,     true, false,
             S::Order,    30, QT_TRANSLATE_NOOP("LeadForm", "&Webmaster / source"), "wm", nullptr,
             2, true, QT_TRANSLATE_NOOP("SettingsDialog", "&Webmaster (wm)")},
        {LeadField::Offer,    "offer",    &Lead::offer,    K::Offer,    true, true,
             S::Order,    20, QT_TRANSLATE_NOOP("LeadForm", "&Offer"), "offer",
             QT_TRANSLATE_NOOP("LeadForm", "Offer id, e.g. 217"),
             1, true, QT_TRANSLATE_NOOP("SettingsDialog", "O&ffer")},
        {LeadField::Ip,       "ip",       &Lead::ip,       K::Text,     false, true,
             S::Tracking, 610, QT_TRANSLATE_NOOP("LeadForm", "&IP address"), "ip",
             QT_TRANSLATE_NOOP("LeadForm", "The customer's IPv4 or IPv6 address"),
             5, true, QT_TRANSLATE_NOOP("SettingsDialog", "&IP address")},
        {LeadField::Name,     "name",     &Lead::name,     K::Text,     false, false,
             S::Customer, 110, QT_TRANSLATE_NOOP("LeadForm", "Na&me"), "name", nullptr,
             0, false, nullptr},
        {LeadField::Phone,    "phone",    &Lead::phone,    K::Phone,    false, true,
             S::Customer, 120, QT_TRANSLATE_NOOP("LeadForm", "&Phone"), "phone",
             QT_TRANSLATE_NOOP("LeadForm", "With the country code, e.g. +7 900 123-45-67"),
             0, false, nullptr},
        {LeadField::Email,    "email",    &Lead::email,    K::Email,    false, false,
             S::Customer, 130, QT_TRANSLATE_NOOP("LeadForm", "&E-mail"), "email", nullptr,
             0, false, nullptr},
        {LeadField::Ua,       "ua",       &Lead::ua,       K::Text,     false, false,
             S::Tracking, 620, QT_TRANSLATE_NOOP("LeadForm", "&Browser (User-Agent)"), "userAgent", nullptr,
             6, true, QT_TRANSLATE_NOOP("SettingsDialog", "User-A&gent")},
        {LeadField::Country,  "country",  &Lead::country,  K::Country,  false, false,
             S::Customer, 140, QT_TRANSLATE_NOOP("LeadForm", "Countr&y"), "country",
             QT_TRANSLATE_NOOP("LeadForm", "Type a name or a two-letter code"),
             3, true, QT_TRANSLATE_NOOP("SettingsDialog", "C&ountry")},
        {LeadField::Us,       "us",       &Lead::us,       K::Text,     false, false,
             S::Tracking, 630, QT_TRANSLATE_NOOP("LeadForm", "UTM so&urce"), "utmSource", nullptr,
             7, true, QT_TRANSLATE_NOOP("SettingsDialog", "UTM &source (us)")},
        {LeadField::Uc,       "uc",       &Lead::uc,       K::Text,     false, false,
             S::Tracking, 650, QT_TRANSLATE_NOOP("LeadForm", "UTM campai&gn"), "utmCampaign", nullptr,
             8, true, QT_TRANSLATE_NOOP("SettingsDialog", "UTM ca&mpaign (uc)")},
        {LeadField::Un,       "un",       &Lead::un,       K::Text,     false, false,
             S::Tracking, 660, QT_TRANSLATE_NOOP("LeadForm", "UTM conte&nt"), "utmContent", nullptr,
             9, true, QT_TRANSLATE_NOOP("SettingsDialog", "UTM con&tent (un)")},
        {LeadField::Ut,       "ut",       &Lead::ut,       K::Text,     false, false,
             S::Tracking, 670, QT_TRANSLATE_NOOP("LeadForm", "UTM te&rm"), "utmTerm", nullptr,
             10, true, QT_TRANSLATE_NOOP("SettingsDialog", "UTM t&erm (ut)")},
        {LeadField::Um,       "um",       &Lead::um,       K::Text,     false, false,
             S::Tracking, 640, QT_TRANSLATE_NOOP("LeadForm", "UTM me&dium"), "utmMedium", nullptr,
             11, true, QT_TRANSLATE_NOOP("SettingsDialog", "UTM me&dium (um)")},
        {LeadField::Currency, "currency", &Lead::currency, K::Currency, false, false,
             S::Price,    310, QT_TRANSLATE_NOOP("LeadForm", "&Currency"), "currency",
             QT_TRANSLATE_NOOP("LeadForm", "e.g. USD, EUR, RUB"),
             4, true, QT_TRANSLATE_NOOP("SettingsDialog", "C&urrency")},
        // %1 in a placeholder is an example number in the interface's form.
        {LeadField::Base,     "base",     &Lead::base,     K::Amount,   true, false,
             S::Price,    320, QT_TRANSLATE_NOOP("LeadForm", "&Unit price"), "unitPrice",
             QT_TRANSLATE_NOOP("LeadForm", "e.g. %1"),
             0, false, nullptr},
        {LeadField::Count,    "count",    &Lead::count,    K::Quantity, true, false,
             S::Price,    330, QT_TRANSLATE_NOOP("LeadForm", "&Quantity"), "quantity",
             QT_TRANSLATE_NOOP("LeadForm", "1 when empty"),
             0, false, nullptr},
        {LeadField::Discount, "discount", &Lead::discount, K::Amount,   true, false,
             S::Price,    340, QT_TRANSLATE_NOOP("LeadForm", "Discou&nt, %"), "discount",
             QT_TRANSLATE_NOOP("LeadForm", "0 to 100"),
             0, false, nullptr},
        {LeadField::More,     "more",     &Lead::more,     K::Amount,   true, false,
             S::Price,    350, QT_TRANSLATE_NOOP("LeadForm", "E&xtra cost"), "extraCost",
             QT_TRANSLATE_NOOP("LeadForm", "e.g. express delivery"),
             0, false, nullptr},
        {LeadField::Index,    "index",    &Lead::index,    K::Text,     false, false,
             S::Delivery, 210, QT_TRANSLATE_NOOP("LeadForm", "&ZIP code"), "zip", nullptr,
             0, false, nullptr},
        {LeadField::Addr,     "addr",     &Lead::addr,     K::Text,     false, false,
             S::Delivery, 220, QT_TRANSLATE_NOOP("LeadForm", "A&ddress"), "address",
             QT_TRANSLATE_NOOP("LeadForm", "Full address without the ZIP code, or house and flat"),
             0, false, nullptr},
        {LeadField::Area,     "area",     &Lead::area,     K::Text,     false, false,
             S::Delivery, 230, QT_TRANSLATE_NOOP("LeadForm", "&Region"), "region", nullptr,
             0, false, nullptr},
        {LeadField::City,     "city",     &Lead::city,     K::Text,     false, false,
             S::Delivery, 240, QT_TRANSLATE_NOOP("LeadForm", "C&ity"), "city", nullptr,
             0, false, nullptr},
        {LeadField::Street,   "street",   &Lead::street,   K::Text,     false, false,
             S::Delivery, 250, QT_TRANSLATE_NOOP("LeadForm", "&Street"), "street", nullptr,
             0, false, nullptr},
        {LeadField::Comm,     "comm",     &Lead::comm,     K::Comment,  false, false,
             S::Comment,  710, QT_TRANSLATE_NOOP("LeadForm", "Comm&ent"), "comment", nullptr,
             12, false, QT_TRANSLATE_NOOP("SettingsDialog", "&Comment (comm)")},
        {LeadField::Item,     "item",     &Lead::item,     K::ItemList, false, false,
             S::Goods,    420, QT_TRANSLATE_NOOP("LeadForm", "Goods as a l&ist of ids"), "itemList",
             QT_TRANSLATE_NOOP("LeadForm", "e.g. 135,136 (the simple alternative to the table)"),
             0, false, nullptr},
        {LeadField::Items,    "items",    nullptr,         K::Items,    false, false,
             S::Goods,    410, QT_TRANSLATE_NOOP("LeadForm", "&Goods table"), "items", nullptr,
             0, false, nullptr},
        {LeadField::Params,   "params",   nullptr,         K::Params,   false, false,
             S::CustomFields, 510, QT_TRANSLATE_NOOP("LeadForm", "&Names and values"), "params", nullptr,
             0, false, nullptr},
    };
    // clang-format on
    return fields;
}

const LeadFieldDescriptor *LeadFields::find(LeadField field)
{
    for (const LeadFieldDescriptor &descriptor : all()) {
        if (descriptor.field == field)
            return &descriptor;
    }
    return nullptr;
}

const LeadFieldDescriptor *LeadFields::find(const QString &apiName)
{
    for (const LeadFieldDescriptor &descriptor : all()) {
        if (apiName == QLatin1String(descriptor.apiName))
            return &descriptor;
    }
    return nullptr;
}

QList<LeadFieldDescriptor> LeadFields::inFormOrder()
{
    QList<LeadFieldDescriptor> fields = all();
    std::stable_sort(fields.begin(), fields.end(),
                     [](const auto &a, const auto &b) { return a.formPosition < b.formPosition; });
    return fields;
}

QStringList LeadFields::apiNames()
{
    QStringList names;
    for (const LeadFieldDescriptor &descriptor : all())
        names.append(QLatin1String(descriptor.apiName));
    return names;
}

QList<LeadFieldDescriptor> LeadFields::stickyCandidates()
{
    QList<LeadFieldDescriptor> fields;
    for (const LeadFieldDescriptor &descriptor : all()) {
        if (descriptor.stickyPosition > 0)
            fields.append(descriptor);
    }
    std::stable_sort(fields.begin(), fields.end(),
                     [](const auto &a, const auto &b) { return a.stickyPosition < b.stickyPosition; });
    return fields;
}

QStringList LeadFields::stickyCandidateNames()
{
    QStringList names;
    for (const LeadFieldDescriptor &descriptor : stickyCandidates())
        names.append(QLatin1String(descriptor.apiName));
    return names;
}

QStringList LeadFields::standardStickyNames()
{
    QStringList names;
    for (const LeadFieldDescriptor &descriptor : stickyCandidates()) {
        if (descriptor.stickyByDefault)
            names.append(QLatin1String(descriptor.apiName));
    }
    return names;
}

#include "LeadValidator.h"

#include "CountryCatalog.h"
#include "CurrencyCatalog.h"
#include "LeadNumber.h"
#include "PhoneNormalizer.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace {

bool containsSpace(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

bool isDigits(const QString &text)
{
    return !text.isEmpty() &&
           std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// QHostAddress also takes shorthand such as "10.1" or "1" (inet_aton style) and IPv6 scope ids; an
// operator who types those has made a typo, and the network would not know what to make of them.
bool isDottedQuad(const QString &ip)
{
    static const QRegularExpression quad(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}$"));
    return quad.match(ip).hasMatch();
}

} // namespace

QString LeadValidator::checkOrderId(const QString &orderId, OrderIdRule rule)
{
    if (orderId.isEmpty())
        return rule == OrderIdRule::AssignedOnSubmit ? QString() : tr("An order id is required.");
    if (orderId == QLatin1String("auto") || isDigits(orderId))
        return QString();
    return tr("An order id is digits only, or \"auto\".");
}

QString LeadValidator::checkOffer(const QString &offer)
{
    if (offer.trimmed().isEmpty())
        return tr("Choose the offer.");
    if (containsSpace(offer))
        return tr("An offer id contains no spaces.");
    return QString();
}

QString LeadValidator::checkWm(const QString &wm)
{
    return containsSpace(wm) ? tr("A webmaster or source id contains no spaces.") : QString();
}

QString LeadValidator::checkPhone(const QString &phone)
{
    return PhoneNormalizer::describe(PhoneNormalizer::normalize(phone).problem);
}

QString LeadValidator::checkEmail(const QString &email)
{
    if (email.isEmpty())
        return QString();
    // Deliberately loose: one '@', something on both sides, a dot in the domain, no spaces. Stricter
    // patterns refuse real addresses, and the network does its own checking.
    static const QRegularExpression shape(QStringLiteral("^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$"));
    if (email.size() > 254 || !shape.match(email).hasMatch())
        return tr("Not an e-mail address (expected name@example.com).");
    return QString();
}

QString LeadValidator::checkCountry(const QString &code)
{
    if (code.isEmpty() || CountryCatalog::contains(code))
        return QString();
    return tr("Choose a country from the list.");
}

QString LeadValidator::checkIp(const QString &ip)
{
    if (ip.trimmed().isEmpty())
        return tr("The customer's IP address is required.");
    QHostAddress address;
    if (!address.setAddress(ip) || !address.scopeId().isEmpty())
        return tr("Not an IPv4 or IPv6 address.");
    if (address.protocol() == QAbstractSocket::IPv4Protocol && !isDottedQuad(ip))
        return tr("Write an IPv4 address as four numbers separated by dots.");
    return QString();
}

QString LeadValidator::checkCurrency(const QString &code)
{
    if (code.isEmpty() || CurrencyCatalog::contains(code))
        return QString();
    return tr("Choose a currency from the list.");
}

QString LeadValidator::checkAmount(const QString &amount)
{
    if (amount.isEmpty())
        return QString();
    const std::optional<double> value = LeadNumber::parse(amount);
    if (!value)
        return tr("Enter a number, such as 9900 or 9900.50.");
    if (*value < 0)
        return tr("An amount cannot be negative.");
    return QString();
}

QString LeadValidator::checkQuantity(const QString &count)
{
    if (count.isEmpty())
        return QString();
    bool ok = false;
    const qlonglong value = count.toLongLong(&ok);
    if (!ok)
        return tr("Enter a whole number.");
    if (value < 1)
        return tr("The quantity is at least 1.");
    return QString();
}

QString LeadValidator::checkDiscount(const QString &discount)
{
    if (discount.isEmpty())
        return QString();
    const std::optional<double> value = LeadNumber::parse(discount);
    if (!value)
        return tr("Enter a percentage, such as 10 or 12.5.");
    if (*value < 0 || *value > 100)
        return tr("A discount is between 0 and 100 %.");
    return QString();
}

QString LeadValidator::checkItemList(const QString &item)
{
    if (item.isEmpty())
        return QString();
    const QStringList ids = item.split(u',');
    for (const QString &id : ids) {
        if (id.trimmed().isEmpty())
            return tr("An id is missing between commas.");
        if (containsSpace(id.trimmed()))
            return tr("Separate the ids with commas, e.g. 135,136.");
    }
    return QString();
}

QString LeadValidator::checkItem(const LeadItem &item)
{
    if (item.id.trimmed().isEmpty())
        return tr("Enter the good's id.");
    if (containsSpace(item.id))
        return tr("A good's id contains no spaces.");
    if (!(item.price >= 0)) // also catches NaN
        return tr("A price cannot be negative.");
    if (item.count < 1)
        return tr("The quantity is at least 1.");
    return QString();
}

QList<LeadProblem> LeadValidator::checkParams(const QList<std::pair<QString, QString>> &params)
{
    QList<LeadProblem> problems;
    QSet<QString> seen;
    for (int row = 0; row < params.size(); ++row) {
        const QString key = params.at(row).first.trimmed();
        QString message;
        if (key.isEmpty())
            message = tr("Enter a name for the custom field.");
        else if (key.contains(u'[') || key.contains(u']'))
            message = tr("A custom field's name cannot contain [ or ].");
        else if (seen.contains(key))
            message = tr("The name \"%1\" is used twice.").arg(key);
        seen.insert(key);
        if (!message.isEmpty())
            problems.append({LeadField::Params, row, message});
    }
    return problems;
}

QList<LeadProblem> LeadValidator::validate(const Lead &lead, OrderIdRule rule)
{
    QList<LeadProblem> problems;
    auto add = [&problems](LeadField field, const QString &message) {
        if (!message.isEmpty())
            problems.append({field, -1, message});
    };
    add(LeadField::OrderId, checkOrderId(lead.orderId, rule));
    add(LeadField::Wm, checkWm(lead.wm));
    add(LeadField::Offer, checkOffer(lead.offer));
    add(LeadField::Phone, checkPhone(lead.phone));
    add(LeadField::Email, checkEmail(lead.email));
    add(LeadField::Country, checkCountry(lead.country));
    add(LeadField::Ip, checkIp(lead.ip));
    add(LeadField::Currency, checkCurrency(lead.currency));
    add(LeadField::Base, checkAmount(lead.base));
    add(LeadField::Count, checkQuantity(lead.count));
    add(LeadField::Discount, checkDiscount(lead.discount));
    add(LeadField::More, checkAmount(lead.more));
    add(LeadField::Item, checkItemList(lead.item));
    for (int row = 0; row < lead.items.size(); ++row) {
        const QString message = checkItem(lead.items.at(row));
        if (!message.isEmpty())
            problems.append({LeadField::Items, row, message});
    }
    problems.append(checkParams(lead.params));
    return problems;
}

#pragma once

#include "Lead.h"

#include <QCoreApplication>
#include <QHashFunctions>
#include <QList>
#include <QString>

// The fields of a Lead, by the name the API gives them: one row of LeadFields for each (tst_leadfields).
enum class LeadField
{
    OrderId,
    Wm,
    Offer,
    Name,
    Phone,
    Email,
    Country,
    Ip,
    Ua,
    Us,
    Uc,
    Un,
    Ut,
    Um,
    Currency,
    Base,
    Count,
    Discount,
    More,
    Index,
    Addr,
    Area,
    City,
    Street,
    Comm,
    Item,
    Items,
    Params,
};

// So that a field can key a QHash or QSet (Qt 6.4 hashes no enum class by itself).
inline size_t qHash(LeadField field, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(field), seed);
}

struct LeadProblem
{
    LeadField field;
    int row = -1;    // the row of `items` or `params` at fault; -1 for simple fields
    QString message; // translated

    bool operator==(const LeadProblem &o) const
    {
        return field == o.field && row == o.row && message == o.message;
    }
};

// Checks a Lead against what the API accepts, field by field, so that a form can show each reason next to
// its field while the operator types. Every check returns an empty string when the value is fine and a
// translated sentence when it is not. Empty optional fields are fine: an empty value is simply not sent.
class LeadValidator
{
    Q_DECLARE_TR_FUNCTIONS(LeadValidator)

public:
    enum class OrderIdRule
    {
        Required,         // the Lead must carry our id (digits) or "auto"
        AssignedOnSubmit, // an empty id is fine: the journal makes one when the lead is submitted
    };

    static QString checkOrderId(const QString &orderId, OrderIdRule rule);
    static QString checkOffer(const QString &offer);
    static QString checkWm(const QString &wm);
    static QString checkPhone(const QString &phone); // raw text as typed, or the normalised digits
    static QString checkEmail(const QString &email);
    static QString checkCountry(const QString &code);
    static QString checkIp(const QString &ip);
    static QString checkCurrency(const QString &code);
    static QString checkAmount(const QString &amount);     // base, more: a number >= 0 in the Lead's form
    static QString checkQuantity(const QString &count);    // a whole number >= 1
    static QString checkDiscount(const QString &discount); // a percentage 0..100
    static QString checkItemList(const QString &item);     // "135,136": ids separated by commas
    static QString checkItem(const LeadItem &item);
    // One problem per faulty row (empty key, a key used twice, a bracket that would break the encoding).
    static QList<LeadProblem> checkParams(const QList<std::pair<QString, QString>> &params);

    // Every problem of the lead, in the order of the fields above.
    static QList<LeadProblem> validate(const Lead &lead, OrderIdRule rule = OrderIdRule::Required);
};

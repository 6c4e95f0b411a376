#include "AnalyticsFigures.h"

#include <QLocale>

QString AnalyticsBreakdowns::displayName(AnalyticsBreakdown breakdown)
{
    switch (breakdown) {
    case AnalyticsBreakdown::Offer:
        return AnalyticsFigures::tr("Offer");
    case AnalyticsBreakdown::Webmaster:
        return AnalyticsFigures::tr("Webmaster");
    case AnalyticsBreakdown::Country:
        return AnalyticsFigures::tr("Country");
    case AnalyticsBreakdown::Operator:
        return AnalyticsFigures::tr("Operator");
    case AnalyticsBreakdown::Day:
        return AnalyticsFigures::tr("Day");
    case AnalyticsBreakdown::Week:
        return AnalyticsFigures::tr("Week");
    case AnalyticsBreakdown::Month:
        return AnalyticsFigures::tr("Month");
    }
    return QString();
}

bool AnalyticsBreakdowns::isPeriod(AnalyticsBreakdown breakdown)
{
    return breakdown == AnalyticsBreakdown::Day || breakdown == AnalyticsBreakdown::Week ||
           breakdown == AnalyticsBreakdown::Month;
}

QString AnalyticsGroup::label(AnalyticsBreakdown breakdown) const
{
    if (isRest)
        return AnalyticsFigures::tr("Other");
    switch (breakdown) {
    case AnalyticsBreakdown::Offer:
        return key.isEmpty() ? AnalyticsFigures::tr("No offer") : key;
    case AnalyticsBreakdown::Webmaster:
        return key.isEmpty() ? AnalyticsFigures::tr("No webmaster") : key;
    case AnalyticsBreakdown::Country:
        return key.isEmpty() ? AnalyticsFigures::tr("No country") : key;
    case AnalyticsBreakdown::Operator:
        return key.isEmpty() ? AnalyticsFigures::tr("No operator") : key;
    case AnalyticsBreakdown::Day:
        return QLocale().toString(periodStart, QLocale::ShortFormat);
    case AnalyticsBreakdown::Week:
        return AnalyticsFigures::tr("Week of %1").arg(QLocale().toString(periodStart, QLocale::ShortFormat));
    case AnalyticsBreakdown::Month:
        return QLocale().toString(periodStart, QStringLiteral("LLLL yyyy"));
    }
    return key;
}

std::optional<double> CohortRow::share(std::size_t column) const
{
    if (column >= days.size() || !judged.at(column) || leads <= 0)
        return std::nullopt;
    return double(approvedWithin.at(column)) / double(leads);
}

QVector<AnalyticsGroup> AnalyticsFigures::topGroups(int count) const
{
    if (AnalyticsBreakdowns::isPeriod(query.breakdown) || count <= 0 || groups.size() <= count)
        return groups;
    QVector<AnalyticsGroup> top = groups.mid(0, count - 1);
    AnalyticsGroup rest;
    rest.isRest = true;
    LeadFilter restKeys;
    QSet<QString> keys;
    for (int index = count - 1; index < groups.size(); ++index) {
        rest.stats.merge(groups.at(index).stats);
        keys.insert(groups.at(index).key);
    }
    switch (query.breakdown) {
    case AnalyticsBreakdown::Offer:
        restKeys.offers = keys;
        break;
    case AnalyticsBreakdown::Webmaster:
        restKeys.wms = keys;
        break;
    case AnalyticsBreakdown::Operator:
        restKeys.operators = keys;
        break;
    default:
        restKeys.countries = keys;
        break;
    }
    rest.filter = query.filter.narrowedBy(restKeys);
    top.append(rest);
    return top;
}

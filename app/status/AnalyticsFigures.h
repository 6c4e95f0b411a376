#pragma once

#include "LeadFilter.h"
#include "LeadStats.h"

#include <QCoreApplication>
#include <QDate>
#include <QMetaType>
#include <QString>
#include <QVector>

#include <array>
#include <optional>

// What the Analytics screen asks for and what it gets back: the figures of LeadStats (the one place
// that defines every rate) per offer, webmaster, country or period of creation, the funnel and the
// approval cohorts. Plain values, made on a worker thread and handed to the GUI thread.

enum class AnalyticsBreakdown
{
    Offer,
    Webmaster,
    Country,
    Operator, // the team's leads only: the workstation's journal does not know who took a lead
    Day,
    Week,
    Month
};

namespace AnalyticsBreakdowns {
QString displayName(AnalyticsBreakdown breakdown); // "Offer", "Week", translated
bool isPeriod(AnalyticsBreakdown breakdown);       // day, week or month of creation
} // namespace AnalyticsBreakdowns

struct AnalyticsQuery
{
    LeadFilter filter;
    AnalyticsBreakdown breakdown = AnalyticsBreakdown::Offer;
    // The day the cohorts are judged on: a share "after 7 days" exists only for days a week old.
    // Invalid means today.
    QDate today;
};

struct AnalyticsGroup
{
    // The offer, webmaster, country or operator as stored (empty: leads without one), or the first day of the
    // period (ISO 8601) for period breakdowns. Empty with `isRest` for the groups folded together.
    QString key;
    bool isRest = false;
    QDate periodStart; // period breakdowns only
    LeadStats stats;
    // Exactly the leads counted here: the query's filter narrowed to this group.
    LeadFilter filter;

    // What a reader calls the group: the key, "No offer", "Other", a date, "Week of 2 Dec 2026".
    QString label(AnalyticsBreakdown breakdown) const;
};

// Of the leads created on one day, how many the network had approved within 1, 3, 7 and 14 days,
// judged by the first "approve" in each lead's status history.
struct CohortRow
{
    static constexpr std::array<int, 4> days{1, 3, 7, 14};

    QDate day;
    int leads = 0;
    std::array<int, 4> approvedWithin{};
    std::array<bool, 4> judged{}; // the day is old enough for that share to mean anything

    std::optional<double> share(std::size_t column) const;
};

struct AnalyticsFigures
{
    Q_DECLARE_TR_FUNCTIONS(AnalyticsFigures)

public:
    AnalyticsQuery query;
    // Offers, webmasters and countries: most leads first (ties by name). Periods: oldest first.
    QVector<AnalyticsGroup> groups;
    AnalyticsGroup total;
    QVector<CohortRow> cohorts; // oldest day first

    // At most `count` groups: the first `count - 1` as they are and the rest folded into one "Other"
    // group whose filter lists their keys. Periods are never folded.
    QVector<AnalyticsGroup> topGroups(int count) const;
};

Q_DECLARE_METATYPE(AnalyticsFigures)

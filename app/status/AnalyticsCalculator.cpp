#include "AnalyticsCalculator.h"

#include "journal/JournalTypes.h"

#include <QDateTime>

#include <algorithm>

namespace {

constexpr qint64 msPerDay = 24 * 60 * 60 * 1000;

LeadFilter periodFilter(const QDate &start, AnalyticsBreakdown breakdown)
{
    LeadFilter filter;
    filter.createdFrom = start;
    switch (breakdown) {
    case AnalyticsBreakdown::Week:
        filter.createdTo = start.addDays(6);
        break;
    case AnalyticsBreakdown::Month:
        filter.createdTo = start.addMonths(1).addDays(-1);
        break;
    default:
        filter.createdTo = start;
        break;
    }
    return filter;
}

// Countries group case-blind, as the filter compares them.
QString keyOf(const JournalRow &lead, AnalyticsBreakdown breakdown)
{
    switch (breakdown) {
    case AnalyticsBreakdown::Webmaster:
        return lead.wm;
    case AnalyticsBreakdown::Country:
        return lead.country.toUpper();
    case AnalyticsBreakdown::Operator:
        return QString(); // the journal does not know who took a lead: one group, "No operator"
    default:
        return lead.offer;
    }
}

LeadFilter categoryFilter(const QString &key, AnalyticsBreakdown breakdown)
{
    LeadFilter filter;
    switch (breakdown) {
    case AnalyticsBreakdown::Webmaster:
        filter.wms = {key};
        break;
    case AnalyticsBreakdown::Country:
        filter.countries = {key};
        break;
    case AnalyticsBreakdown::Operator:
        filter.operators = {key};
        break;
    default:
        filter.offers = {key};
        break;
    }
    return filter;
}

} // namespace

AnalyticsCalculator::DayIndex::DayIndex(qint64 firstMs, qint64 lastMs)
{
    m_first = QDateTime::fromMSecsSinceEpoch(firstMs).date();
    const QDate last = QDateTime::fromMSecsSinceEpoch(lastMs).date();
    for (QDate day = m_first; day <= last.addDays(1); day = day.addDays(1))
        m_starts.append(day.startOfDay().toMSecsSinceEpoch());
}

int AnalyticsCalculator::DayIndex::dayOf(qint64 ms) const
{
    const auto after = std::upper_bound(m_starts.cbegin(), m_starts.cend(), ms);
    return int(std::max<qsizetype>(0, (after - m_starts.cbegin()) - 1));
}

QDate AnalyticsCalculator::periodStartOf(const QDate &day, AnalyticsBreakdown breakdown)
{
    switch (breakdown) {
    case AnalyticsBreakdown::Week:
        return day.addDays(1 - day.dayOfWeek()); // weeks start on Monday (ISO 8601)
    case AnalyticsBreakdown::Month:
        return QDate(day.year(), day.month(), 1);
    default:
        return day;
    }
}

AnalyticsFigures AnalyticsCalculator::compute(const QVector<JournalRow> &rows,
                                              const QHash<QString, qint64> &firstApprovedMs,
                                              const AnalyticsQuery &query)
{
    AnalyticsFigures figures;
    figures.query = query;
    figures.total.filter = query.filter;
    const LeadFilterMatcher matcher(query.filter);
    const AnalyticsBreakdown breakdown = query.breakdown;
    const bool byPeriod = AnalyticsBreakdowns::isPeriod(breakdown);

    qint64 firstMs = 0;
    qint64 lastMs = 0;
    QVector<const JournalRow *> chosen;
    chosen.reserve(rows.size());
    for (const JournalRow &lead : rows) {
        if (!matcher.accepts(lead))
            continue;
        if (chosen.isEmpty() || lead.createdAtMs < firstMs)
            firstMs = lead.createdAtMs;
        if (chosen.isEmpty() || lead.createdAtMs > lastMs)
            lastMs = lead.createdAtMs;
        chosen.append(&lead);
    }
    if (chosen.isEmpty())
        return figures;

    const DayIndex days(firstMs, lastMs);
    QVector<CohortRow> cohorts(days.dayCount());
    QHash<QString, int> groupOfKey; // categories: key -> index in figures.groups
    QHash<QDate, int> groupOfPeriod;

    for (const JournalRow *lead : std::as_const(chosen)) {
        figures.total.stats.add(*lead);
        const int day = days.dayOf(lead->createdAtMs);

        int group = -1;
        if (byPeriod) {
            const QDate start = periodStartOf(days.date(day), breakdown);
            auto found = groupOfPeriod.constFind(start);
            if (found == groupOfPeriod.constEnd()) {
                AnalyticsGroup fresh;
                fresh.periodStart = start;
                fresh.key = start.toString(Qt::ISODate);
                found = groupOfPeriod.insert(start, int(figures.groups.size()));
                figures.groups.append(fresh);
            }
            group = *found;
        } else {
            const QString key = keyOf(*lead, breakdown);
            auto found = groupOfKey.constFind(key);
            if (found == groupOfKey.constEnd()) {
                AnalyticsGroup fresh;
                fresh.key = key;
                found = groupOfKey.insert(key, int(figures.groups.size()));
                figures.groups.append(fresh);
            }
            group = *found;
        }
        figures.groups[group].stats.add(*lead);

        CohortRow &cohort = cohorts[day];
        ++cohort.leads;
        qint64 approvedMs = firstApprovedMs.value(lead->key, 0);
        if (approvedMs == 0 && StatusCatalog::stageOf(lead->stage) == StatusCatalog::Stage::Approve)
            approvedMs = lead->changedAtMs;
        if (approvedMs > 0) {
            const qint64 waited = approvedMs - lead->createdAtMs;
            for (std::size_t column = 0; column < CohortRow::days.size(); ++column) {
                if (waited <= CohortRow::days.at(column) * msPerDay)
                    ++cohort.approvedWithin[column];
            }
        }
    }

    for (int day = 0; day < int(cohorts.size()); ++day) {
        if (cohorts.at(day).leads == 0)
            continue;
        cohorts[day].day = days.date(day);
        figures.cohorts.append(cohorts.at(day));
    }
    finish(figures);
    return figures;
}

void AnalyticsCalculator::finish(AnalyticsFigures &figures)
{
    const AnalyticsQuery &query = figures.query;
    const AnalyticsBreakdown breakdown = query.breakdown;
    const bool byPeriod = AnalyticsBreakdowns::isPeriod(breakdown);
    figures.total.filter = query.filter;
    for (AnalyticsGroup &group : figures.groups) {
        group.filter = query.filter.narrowedBy(byPeriod ? periodFilter(group.periodStart, breakdown)
                                                        : categoryFilter(group.key, breakdown));
    }
    if (byPeriod) {
        std::sort(
            figures.groups.begin(), figures.groups.end(),
            [](const AnalyticsGroup &a, const AnalyticsGroup &b) { return a.periodStart < b.periodStart; });
    } else {
        std::sort(figures.groups.begin(), figures.groups.end(),
                  [](const AnalyticsGroup &a, const AnalyticsGroup &b) {
                      if (a.stats.shown() != b.stats.shown())
                          return a.stats.shown() > b.stats.shown();
                      return a.key < b.key;
                  });
    }

    // A lead created late on a day has had a little less than N whole days: a share is judged
    // once the last moment of its day is N days old.
    const QDate today = query.today.isValid() ? query.today : QDate::currentDate();
    for (CohortRow &cohort : figures.cohorts) {
        for (std::size_t column = 0; column < CohortRow::days.size(); ++column)
            cohort.judged[column] = cohort.day.addDays(CohortRow::days.at(column)) < today;
    }
}

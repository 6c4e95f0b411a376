#include "LeadFilter.h"

#include "journal/JournalTypes.h"

#include <QDateTime>

namespace {

// Both sets at once; an empty set allows everything, so it leaves the other as it is. Two sets with
// nothing in common allow nothing: the marker below says so, since an empty result would allow all.
QSet<QString> intersect(const QSet<QString> &left, const QSet<QString> &right)
{
    if (left.isEmpty())
        return right;
    if (right.isEmpty())
        return left;
    QSet<QString> both = left;
    both.intersect(right);
    if (both.isEmpty())
        both.insert(QStringLiteral("\x1f-none-")); // matches no real value
    return both;
}

QDate later(const QDate &left, const QDate &right)
{
    if (!left.isValid())
        return right;
    if (!right.isValid())
        return left;
    return std::max(left, right);
}

QDate earlier(const QDate &left, const QDate &right)
{
    if (!left.isValid())
        return right;
    if (!right.isValid())
        return left;
    return std::min(left, right);
}

} // namespace

bool LeadFilter::isEmpty() const
{
    return stages.isEmpty() && offers.isEmpty() && wms.isEmpty() && countries.isEmpty() &&
           operators.isEmpty() && !createdFrom.isValid() && !createdTo.isValid();
}

LeadFilter LeadFilter::narrowedBy(const LeadFilter &other) const
{
    LeadFilter both;
    both.stages = intersect(stages, other.stages);
    both.offers = intersect(offers, other.offers);
    both.wms = intersect(wms, other.wms);
    both.countries = intersect(countries, other.countries);
    both.operators = intersect(operators, other.operators);
    both.createdFrom = later(createdFrom, other.createdFrom);
    both.createdTo = earlier(createdTo, other.createdTo);
    return both;
}

bool LeadFilter::operator==(const LeadFilter &other) const
{
    return stages == other.stages && offers == other.offers && wms == other.wms &&
           countries == other.countries && operators == other.operators && createdFrom == other.createdFrom &&
           createdTo == other.createdTo;
}

LeadFilterMatcher::LeadFilterMatcher(const LeadFilter &filter) : m_filter(filter)
{
    for (const QString &country : filter.countries)
        m_countriesUpper.insert(country.toUpper());
    m_createdFromMs = filter.createdFrom.isValid() ? filter.createdFrom.startOfDay().toMSecsSinceEpoch() : 0;
    m_createdBeforeMs =
        filter.createdTo.isValid() ? filter.createdTo.addDays(1).startOfDay().toMSecsSinceEpoch() : 0;
}

bool LeadFilterMatcher::accepts(const JournalRow &lead) const
{
    if (!m_filter.stages.isEmpty() && !m_filter.stages.contains(lead.stage))
        return false;
    if (!m_filter.offers.isEmpty() && !m_filter.offers.contains(lead.offer))
        return false;
    if (!m_filter.wms.isEmpty() && !m_filter.wms.contains(lead.wm))
        return false;
    // Country codes are nearly always stored upper case: fold only the rows that need it.
    if (!m_countriesUpper.isEmpty() && !m_countriesUpper.contains(lead.country) &&
        !m_countriesUpper.contains(lead.country.toUpper()))
        return false;
    if (m_createdFromMs != 0 && lead.createdAtMs < m_createdFromMs)
        return false;
    if (m_createdBeforeMs != 0 && lead.createdAtMs >= m_createdBeforeMs)
        return false;
    return true;
}

#pragma once

#include <QDate>
#include <QSet>
#include <QString>

struct JournalRow;

// Which leads to look at, by what they are rather than by what a search box matched: stages, offers,
// webmasters, countries and a range of creation dates. The Leads screen's proxy and the Analytics
// figures read the same description, so a bar on a chart and the rows it opens count the same leads.
//
// Each set is empty to allow every value; the empty string in a set stands for leads without that
// value (no stage reported yet, no offer, ...). Countries compare case-blind.
struct LeadFilter
{
    QSet<QString> stages;
    QSet<QString> offers;
    QSet<QString> wms;
    QSet<QString> countries;
    // Operator names: only the team database knows who took a lead (the Team scope's figures and
    // table); the workstation's own journal does not, and LeadFilterMatcher ignores this set.
    QSet<QString> operators;
    QDate createdFrom; // both inclusive, local time; invalid leaves that end open
    QDate createdTo;

    bool isEmpty() const;
    // Both filters at once: the intersection of their sets and of their date ranges.
    LeadFilter narrowedBy(const LeadFilter &other) const;
    bool operator==(const LeadFilter &other) const;
    bool operator!=(const LeadFilter &other) const { return !(*this == other); }
};

// A LeadFilter made ready to test 100,000 rows: dates turned into milliseconds, countries folded.
class LeadFilterMatcher
{
public:
    LeadFilterMatcher() = default;
    explicit LeadFilterMatcher(const LeadFilter &filter);

    bool accepts(const JournalRow &lead) const;
    const LeadFilter &filter() const { return m_filter; }

private:
    LeadFilter m_filter;
    QSet<QString> m_countriesUpper;
    qint64 m_createdFromMs = 0;
    qint64 m_createdBeforeMs = 0; // exclusive; 0 = open
};

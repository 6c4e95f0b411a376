#pragma once

#include "leads/StatusCatalog.h"

#include <QCoreApplication>
#include <QString>

#include <array>
#include <optional>

struct JournalRow;
class LeadFilterProxy;

// The figures a manager reads off the leads shown: how many are at each stage, and the rates the
// trade lives by. Rates are undefined (std::nullopt) when nothing could be divided: "no figure" is
// not "0 %".
//
//   approval rate        = approved / all reported leads
//   approval w/o trash   = approved / (all reported leads - trash)
//   trash rate           = trash / all reported leads
//   buyout               = completed / (completed + returned): of the approved orders that reached
//                          a delivery outcome, the share the customer took
// "Reported" leads are those the network has given a stage; leads still in the outbox or never
// checked do not count towards any rate.
class LeadStats
{
    Q_DECLARE_TR_FUNCTIONS(LeadStats)

public:
    enum class Rate
    {
        Approval,
        ApprovalWithoutTrash,
        Trash,
        Buyout
    };

    void add(const JournalRow &lead);
    // `leads` leads at one stage and status at once: what a SQL GROUP BY stage, status counts (the
    // Analytics figures use it, and a team source on PostgreSQL would). add() is this with one lead.
    // `sentLeads` of them the network has accepted (see sent()).
    void addCounted(const QString &stageCode, int status, int leads, int sentLeads);
    // Both sets of figures together (groups folded into "Other", a total of groups).
    void merge(const LeadStats &other);
    // The rows the proxy shows.
    static LeadStats ofVisibleRows(const LeadFilterProxy &proxy);

    int shown() const { return m_shown; } // every lead counted, reported or not
    // Leads the network has taken: reported on, or answered with its order id, or tracked from
    // elsewhere. The first step of the funnel sent -> approved -> completed.
    int sent() const { return m_sent; }
    static bool isSent(const JournalRow &lead);
    int reported() const { return m_reported; } // leads with a stage
    int count(StatusCatalog::Stage stage) const { return m_stageCounts.at(std::size_t(stage)); }
    int completed() const { return m_completed; }
    int returned() const { return m_returned; }

    std::optional<double> rate(Rate rate) const; // 0..1
    int numerator(Rate rate) const;
    int denominator(Rate rate) const;

    static QString rateName(Rate rate);
    // What the figure means and what it was computed from, for a tooltip.
    QString explanation(Rate rate) const;
    // "42.9 %" in the user's locale, or a dash when undefined.
    static QString percentText(std::optional<double> value);

private:
    int m_shown = 0;
    int m_reported = 0;
    int m_sent = 0;
    std::array<int, std::size_t(StatusCatalog::Stage::None) + 1> m_stageCounts{};
    int m_completed = 0;
    int m_returned = 0;
};

#include "LeadStats.h"

#include "LeadFilterProxy.h"
#include "LeadTableModel.h"
#include "journal/JournalTypes.h"

#include <QLocale>

namespace {
constexpr int statusCompleted = 10;
constexpr int statusReturn = 11;
} // namespace

void LeadStats::add(const JournalRow &lead)
{
    addCounted(lead.stage, lead.status, 1, isSent(lead) ? 1 : 0);
}

bool LeadStats::isSent(const JournalRow &lead)
{
    return !lead.stage.isEmpty() || lead.sendState == SendState::Sent ||
           lead.sendState == SendState::External;
}

void LeadStats::addCounted(const QString &stageCode, int status, int leads, int sentLeads)
{
    m_shown += leads;
    m_sent += sentLeads;
    const StatusCatalog::Stage stage = StatusCatalog::stageOf(stageCode);
    m_stageCounts[std::size_t(stage)] += leads;
    if (stage != StatusCatalog::Stage::None)
        m_reported += leads;
    if (status == statusCompleted)
        m_completed += leads;
    else if (status == statusReturn)
        m_returned += leads;
}

void LeadStats::merge(const LeadStats &other)
{
    m_shown += other.m_shown;
    m_reported += other.m_reported;
    m_sent += other.m_sent;
    for (std::size_t stage = 0; stage < m_stageCounts.size(); ++stage)
        m_stageCounts[stage] += other.m_stageCounts[stage];
    m_completed += other.m_completed;
    m_returned += other.m_returned;
}

LeadStats LeadStats::ofVisibleRows(const LeadFilterProxy &proxy)
{
    LeadStats stats;
    const LeadTableModel *model = proxy.leadModel();
    if (!model)
        return stats;
    const int rows = proxy.rowCount();
    for (int row = 0; row < rows; ++row)
        stats.add(model->leadAt(proxy.mapToSource(proxy.index(row, 0)).row()));
    return stats;
}

int LeadStats::numerator(Rate rate) const
{
    switch (rate) {
    case Rate::Approval:
    case Rate::ApprovalWithoutTrash:
        return count(StatusCatalog::Stage::Approve);
    case Rate::Trash:
        return count(StatusCatalog::Stage::Trash);
    case Rate::Buyout:
        return m_completed;
    }
    return 0;
}

int LeadStats::denominator(Rate rate) const
{
    switch (rate) {
    case Rate::Approval:
    case Rate::Trash:
        return m_reported;
    case Rate::ApprovalWithoutTrash:
        return m_reported - count(StatusCatalog::Stage::Trash);
    case Rate::Buyout:
        return m_completed + m_returned;
    }
    return 0;
}

std::optional<double> LeadStats::rate(Rate which) const
{
    const int below = denominator(which);
    if (below <= 0)
        return std::nullopt;
    return double(numerator(which)) / double(below);
}

QString LeadStats::rateName(Rate rate)
{
    switch (rate) {
    case Rate::Approval:
        return tr("Approval");
    case Rate::ApprovalWithoutTrash:
        return tr("Approval without trash");
    case Rate::Trash:
        return tr("Trash");
    case Rate::Buyout:
        return tr("Buyout");
    }
    return QString();
}

QString LeadStats::explanation(Rate rate) const
{
    const int top = numerator(rate);
    const int below = denominator(rate);
    switch (rate) {
    case Rate::Approval:
        return tr("Approved leads divided by all leads the network has reported on: %1 of %2. Leads "
                  "not sent or not checked yet do not count.")
            .arg(top)
            .arg(below);
    case Rate::ApprovalWithoutTrash:
        return tr("Approved leads divided by the reported leads that are not trash: %1 of %2. Shows how "
                  "well the call centre converts real customers.")
            .arg(top)
            .arg(below);
    case Rate::Trash:
        return tr("Leads cancelled as trash (wrong number, fake, duplicate...) divided by all leads the "
                  "network has reported on: %1 of %2.")
            .arg(top)
            .arg(below);
    case Rate::Buyout:
        return tr("Orders the customer took (status Completed) divided by the approved orders that "
                  "reached a delivery outcome, completed or returned: %1 of %2. Orders still on their "
                  "way do not count.")
            .arg(top)
            .arg(below);
    }
    return QString();
}

QString LeadStats::percentText(std::optional<double> value)
{
    if (!value)
        return tr("–");
    return tr("%1 %").arg(QLocale().toString(*value * 100.0, 'f', 1));
}

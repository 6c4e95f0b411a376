#include "RecentLeadsView.h"

#include "StageStyle.h"
#include "sync/RecentLeads.h"

#include <QApplication>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QListView>
#include <QStyle>
#include <QVBoxLayout>

namespace {

constexpr int kRowsShown = 4;

// Each answer in the colours and icon of the stage it resembles, so the strip reads like the Leads
// screen: accepted as approved, refused as cancelled, waiting as on hold.
StatusCatalog::Stage lookOf(RecentLeads::Answer answer)
{
    switch (answer) {
    case RecentLeads::Answer::Sending:
        return StatusCatalog::Stage::Wait;
    case RecentLeads::Answer::Accepted:
        return StatusCatalog::Stage::Approve;
    case RecentLeads::Answer::Refused:
        return StatusCatalog::Stage::Cancel;
    case RecentLeads::Answer::Waiting:
        return StatusCatalog::Stage::Hold;
    }
    return StatusCatalog::Stage::Wait;
}

class AnswerStyleProxy : public QIdentityProxyModel
{
public:
    AnswerStyleProxy(const QPalette &palette, QObject *parent) : QIdentityProxyModel(parent), m_style(palette)
    {}

    QVariant data(const QModelIndex &index, int role) const override
    {
        const auto answer =
            RecentLeads::Answer(QIdentityProxyModel::data(index, RecentLeads::AnswerRole).toInt());
        switch (role) {
        case Qt::BackgroundRole:
            return answer == RecentLeads::Answer::Refused ? QVariant(m_style.background(lookOf(answer)))
                                                          : QVariant();
        case Qt::ForegroundRole:
            return answer == RecentLeads::Answer::Refused ? QVariant(m_style.foreground(lookOf(answer)))
                                                          : QVariant();
        case Qt::DecorationRole:
            if (answer == RecentLeads::Answer::Refused)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
            return StageStyle::icon(lookOf(answer));
        case Qt::FontRole:
            if (answer == RecentLeads::Answer::Refused) {
                QFont bold = QApplication::font();
                bold.setBold(true);
                return bold;
            }
            return QVariant();
        default:
            return QIdentityProxyModel::data(index, role);
        }
    }

private:
    StageStyle m_style;
};

} // namespace

RecentLeadsView::RecentLeadsView(RecentLeads *recentLeads, QWidget *parent)
    : QWidget(parent), m_recentLeads(recentLeads), m_list(new QListView(this))
{
    setObjectName(QStringLiteral("recentLeadsView"));
    auto *proxy = new AnswerStyleProxy(palette(), this);
    proxy->setSourceModel(recentLeads);

    auto *label = new QLabel(tr("Recent leads and their answers"), this);
    label->setObjectName(QStringLiteral("recentLeadsLabel"));
    label->setBuddy(m_list);
    m_list->setObjectName(QStringLiteral("recentLeadsList"));
    m_list->setAccessibleName(label->text());
    m_list->setAccessibleDescription(tr("Enter opens the lead: on the Leads screen once the network has "
                                        "accepted it, otherwise in the outbox, where it can be corrected."));
    m_list->setModel(proxy);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideMiddle);
    // A few lines, measured in the current font and the style's small icons, whatever the scale.
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_list);
    m_list->setIconSize(QSize(icon, icon));
    const int line =
        qMax(fontMetrics().height(), icon) + 2 * style()->pixelMetric(QStyle::PM_FocusFrameVMargin);
    m_list->setMaximumHeight(kRowsShown * line + 2 * m_list->frameWidth());
    // Enter, or a double-click, always emit activated(); a single click opens too, but only once.
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) { open(index.row()); });
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        if (!style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_list))
            open(index.row());
    });
    // The newest answer is where the eye goes: keep the top in view as leads are added.
    connect(recentLeads, &QAbstractItemModel::rowsInserted, m_list, [this] { m_list->scrollToTop(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_list);
}

void RecentLeadsView::open(int row)
{
    const QString orderId = m_recentLeads->orderIdAt(row);
    if (!orderId.isEmpty())
        emit openRequested(orderId, m_recentLeads->answerAt(row) == RecentLeads::Answer::Accepted);
}

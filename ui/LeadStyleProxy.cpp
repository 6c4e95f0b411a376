#include "LeadStyleProxy.h"

#include "status/LeadTableModel.h"

#include <QFont>

LeadStyleProxy::LeadStyleProxy(QObject *parent) : QIdentityProxyModel(parent) {}

void LeadStyleProxy::setStageStyle(const StageStyle &style)
{
    m_style = style;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                         {Qt::BackgroundRole, Qt::ForegroundRole, Qt::DecorationRole});
}

QVariant LeadStyleProxy::data(const QModelIndex &index, int role) const
{
    switch (role) {
    case Qt::BackgroundRole:
    case Qt::ForegroundRole:
    case Qt::DecorationRole:
    case Qt::FontRole:
        break;
    default:
        return QIdentityProxyModel::data(index, role);
    }
    if (!index.isValid())
        return QVariant();
    const bool unseen = QIdentityProxyModel::data(index, LeadTableModel::UnseenRole).toBool();
    if (index.column() == LeadTableModel::Stage) {
        const StatusCatalog::Stage stage =
            StatusCatalog::stageOf(QIdentityProxyModel::data(index, LeadTableModel::StageRole).toString());
        if (role == Qt::BackgroundRole) {
            const QColor colour = m_style.background(stage);
            if (colour.isValid())
                return colour;
        } else if (role == Qt::ForegroundRole) {
            const QColor colour = m_style.foreground(stage);
            return colour.isValid() ? QVariant(colour) : QVariant();
        } else if (role == Qt::DecorationRole) {
            const QIcon icon = StageStyle::icon(stage);
            return icon.isNull() ? QVariant() : QVariant(icon);
        }
    }
    if (role == Qt::FontRole && unseen) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::BackgroundRole && unseen)
        return m_style.unseenBackground();
    return QIdentityProxyModel::data(index, role);
}

#pragma once

#include "StageStyle.h"

#include <QIdentityProxyModel>

// Dresses the status table for the screen: the stage cell in its stage's colours and icon, rows
// changed since the user last looked in bold on a faint tint. The data underneath stays the core's
// (LeadTableModel has no QtGui); everything else passes through untouched.
class LeadStyleProxy : public QIdentityProxyModel
{
    Q_OBJECT

public:
    explicit LeadStyleProxy(QObject *parent = nullptr);

    // A new palette (the desktop switched between light and dark): every cell is repainted.
    void setStageStyle(const StageStyle &style);
    const StageStyle &stageStyle() const { return m_style; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    StageStyle m_style;
};

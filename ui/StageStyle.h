#pragma once

#include "leads/StatusCatalog.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QPalette>

// The one palette for lead stages: wait neutral blue, hold amber, approve green, cancel red, trash
// dark grey - each in a light and a dark variant, picked by the lightness of the palette's window
// colour so the table reads on light and dark desktops alike. Every pair keeps a contrast ratio of at
// least 4.5:1 (WCAG AA) between text and background.
//
// Colour is never the only cue: the stage word is always shown, and the stage icon beside it when the
// icons are built in (:/icons/stages/<stage>.svg).
class StageStyle
{
    Q_DECLARE_TR_FUNCTIONS(StageStyle)

public:
    explicit StageStyle(const QPalette &palette = QPalette());

    bool isDark() const { return m_dark; }

    // Invalid colours for a stage word this version does not know, and for no stage yet: such cells
    // keep the palette's own colours.
    QColor background(StatusCatalog::Stage stage) const;
    QColor foreground(StatusCatalog::Stage stage) const;
    QColor background(const QString &stageCode) const
    {
        return background(StatusCatalog::stageOf(stageCode));
    }
    QColor foreground(const QString &stageCode) const
    {
        return foreground(StatusCatalog::stageOf(stageCode));
    }
    // The background of rows that changed since the user last looked.
    QColor unseenBackground() const;

    static QIcon icon(StatusCatalog::Stage stage);

    // WCAG 2 contrast ratio between two colours (1 to 21).
    static double contrastRatio(const QColor &a, const QColor &b);

private:
    bool m_dark;
    QPalette m_palette;
};

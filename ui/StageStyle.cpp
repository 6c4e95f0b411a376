#include "StageStyle.h"

#include <QFile>

#include <array>
#include <cmath>

namespace {

struct StageColours
{
    QRgb lightBackground;
    QRgb lightText;
    QRgb darkBackground;
    QRgb darkText;
};

// In StatusCatalog::Stage order: wait, hold, approve, cancel, trash.
constexpr std::array<StageColours, StatusCatalog::KnownStageCount> stageColours = {{
    {0xDCE9F9, 0x173F6E, 0x1F3A5C, 0xD6E6FF}, // wait: neutral blue
    {0xFFE8B0, 0x5C3B00, 0x5C4300, 0xFFE6A8}, // hold: amber
    {0xD3F2D3, 0x145218, 0x1E4D23, 0xCDF5D0}, // approve: green
    {0xF9D4D2, 0x7D1810, 0x5E1F1B, 0xFFD5D0}, // cancel: red
    {0x5F5F5F, 0xFFFFFF, 0x3A3A3A, 0xE6E6E6}, // trash: dark grey
}};

bool isKnown(StatusCatalog::Stage stage)
{
    return int(stage) >= 0 && int(stage) < StatusCatalog::KnownStageCount;
}

double channel(double value)
{
    value /= 255.0;
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &colour)
{
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) +
           0.0722 * channel(colour.blue());
}

} // namespace

StageStyle::StageStyle(const QPalette &palette)
    : m_dark(palette.color(QPalette::Window).lightness() < 128), m_palette(palette)
{}

QColor StageStyle::background(StatusCatalog::Stage stage) const
{
    if (!isKnown(stage))
        return QColor();
    const StageColours &colours = stageColours.at(std::size_t(stage));
    return QColor::fromRgb(m_dark ? colours.darkBackground : colours.lightBackground);
}

QColor StageStyle::foreground(StatusCatalog::Stage stage) const
{
    if (!isKnown(stage))
        return QColor();
    const StageColours &colours = stageColours.at(std::size_t(stage));
    return QColor::fromRgb(m_dark ? colours.darkText : colours.lightText);
}

QColor StageStyle::unseenBackground() const
{
    // A faint tint of the palette's highlight: visible, but weaker than any stage colour.
    const QColor base = m_palette.color(QPalette::Base);
    const QColor highlight = m_palette.color(QPalette::Highlight);
    const double share = m_dark ? 0.22 : 0.14;
    return QColor::fromRgbF(float(base.redF() * (1 - share) + highlight.redF() * share),
                            float(base.greenF() * (1 - share) + highlight.greenF() * share),
                            float(base.blueF() * (1 - share) + highlight.blueF() * share));
}

QIcon StageStyle::icon(StatusCatalog::Stage stage)
{
    if (!isKnown(stage))
        return QIcon();
    const QString path =
        QStringLiteral(":/icons/stages/") + StatusCatalog::stageCode(stage) + QStringLiteral(".svg");
    return QFile::exists(path) ? QIcon(path) : QIcon();
}

double StageStyle::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

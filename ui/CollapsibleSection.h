#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

// A titled group of fields. A collapsible one folds away behind a header button that works from the
// keyboard (Tab to it, Space to toggle, or its mnemonic), so rarely used fields stay reachable without
// taking room; a fixed one is a plain heading.
class CollapsibleSection : public QWidget
{
    Q_OBJECT

public:
    enum class Kind
    {
        Fixed,
        Collapsible
    };

    // `objectBaseName` names the parts: "tracking" gives trackingSection, trackingToggleButton.
    CollapsibleSection(const QString &title, Kind kind, const QString &objectBaseName,
                       QWidget *parent = nullptr);

    QWidget *body() const { return m_body; }
    bool isExpanded() const;
    void setExpanded(bool expanded);
    QToolButton *toggleButton() const { return m_toggle; }

signals:
    void expandedChanged(bool expanded);

private:
    QWidget *m_body = nullptr;
    QToolButton *m_toggle = nullptr; // only for a collapsible section
    QLabel *m_heading = nullptr;     // only for a fixed section
    bool m_expanded = true;
};

#include "CollapsibleSection.h"

#include <QFrame>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

CollapsibleSection::CollapsibleSection(const QString &title, Kind kind, const QString &objectBaseName,
                                       QWidget *parent)
    : QWidget(parent), m_body(new QFrame(this))
{
    setObjectName(objectBaseName + QStringLiteral("Section"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    QFont headingFont = font();
    headingFont.setBold(true);
    if (kind == Kind::Collapsible) {
        m_toggle = new QToolButton(this);
        m_toggle->setObjectName(objectBaseName + QStringLiteral("ToggleButton"));
        m_toggle->setText(title);
        m_toggle->setAccessibleName(QString(title).remove(u'&'));
        // Not a checkable button: a checked tool button draws sunken, which reads as "pressed", not "open".
        m_toggle->setAutoRaise(true);
        m_toggle->setFocusPolicy(Qt::StrongFocus);
        m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_toggle->setFont(headingFont);
        connect(m_toggle, &QToolButton::clicked, this, [this] { setExpanded(!isExpanded()); });
        m_expanded = false; // so that the call below does its work
        setExpanded(true);
        layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    } else {
        m_heading = new QLabel(title, this);
        m_heading->setObjectName(objectBaseName + QStringLiteral("HeadingLabel"));
        m_heading->setFont(headingFont);
        layout->addWidget(m_heading);
    }
    m_body->setObjectName(objectBaseName + QStringLiteral("BodyFrame"));
    layout->addWidget(m_body);
}

bool CollapsibleSection::isExpanded() const
{
    return m_expanded;
}

void CollapsibleSection::setExpanded(bool expanded)
{
    if (!m_toggle || expanded == m_expanded)
        return;
    m_expanded = expanded;
    m_body->setVisible(expanded);
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_toggle->setToolTip(expanded ? tr("Hide these fields") : tr("Show these fields"));
    // Screen readers hear the state that sighted users see from the arrow.
    m_toggle->setAccessibleDescription(expanded ? tr("Expanded") : tr("Collapsed"));
    emit expandedChanged(expanded);
}

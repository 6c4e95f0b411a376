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
        m_toggle->setCheckable(true);
        m_toggle->setChecked(true);
        m_toggle->setAutoRaise(true);
        m_toggle->setFocusPolicy(Qt::StrongFocus);
        m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_toggle->setArrowType(Qt::DownArrow);
        m_toggle->setFont(headingFont);
        connect(m_toggle, &QToolButton::toggled, this, [this](bool expanded) {
            m_body->setVisible(expanded);
            m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
            m_toggle->setToolTip(expanded ? tr("Hide these fields") : tr("Show these fields"));
            emit expandedChanged(expanded);
        });
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
    return !m_toggle || m_toggle->isChecked();
}

void CollapsibleSection::setExpanded(bool expanded)
{
    if (m_toggle)
        m_toggle->setChecked(expanded);
}

#include "ProfileSwitcher.h"

#include "settings/ProfileStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

ProfileSwitcher::ProfileSwitcher(ProfileStore *profiles, QWidget *parent)
    : QWidget(parent), m_profiles(profiles), m_label(new QLabel(tr("Profile:"), this)),
      m_combo(new QComboBox(this))
{
    Q_ASSERT(m_profiles);
    setObjectName(QStringLiteral("profileSwitcher"));
    m_combo->setObjectName(QStringLiteral("profileCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_label->setBuddy(m_combo);
    m_combo->setAccessibleName(tr("Profile"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_combo);

    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        if (!m_updating && index >= 0)
            emit profileChosen(m_combo->itemData(index).toString());
    });
    connect(m_profiles, &ProfileStore::profilesChanged, this, &ProfileSwitcher::rebuild);
    connect(m_profiles, &ProfileStore::activeProfileChanged, this, &ProfileSwitcher::selectActive);
    rebuild();
}

void ProfileSwitcher::openList()
{
    m_combo->setFocus(Qt::ShortcutFocusReason);
    m_combo->showPopup();
}

QString ProfileSwitcher::selectedProfileId() const
{
    return m_combo->currentData().toString();
}

QString ProfileSwitcher::selectedProfileText() const
{
    return m_combo->currentText();
}

void ProfileSwitcher::showActiveProfile(const Profile &profile)
{
    m_shownId = profile.id;
    if (!m_profiles->contains(profile.id)) {
        m_unsaved.removeIf([&profile](const Profile &unsaved) { return unsaved.id == profile.id; });
        m_unsaved.append(profile);
    }
    rebuild();
}

void ProfileSwitcher::rebuild()
{
    m_updating = true;
    m_combo->clear();
    const QList<Profile> profiles = m_profiles->profiles();
    for (const Profile &profile : profiles)
        m_combo->addItem(profile.displayName(), profile.id);
    for (const Profile &profile : std::as_const(m_unsaved)) {
        if (!m_profiles->contains(profile.id))
            m_combo->addItem(profile.displayName(), profile.id);
    }
    m_updating = false;
    selectActive();
}

void ProfileSwitcher::selectActive()
{
    m_updating = true;
    const QString id = m_shownId.isEmpty() ? m_profiles->activeProfileId() : m_shownId;
    m_combo->setCurrentIndex(m_combo->findData(id));
    m_updating = false;
}

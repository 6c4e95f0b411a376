#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class ProfileStore;

// A labelled combo box for the main window's toolbar: the profiles, the active one selected. Choosing one
// emits profileChosen(); the main window decides what switching means (and calls
// ProfileStore::setActiveProfile). It follows the store: added, renamed and removed profiles and a change
// of the active profile made elsewhere show at once, without emitting profileChosen().
class ProfileSwitcher : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileSwitcher(ProfileStore *profiles, QWidget *parent = nullptr);

    QString selectedProfileId() const;

signals:
    void profileChosen(const QString &profileId);

private:
    void rebuild();
    void selectActive();

    ProfileStore *m_profiles;
    QLabel *m_label = nullptr;
    QComboBox *m_combo = nullptr;
    bool m_updating = false;
};

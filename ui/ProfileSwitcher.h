#pragma once

#include "settings/Profile.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class ProfileStore;

// A labelled combo box for the main window's toolbar: the profiles, the active one selected. Choosing one
// emits profileChosen(); the main window decides what switching means (and calls
// ProfileStore::setActiveProfile). It follows the store: added, renamed and removed profiles and a change
// of the active profile made elsewhere show at once, without emitting profileChosen(). Once told which
// profile the session really works with (showActiveProfile()), it shows that one, so that the switcher,
// the title and the status bar never disagree — a profile the store does not hold (this run's "Command
// line" profile) included: it stays in the list for the rest of the run, so its leads can be reached.
// Its label has no Alt key: every letter of "Profile" is taken on the New lead form, where the fields
// need them more; the main window's Ctrl+Shift+P action calls openList() instead.
class ProfileSwitcher : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileSwitcher(ProfileStore *profiles, QWidget *parent = nullptr);

    // Focuses the list and opens it, for a keyboard shortcut.
    void openList();
    QString selectedProfileId() const;
    QString selectedProfileText() const;
    void showActiveProfile(const Profile &profile);

signals:
    void profileChosen(const QString &profileId);

private:
    void rebuild();
    void selectActive();

    ProfileStore *m_profiles;
    QString m_shownId;        // the session's active profile, once known
    QList<Profile> m_unsaved; // profiles shown that the store does not hold
    QLabel *m_label = nullptr;
    QComboBox *m_combo = nullptr;
    bool m_updating = false;
};

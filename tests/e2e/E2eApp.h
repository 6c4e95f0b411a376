#pragma once

#include "SessionFixture.h"
#include "journal/JournalTypes.h"
#include "sandbox/Sandbox.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class LeadForm;
class MainWindow;
class QTableView;
class RecentLeads;
class QWidget;

// The whole application as a user meets it, for the end-to-end tests: a real session in a temporary data
// folder (in sandbox mode, so the in-process emulator on 127.0.0.1 is the network), and a real, shown and
// active MainWindow over it. The helpers type with QTest key events into the real widgets, the way an
// operator would, and read back what reached the sandbox and the journal.
class E2eApp
{
public:
    E2eApp();
    // Not forced into sandbox mode: the options decide (e.g. --api-url); data folder as dataDir().
    explicit E2eApp(const AppSession::Options &options);
    ~E2eApp();

    // Starts the session and shows the window. False (with a QWARN) when either did not come up.
    bool start();

    AppSession *session() const { return m_fixture.session(); }
    QString dataDir() const { return m_fixture.dataDir(); }
    Sandbox *sandbox() const;
    MainWindow *window() const { return m_window.get(); }
    LeadForm *form() const;

    // The named widget of the main window; a test failure (not a crash) when there is none.
    QWidget *widget(const QString &objectName) const;
    template <typename T> T *child(const QString &objectName) const
    {
        return qobject_cast<T *>(widget(objectName));
    }

    // Keyboard: Tab from wherever the focus is until `objectName` has it. False if it is not reached.
    bool tabTo(const QString &objectName);
    // Focuses the widget directly (for fields reached otherwise than by Tab) and types.
    void typeInto(const QString &objectName, const QString &text);
    // Selects everything in the (combo box's) line edit, deletes it, types `text`.
    void clearAndType(const QString &objectName, const QString &text);
    // With the focus in a line edit, combo box or text: types `text` where the focus is.
    void typeHere(const QString &text);
    // Insert on the table opens a new row's first cell; Tab walks the cells, Enter commits the last one.
    void typeRow(const QString &tableName, const QStringList &cells);
    // Opens a folded section from the keyboard (Tab to its header, Space), if it is folded.
    void openSection(const QString &baseName);
    void pressCtrlEnter();
    QWidget *focusedInput() const; // the focus widget, or the combo box that owns a focused line edit

    // The recent leads under the form (what the strip shows), and the answer of one lead there:
    // RecentLeads::Answer as an int, or -1 when the strip does not list it.
    RecentLeads *recentLeads() const;
    int recentAnswer(const QString &orderId) const;
    QString recentText(const QString &orderId) const;

    QString banner() const;
    QString bannerKind() const;

    // What the sandbox received on /ext/add.json, oldest first.
    QList<SandboxRequest> addRequests() const;
    // The active profile's leads in the journal, oldest first, with everything the journal holds.
    QList<JournalEntry> journalEntries() const;

private:
    SessionFixture m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

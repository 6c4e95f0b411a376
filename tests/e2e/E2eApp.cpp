#include "E2eApp.h"

#include "CollapsibleSection.h"
#include "LeadForm.h"
#include "MainWindow.h"
#include "journal/Journal.h"
#include "sync/RecentLeads.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

namespace {

constexpr int kMaxTabPresses = 80; // more than the form has focusable widgets

} // namespace

E2eApp::E2eApp() = default;

E2eApp::E2eApp(const AppSession::Options &options) : m_fixture(options) {}

E2eApp::~E2eApp()
{
    // The window refers to the session's objects: it goes first.
    m_window.reset();
}

bool E2eApp::start()
{
    if (!m_fixture.start()) {
        qWarning("the session did not start: %s", qPrintable(session()->errorString()));
        return false;
    }
    m_window = std::make_unique<MainWindow>(session());
    m_window->resize(1100, 780);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    m_window->activateWindow();
    return QTest::qWaitForWindowActive(m_window.get());
}

Sandbox *E2eApp::sandbox() const
{
    return session()->sandbox();
}

LeadForm *E2eApp::form() const
{
    return m_window->leadForm();
}

QWidget *E2eApp::widget(const QString &objectName) const
{
    QWidget *found = m_window->findChild<QWidget *>(objectName);
    if (!found)
        QTest::qFail(qPrintable(QStringLiteral("no widget named ") + objectName), __FILE__, __LINE__);
    return found;
}

QWidget *E2eApp::focusedInput() const
{
    QWidget *focus = QApplication::focusWidget();
    if (focus && qobject_cast<QComboBox *>(focus->parentWidget()))
        return focus->parentWidget();
    return focus;
}

bool E2eApp::tabTo(const QString &objectName)
{
    QWidget *target = widget(objectName);
    if (!target)
        return false;
    for (int i = 0; i < kMaxTabPresses && focusedInput() != target; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            return false;
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    if (focusedInput() != target) {
        qWarning("Tab never reached %s (the focus is on %s)", qPrintable(objectName),
                 focusedInput() ? qPrintable(focusedInput()->objectName()) : "nothing");
        return false;
    }
    return true;
}

void E2eApp::typeInto(const QString &objectName, const QString &text)
{
    QWidget *target = widget(objectName);
    if (!target)
        return;
    target->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(focusedInput(), target);
    typeHere(text);
}

void E2eApp::clearAndType(const QString &objectName, const QString &text)
{
    QWidget *target = widget(objectName);
    if (!target)
        return;
    target->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(focusedInput(), target);
    QWidget *editor = QApplication::focusWidget();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_Backspace);
    typeHere(text);
}

void E2eApp::typeHere(const QString &text)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80) {
            QTest::keyClick(focus, ch.toLatin1());
        } else {
            // QTest::keyClicks() takes Latin-1 only; a Cyrillic name is typed as a key carrying its text,
            // as an input method delivers it.
            QTest::sendKeyEvent(QTest::Click, focus, Qt::Key_unknown, QString(ch), Qt::NoModifier);
        }
    }
}

void E2eApp::typeRow(const QString &tableName, const QStringList &cells)
{
    auto *table = child<QTableView>(tableName);
    QVERIFY(table);
    if (QApplication::focusWidget() != table)
        QVERIFY(tabTo(tableName));
    QTest::keyClick(table, Qt::Key_Insert);
    for (qsizetype i = 0; i < cells.size(); ++i) {
        QWidget *editor = QApplication::focusWidget();
        QVERIFY2(editor && editor != table, "Insert did not open the new row's cell for typing");
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        typeHere(cells.at(i));
        QTest::keyClick(editor, i + 1 < cells.size() ? Qt::Key_Tab : Qt::Key_Return);
    }
    QTRY_COMPARE(QApplication::focusWidget(), table);
}

void E2eApp::openSection(const QString &baseName)
{
    const QString toggleName = baseName + QStringLiteral("ToggleButton");
    auto *section = child<CollapsibleSection>(baseName + QStringLiteral("Section"));
    QVERIFY(section);
    QVERIFY(tabTo(toggleName));
    // A problem inside a folded section opens it by itself (an empty IP does): only ever open it here.
    if (!section->isExpanded())
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(section->isExpanded());
}

void E2eApp::pressCtrlEnter()
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, Qt::Key_Return, Qt::ControlModifier);
}

RecentLeads *E2eApp::recentLeads() const
{
    return m_window->recentLeads();
}

int E2eApp::recentAnswer(const QString &orderId) const
{
    const int row = recentLeads()->rowOf(orderId);
    return row < 0 ? -1 : int(recentLeads()->answerAt(row));
}

QString E2eApp::recentText(const QString &orderId) const
{
    const int row = recentLeads()->rowOf(orderId);
    return row < 0 ? QString() : recentLeads()->data(recentLeads()->index(row)).toString();
}

QString E2eApp::banner() const
{
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("resultBannerLabel"));
    return label && label->isVisible() ? label->text() : QString();
}

QString E2eApp::bannerKind() const
{
    QWidget *frame = m_window->findChild<QWidget *>(QStringLiteral("resultBannerFrame"));
    return frame ? frame->property("kind").toString() : QString();
}

QList<SandboxRequest> E2eApp::addRequests() const
{
    QList<SandboxRequest> adds;
    for (const SandboxRequest &request : sandbox()->receivedRequests()) {
        if (request.path == "/ext/add.json")
            adds.append(request);
    }
    return adds;
}

QList<JournalEntry> E2eApp::journalEntries() const
{
    QList<JournalEntry> entries;
    const QString profileId = session()->activeProfile().id;
    for (const JournalRow &row : session()->journal()->rows(profileId)) {
        if (const std::optional<JournalEntry> entry = session()->journal()->entry(profileId, row.key))
            entries.append(*entry);
    }
    return entries;
}

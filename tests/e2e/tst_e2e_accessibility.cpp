#include "AppTranslations.h"
#include "E2eApp.h"
#include "MainWindow.h"
#include "TestEnvironment.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMultiMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolBar>

#include <algorithm>
#include <memory>

// End to end: every input of the whole main window has a name a screen reader can say.
class TestE2eAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everyInputOfTheMainWindow_hasAnAccessibleName();
    void tableCellEditors_haveAccessibleNames();
    void innerEditors_areNamedByTheirOwnersLabel();
    void labelledInputs_areNamedByTheirVisibleLabel_andLabelledByIt();
    void accessKeys_areUniqueOnEveryScreen_data();
    void accessKeys_areUniqueOnEveryScreen();
    void profileList_isReachedByItsShortcut();

private:
    QStringList unnamedInputs() const;

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<E2eApp> m_app;
    AppTranslations m_translations;
};

namespace {

bool isInputClass(const QWidget *widget)
{
    return qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QComboBox *>(widget) ||
           qobject_cast<const QSpinBox *>(widget) || qobject_cast<const QDoubleSpinBox *>(widget) ||
           qobject_cast<const QCheckBox *>(widget) || qobject_cast<const QPlainTextEdit *>(widget) ||
           qobject_cast<const QTableView *>(widget) || qobject_cast<const QPushButton *>(widget);
}

// A combo box's or spin box's own line edit is part of that input, not an input of its own.
bool isPartOfAnotherInput(const QWidget *widget)
{
    const QWidget *parent = widget->parentWidget();
    return qobject_cast<const QLineEdit *>(widget) &&
           (qobject_cast<const QComboBox *>(parent) || qobject_cast<const QAbstractSpinBox *>(parent));
}

// What assistive technology is told: the accessible interface's name.
QString spokenName(QWidget *widget)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
    return accessible ? accessible->text(QAccessible::Name) : QString();
}

// The text box inside an editable combo box or a spin box (QAbstractSpinBox::lineEdit() is protected).
QLineEdit *innerEditor(QWidget *input)
{
    if (auto *combo = qobject_cast<QComboBox *>(input))
        return combo->lineEdit();
    if (qobject_cast<QAbstractSpinBox *>(input))
        return input->findChild<QLineEdit *>(QString(), Qt::FindDirectChildrenOnly);
    return nullptr;
}

// A label's text as a reader says it: "Countr&y" -> "Country", "&Offer:" -> "Offer".
QString withoutMnemonic(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    text = text.trimmed();
    if (text.endsWith(u':'))
        text.chop(1);
    return text;
}

bool isLabelledBy(QWidget *input, QWidget *label)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(input);
    QAccessibleInterface *labelAccessible = QAccessible::queryAccessibleInterface(label);
    if (!accessible || !labelAccessible)
        return false;
    const auto relations = accessible->relations(QAccessible::Label);
    return std::any_of(relations.cbegin(), relations.cend(),
                       [labelAccessible](const auto &relation) { return relation.first == labelAccessible; });
}

// The access key of a text ("Co&untry:" -> 'U'); a null QChar when it has none.
QChar accessKeyOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) != u'&')
            return text.at(i + 1).toUpper();
        ++i; // "&&" is a literal ampersand
    }
    return QChar();
}

// The texts whose access key works in `root`: labels with a buddy, buttons, check boxes, group titles.
QStringList accessKeyTexts(const QWidget *root)
{
    QStringList texts;
    for (const QWidget *widget : root->findChildren<QWidget *>()) {
        if (const auto *label = qobject_cast<const QLabel *>(widget); label && label->buddy())
            texts.append(label->text());
        else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            texts.append(button->text());
        else if (const auto *group = qobject_cast<const QGroupBox *>(widget))
            texts.append(group->title());
    }
    return texts;
}

QString describe(const QWidget *widget)
{
    return QString::fromLatin1(widget->metaObject()->className()) + u' ' +
           (widget->objectName().isEmpty() ? QStringLiteral("(unnamed object)") : widget->objectName());
}

} // namespace

void TestE2eAccessibility::initTestCase()
{
    m_env = std::make_unique<TestEnvironment>();
}

void TestE2eAccessibility::init()
{
    m_app = std::make_unique<E2eApp>();
    QVERIFY(m_app->start());
}

void TestE2eAccessibility::cleanup()
{
    m_app.reset();
    m_translations.uninstall();
}

void TestE2eAccessibility::accessKeys_areUniqueOnEveryScreen_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Russian") << QStringLiteral("ru");
}

// Two texts with the same Alt+key on one screen make that key ambiguous. Against a menu title, a tab
// title or the tool bar (what every page shares) the menu or tab is then out of the keyboard's reach:
// never allowed. Among a page's own inputs Qt moves between them on each press, which is tolerated
// only on the New lead form: its 28 fields outnumber the letters. Hidden widgets count too (the Team
// scope's filters show only with a team server).
void TestE2eAccessibility::accessKeys_areUniqueOnEveryScreen()
{
    QFETCH(QString, language);
    m_app.reset();
    QVERIFY(m_translations.install(language));
    m_app = std::make_unique<E2eApp>();
    QVERIFY(m_app->start());
    QWidget *window = m_app->window();

    QStringList shared;
    for (const QAction *action : window->findChild<QMenuBar *>()->actions())
        shared.append(action->text());
    auto *tabs = window->findChild<QTabWidget *>();
    QVERIFY(tabs);
    for (int i = 0; i < tabs->count(); ++i)
        shared.append(tabs->tabText(i));
    for (const QToolBar *toolBar : window->findChildren<QToolBar *>())
        shared += accessKeyTexts(toolBar);
    QMultiMap<QChar, QString> sharedKeys;
    for (const QString &text : std::as_const(shared)) {
        if (const QChar key = accessKeyOf(text); !key.isNull())
            sharedKeys.insert(key, text);
    }

    QStringList clashes;
    const auto report = [&clashes](const QString &where, QChar key, const QStringList &texts) {
        clashes.append(where + QStringLiteral(": Alt+") + key + QStringLiteral(" for ") +
                       texts.join(QStringLiteral(", ")));
    };
    for (QChar key : sharedKeys.uniqueKeys()) {
        if (sharedKeys.count(key) > 1)
            report(QStringLiteral("menus, tabs, tool bar"), key, sharedKeys.values(key));
    }
    for (int i = 0; i < tabs->count(); ++i) {
        QWidget *page = tabs->widget(i);
        const bool isLeadForm = page->objectName() == QLatin1String("leadForm") ||
                                page->findChild<QWidget *>(QStringLiteral("leadForm"));
        QMultiMap<QChar, QString> pageKeys;
        for (const QString &text : accessKeyTexts(page)) {
            if (const QChar key = accessKeyOf(text); !key.isNull())
                pageKeys.insert(key, text);
        }
        for (QChar key : pageKeys.uniqueKeys()) {
            if (sharedKeys.contains(key))
                report(withoutMnemonic(tabs->tabText(i)), key, pageKeys.values(key) + sharedKeys.values(key));
            else if (pageKeys.count(key) > 1 && !isLeadForm)
                report(withoutMnemonic(tabs->tabText(i)), key, pageKeys.values(key));
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

// The profile list's label has no Alt key (see ProfileSwitcher): Ctrl+Shift+P reaches it instead.
void TestE2eAccessibility::profileList_isReachedByItsShortcut()
{
    QWidget *window = m_app->window();
    window->show();
    QVERIFY(QTest::qWaitForWindowActive(window));
    auto *combo = window->findChild<QComboBox *>(QStringLiteral("profileCombo"));
    QVERIFY(combo);
    QVERIFY(!combo->hasFocus());
    QTest::keyClick(window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(combo->view()->isVisible());
    QTest::keyClick(combo->view(), Qt::Key_Escape);
    QTRY_VERIFY(!combo->view()->isVisible());
    QVERIFY(combo->hasFocus()); // the list closed, the combo box keeps the keyboard
}

QStringList TestE2eAccessibility::unnamedInputs() const
{
    QStringList unnamed;
    for (QWidget *widget : m_app->window()->findChildren<QWidget *>()) {
        if (!isInputClass(widget) || isPartOfAnotherInput(widget))
            continue;
        // A button or a check box carries its label in its own text, and that text is its accessible
        // name (what a reader says). Every other input has its label elsewhere: the accessibleName
        // property must be set, equal to the label (the project's rule).
        const bool labelledByItsText =
            qobject_cast<QPushButton *>(widget) || qobject_cast<QCheckBox *>(widget);
        if (!labelledByItsText && widget->accessibleName().trimmed().isEmpty())
            unnamed.append(describe(widget) + QStringLiteral(" (no accessibleName; a reader would say \"") +
                           spokenName(widget) + QStringLiteral("\")"));
        else if (spokenName(widget).trimmed().isEmpty())
            unnamed.append(describe(widget) + QStringLiteral(" (a reader says nothing)"));
    }
    return unnamed;
}

void TestE2eAccessibility::everyInputOfTheMainWindow_hasAnAccessibleName()
{
    // Folded sections open, so that nothing is left out by being hidden (hidden widgets are checked too).
    m_app->openSection(QStringLiteral("customFields"));
    m_app->openSection(QStringLiteral("tracking"));
    int inputs = 0;
    for (QWidget *widget : m_app->window()->findChildren<QWidget *>())
        inputs += isInputClass(widget) && !isPartOfAnotherInput(widget) ? 1 : 0;
    QVERIFY2(inputs >= 30, qPrintable(QString::number(inputs))); // the form alone has 27 inputs plus buttons
    const QStringList unnamed = unnamedInputs();
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("\n"))));
}

void TestE2eAccessibility::tableCellEditors_haveAccessibleNames()
{
    // The editors of the goods table (a line edit, a QDoubleSpinBox, a QSpinBox) and of the custom
    // fields exist only while a cell is edited: open each one from the keyboard and check it.
    m_app->openSection(QStringLiteral("customFields"));
    for (const QString &tableName : {QStringLiteral("itemsTable"), QStringLiteral("paramsTable")}) {
        auto *table = m_app->child<QTableView>(tableName);
        QVERIFY(table);
        QVERIFY(m_app->tabTo(tableName));
        QTest::keyClick(table, Qt::Key_Insert);
        for (int column = 0; column < table->model()->columnCount(); ++column) {
            QWidget *editor = QApplication::focusWidget();
            QVERIFY2(editor && editor != table, qPrintable(tableName));
            QWidget *input = isPartOfAnotherInput(editor) ? editor->parentWidget() : editor;
            const QString header = table->model()->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(!input->accessibleName().isEmpty(),
                     qPrintable(describe(input) + QStringLiteral(" in ") + tableName));
            QCOMPARE(input->accessibleName(), header);
            if (QLineEdit *inner = innerEditor(input))
                QCOMPARE(spokenName(inner), header);
            QTest::keyClick(editor,
                            column + 1 < table->model()->columnCount() ? Qt::Key_Tab : Qt::Key_Escape);
        }
    }
}

void TestE2eAccessibility::innerEditors_areNamedByTheirOwnersLabel()
{
    // A reader entering an editable drop-down or a spin box lands in its text box: that text box must
    // say the same name as its owner, not nothing.
    m_app->openSection(QStringLiteral("customFields"));
    m_app->openSection(QStringLiteral("tracking"));
    QStringList unnamed;
    int inner = 0;
    for (QWidget *widget : m_app->window()->findChildren<QWidget *>()) {
        QLineEdit *edit = innerEditor(widget);
        if (!edit)
            continue;
        ++inner;
        if (widget->accessibleName().isEmpty() || spokenName(edit) != widget->accessibleName())
            unnamed.append(describe(widget) + QStringLiteral(" is \"") + widget->accessibleName() +
                           QStringLiteral("\", its text box says \"") + spokenName(edit) + u'"');
    }
    // The form's offer, country and currency, and the Leads screen's filters and dates.
    QVERIFY2(inner >= 5, qPrintable(QString::number(inner)));
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));

    // Typing changes what the text box holds, never what it is called.
    auto *country = m_app->child<QComboBox>(QStringLiteral("countryComboBox"));
    QVERIFY(country);
    m_app->clearAndType(QStringLiteral("countryComboBox"), QStringLiteral("Kaz"));
    QCOMPARE(spokenName(country->lineEdit()), country->accessibleName());
}

void TestE2eAccessibility::labelledInputs_areNamedByTheirVisibleLabel_andLabelledByIt()
{
    // Every input with a visible label carries that label's words as its name, and the label is its
    // "labelled by" relation. (Qt on Linux names a combo box by its value and leaves the label to this
    // relation, so the relation is what a reader uses there.)
    m_app->openSection(QStringLiteral("customFields"));
    m_app->openSection(QStringLiteral("tracking"));
    QStringList wrong;
    int labelled = 0;
    for (auto *label : m_app->window()->findChildren<QLabel *>()) {
        QWidget *input = label->buddy();
        if (!input || !isInputClass(input))
            continue;
        ++labelled;
        const QString words = withoutMnemonic(label->text());
        if (withoutMnemonic(input->accessibleName()) != words)
            wrong.append(describe(input) + QStringLiteral(" is named \"") + input->accessibleName() +
                         QStringLiteral("\", its label says \"") + words + u'"');
        // Qt reports no relations for a table at all (QAccessibleTable): its name has to do.
        if (!qobject_cast<QTableView *>(input) && !isLabelledBy(input, label))
            wrong.append(describe(input) + QStringLiteral(" has no labelled-by relation to ") +
                         describe(label));
    }
    QVERIFY2(labelled >= 25, qPrintable(QString::number(labelled)));
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
}

QTEST_MAIN(TestE2eAccessibility)
#include "tst_e2e_accessibility.moc"

#include "E2eApp.h"
#include "MainWindow.h"
#include "TestEnvironment.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

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

private:
    QStringList unnamedInputs() const;

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<E2eApp> m_app;
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
            QTest::keyClick(editor,
                            column + 1 < table->model()->columnCount() ? Qt::Key_Tab : Qt::Key_Escape);
        }
    }
}

QTEST_MAIN(TestE2eAccessibility)
#include "tst_e2e_accessibility.moc"

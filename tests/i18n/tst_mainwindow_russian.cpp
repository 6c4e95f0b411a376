#include "AppTranslations.h"
#include "MainWindow.h"
#include "SessionFixture.h"
#include "TestEnvironment.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTest>

// The main window started with the Russian translation installed, as a Russian-speaking operator
// sees it: menus, actions and status in Russian, and Qt's standard buttons too.
class TestMainWindowRussian : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void menuTitlesAreRussian();
    void actionsAreRussian();
    void statusAndWindowTitle();
    void oneNameForTheSandbox();
    void everyMenuAndActionTextIsRussian();
    void standardButtonsAreRussian();
    void englishAgainAfterSwitchingBack();

private:
    static QStringList menuTitles(const MainWindow &window);

    TestEnvironment m_environment;
    SessionFixture m_fixture;
    AppTranslations m_translations;
};

void TestMainWindowRussian::initTestCase()
{
    QVERIFY(m_fixture.start());
}

void TestMainWindowRussian::init()
{
    QVERIFY(m_translations.install(QStringLiteral("ru")));
}

void TestMainWindowRussian::cleanup()
{
    m_translations.uninstall();
}

QStringList TestMainWindowRussian::menuTitles(const MainWindow &window)
{
    QStringList titles;
    const QList<QAction *> actions = window.menuBar()->actions();
    for (const QAction *action : actions)
        titles << action->text();
    return titles;
}

void TestMainWindowRussian::menuTitlesAreRussian()
{
    MainWindow window(m_fixture.session());
    const QStringList titles = menuTitles(window);
    QVERIFY(titles.contains(QStringLiteral("&Файл")));
    QVERIFY(titles.contains(QStringLiteral("&Справка")));
    QVERIFY(!titles.contains(QStringLiteral("&File")));
}

void TestMainWindowRussian::actionsAreRussian()
{
    MainWindow window(m_fixture.session());
    auto *quitAction = window.findChild<QAction *>(QStringLiteral("quitAction"));
    auto *aboutAction = window.findChild<QAction *>(QStringLiteral("aboutAction"));
    QVERIFY(quitAction);
    QVERIFY(aboutAction);
    QCOMPARE(quitAction->text(), QStringLiteral("В&ыход"));
    QCOMPARE(aboutAction->text(), QStringLiteral("&О программе CPA Desk"));
}

void TestMainWindowRussian::statusAndWindowTitle()
{
    MainWindow window(m_fixture.session());
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Готово"));
    // The product name stays as it is in every language.
    QVERIFY2(window.windowTitle().startsWith(QStringLiteral("CPA Desk — ")),
             qPrintable(window.windowTitle()));
    auto *tabs = window.findChild<QWidget *>(QStringLiteral("mainTabWidget"));
    QVERIFY(tabs);
    QCOMPARE(tabs->accessibleName(), QStringLiteral("Экраны"));
}

void TestMainWindowRussian::oneNameForTheSandbox()
{
    // The switcher, the status bar and the title name the sandbox alike (its profile was stored before
    // the translation was installed, as on a first run in English).
    MainWindow window(m_fixture.session());
    auto *switcher = window.findChild<QComboBox *>(QStringLiteral("profileCombo"));
    auto *status = window.findChild<QLabel *>(QStringLiteral("profileStatusLabel"));
    QVERIFY(switcher);
    QVERIFY(status);
    const QString name = QStringLiteral("Песочница (встроенный эмулятор)");
    QCOMPARE(switcher->currentText(), name);
    QCOMPARE(status->text(), QStringLiteral("Профиль: ") + name);
    QCOMPARE(window.windowTitle(), QStringLiteral("CPA Desk — ") + name);
}

void TestMainWindowRussian::everyMenuAndActionTextIsRussian()
{
    // Grows with the window: a menu or action added without a Russian translation fails here.
    MainWindow window(m_fixture.session());
    static const QRegularExpression cyrillic(QStringLiteral("\\p{Cyrillic}"));
    const QList<QAction *> actions = window.findChildren<QAction *>();
    int checked = 0;
    for (const QAction *action : actions) {
        if (action->isSeparator() || action->text().isEmpty())
            continue;
        QVERIFY2(cyrillic.match(action->text()).hasMatch(), qPrintable(action->text()));
        ++checked;
    }
    const QList<QMenu *> menus = window.findChildren<QMenu *>();
    for (const QMenu *menu : menus) {
        if (menu->title().isEmpty())
            continue;
        QVERIFY2(cyrillic.match(menu->title()).hasMatch(), qPrintable(menu->title()));
        ++checked;
    }
    QVERIFY(checked >= 4);
}

void TestMainWindowRussian::standardButtonsAreRussian()
{
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
             QStringLiteral("Отмена"));
}

void TestMainWindowRussian::englishAgainAfterSwitchingBack()
{
    QVERIFY(m_translations.install(QStringLiteral("en")));
    MainWindow window(m_fixture.session());
    const QStringList titles = menuTitles(window);
    QVERIFY(titles.contains(QStringLiteral("&File")));
    QVERIFY(titles.contains(QStringLiteral("&Help")));
}

QTEST_MAIN(TestMainWindowRussian)
#include "tst_mainwindow_russian.moc"

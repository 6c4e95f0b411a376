#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CPA Desk"));
    m_tabs->setObjectName(QStringLiteral("mainTabWidget"));
    m_tabs->setAccessibleName(tr("Screens"));
    setCentralWidget(m_tabs);
    createMenus();
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About CPA Desk"), this, [this] {
        QMessageBox::about(this, tr("About CPA Desk"),
                           tr("<p><b>CPA Desk</b> %1</p><p>Send leads to an affiliate network and follow "
                              "what became of them.</p><p>Licensed under the GNU GPL, version 3.</p>")
                               .arg(QStringLiteral(CPADESK_VERSION)));
    });
    aboutAction->setObjectName(QStringLiteral("aboutAction"));
}

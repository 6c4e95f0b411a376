#pragma once

#include <QMainWindow>

class QTabWidget;

// The application's main window: the lead entry, status and outbox screens as tabs, the menus and the
// status bar. It wires widgets to core objects; it does no work of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    void createMenus();

    QTabWidget *m_tabs = nullptr;
};

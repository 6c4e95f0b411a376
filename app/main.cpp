#include "MainWindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CPA Desk"));
    QApplication::setApplicationName(QStringLiteral("cpadesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("CPA Desk"));
    QApplication::setApplicationVersion(QStringLiteral(CPADESK_VERSION));

    MainWindow window;
    window.show();
    return app.exec();
}

// Not a test: the main window on the Analytics screen over generated leads, to look at it (e.g. in a
// screenshot taken under Xvfb). Arguments: --lang ru|en, --breakdown N and --chart N (combo indexes).
#include "AnalyticsView.h"
#include "AppTranslations.h"
#include "MainWindow.h"
#include "SessionFixture.h"
#include "StatusDataSet.h"
#include "TestEnvironment.h"

#include <QApplication>
#include <QComboBox>
#include <QTabWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestEnvironment environment;
    const QStringList args = QApplication::arguments();
    auto argument = [&args](const char *name, const QString &fallback) {
        const int at = args.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
    };
    AppTranslations translations;
    const QString language = argument("--lang", QStringLiteral("en"));
    translations.install(language);
    QLocale::setDefault(QLocale(language));

    SessionFixture fixture;
    if (!fixture.start())
        return 1;
    if (!StatusDataSet::fillGenerated(*fixture.session()->journal(), fixture.session()->activeProfile().id,
                                      2400))
        return 1;
    MainWindow window(fixture.session());
    window.resize(1240, 760);
    window.show();
    auto *analytics = window.findChild<AnalyticsView *>(QStringLiteral("analyticsView"));
    window.findChild<QTabWidget *>(QStringLiteral("mainTabWidget"))->setCurrentWidget(analytics);
    analytics->findChild<QComboBox *>(QStringLiteral("breakdownCombo"))
        ->setCurrentIndex(argument("--breakdown", QStringLiteral("0")).toInt());
    analytics->findChild<QComboBox *>(QStringLiteral("chartCombo"))
        ->setCurrentIndex(argument("--chart", QStringLiteral("0")).toInt());
    return QApplication::exec();
}

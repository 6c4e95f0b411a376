// Issue 21 end to end: the real window's File → Import leads… imports a file's valid rows, which the
// sandbox on 127.0.0.1 receives once; the same file dropped on the window again sends nothing new.

#include "E2eApp.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "import/LeadImporter.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QTest>

namespace {

constexpr int TimeoutMs = 30000;

} // namespace

class TestE2eImport : public QObject
{
    Q_OBJECT

private slots:
    void importThenDropTheSameFileAgain()
    {
        E2eApp app;
        QVERIFY(app.start());
        const QString offer = app.sandbox()->demoOffers().value(0);
        QVERIFY(!offer.isEmpty());
        const QString path = app.dataDir() + QStringLiteral("/orders.csv");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QString text = QStringLiteral("Телефон;ФИО;Оффер;IP\r\n"
                                                "+7 900 333-44-01;Анна;%1;12.34.56.78\r\n"
                                                "+7 900 333-44-02;Борис;%1;12.34.56.78\r\n"
                                                "нет телефона;Вера;%1;12.34.56.78\r\n")
                                     .arg(offer);
            file.write(text.toUtf8());
        }

        auto *importAction = app.window()->findChild<QAction *>(QStringLiteral("importAction"));
        QVERIFY(importAction);
        importAction->trigger();
        ImportDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = app.window()->findChild<ImportDialog *>()) != nullptr);
        QVERIFY(dialog->openFile(path));
        auto *counts = dialog->findChild<QLabel *>(QStringLiteral("countsLabel"));
        QTRY_COMPARE_WITH_TIMEOUT(counts->text(),
                                  QStringLiteral("2 valid, 1 invalid, 0 possible doubles; 2 to import."),
                                  TimeoutMs);
        dialog->findChild<QPushButton *>(QStringLiteral("importButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->importer() && dialog->importer()->count(LeadImporter::State::Sent) == 2, TimeoutMs);
        QCOMPARE(app.addRequests().size(), 2);
        dialog->reject();
        QTRY_VERIFY(app.window()->findChild<ImportDialog *>() == nullptr);

        // The same file dropped on the window.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint centre = app.window()->rect().center();
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(app.window(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(app.window(), &drop);
        QTRY_VERIFY((dialog = app.window()->findChild<ImportDialog *>()) != nullptr);
        counts = dialog->findChild<QLabel *>(QStringLiteral("countsLabel"));
        QTRY_COMPARE_WITH_TIMEOUT(counts->text(),
                                  QStringLiteral("2 valid, 1 invalid, 2 possible doubles; 0 to import."),
                                  TimeoutMs);
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("importButton"))->isEnabled());
        QCOMPARE(app.addRequests().size(), 2);
        dialog->reject();
    }
};

QTEST_MAIN(TestE2eImport)
#include "tst_e2e_import.moc"

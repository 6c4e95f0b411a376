// Issue 21: the import dialog on a file with good, bad and doubled rows — the counts, the problems-only
// filter, a cell fixed in the preview, a constant for a missing column, and the import itself, whose
// rows the sandbox on 127.0.0.1 receives.

#include "ImportDialog.h"
#include "IntegrationStack.h"
#include "TestEnvironment.h"
#include "import/ImportPreviewModel.h"
#include "import/LeadImporter.h"
#include "journal/Journal.h"
#include "sync/Outbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

namespace {

constexpr int TimeoutMs = 30000;

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QApplication::setAttribute(Qt::AA_Use96Dpi); }

    void init()
    {
        m_sandbox = std::make_unique<Sandbox>(SandboxOptions());
        QVERIFY(m_sandbox->listen() != 0);
        ApiConfig config;
        config.baseUrl = m_sandbox->baseUrl();
        config.user = QStringLiteral("demo");
        config.key = QStringLiteral("demo");
        config.transferTimeoutMs = 5000;
        m_stack = std::make_unique<IntegrationStack>();
        QVERIFY(m_stack->open(m_environment.path() + QStringLiteral("/journal.sqlite"), config));
        m_stack->outbox()->start();
    }
    void cleanup()
    {
        m_stack.reset();
        m_sandbox.reset();
    }

    void importsGoodRowsAfterFixingABadOne()
    {
        // UTF-8 with a BOM, commas, a comment over two lines; no IP column.
        const QString path = m_environment.path() + QStringLiteral("/orders.csv");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("\xEF\xBB\xBF"
                       "Order,Phone,Name,Offer,Comment\r\n"
                       "7001,+7 900 222-33-01,Ann,217,\"call after six\r\nnot before\"\r\n"
                       ",+7 900 222-33-02,Bob,217,\r\n"
                       ",not a phone,Cid,217,\r\n"
                       ",+7 900 222-33-02,Bob again,217,\r\n");
        }
        ImportDialog::Services services;
        services.target = ImportTarget(m_stack->journal(), m_stack->outbox(), IntegrationStack::profileId());
        services.mappingMemoryPath = m_environment.path() + QStringLiteral("/import-mappings.ini");
        ImportDialog dialog(services);
        dialog.show();
        QVERIFY(dialog.openFile(path));

        auto *counts = dialog.findChild<QLabel *>(QStringLiteral("countsLabel"));
        auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("importButton"));
        auto *view = dialog.findChild<QTableView *>(QStringLiteral("previewView"));
        QVERIFY(counts && importButton && view);
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("separatorCombo"))->currentData().toString(),
                 QStringLiteral(","));
        QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("headerCheck"))->isChecked());
        // The whole file is read on a thread: its columns come once it is.
        QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QComboBox *>(QStringLiteral("fieldCombo1")), TimeoutMs);
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("fieldCombo1"))->currentData().toString(),
                 QStringLiteral("phone"));

        // Without an IP nothing is valid; the constant fixes every row at once.
        QTRY_COMPARE_WITH_TIMEOUT(counts->text(),
                                  QStringLiteral("0 valid, 4 invalid, 0 possible doubles; 0 to import."),
                                  TimeoutMs);
        QVERIFY(!importButton->isEnabled());
        auto *ipEdit = dialog.findChild<QLineEdit *>(QStringLiteral("ipConstantEdit"));
        QVERIFY(ipEdit);
        QCOMPARE(ipEdit->accessibleName(), QStringLiteral("IP address (ip) where the file has none"));
        ipEdit->setFocus();
        QTest::keyClicks(ipEdit, QStringLiteral("12.34.56.78"));
        QTest::keyClick(ipEdit, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(counts->text(),
                                  QStringLiteral("3 valid, 1 invalid, 1 possible doubles; 2 to import."),
                                  TimeoutMs);

        // Only the problems: the bad phone and the double.
        dialog.findChild<QCheckBox *>(QStringLiteral("problemsOnlyCheck"))->click();
        QCOMPARE(view->model()->rowCount(), 2);
        const QModelIndex badPhone = view->model()->index(0, 2);
        QCOMPARE(badPhone.data().toString(), QStringLiteral("not a phone"));
        QVERIFY(!badPhone.data(ImportPreviewModel::ProblemRole).toString().isEmpty());

        // Fix it from the keyboard: F2, type, Enter.
        view->setFocus();
        view->setCurrentIndex(badPhone);
        QTest::keyClick(view, Qt::Key_F2);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("+7 900 222-33-03"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(counts->text(), QStringLiteral("4 valid, 0 invalid, 1 possible doubles; 3 to import."));
        QCOMPARE(view->model()->rowCount(), 1); // only the double is left to look at

        QVERIFY(importButton->isEnabled());
        importButton->click();
        auto *report = dialog.findChild<QLabel *>(QStringLiteral("reportLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(
            report->text().startsWith(QStringLiteral("Sent: 3. Rejected by the network: 0. "
                                                     "Waiting in the outbox: 0.")),
            TimeoutMs);

        // The sandbox received the three rows taken in, once each; not the double left out.
        const QHash<QString, int> perPhone =
            IntegrationLeads::addRequestsPerPhone(m_sandbox->receivedRequests());
        QCOMPARE(perPhone.value(QStringLiteral("79002223301")), 1);
        QCOMPARE(perPhone.value(QStringLiteral("79002223302")), 1);
        QCOMPARE(perPhone.value(QStringLiteral("79002223303")), 1);
        QCOMPARE(perPhone.size(), 3);
        const auto ann =
            m_stack->journal()->entryByOrderId(IntegrationStack::profileId(), QStringLiteral("7001"));
        QVERIFY(ann);
        QCOMPARE(ann->lead.comm, QStringLiteral("call after six\r\nnot before"));

        // After the import, the same rows show as known, and nothing is left to import.
        QTRY_COMPARE_WITH_TIMEOUT(counts->text(),
                                  QStringLiteral("4 valid, 0 invalid, 4 possible doubles; 0 to import."),
                                  TimeoutMs);
        QVERIFY(!importButton->isEnabled());

        // The mapping and the IP constant are remembered for this header.
        ColumnMapping remembered;
        QVERIFY(ImportMappingMemory(services.mappingMemoryPath)
                    .recall({QStringLiteral("Order"), QStringLiteral("Phone"), QStringLiteral("Name"),
                             QStringLiteral("Offer"), QStringLiteral("Comment")},
                            &remembered));
        QCOMPARE(remembered.constant(QStringLiteral("ip")), QStringLiteral("12.34.56.78"));
    }

    // A file whose row the network rejected, corrected and opened again: the preview says that row goes
    // again, the report says it went, and the sandbox receives it a second time - and nothing else.
    void correctedRejectedRowIsShownAndSentAgain()
    {
        const QString path = m_environment.path() + QStringLiteral("/rejected.csv");
        const auto write = [&path](const QByteArray &secondPhone) {
            QFile file(path);
            if (file.open(QIODevice::WriteOnly))
                file.write("id,phone,name,offer,ip\r\n"
                           "8001,+7 900 444-55-01,Ann,217,12.34.56.78\r\n"
                           "8002," +
                           secondPhone + ",Bob,217,12.34.56.78\r\n");
        };
        write("77777777777"); // banned by the sandbox
        ImportDialog dialog(
            {ImportTarget(m_stack->journal(), m_stack->outbox(), IntegrationStack::profileId()), QString()});
        dialog.show();
        auto *counts = dialog.findChild<QLabel *>(QStringLiteral("countsLabel"));
        auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("importButton"));
        auto *report = dialog.findChild<QLabel *>(QStringLiteral("reportLabel"));
        QVERIFY(dialog.openFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(importButton->isEnabled(), TimeoutMs);
        importButton->click();
        QTRY_VERIFY_WITH_TIMEOUT(report->text().startsWith(QStringLiteral(
                                     "Sent: 1. Rejected by the network: 1. Waiting in the outbox: 0.")),
                                 TimeoutMs);

        write("+7 900 444-55-02");
        QVERIFY(dialog.openFile(path));
        // (No translator here: the sentences are the sources' own plural forms.)
        QTRY_COMPARE_WITH_TIMEOUT(counts->text(),
                                  QStringLiteral("2 valid, 0 invalid, 1 possible doubles; 1 to import. 1 of "
                                                 "them correct orders the network rejected, and will be "
                                                 "sent again."),
                                  TimeoutMs);
        const QModelIndex state = dialog.previewModel()->index(1, ImportPreviewModel::StateColumn);
        QCOMPARE(state.data().toString(), QStringLiteral("Line 3: corrected, sent again"));
        QVERIFY(state.data(ImportPreviewModel::ProblemRole).toString().contains(QStringLiteral("8002")));
        importButton->click();
        QTRY_VERIFY_WITH_TIMEOUT(report->text().startsWith(QStringLiteral(
                                     "Sent: 1. Rejected by the network: 0. Waiting in the outbox: 0.\n"
                                     "1 corrected rows were stored again under the order ids the network "
                                     "had rejected.")),
                                 TimeoutMs);
        const QHash<QString, int> perPhone =
            IntegrationLeads::addRequestsPerPhone(m_sandbox->receivedRequests());
        QCOMPARE(perPhone.value(QStringLiteral("79004445501")), 1);
        QCOMPARE(perPhone.value(QStringLiteral("77777777777")), 1);
        QCOMPARE(perPhone.value(QStringLiteral("79004445502")), 1);
        QCOMPARE(perPhone.size(), 3);
    }

    void refusesABinaryFileInWords()
    {
        const QString path = m_environment.path() + QStringLiteral("/photo.png");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 24));
        }
        ImportDialog dialog(
            {ImportTarget(m_stack->journal(), m_stack->outbox(), IntegrationStack::profileId()), QString()});
        dialog.show();
        QVERIFY(!dialog.openFile(path));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("fileProblemLabel"));
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(QStringLiteral("not a text file")));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("importButton"))->isEnabled());
    }

private:
    TestEnvironment m_environment;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<IntegrationStack> m_stack;
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"

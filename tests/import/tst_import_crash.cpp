// Issue 21: an import killed with SIGKILL in the middle of a batch resumes without loss or doubles —
// importing the same file again stores exactly the rows that were not stored, and the sandbox on
// 127.0.0.1 receives every row exactly once.

#include "IntegrationStack.h"
#include "TestEnvironment.h"
#include "import/CsvDecoder.h"
#include "import/LeadImporter.h"
#include "journal/Journal.h"
#include "sync/Outbox.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

class TestImportCrash : public QObject
{
    Q_OBJECT

private slots:
    void resumesWithoutLossOrDoubles()
    {
        constexpr int Rows = 600;
        constexpr int KillAt = LeadImporter::BatchSize + 150; // inside the second batch
        const QString csv = m_environment.path() + QStringLiteral("/orders.csv");
        const QString journalPath = m_environment.path() + QStringLiteral("/journal.sqlite");
        {
            // Half the rows bring their own order id, half get ours.
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("id;phone;offer;ip\r\n");
            for (int i = 0; i < Rows; ++i) {
                const QByteArray id = i % 2 ? QByteArray::number(900000 + i) : QByteArray();
                file.write(id + ";7900666" + QByteArray::number(i).rightJustified(4, '0') +
                           ";217;12.34.56.78\r\n");
            }
        }
        QProcess crasher;
        crasher.start(QStringLiteral(IMPORT_CRASHER_EXE), {journalPath, csv, QString::number(KillAt)});
        QVERIFY(crasher.waitForFinished(60000));
        QCOMPARE(crasher.exitStatus(), QProcess::CrashExit);

        Sandbox sandbox{SandboxOptions()};
        QVERIFY(sandbox.listen() != 0);
        ApiConfig config;
        config.baseUrl = sandbox.baseUrl();
        config.user = QStringLiteral("demo");
        config.key = QStringLiteral("demo");
        IntegrationStack stack;
        QVERIFY(stack.open(journalPath, config));
        const QString profile = IntegrationStack::profileId();
        // The first batch was committed; the second, cut short, left nothing.
        QCOMPARE(stack.journal()->rows(profile).size(), qsizetype(LeadImporter::BatchSize));

        // The same file again, every row taken in (the operator overrides the doubles' default).
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const QString text = CsvDecoder::decode(bytes, CsvDecoder::detect(bytes));
        const CsvTable table = CsvParser::parse(text, {CsvParser::detectSeparator(text), true});
        QVector<ImportRow> rows = ImportCheck::checkAll(
            table, ColumnMapping::guessed(table.header, table.columnCount),
            ImportContext::fromJournal(stack.journal()->rows(profile), QDateTime::currentMSecsSinceEpoch()));
        for (ImportRow &row : rows)
            row.excluded = false;
        LeadImporter importer(stack.journal(), stack.outbox(), profile);
        QSignalSpy finished(&importer, &LeadImporter::finished);
        importer.start(rows, table.header);
        QVERIFY(finished.wait(60000));
        QCOMPARE(importer.count(LeadImporter::State::AlreadyImported), LeadImporter::BatchSize);
        QCOMPARE(stack.journal()->rows(profile).size(), qsizetype(Rows));

        // Everything goes out: the rows stored before the kill and those stored now, each once.
        stack.outbox()->start();
        QTRY_COMPARE_WITH_TIMEOUT(stack.outbox()->waitingCount(), 0, 120000);
        const QHash<QString, int> perPhone =
            IntegrationLeads::addRequestsPerPhone(sandbox.receivedRequests());
        QCOMPARE(perPhone.size(), Rows);
        for (auto it = perPhone.cbegin(); it != perPhone.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
    }

private:
    TestEnvironment m_environment;
};

QTEST_GUILESS_MAIN(TestImportCrash)
#include "tst_import_crash.moc"

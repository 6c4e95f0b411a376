#include "import/ImportCheck.h"
#include "import/ImportFields.h"
#include "import/ImportFileReader.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

class TestImportCheck : public QObject
{
    Q_OBJECT

private:
    static CsvTable table(const QString &text) { return CsvParser::parse(text, {u';', true}); }

private slots:
    void reasonsBesideTheirCells()
    {
        const CsvTable file = table(QStringLiteral("Номер заказа;Телефон;ФИО;Оффер\n"
                                                   "1001;+7 900 123-45-67;Ann;135\n"
                                                   "1002;12-CALL-NOW;Bob;135\n"
                                                   "1003;79001234569;Cid;\n"));
        ColumnMapping mapping = ColumnMapping::guessed(file.header, file.columnCount);
        mapping.setConstant(QStringLiteral("ip"), QStringLiteral("127.0.0.1"));
        const QVector<ImportRow> rows = ImportCheck::checkAll(file, mapping, {});
        QCOMPARE(rows.size(), 3);
        QVERIFY(rows.at(0).isValid());
        QCOMPARE(rows.at(0).lead.phone, QStringLiteral("79001234567"));
        QCOMPARE(rows.at(0).lead.orderId, QStringLiteral("1001"));
        QCOMPARE(rows.at(0).line, 2);
        QVERIFY(!rows.at(1).isValid());
        QCOMPARE(rows.at(1).problems.size(), 1);
        QCOMPARE(rows.at(1).problems.at(0).column, 1);
        QCOMPARE(rows.at(1).problemAt(1), LeadValidator::checkPhone(QStringLiteral("12-CALL-NOW")));
        QVERIFY(!rows.at(2).problemAt(3).isEmpty()); // the offer is required
        const ImportCheck::Counts counts = ImportCheck::count(rows);
        QCOMPARE(counts.valid, 1);
        QCOMPARE(counts.invalid, 2);
        QCOMPARE(counts.toImport, 1);
    }

    void missingConstantIsNamed()
    {
        const CsvTable file = table(QStringLiteral("phone;offer\n79001234567;135\n"));
        const QVector<ImportRow> rows =
            ImportCheck::checkAll(file, ColumnMapping::guessed(file.header, file.columnCount), {});
        QCOMPARE(rows.at(0).problems.size(), 1); // no IP: neither a column nor a constant
        QCOMPARE(rows.at(0).problems.at(0).column, -1);
        QVERIFY(rows.at(0).problems.at(0).message.contains(QStringLiteral("(ip)")));
    }

    void duplicates()
    {
        const CsvTable file = table(QStringLiteral("id;phone;offer;ip\n"
                                                   "1;79001234567;135;1.2.3.4\n"
                                                   ";79001234568;135;1.2.3.4\n"
                                                   ";79001234568;135;1.2.3.4\n"
                                                   ";79001234599;135;1.2.3.4\n"
                                                   "5;79001234500;135;1.2.3.4\n"
                                                   "5;79001234501;135;1.2.3.4\n"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        JournalRow recent;
        recent.orderId = QStringLiteral("900");
        recent.phone = QStringLiteral("79001234599");
        recent.offer = QStringLiteral("135");
        recent.createdAtMs = now - 60 * 60 * 1000;
        JournalRow old = recent;
        old.orderId = QStringLiteral("1");
        old.phone = QStringLiteral("79001234500");
        old.createdAtMs = now - 3 * ImportCheck::DuplicateWindowMs;
        const ImportContext context = ImportContext::fromJournal({recent, old}, now);

        const QVector<ImportRow> rows =
            ImportCheck::checkAll(file, ColumnMapping::guessed(file.header, file.columnCount), context);
        QVERIFY(rows.at(0).alreadyImported); // order 1 is in the journal
        QVERIFY(!rows.at(0).willImport());
        QVERIFY(rows.at(1).duplicateReason.isEmpty());
        QVERIFY(rows.at(2).duplicateReason.contains(QStringLiteral("line 3")));
        QVERIFY(rows.at(3).duplicateReason.contains(QStringLiteral("24 hours")));
        QVERIFY(rows.at(4).isValid()); // its phone's lead is older than a day
        QVERIFY(rows.at(4).duplicateReason.isEmpty());
        QVERIFY(!rows.at(5).isValid()); // order 5 twice in the file
        QCOMPARE(ImportCheck::count(rows).duplicates, 3);
    }

    void correctedRejectedRowsGoAgain()
    {
        // Order 10 was rejected; 11 was rejected too, and 12 is waiting for a retry.
        const CsvTable file = table(QStringLiteral("id;phone;name;offer;ip\n"
                                                   "10;79001230010;Corrected name;135;1.2.3.4\n"
                                                   "11;79001230011;Same;135;1.2.3.4\n"
                                                   "12;79001230012;Other name;135;1.2.3.4\n"));
        const ColumnMapping mapping = ColumnMapping::guessed(file.header, file.columnCount);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QVector<ImportRow> asStored = ImportCheck::checkAll(file, mapping, {});
        QList<JournalEntry> entries;
        QVector<JournalRow> rows;
        for (int i = 0; i < 3; ++i) {
            JournalEntry entry;
            entry.orderId = entry.key = asStored.at(i).lead.orderId;
            entry.lead = asStored.at(i).lead;
            entry.sendState = i == 2 ? SendState::Queued : SendState::Rejected;
            entry.errorCode = QStringLiteral("ban");
            entry.createdAt = QDateTime::fromMSecsSinceEpoch(now - 60 * 1000);
            entries.append(entry);
            JournalRow row;
            row.orderId = entry.orderId;
            row.phone = entry.lead.phone;
            row.offer = entry.lead.offer;
            row.createdAtMs = now - 60 * 1000;
            rows.append(row);
        }
        entries[0].lead.name = QStringLiteral("Wrong name");
        entries[2].lead.name = QStringLiteral("Wrong name");
        ImportContext context = ImportContext::fromJournal(rows, now);
        context.addRejected(entries, now);

        const QVector<ImportRow> checked = ImportCheck::checkAll(file, mapping, context);
        // Changed since it was rejected: it goes again, and the lead it corrects is no double of it.
        QVERIFY(checked.at(0).resend);
        QVERIFY(checked.at(0).duplicateReason.isEmpty());
        QVERIFY(checked.at(0).willImport());
        QVERIFY(checked.at(0).resendReason.contains(QStringLiteral("ban")));
        // Unchanged: it would be refused again.
        QVERIFY(!checked.at(1).resend);
        QVERIFY(checked.at(1).alreadyImported);
        QVERIFY(checked.at(1).duplicateReason.contains(QStringLiteral("unchanged")));
        // Waiting for a retry, not refused: never a second send from a file.
        QVERIFY(!checked.at(2).resend);
        QVERIFY(checked.at(2).alreadyImported);
        const ImportCheck::Counts counts = ImportCheck::count(checked);
        QCOMPARE(counts.toImport, 1);
        QCOMPARE(counts.toResend, 1);
    }

    void fileReaderAnswersOnlyTheNewestRead()
    {
        // The operator switched the separator before the first reading was done: only the second counts.
        ImportFileReader reader;
        QSignalSpy done(&reader, &ImportFileReader::done);
        const QByteArray bytes("phone;offer\n79001234567;135\n");
        reader.read(bytes, CsvEncoding::Utf8, {u',', true});
        QVERIFY(reader.isBusy());
        reader.read(bytes, CsvEncoding::Utf8, {u';', true});
        QTRY_COMPARE(done.size(), 1);
        QVERIFY(!reader.isBusy()); // nothing left that could answer again
        const auto table = done.at(0).at(0).value<CsvTable>();
        QCOMPARE(table.columnCount, 2);
        QCOMPARE(table.rows.value(0).value(0), QStringLiteral("79001234567"));
    }

    void hundredThousandRowsOffTheGuiThread()
    {
        QString text = QStringLiteral("id;phone;name;offer;ip\n");
        for (int i = 0; i < 100'000; ++i)
            text +=
                QStringLiteral("%1;+7 900 %2;Name %1;135;10.0.0.1\n").arg(1'000'000 + i).arg(1'000'000 + i);
        const CsvTable file = table(text);
        QCOMPARE(file.rows.size(), 100'000);
        ImportChecker checker;
        QSignalSpy spy(&checker, &ImportChecker::checked);
        QElapsedTimer timer;
        timer.start();
        checker.check(file, ColumnMapping::guessed(file.header, file.columnCount), {});
        QVERIFY(checker.isBusy());
        // The event loop keeps turning while the rows are checked.
        int turns = 0;
        while (spy.isEmpty() && timer.elapsed() < 60'000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            ++turns;
        }
        QCOMPARE(spy.size(), 1);
        const auto rows = spy.at(0).at(0).value<QVector<ImportRow>>();
        QCOMPARE(rows.size(), 100'000);
        QCOMPARE(ImportCheck::count(rows).valid, 100'000);
        qInfo("100,000 rows checked in %lld ms (%d event-loop turns meanwhile)", timer.elapsed(), turns);
    }
};

QTEST_GUILESS_MAIN(TestImportCheck)
#include "tst_importcheck.moc"

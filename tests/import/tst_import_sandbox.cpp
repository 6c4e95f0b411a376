// Issue 21: a file's valid rows reach the network exactly once, through the outbox the form uses; a
// second import of the same file sends nothing (the sandbox counts what it received).

#include "IntegrationStack.h"
#include "TestEnvironment.h"
#include "api/FormCodec.h"
#include "import/CsvDecoder.h"
#include "import/LeadImporter.h"
#include "journal/Journal.h"
#include "sync/Outbox.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr int TimeoutMs = 30000;

// Windows-1251, as Russian Excel saves "CSV (разделители — точки с запятой)".
QByteArray fixture()
{
    const QString text = QStringLiteral("Номер заказа;Телефон;ФИО;Оффер;IP\r\n"
                                        "5001;+7 900 111-22-01;Анна;217;12.34.56.78\r\n"
                                        ";+7 900 111-22-02;Борис;217;12.34.56.78\r\n"
                                        ";12-CALL-NOW;Плохой;217;12.34.56.78\r\n"
                                        ";79999999999;Забанен;217;12.34.56.78\r\n"
                                        ";7 900 1112202;Борис снова;217;12.34.56.78\r\n");
    QByteArray bytes;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if (u < 0x80)
            bytes += char(u);
        else if (u >= 0x0410 && u <= 0x044F)
            bytes += char(0xC0 + (u - 0x0410));
        else
            bytes += '?';
    }
    return bytes;
}

// What the sandbox received: how many add.json requests carried each of our order ids.
QHash<QString, int> addRequestsPerOrderId(const QList<SandboxRequest> &requests)
{
    QHash<QString, int> counts;
    for (const SandboxRequest &request : requests) {
        if (request.path == "/ext/add.json")
            ++counts[FormCodec::decode(request.body).value(QStringLiteral("id")).toString()];
    }
    return counts;
}

// Two orders with their own ids; the second has a phone the sandbox bans, until `corrected` (not the
// banned phone of the first test: the journal outlives a test, and it would be a double of it).
QByteArray ordersWithIds(bool corrected)
{
    return QByteArray("id,phone,name,offer,ip\r\n"
                      "7001,+7 900 222-33-01,Anna,217,12.34.56.78\r\n"
                      "7002,") +
           (corrected ? "+7 900 222-33-02" : "77777777777") + ",Boris,217,12.34.56.78\r\n";
}

} // namespace

class TestImportSandbox : public QObject
{
    Q_OBJECT

private slots:
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
        m_path = m_environment.path() + QStringLiteral("/orders.csv");
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(fixture()) > 0);
    }
    void cleanup()
    {
        m_stack.reset();
        m_sandbox.reset();
    }

    void validRowsReachTheNetworkOnceAndOnlyOnce()
    {
        std::unique_ptr<LeadImporter> first = importFile(true);
        QCOMPARE(first->count(LeadImporter::State::Invalid), 1);
        QTRY_COMPARE_WITH_TIMEOUT(first->count(LeadImporter::State::Sent), 2, TimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(first->count(LeadImporter::State::Rejected), 1, TimeoutMs);
        QCOMPARE(first->count(LeadImporter::State::Waiting), 0);

        // What the sandbox received: each valid row once, nothing of the invalid or left-out rows.
        const QHash<QString, int> perPhone =
            IntegrationLeads::addRequestsPerPhone(m_sandbox->receivedRequests());
        QCOMPARE(perPhone.value(QStringLiteral("79001112201")), 1);
        QCOMPARE(perPhone.value(QStringLiteral("79001112202")), 1);
        QCOMPARE(perPhone.value(QStringLiteral("79999999999")), 1);
        QCOMPARE(perPhone.size(), 3);
        // The file's own order id was kept.
        const auto kept =
            m_stack->journal()->entryByOrderId(IntegrationStack::profileId(), QStringLiteral("5001"));
        QVERIFY(kept);
        QCOMPARE(kept->lead.phone, QStringLiteral("79001112201"));

        // The report file: the invalid and the rejected rows, each with its reason in words.
        const QString report = QString::fromUtf8(first->problemRowsCsv());
        QVERIFY(report.contains(QStringLiteral("Плохой")));
        QVERIFY(report.contains(QStringLiteral("Забанен")));
        QVERIFY(!report.contains(QStringLiteral("Анна")));
        QCOMPARE(report.count(QStringLiteral("\r\n")), 3);

        const int addsBefore = IntegrationLeads::requestCount(m_sandbox->receivedRequests(), "/ext/add.json");
        QCOMPARE(addsBefore, 3);

        // The same file again: every row is known, nothing is stored, so nothing can be sent.
        std::unique_ptr<LeadImporter> second = importFile(false);
        QCOMPARE(second->total(), 2); // the two rows without an id (and not left out) were tried ...
        QCOMPARE(second->count(LeadImporter::State::AlreadyImported), 3); // ... and, with 5001, known
        QCOMPARE(second->count(LeadImporter::State::Waiting), 0);
        QCOMPARE(m_stack->outbox()->waitingCount(), 0);
        QCOMPARE(IntegrationLeads::requestCount(m_sandbox->receivedRequests(), "/ext/add.json"), addsBefore);
    }

    // A row the network rejected, corrected in the file and imported again, goes again under its own
    // order id - once; the rows that went through, and an unchanged rejected row, are not sent again.
    void correctedRejectedRowIsSentAgainOnce()
    {
        const QString profile = IntegrationStack::profileId();
        std::unique_ptr<LeadImporter> first = importOrders(ordersWithIds(false));
        QCOMPARE(m_previewCounts.toImport, 2);
        QCOMPARE(m_previewCounts.toResend, 0);
        QTRY_COMPARE_WITH_TIMEOUT(first->count(LeadImporter::State::Sent), 1, TimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(first->count(LeadImporter::State::Rejected), 1, TimeoutMs);
        QHash<QString, int> received = addRequestsPerOrderId(m_sandbox->receivedRequests());
        QCOMPARE(received.value(QStringLiteral("7001")), 1);
        QCOMPARE(received.value(QStringLiteral("7002")), 1);

        // The same file: the rejected row is unchanged, so it would only be refused again.
        std::unique_ptr<LeadImporter> unchanged = importOrders(ordersWithIds(false));
        QCOMPARE(m_previewCounts.toImport, 0);
        QCOMPARE(m_previewCounts.toResend, 0);
        QCOMPARE(unchanged->count(LeadImporter::State::AlreadyImported), 2);
        QVERIFY(unchanged->outcomes().at(1).reason.contains(QStringLiteral("unchanged")));
        QCOMPARE(addRequestsPerOrderId(m_sandbox->receivedRequests()), received);

        // Corrected: only that row goes, as a correction of order 7002 (not a new lead).
        const qsizetype leadsBefore = m_stack->journal()->rows(profile).size();
        std::unique_ptr<LeadImporter> fixed = importOrders(ordersWithIds(true));
        QCOMPARE(m_previewCounts.toImport, 1);
        QCOMPARE(m_previewCounts.toResend, 1);
        QCOMPARE(fixed->resentCount(), 1);
        QCOMPARE(fixed->count(LeadImporter::State::AlreadyImported), 1);
        QTRY_COMPARE_WITH_TIMEOUT(fixed->count(LeadImporter::State::Sent), 1, TimeoutMs);
        QCOMPARE(fixed->outcomes().at(1).orderId, QStringLiteral("7002"));
        received = addRequestsPerOrderId(m_sandbox->receivedRequests());
        QCOMPARE(received.value(QStringLiteral("7001")), 1);
        QCOMPARE(received.value(QStringLiteral("7002")), 2);
        QCOMPARE(received.size(), 2);
        QCOMPARE(m_stack->journal()->rows(profile).size(), leadsBefore);
        const auto resent = m_stack->journal()->entryByOrderId(profile, QStringLiteral("7002"));
        QVERIFY(resent);
        QCOMPARE(resent->sendState, SendState::Sent);
        QCOMPARE(resent->lead.phone, QStringLiteral("79002223302"));

        // And again: everything went through, nothing more is sent.
        std::unique_ptr<LeadImporter> again = importOrders(ordersWithIds(true));
        QCOMPARE(m_previewCounts.toImport, 0);
        QCOMPARE(m_previewCounts.toResend, 0);
        QCOMPARE(again->count(LeadImporter::State::AlreadyImported), 2);
        QCOMPARE(addRequestsPerOrderId(m_sandbox->receivedRequests()), received);
    }

    void cancelStopsBetweenBatches()
    {
        // 600 valid rows: the first batch is stored, then the import stops; the rest are not stored.
        QString text = QStringLiteral("phone;offer;ip\n");
        for (int i = 0; i < 600; ++i)
            text += QStringLiteral("7900555%1;217;12.34.56.78\n").arg(i, 4, 10, QLatin1Char('0'));
        const CsvTable table = CsvParser::parse(text, {u';', true});
        const QVector<ImportRow> rows =
            ImportCheck::checkAll(table, ColumnMapping::guessed(table.header, table.columnCount), {});
        QCOMPARE(ImportCheck::count(rows).toImport, 600);
        const qsizetype before = m_stack->journal()->rows(IntegrationStack::profileId()).size();
        LeadImporter importer(m_stack->journal(), m_stack->outbox(), IntegrationStack::profileId());
        QSignalSpy finished(&importer, &LeadImporter::finished);
        connect(&importer, &LeadImporter::progress, &importer, &LeadImporter::cancel);
        importer.start(rows, table.header);
        QVERIFY(finished.wait(TimeoutMs));
        QVERIFY(importer.wasCancelled());
        QCOMPARE(importer.done(), LeadImporter::BatchSize);
        QCOMPARE(importer.count(LeadImporter::State::Waiting) + importer.count(LeadImporter::State::Sent),
                 LeadImporter::BatchSize);
        QCOMPARE(importer.count(LeadImporter::State::Stopped), 600 - LeadImporter::BatchSize);
        QCOMPARE(m_stack->journal()->rows(IntegrationStack::profileId()).size() - before,
                 qsizetype(LeadImporter::BatchSize));
    }

private:
    // Checks the file as the dialog does (its context read from the journal; its counts kept in
    // m_previewCounts) and imports what the preview would.
    std::unique_ptr<LeadImporter> importOrders(const QByteArray &bytes)
    {
        const QString text = CsvDecoder::decode(bytes, CsvDecoder::detect(bytes));
        const CsvTable table = CsvParser::parse(text, {CsvParser::detectSeparator(text), true});
        const ImportContext context = ImportContext::read(*m_stack->journal(), IntegrationStack::profileId(),
                                                          QDateTime::currentMSecsSinceEpoch());
        const QVector<ImportRow> rows =
            ImportCheck::checkAll(table, ColumnMapping::guessed(table.header, table.columnCount), context);
        m_previewCounts = ImportCheck::count(rows);
        auto importer = std::make_unique<LeadImporter>(m_stack->journal(), m_stack->outbox(),
                                                       IntegrationStack::profileId());
        QSignalSpy finished(importer.get(), &LeadImporter::finished);
        importer->start(rows, table.header);
        if (!finished.wait(TimeoutMs))
            qWarning("the import did not finish");
        return importer;
    }

    std::unique_ptr<LeadImporter> importFile(bool firstTime)
    {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly))
            return nullptr;
        const QByteArray bytes = file.readAll();
        const QString text = CsvDecoder::decode(bytes, CsvDecoder::detect(bytes));
        const CsvTable table = CsvParser::parse(text, {CsvParser::detectSeparator(text), true});
        const ColumnMapping mapping = ColumnMapping::guessed(table.header, table.columnCount);
        const ImportContext context = ImportContext::fromJournal(
            m_stack->journal()->rows(IntegrationStack::profileId()), QDateTime::currentMSecsSinceEpoch());
        QVector<ImportRow> rows = ImportCheck::checkAll(table, mapping, context);
        if (firstTime) {
            // The fifth row is the second's customer again: left out unless the operator takes it in.
            if (!rows.at(4).duplicateReason.contains(QStringLiteral("line 3")) || !rows.at(4).excluded)
                qWarning("the double was not seen: %s", qPrintable(rows.at(4).duplicateReason));
        } else {
            if (!rows.at(0).alreadyImported)
                qWarning("order 5001 was not recognised as imported");
            // Rows 3 and 5 (without ids) are now suspected doubles of what the journal holds and start
            // left out; the operator takes them in anyway: the journal still knows them.
            rows[1].excluded = false;
            rows[3].excluded = false;
        }
        auto importer = std::make_unique<LeadImporter>(m_stack->journal(), m_stack->outbox(),
                                                       IntegrationStack::profileId());
        QSignalSpy finished(importer.get(), &LeadImporter::finished);
        importer->start(rows, table.header);
        if (!finished.wait(TimeoutMs))
            qWarning("the import did not finish");
        return importer;
    }

    TestEnvironment m_environment;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<IntegrationStack> m_stack;
    QString m_path;
    ImportCheck::Counts m_previewCounts;
};

QTEST_GUILESS_MAIN(TestImportSandbox)
#include "tst_import_sandbox.moc"

#include "StatusDataSet.h"
#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "status/CsvExport.h"
#include "status/LeadFilterProxy.h"
#include "status/LeadTableModel.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString profile = QStringLiteral("profile-a");
const QString canaryKey = QStringLiteral("k3y-CANARY-5f1e0c9d");

// A strict RFC 4180 reader written apart from the code under test, so one misreading cannot hide
// another: fields quoted or not, "" inside quotes, CRLF between records (a bare LF only inside
// quotes). Fails the test on anything else.
QList<QStringList> readRfc4180(const QString &text, bool *ok)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    *ok = true;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text.at(i) == QLatin1Char('"')) {
            ++i;
            for (;;) {
                if (i >= n) {
                    *ok = false; // unterminated quote
                    return records;
                }
                if (text.at(i) == QLatin1Char('"')) {
                    if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                        field.append(QLatin1Char('"'));
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.append(text.at(i++));
            }
        } else {
            while (i < n && text.at(i) != QLatin1Char(',') && text.at(i) != QLatin1Char('\r')) {
                if (text.at(i) == QLatin1Char('"') || text.at(i) == QLatin1Char('\n')) {
                    *ok = false; // a quote or bare line feed in an unquoted field
                    return records;
                }
                field.append(text.at(i++));
            }
        }
        record.append(field);
        field.clear();
        if (i >= n) {
            *ok = false; // the last record must end with CRLF
            return records;
        }
        if (text.at(i) == QLatin1Char(',')) {
            ++i;
            continue;
        }
        if (text.mid(i, 2) != QLatin1String("\r\n")) {
            *ok = false;
            return records;
        }
        i += 2;
        records.append(record);
        record.clear();
    }
    return records;
}

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void quotesOnlyWhatNeedsIt_data();
    void quotesOnlyWhatNeedsIt();
    void roundTripsWhatIsShown();
    void writesBomAndCrlf();
    void neverWritesTheKey();
    void reportsAFileThatCannotBeWritten();

private:
    TestEnvironment m_env;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<LeadTableModel> m_model;
    std::unique_ptr<LeadFilterProxy> m_proxy;
};

void TestCsvExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_journal = std::make_unique<Journal>();
    QVERIFY(m_journal->open(m_dir->filePath(QStringLiteral("journal.sqlite"))));
    QVERIFY(StatusDataSet::fill(*m_journal, profile));
    m_model = std::make_unique<LeadTableModel>(m_journal.get());
    m_model->setProfile(profile);
    m_proxy = std::make_unique<LeadFilterProxy>();
    m_proxy->setSourceModel(m_model.get());
}

void TestCsvExport::cleanup()
{
    m_proxy.reset();
    m_model.reset();
    m_journal.reset();
    m_dir.reset();
}

void TestCsvExport::quotesOnlyWhatNeedsIt_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << QStringLiteral("Anna") << QStringLiteral("Anna");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("line feed") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("carriage return") << QStringLiteral("a\r\nb") << QStringLiteral("\"a\r\nb\"");
    QTest::newRow("formula") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
    QTest::newRow("at sign") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("negative number stays") << QStringLiteral("-5") << QStringLiteral("-5");
    QTest::newRow("plus phone stays a number")
        << QStringLiteral("+79001234567") << QStringLiteral("+79001234567");
    QTest::newRow("formula with comma") << QStringLiteral("=A1,B1") << QStringLiteral("\"'=A1,B1\"");
}

void TestCsvExport::quotesOnlyWhatNeedsIt()
{
    QFETCH(QString, value);
    QFETCH(QString, field);
    QCOMPARE(CsvExport::field(value), field);
}

void TestCsvExport::roundTripsWhatIsShown()
{
    // What is shown: filtered, sorted, some columns, in the user's order.
    m_proxy->setCountry(QStringLiteral("ru"));
    m_proxy->sort(LeadTableModel::OrderId, Qt::DescendingOrder);
    const QList<int> columns = {LeadTableModel::Name,   LeadTableModel::OrderId, LeadTableModel::Stage,
                                LeadTableModel::Reason, LeadTableModel::Comment, LeadTableModel::Created};
    const QByteArray bytes = CsvExport::toCsv(*m_proxy, columns, LeadTableModel::ExportRole);
    bool ok = false;
    const QList<QStringList> records = readRfc4180(QString::fromUtf8(bytes.mid(3)), &ok);
    QVERIFY2(ok, bytes.constData());
    QCOMPARE(records.size(), m_proxy->rowCount() + 1);
    QCOMPARE(records.first(),
             (QStringList{QStringLiteral("Name"), QStringLiteral("Order id"), QStringLiteral("Stage"),
                          QStringLiteral("Reason"), QStringLiteral("Comment"), QStringLiteral("Created")}));
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        QStringList expected;
        for (const int column : columns)
            expected << m_proxy->index(row, column).data(LeadTableModel::ExportRole).toString();
        if (expected.first().startsWith(QLatin1Char('=')))
            expected.first().prepend(QLatin1Char('\'')); // neutralised, see CsvExport
        QCOMPARE(records.at(row + 1), expected);
    }
    QCOMPARE(records.at(1).at(1), QStringLiteral("12345678901234567890123"));
    QCOMPARE(records.at(1).at(0), QStringLiteral("'=HYPERLINK(\"http://x\")"));
    QCOMPARE(records.last().at(1), QStringLiteral("9"));
    QCOMPARE(records.last().at(5), QStringLiteral("2024-03-01 12:00:00"));

    // Every column, with the quotes, commas, line breaks and non-Latin letters of the whole set.
    m_proxy->clearFilters();
    QList<int> all;
    for (int column = 0; column < LeadTableModel::NB_COLUMNS; ++column)
        all << column;
    const QList<QStringList> everything = readRfc4180(
        QString::fromUtf8(CsvExport::toCsv(*m_proxy, all, LeadTableModel::ExportRole).mid(3)), &ok);
    QVERIFY(ok);
    QCOMPARE(everything.size(), m_model->rowCount() + 1);
    bool sawHans = false;
    for (const QStringList &record : everything) {
        QCOMPARE(record.size(), int(LeadTableModel::NB_COLUMNS));
        if (record.at(LeadTableModel::OrderId) == QLatin1String("15")) {
            sawHans = true;
            QCOMPARE(record.at(LeadTableModel::Name), QStringLiteral("Hans \"Jr\", Müller"));
            QCOMPARE(record.at(LeadTableModel::Comment), QStringLiteral("call back\nafter 6pm"));
        }
    }
    QVERIFY(sawHans);
}

void TestCsvExport::writesBomAndCrlf()
{
    const QString path = m_dir->filePath(QStringLiteral("leads.csv"));
    QString error;
    QVERIFY2(CsvExport::writeFile(*m_proxy, {LeadTableModel::OrderId, LeadTableModel::Name},
                                  LeadTableModel::ExportRole, path, &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.startsWith("\xEF\xBB\xBFOrder id,Name\r\n"));
    QVERIFY(bytes.endsWith("\r\n"));
    QVERIFY(bytes.contains("M\xC3\xBCller")); // UTF-8
    // Every line feed is part of a CRLF except those inside a quoted comment... and this export has
    // no comment column, so none stands alone.
    QCOMPARE(bytes.count("\n"), bytes.count("\r\n"));
}

void TestCsvExport::neverWritesTheKey()
{
    // The key lives where the settings keep it; a lead's stored request could in theory carry a
    // signature made with it. Neither may reach an export.
    QSettings settings;
    settings.setValue(QStringLiteral("profiles/") + profile + QStringLiteral("/key"), canaryKey);
    Lead lead;
    lead.orderId = QStringLiteral("777");
    lead.offer = QStringLiteral("10");
    lead.phone = QStringLiteral("79001112233");
    QVERIFY(m_journal->addLead(profile, lead.orderId, lead, StatusDataSet::createdMs(8)));
    QVERIFY(m_journal->markSending(profile, lead.orderId, QByteArray("id=777&sign=") + canaryKey.toUtf8(),
                                   StatusDataSet::createdMs(8)));
    QList<int> all;
    for (int column = 0; column < LeadTableModel::NB_COLUMNS; ++column)
        all << column;
    const QString path = m_dir->filePath(QStringLiteral("all.csv"));
    QVERIFY(CsvExport::writeFile(*m_proxy, all, LeadTableModel::ExportRole, path, nullptr));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("777"));
    QVERIFY(!bytes.contains(canaryKey.toUtf8()));
}

void TestCsvExport::reportsAFileThatCannotBeWritten()
{
    QString error;
    const QString path = m_dir->filePath(QStringLiteral("no/such/folder/x.csv"));
    QVERIFY(
        !CsvExport::writeFile(*m_proxy, {LeadTableModel::OrderId}, LeadTableModel::ExportRole, path, &error));
    QVERIFY(error.contains(path));
}

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"

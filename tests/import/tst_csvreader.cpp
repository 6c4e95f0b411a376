#include "import/CsvDecoder.h"
#include "import/CsvParser.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// Reads files the way the import dialog does: bytes from disk, encoding detected, then parsed. Every
// fixture is written byte for byte by the test, so what is tested is exactly what a spreadsheet wrote.
class TestCsvReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QByteArray roundTrip(const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("fixture.csv"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            return QByteArray();
        file.close();
        QFile in(path);
        return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
    }

    CsvTable read(const QByteArray &written, CsvEncoding *encoding = nullptr, QChar *separator = nullptr)
    {
        const QByteArray bytes = roundTrip(written);
        const CsvEncoding detected = CsvDecoder::detect(bytes);
        const QString text = CsvDecoder::decode(bytes, detected);
        const QChar sep = CsvParser::detectSeparator(text);
        if (encoding)
            *encoding = detected;
        if (separator)
            *separator = sep;
        return CsvParser::parse(text, {sep, true});
    }

    static QByteArray utf16(const QString &text, bool little, bool bom)
    {
        QByteArray out;
        if (bom)
            out += little ? QByteArray("\xFF\xFE", 2) : QByteArray("\xFE\xFF", 2);
        for (const QChar c : text) {
            const char lo = char(c.unicode() & 0xFF), hi = char(c.unicode() >> 8);
            out += little ? QByteArray{&lo, 1} + QByteArray{&hi, 1} : QByteArray{&hi, 1} + QByteArray{&lo, 1};
        }
        return out;
    }

    const QString m_russian = QStringLiteral("Телефон;ФИО;Оффер\r\n+7 900 123-45-67;Иванов Иван;135\r\n");

private slots:
    void utf8WithAndWithoutBom_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF") + m_russian.toUtf8();
        QTest::newRow("no bom") << m_russian.toUtf8();
    }
    void utf8WithAndWithoutBom()
    {
        QFETCH(QByteArray, bytes);
        CsvEncoding encoding;
        QChar separator;
        const CsvTable table = read(bytes, &encoding, &separator);
        QCOMPARE(encoding, CsvEncoding::Utf8);
        QCOMPARE(separator, QChar(u';'));
        QCOMPARE(table.header,
                 (QStringList{QStringLiteral("Телефон"), QStringLiteral("ФИО"), QStringLiteral("Оффер")}));
        QCOMPARE(table.rows.size(), 1);
        QCOMPARE(table.rows.at(0).at(1), QStringLiteral("Иванов Иван"));
    }

    void windows1251()
    {
        // "Телефон;ФИО" in Windows-1251, byte for byte, with Ё (0xA8) and № (0xB9) from the upper table.
        const QByteArray bytes("\xD2\xE5\xEB\xE5\xF4\xEE\xED;\xD4\xC8\xCE\r\n\xA8\xEB\xEA\xE0 \xB9"
                               "1;x\r\n");
        CsvEncoding encoding;
        const CsvTable table = read(bytes, &encoding);
        QCOMPARE(encoding, CsvEncoding::Windows1251);
        QCOMPARE(table.header, (QStringList{QStringLiteral("Телефон"), QStringLiteral("ФИО")}));
        QCOMPARE(table.rows.value(0).value(0), QStringLiteral("Ёлка №1"));
    }

    void utf16_data()
    {
        QTest::addColumn<bool>("little");
        QTest::addColumn<bool>("bom");
        QTest::addColumn<CsvEncoding>("expected");
        QTest::newRow("LE bom") << true << true << CsvEncoding::Utf16LE;
        QTest::newRow("BE bom") << false << true << CsvEncoding::Utf16BE;
        QTest::newRow("LE no bom") << true << false << CsvEncoding::Utf16LE;
    }
    void utf16()
    {
        QFETCH(bool, little);
        QFETCH(bool, bom);
        QFETCH(CsvEncoding, expected);
        // Excel's "Unicode text" is tab-separated UTF-16LE with a BOM.
        const QString text = QStringLiteral("Телефон\tФИО\r\n79001234567\tПётр\r\n");
        CsvEncoding encoding;
        QChar separator;
        const CsvTable table = read(utf16(text, little, bom), &encoding, &separator);
        QCOMPARE(encoding, expected);
        QCOMPARE(separator, QChar(u'\t'));
        QCOMPARE(table.rows.value(0), (QStringList{QStringLiteral("79001234567"), QStringLiteral("Пётр")}));
    }

    void separators_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QChar>("separator");
        QTest::newRow("comma") << QByteArray("phone,name,comm\n1,\"Doe; John\",x\n2,b,y\n") << QChar(u',');
        QTest::newRow("semicolon") << QByteArray("phone;name;comm\n1;\"Doe, John\";x\n2;b;y\n")
                                   << QChar(u';');
        QTest::newRow("tab") << QByteArray("phone\tname\tcomm\n1\tDoe, John\tx\n2\tb\ty\n") << QChar(u'\t');
    }
    void separators()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QChar, separator);
        QChar detected;
        const CsvTable table = read(bytes, nullptr, &detected);
        QCOMPARE(detected, separator);
        QCOMPARE(table.columnCount, 3);
        QCOMPARE(table.rows.size(), 2);
        QVERIFY(table.rows.at(0).at(1).startsWith(QStringLiteral("Doe")));
    }

    void quotedFieldsWithLineBreaks()
    {
        const QByteArray bytes("phone,comm,name\r\n"
                               "79001234567,\"first line\r\nsecond \"\"quoted\"\" line\",Ann\r\n"
                               "79001234568,plain,Bob\r\n");
        const CsvTable table = read(bytes);
        QVERIFY(table.problems.isEmpty());
        QCOMPARE(table.rows.size(), 2);
        QCOMPARE(table.rows.at(0).at(1), QStringLiteral("first line\r\nsecond \"quoted\" line"));
        QCOMPARE(table.rows.at(0).at(2), QStringLiteral("Ann"));
        QCOMPARE(table.rowLines, (QList<int>{2, 4}));
    }

    void noHeader()
    {
        const QString text = QStringLiteral("79001234567;Ann;135\n79001234568;Bob;135\n");
        QVERIFY(
            !CsvParser::looksLikeHeader(QStringList{QStringLiteral("79001234567"), QStringLiteral("Ann")}));
        QVERIFY(CsvParser::looksLikeHeader(QStringList{QStringLiteral("Телефон"), QStringLiteral("Name")}));
        const CsvTable table = CsvParser::parse(text, {u';', false});
        QVERIFY(table.header.isEmpty());
        QCOMPARE(table.rows.size(), 2);
        QCOMPARE(table.columnCount, 3);
    }

    void brokenLineInTheMiddle()
    {
        // Line 3 opens a quote that is never closed; line 4 has a field too many.
        const QByteArray bytes("phone,name\n"
                               "79001234567,Ann\n"
                               "79001234568,\"Bob\n"
                               "79001234569,Cid,extra\n"
                               "79001234570,Dan\n");
        const CsvTable table = read(bytes);
        QCOMPARE(table.problems.size(), 2);
        QCOMPARE(table.problems.at(0).line, 3);
        QVERIFY(table.problems.at(0).message.contains(QStringLiteral("never closed")));
        QCOMPARE(table.problems.at(1).line, 4);
        QCOMPARE(table.rows.size(), 2);
        QCOMPARE(table.rows.at(1).at(1), QStringLiteral("Dan"));
        QCOMPARE(table.rowLines, (QList<int>{2, 5}));
    }

    void strayQuoteClosedByALaterField()
    {
        const QByteArray bytes("phone,name,comm\n"
                               "1,\"Bob,x\n"
                               "2,\"Cid\",y\n"
                               "3,Dan,z\n");
        const CsvTable table = read(bytes);
        QCOMPARE(table.problems.value(0).line, 2);
        QCOMPARE(table.rows.size(), 2);
        QCOMPARE(table.rows.at(0),
                 (QStringList{QStringLiteral("2"), QStringLiteral("Cid"), QStringLiteral("y")}));
    }

    void emptyFile()
    {
        const QByteArray bytes = roundTrip(QByteArray());
        QCOMPARE(CsvDecoder::problemWith(bytes, CsvDecoder::detect(bytes)),
                 QStringLiteral("The file is empty."));
        const QByteArray blank = roundTrip("\r\n\r\n");
        QVERIFY(!CsvDecoder::problemWith(blank, CsvDecoder::detect(blank)).isEmpty());
    }

    void binaryFile()
    {
        // The start of a PNG and of a zip (.xlsx): binary, refused with a sentence.
        QByteArray bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 24);
        bytes += QByteArray("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0", 16);
        const QByteArray read = roundTrip(bytes);
        const QString problem = CsvDecoder::problemWith(read, CsvDecoder::detect(read));
        QVERIFY(problem.contains(QStringLiteral("not a text file")));
    }

    void tenMillionColumns()
    {
        QByteArray bytes("phone,name\n79001234567,Ann\n");
        bytes += QByteArray(10'000'000, ',');
        bytes += "\n79001234568,Bob\n";
        const CsvTable table = read(bytes);
        QCOMPARE(table.rows.size(), 2);
        QCOMPARE(table.problems.size(), 1);
        QCOMPARE(table.problems.at(0).line, 3);
        QVERIFY(table.problems.at(0).message.contains(QStringLiteral("more than 1000 columns")));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"

// The import's CSV reading (issue 21) on any bytes a file could hold: encoding detection and decoding,
// the "is this a CSV file" check, and the parse with each separator, header or none.
//  - nothing crashes or hangs; every row has exactly columnCount cells, never more than MaxColumns;
//    rows' lines increase; a problem names a line of the file;
//  - what was read can be written back (every field quoted) and reads back to the same rows.
#include "FuzzSupport.h"
#include "import/CsvDecoder.h"
#include "import/CsvParser.h"

namespace {

QString written(const QList<QStringList> &rows, QChar separator)
{
    QString text;
    for (const QStringList &row : rows) {
        QStringList fields;
        for (QString cell : row)
            fields.append(u'"' + cell.replace(u'"', QStringLiteral("\"\"")) + u'"');
        text += fields.join(separator) + QStringLiteral("\r\n");
    }
    return text;
}

void checkParse(const QString &text, QChar separator, bool header)
{
    const CsvTable table = CsvParser::parse(text, {separator, header});
    const QString shown = text.left(200);
    FUZZ_CHECK(table.rows.size() == table.rowLines.size(), shown);
    FUZZ_CHECK(table.columnCount <= CsvParser::MaxColumns, shown);
    int lastLine = 0;
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        FUZZ_CHECK(table.rows.at(i).size() == table.columnCount, shown);
        FUZZ_CHECK(table.rowLines.at(i) > lastLine, shown);
        lastLine = table.rowLines.at(i);
    }
    for (const CsvLineProblem &problem : table.problems)
        FUZZ_CHECK(problem.line >= 1 && !problem.message.isEmpty(), shown);

    const CsvTable again = CsvParser::parse(written(table.rows, separator), {separator, false});
    FUZZ_CHECK(again.problems.isEmpty(), shown);
    FUZZ_CHECK(again.rows == table.rows, shown);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const CsvEncoding encoding = CsvDecoder::detect(bytes);
    const QString problem = CsvDecoder::problemWith(bytes, encoding);
    FUZZ_CHECK(!bytes.isEmpty() || !problem.isEmpty(), QString());
    const QString text = CsvDecoder::decode(bytes, encoding);
    const QChar detected = CsvParser::detectSeparator(text);
    FUZZ_CHECK(detected == u',' || detected == u';' || detected == u'\t', text.left(200));
    for (const QChar separator : {QChar(u','), QChar(u';'), QChar(u'\t')}) {
        checkParse(text, separator, true);
        checkParse(text, separator, false);
    }
    return 0;
}

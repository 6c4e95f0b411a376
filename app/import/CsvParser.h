#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

// A line of the file that could not be read as a row, with the reason in words.
struct CsvLineProblem
{
    int line = 0; // 1-based line of the file where the row starts
    QString message;
};

struct CsvTable
{
    QStringList header;      // the first row's cells when the file has a header, else empty
    QList<QStringList> rows; // every row has columnCount cells (short rows are padded)
    QList<int> rowLines;     // 1-based line of the file where each row starts
    QList<CsvLineProblem> problems;
    int columnCount = 0;
};

// Reads CSV as spreadsheets write it (RFC 4180 and what Excel and LibreOffice do in practice): fields
// separated by one character, quoted fields with doubled quotes and line breaks inside, CRLF or LF.
// A damaged row never takes the rest of the file with it: a quote left open is reported at its line
// and reading goes on at the next line; a row with more cells than the header is reported and left out.
class CsvParser
{
    Q_DECLARE_TR_FUNCTIONS(CsvParser)

public:
    // More columns than any real export has; a line beyond this is refused instead of filling memory.
    static constexpr int MaxColumns = 1000;

    struct Options
    {
        QChar separator = u',';
        bool hasHeader = true;
    };

    // ',', ';' or tab: the one that splits the first lines most consistently (quotes respected).
    static QChar detectSeparator(QStringView text);
    // Whether the first row looks like column names rather than data: no cell of it is a number or
    // a phone, and at least one cell of it is words.
    static bool looksLikeHeader(const QStringList &firstRow);
    static CsvTable parse(QStringView text, const Options &options);
};

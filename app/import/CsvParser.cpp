#include "CsvParser.h"

#include <QHash>

namespace {

enum class RowEnd
{
    Row,       // a complete row
    OpenQuote, // the text ended inside a quoted field
    TooManyColumns,
};

// Reads one row starting at `pos`; leaves `pos` after its line break. `lines` counts the line breaks.
RowEnd readRow(QStringView text, qsizetype &pos, QChar separator, QStringList &cells, int &lines)
{
    cells.clear();
    QString field;
    bool tooMany = false;
    const qsizetype size = text.size();
    while (true) {
        field.clear();
        if (pos < size && text[pos] == u'"') {
            bool spansLines = false;
            ++pos;
            while (true) {
                if (pos >= size)
                    return RowEnd::OpenQuote;
                const QChar c = text[pos];
                if (c == u'"') {
                    if (pos + 1 < size && text[pos + 1] == u'"') {
                        field += u'"';
                        pos += 2;
                        continue;
                    }
                    ++pos;
                    // A quote that ran over a line break and is not followed by the end of its field
                    // was never meant to close there: the opening quote was a stray one.
                    if (spansLines && pos < size && text[pos] != separator && text[pos] != u'\n' &&
                        text[pos] != u'\r')
                        return RowEnd::OpenQuote;
                    break;
                }
                if (c == u'\n') {
                    ++lines;
                    spansLines = true;
                }
                field += c;
                ++pos;
            }
        }
        // Unquoted text, or what follows a closing quote (kept as spreadsheets do: `"a"b` is `ab`).
        const qsizetype start = pos;
        while (pos < size && text[pos] != separator && text[pos] != u'\n' && text[pos] != u'\r')
            ++pos;
        if (pos > start)
            field += text.mid(start, pos - start);
        if (!tooMany) {
            if (cells.size() >= CsvParser::MaxColumns) {
                tooMany = true;
                cells.clear();
            } else {
                cells.append(field);
            }
        }
        if (pos >= size)
            return tooMany ? RowEnd::TooManyColumns : RowEnd::Row;
        if (text[pos] == separator) {
            ++pos;
            continue;
        }
        // A line break: CRLF, LF or a lone CR.
        if (text[pos] == u'\r' && pos + 1 < size && text[pos + 1] == u'\n')
            ++pos;
        ++pos;
        ++lines;
        return tooMany ? RowEnd::TooManyColumns : RowEnd::Row;
    }
}

bool isBlank(const QStringList &cells)
{
    for (const QString &cell : cells) {
        if (!cell.trimmed().isEmpty())
            return false;
    }
    return true;
}

qsizetype nextLineStart(QStringView text, qsizetype from)
{
    const qsizetype lf = text.indexOf(u'\n', from);
    return lf < 0 ? text.size() : lf + 1;
}

} // namespace

QChar CsvParser::detectSeparator(QStringView text)
{
    const QStringView sample = text.left(64 * 1024);
    const QChar candidates[] = {u';', u'\t', u','};
    QChar best = u',';
    int bestScore = -1;
    for (const QChar separator : candidates) {
        qsizetype pos = 0;
        int lines = 0;
        QStringList cells;
        QList<int> counts;
        while (pos < sample.size() && counts.size() < 20) {
            if (readRow(sample, pos, separator, cells, lines) != RowEnd::Row)
                break;
            if (!isBlank(cells))
                counts.append(int(cells.size()));
        }
        if (counts.isEmpty() || counts.first() < 2)
            continue;
        // Rows that agree with the first one on their number of cells, weighted by that number.
        int agreeing = 0;
        for (const int count : counts)
            agreeing += count == counts.first() ? 1 : 0;
        const int score = agreeing * 1000 + counts.first();
        if (score > bestScore) {
            bestScore = score;
            best = separator;
        }
    }
    return best;
}

bool CsvParser::looksLikeHeader(const QStringList &firstRow)
{
    bool anyWords = false;
    for (const QString &cell : firstRow) {
        const QString trimmed = cell.trimmed();
        if (trimmed.isEmpty())
            continue;
        int digits = 0;
        for (const QChar c : trimmed)
            digits += c.isDigit() ? 1 : 0;
        if (digits * 2 > trimmed.size())
            return false;
        anyWords = anyWords || digits == 0;
    }
    return anyWords;
}

CsvTable CsvParser::parse(QStringView text, const Options &options)
{
    CsvTable table;
    qsizetype pos = 0;
    int lines = 0;
    QStringList cells;
    bool headerPending = options.hasHeader;
    while (pos < text.size()) {
        const int startLine = lines + 1;
        const qsizetype rowStart = pos;
        const RowEnd end = readRow(text, pos, options.separator, cells, lines);
        if (end == RowEnd::OpenQuote) {
            table.problems.append(
                {startLine,
                 tr("Line %1: a quoted field is never closed; the line was left out.").arg(startLine)});
            // Go on at the next line, as if the stray quote were not there.
            pos = nextLineStart(text, rowStart);
            lines = startLine;
            continue;
        }
        if (end == RowEnd::TooManyColumns) {
            table.problems.append(
                {startLine,
                 tr("Line %1 has more than %2 columns; it was left out.").arg(startLine).arg(MaxColumns)});
            continue;
        }
        if (isBlank(cells))
            continue;
        if (headerPending) {
            headerPending = false;
            table.header = cells;
            table.columnCount = int(cells.size());
            continue;
        }
        if (table.columnCount == 0)
            table.columnCount = int(cells.size());
        if (cells.size() > table.columnCount) {
            // Trailing empty cells are what spreadsheets add; anything else means a broken line.
            while (cells.size() > table.columnCount && cells.last().trimmed().isEmpty())
                cells.removeLast();
            if (cells.size() > table.columnCount) {
                table.problems.append({startLine, tr("Line %1 has %2 fields where %3 were expected; it was "
                                                     "left out.")
                                                      .arg(startLine)
                                                      .arg(cells.size())
                                                      .arg(table.columnCount)});
                continue;
            }
        }
        while (cells.size() < table.columnCount)
            cells.append(QString());
        table.rows.append(cells);
        table.rowLines.append(startLine);
    }
    return table;
}

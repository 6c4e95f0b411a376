#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Reads the order ids a manager pastes or imports to track leads sent by other systems.
//
// Pasted text: ids separated by commas, semicolons, spaces or line breaks, optionally quoted.
// A CSV file: the column headed id / order_id / order id / orderid / order (any case) if the first
// line names one, otherwise the first column; other columns (names, phones) are never taken for ids.
//
// An id is 1-64 letters, digits, '-', '_' or '.'; anything else is reported back, not imported.
// Ids come out once each, in the order first seen.
class IdListParser
{
public:
    struct Result
    {
        QStringList ids;
        QStringList rejected; // tokens that are not ids, to show the user
    };

    static Result parseText(const QString &text);
    static Result parseCsv(const QString &text);
    // parseCsv for a *.csv file, parseText for any other.
    static Result parseFile(const QString &fileName, const QString &text);

    static bool isValidId(const QString &token);
    // RFC 4180 records (quoted fields, doubled quotes, CRLF or LF line ends).
    static QList<QStringList> csvRecords(const QString &text);

private:
    // Adds a token not seen before to the ids or, when it is no id, to the rejected ones.
    static void take(const QString &token, Result &result);
};

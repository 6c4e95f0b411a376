#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

class QAbstractItemModel;

// Writes what a table shows to CSV as RFC 4180 describes it: fields separated by commas, quoted when
// they hold a comma, a quote or a line break (quotes doubled), records ended by CRLF. UTF-8 with a
// byte order mark, so that spreadsheets guess the encoding right.
//
// A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
// return and is not a plain number) gets a leading apostrophe: names and comments come from
// customers and the network, and must not be able to run anything on the manager's machine.
//
// It writes only the model's cells: it has no access to settings or credentials.
class CsvExport
{
    Q_DECLARE_TR_FUNCTIONS(CsvExport)

public:
    // `columns`: the model's columns to write, in order. `role`: the data role to read for each cell
    // (e.g. LeadTableModel::ExportRole); cells without it fall back to Qt::DisplayRole.
    static QByteArray toCsv(const QAbstractItemModel &model, const QList<int> &columns, int role);
    // Writes the file whole or not at all. On failure returns false and says why in `error`.
    static bool writeFile(const QAbstractItemModel &model, const QList<int> &columns, int role,
                          const QString &filePath, QString *error);

    static QString field(const QString &value);
};

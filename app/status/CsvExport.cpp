#include "CsvExport.h"

#include <QAbstractItemModel>
#include <QSaveFile>

namespace {

const char byteOrderMark[] = "\xEF\xBB\xBF";
const QLatin1String recordEnd("\r\n");

bool isPlainNumber(const QString &value)
{
    bool ok = false;
    value.toDouble(&ok);
    return ok;
}

bool couldRunAsFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    const QChar first = value.at(0);
    const bool trigger = first == QLatin1Char('=') || first == QLatin1Char('+') ||
                         first == QLatin1Char('-') || first == QLatin1Char('@') ||
                         first == QLatin1Char('\t') || first == QLatin1Char('\r');
    return trigger && !isPlainNumber(value);
}

} // namespace

QString CsvExport::field(const QString &value)
{
    const QString text = couldRunAsFormula(value) ? QLatin1Char('\'') + value : value;
    const bool needsQuotes = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                             text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray CsvExport::toCsv(const QAbstractItemModel &model, const QList<int> &columns, int role)
{
    QString text;
    QStringList fields;
    fields.reserve(columns.size());
    for (const int column : columns)
        fields << field(model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    text += fields.join(QLatin1Char(',')) + recordEnd;

    const int rows = model.rowCount();
    for (int row = 0; row < rows; ++row) {
        fields.clear();
        for (const int column : columns) {
            const QModelIndex index = model.index(row, column);
            QVariant value = model.data(index, role);
            if (!value.isValid())
                value = model.data(index, Qt::DisplayRole);
            fields << field(value.toString());
        }
        text += fields.join(QLatin1Char(',')) + recordEnd;
    }
    return QByteArray(byteOrderMark) + text.toUtf8();
}

bool CsvExport::writeFile(const QAbstractItemModel &model, const QList<int> &columns, int role,
                          const QString &filePath, QString *error)
{
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not write %1: %2").arg(filePath, file.errorString());
        return false;
    }
    const QByteArray bytes = toCsv(model, columns, role);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(filePath, file.errorString());
        return false;
    }
    return true;
}

#include "IdListParser.h"

#include <QRegularExpression>
#include <QSet>

namespace {

QString unquoted(QString token)
{
    token = token.trimmed();
    while (token.size() >= 2 &&
           ((token.startsWith(QLatin1Char('"')) && token.endsWith(QLatin1Char('"'))) ||
            (token.startsWith(QLatin1Char('\'')) && token.endsWith(QLatin1Char('\''))))) {
        token = token.mid(1, token.size() - 2).trimmed();
    }
    return token;
}

bool isIdHeader(const QString &cell)
{
    static const QSet<QString> names = {
        QStringLiteral("id"),      QStringLiteral("order_id"), QStringLiteral("order id"),
        QStringLiteral("orderid"), QStringLiteral("order"),    QStringLiteral("order-id"),
    };
    return names.contains(cell.trimmed().toLower());
}

} // namespace

bool IdListParser::isValidId(const QString &token)
{
    if (token.isEmpty() || token.size() > 64)
        return false;
    for (const QChar c : token) {
        const bool ok = (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                        (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                        (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || c == QLatin1Char('-') ||
                        c == QLatin1Char('_') || c == QLatin1Char('.');
        if (!ok)
            return false;
    }
    return true;
}

void IdListParser::take(const QString &token, Result &result)
{
    const QString id = unquoted(token);
    if (id.isEmpty())
        return;
    if (isValidId(id))
        result.ids.append(id);
    else
        result.rejected.append(id);
}

IdListParser::Result IdListParser::parseText(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    Result result;
    QSet<QString> seen;
    const QStringList tokens = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        // Dedupe through a set first: a pasted list may hold many thousands of ids.
        const QString id = unquoted(token);
        if (seen.contains(id))
            continue;
        seen.insert(id);
        take(id, result);
    }
    return result;
}

QList<QStringList> IdListParser::csvRecords(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
        } else if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (fieldStarted || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

IdListParser::Result IdListParser::parseCsv(const QString &text)
{
    QString body = text;
    if (body.startsWith(QChar(0xFEFF)))
        body.remove(0, 1);
    const QList<QStringList> records = csvRecords(body);
    Result result;
    if (records.isEmpty())
        return result;
    int column = 0;
    qsizetype firstRecord = 0;
    const QStringList &header = records.first();
    for (int i = 0; i < header.size(); ++i) {
        if (isIdHeader(header.at(i))) {
            column = i;
            firstRecord = 1;
            break;
        }
    }
    QSet<QString> seen;
    for (qsizetype r = firstRecord; r < records.size(); ++r) {
        const QStringList &record = records.at(r);
        if (column >= record.size())
            continue;
        const QString id = unquoted(record.at(column));
        if (seen.contains(id))
            continue;
        seen.insert(id);
        take(id, result);
    }
    return result;
}

IdListParser::Result IdListParser::parseFile(const QString &fileName, const QString &text)
{
    if (fileName.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return parseCsv(text);
    return parseText(text);
}

#include "TeamLeadsReader.h"

#include "TeamChoices.h"
#include "TeamConnection.h"
#include "TeamLog.h"
#include "leads/StatusCatalog.h"
#include "status/CsvExport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

namespace {

TeamLeadRow readRow(const QSqlQuery &query)
{
    TeamLeadRow row;
    row.account = query.value(0).toString();
    row.orderId = query.value(1).toString();
    row.networkOrderId = query.value(2).toString();
    row.createdAtMs = query.value(3).toLongLong();
    row.operatorName = query.value(4).toString();
    row.offer = query.value(5).toString();
    row.name = query.value(6).toString();
    row.phone = query.value(7).toString();
    row.country = query.value(8).toString();
    row.stage = query.value(9).toString();
    row.status = query.value(10).toInt();
    row.reason = query.value(11).toInt();
    row.statusText = query.value(12).toString();
    row.reasonText = query.value(13).toString();
    row.stageText = query.value(14).toString();
    row.comment = query.value(15).toString();
    return row;
}

} // namespace

TeamLeadsReader::TeamLeadsReader(const TeamServerConfig &config, std::shared_ptr<std::atomic<int>> latest)
    : m_config(config), m_latest(std::move(latest))
{}

TeamLeadsReader::~TeamLeadsReader() = default;

bool TeamLeadsReader::ensureOpen(QString *error)
{
    return TeamConnection::ensureOpen(m_connection, m_config, error);
}

bool TeamLeadsReader::run(QSqlQuery &query, const QString &sql, const QVariantList &binds, QString *error)
{
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return false;
    }
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = query.lastError().text();
        // A broken connection is opened afresh at the next request.
        if (query.lastError().type() == QSqlError::ConnectionError || !m_connection->database().isOpen())
            m_connection->close();
        qCInfo(lcTeam) << "team leads query failed:" << *error;
        return false;
    }
    return true;
}

void TeamLeadsReader::readPage(int generation, const TeamLeadsQuery &query, int offset, int limit)
{
    if (isStale(generation))
        return;
    QString error;
    if (!ensureOpen(&error)) {
        emit failed(generation, error);
        return;
    }
    QSqlQuery sql(m_connection->database());
    sql.setForwardOnly(true);
    QVariantList binds;
    // One row more than asked for says whether there is a next page.
    const QString text = query.pageSql(&binds, offset, limit + 1);
    if (!run(sql, text, binds, &error)) {
        emit failed(generation, error);
        return;
    }
    QList<TeamLeadRow> rows;
    rows.reserve(limit);
    bool atEnd = true;
    while (sql.next()) {
        if (rows.size() == limit) {
            atEnd = false;
            break;
        }
        rows.append(readRow(sql));
    }
    emit pageRead(generation, offset, rows, atEnd);
}

void TeamLeadsReader::readSummary(int generation, const TeamLeadsQuery &query)
{
    if (isStale(generation))
        return;
    QString error;
    if (!ensureOpen(&error)) {
        emit failed(generation, error);
        return;
    }
    QSqlQuery sql(m_connection->database());
    sql.setForwardOnly(true);
    QVariantList binds;
    if (!run(sql, query.summarySql(&binds), binds, &error)) {
        emit failed(generation, error);
        return;
    }
    QList<TeamStageCount> counts;
    while (sql.next())
        counts.append(
            {sql.value(0).toString(), sql.value(1).toInt(), sql.value(2).toInt(), sql.value(3).toInt()});
    emit summaryRead(generation, counts);
}

void TeamLeadsReader::readChoices()
{
    QString error;
    if (!ensureOpen(&error))
        return;
    QSqlDatabase db = m_connection->database();
    TeamChoices choices;
    QSqlError failure;
    if (!TeamChoices::read(db, &choices, &failure)) {
        // A broken connection is opened afresh at the next request.
        if (failure.type() == QSqlError::ConnectionError || !db.isOpen())
            m_connection->close();
        qCInfo(lcTeam) << "team choices not read:" << failure.text();
        return;
    }
    emit choicesRead(choices.operators, choices.offers, choices.countries);
}

QString TeamLeadsReader::cellText(const TeamLeadRow &row, int column, bool forExport)
{
    switch (column) {
    case TeamLeadsQuery::OrderId:
        return row.orderId;
    case TeamLeadsQuery::NetworkId:
        return row.networkOrderId;
    case TeamLeadsQuery::Created: {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(row.createdAtMs);
        return forExport ? at.toOffsetFromUtc(at.offsetFromUtc()).toString(Qt::ISODate)
                         : QLocale().toString(at, QLocale::ShortFormat);
    }
    case TeamLeadsQuery::Offer:
        return row.offer;
    case TeamLeadsQuery::Operator:
        return row.operatorName;
    case TeamLeadsQuery::Name:
        return row.name;
    case TeamLeadsQuery::Phone:
        return row.phone;
    case TeamLeadsQuery::Country:
        return row.country;
    case TeamLeadsQuery::Stage:
        return row.stage.isEmpty() ? QString() : StatusCatalog::stageName(row.stage);
    // The local table's words (LeadTableModel::displayText): the network's own for a code this version
    // does not know, the trash mark for a reason that has one.
    case TeamLeadsQuery::Status:
        return StatusCatalog::statusName(row.status, row.statusText);
    case TeamLeadsQuery::Reason:
        return StatusCatalog::reasonText(row.reason, row.reasonText);
    case TeamLeadsQuery::Comment:
        return row.comment;
    default:
        return QString();
    }
}

void TeamLeadsReader::exportCsv(const TeamLeadsQuery &query, const QList<int> &columns,
                                const QStringList &headers, const QString &filePath)
{
    QString error;
    if (!ensureOpen(&error)) {
        emit exported(false, 0, filePath, error);
        return;
    }
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        emit exported(false, 0, filePath, file.errorString());
        return;
    }
    auto writeRecord = [&file](const QStringList &fields) {
        QStringList quoted;
        for (const QString &field : fields)
            quoted.append(CsvExport::field(field));
        file.write(quoted.join(QLatin1Char(',')).toUtf8() + "\r\n");
    };
    file.write("\xEF\xBB\xBF");
    writeRecord(headers);
    // Forward-only: the driver hands the rows over one at a time (libpq's single-row mode), so a
    // million leads pass through a few kilobytes of memory.
    QSqlQuery sql(m_connection->database());
    sql.setForwardOnly(true);
    QVariantList binds;
    const QString text = QStringLiteral("SELECT ") + TeamLeadsQuery::selectColumns() +
                         QStringLiteral(" FROM leads") + query.whereClause(&binds) + query.orderByClause();
    if (!run(sql, text, binds, &error)) {
        file.cancelWriting();
        emit exported(false, 0, filePath, error);
        return;
    }
    int rows = 0;
    QStringList fields;
    while (sql.next()) {
        const TeamLeadRow row = readRow(sql);
        fields.clear();
        for (int column : columns)
            fields.append(cellText(row, column, true));
        writeRecord(fields);
        ++rows;
    }
    if (sql.lastError().isValid()) {
        file.cancelWriting();
        emit exported(false, 0, filePath, sql.lastError().text());
        return;
    }
    if (!file.commit()) {
        emit exported(false, 0, filePath, file.errorString());
        return;
    }
    emit exported(true, rows, filePath, QString());
}

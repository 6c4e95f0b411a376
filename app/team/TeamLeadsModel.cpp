#include "TeamLeadsModel.h"

#include "TeamLeadsReader.h"
#include "status/LeadTableModel.h"

#include <QCoreApplication>
#include <QHash>
#include <QThread>

#include <utility>

TeamLeadsModel::TeamLeadsModel(const TeamServerConfig &config, QObject *parent)
    // The threads have no parent: a query stuck on a silent server must not hold up the model's end.
    : QAbstractTableModel(parent), m_pageThread(new QThread), m_countThread(new QThread),
      m_latest(std::make_shared<std::atomic<int>>(0))
{
    m_pageReader = new TeamLeadsReader(config, m_latest);
    m_countReader = new TeamLeadsReader(config, m_latest);
    const std::pair<QThread *, TeamLeadsReader *> readers[] = {{m_pageThread, m_pageReader},
                                                               {m_countThread, m_countReader}};
    for (const auto &[thread, reader] : readers) {
        reader->moveToThread(thread);
        // The reader's connection is closed on its own thread, after its last query.
        connect(thread, &QThread::finished, reader, &QObject::deleteLater);
        connect(reader, &TeamLeadsReader::failed, this, &TeamLeadsModel::onFailed);
    }
    connect(m_pageReader, &TeamLeadsReader::pageRead, this, &TeamLeadsModel::onPageRead);
    connect(m_countReader, &TeamLeadsReader::summaryRead, this, &TeamLeadsModel::onSummaryRead);
    connect(m_countReader, &TeamLeadsReader::exported, this, &TeamLeadsModel::exportFinished);
    connect(m_countReader, &TeamLeadsReader::choicesRead, this,
            [this](const QStringList &operators, const QStringList &offers, const QStringList &countries) {
                m_operators = operators;
                m_offers = offers;
                m_countries = countries;
                emit choicesChanged();
            });
    m_pageThread->setObjectName(QStringLiteral("cpadesk-team-pages"));
    m_countThread->setObjectName(QStringLiteral("cpadesk-team-counts"));
    m_pageThread->start();
    m_countThread->start();
}

TeamLeadsModel::~TeamLeadsModel()
{
    // Whatever is still queued is dropped. A query running now (perhaps a connection attempt to a server
    // that never answers, up to its timeout) is not waited for: its thread ends, then deletes its reader
    // and itself; what it would have delivered has no receiver any more.
    m_latest->store(-1);
    for (QThread *thread : {m_pageThread, m_countThread}) {
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        thread->quit();
    }
}

void TeamLeadsModel::setQuery(const TeamLeadsQuery &query)
{
    if (query == m_query)
        return;
    m_query = query;
    reload();
}

void TeamLeadsModel::reload()
{
    m_started = true;
    m_refreshPending = false;
    m_refreshAgain = false;
    m_latest->store(++m_generation);
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    m_pagePending = false;
    endResetModel();
    m_summaryReady = false;
    m_error.clear();
    requestPage();
    requestSummary();
}

void TeamLeadsModel::refreshLoaded()
{
    if (!m_started)
        return;
    if (m_refreshPending || m_pagePending) {
        m_refreshAgain = true; // after the answer on its way: it may predate the change
        return;
    }
    if (m_rows.isEmpty()) {
        reload();
        return;
    }
    m_refreshPending = true;
    const int generation = m_generation;
    const TeamLeadsQuery query = m_query;
    const int limit = qMax(int(m_rows.size()), m_pageSize);
    TeamLeadsReader *reader = m_pageReader;
    QMetaObject::invokeMethod(
        reader, [reader, generation, query, limit]() { reader->readPage(generation, query, 0, limit); },
        Qt::QueuedConnection);
    requestSummary();
}

void TeamLeadsModel::applyRefresh(const QList<TeamLeadRow> &rows, bool atEnd)
{
    // The same number of rows first (the table's end grows or shrinks), then the rows themselves, each
    // persistent index (the selection, the current row) moved to where its lead is now.
    const int oldCount = int(m_rows.size());
    const int newCount = int(rows.size());
    if (newCount > oldCount) {
        beginInsertRows(QModelIndex(), oldCount, newCount - 1);
        m_rows.append(rows.mid(oldCount));
        endInsertRows();
    } else if (newCount < oldCount) {
        beginRemoveRows(QModelIndex(), newCount, oldCount - 1);
        m_rows.resize(newCount);
        endRemoveRows();
    }
    emit layoutAboutToBeChanged();
    QHash<QString, int> rowOf;
    rowOf.reserve(rows.size());
    for (int row = 0; row < rows.size(); ++row)
        rowOf.insert(rows.at(row).account + QLatin1Char(' ') + rows.at(row).orderId, row);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        const TeamLeadRow &lead = m_rows.at(index.row());
        const int row = rowOf.value(lead.account + QLatin1Char(' ') + lead.orderId, index.row());
        after.append(createIndex(row, index.column()));
    }
    m_rows = rows;
    changePersistentIndexList(before, after);
    emit layoutChanged();
    m_atEnd = atEnd;
    emit pageLoaded();
}

void TeamLeadsModel::requestPage()
{
    m_pagePending = true;
    const int generation = m_generation;
    const TeamLeadsQuery query = m_query;
    const int offset = m_rows.size();
    const int limit = m_pageSize;
    TeamLeadsReader *reader = m_pageReader;
    QMetaObject::invokeMethod(
        reader,
        [reader, generation, query, offset, limit]() { reader->readPage(generation, query, offset, limit); },
        Qt::QueuedConnection);
}

void TeamLeadsModel::requestSummary()
{
    const int generation = m_generation;
    const TeamLeadsQuery query = m_query;
    TeamLeadsReader *reader = m_countReader;
    QMetaObject::invokeMethod(
        m_countReader, [reader, generation, query]() { reader->readSummary(generation, query); },
        Qt::QueuedConnection);
}

void TeamLeadsModel::requestChoices()
{
    TeamLeadsReader *reader = m_countReader;
    QMetaObject::invokeMethod(
        m_countReader, [reader]() { reader->readChoices(); }, Qt::QueuedConnection);
}

void TeamLeadsModel::exportTo(const QString &filePath, const QList<int> &columns)
{
    QStringList headers;
    for (int column : columns)
        headers.append(headerData(column, Qt::Horizontal).toString());
    const TeamLeadsQuery query = m_query;
    TeamLeadsReader *reader = m_countReader;
    QMetaObject::invokeMethod(
        m_countReader,
        [reader, query, columns, headers, filePath]() {
            reader->exportCsv(query, columns, headers, filePath);
        },
        Qt::QueuedConnection);
}

void TeamLeadsModel::onPageRead(int generation, int offset, const QList<TeamLeadRow> &rows, bool atEnd)
{
    if (generation == m_generation && m_refreshPending && offset == 0) {
        m_refreshPending = false;
        applyRefresh(rows, atEnd);
        if (std::exchange(m_refreshAgain, false))
            refreshLoaded();
        return;
    }
    if (generation != m_generation || offset != m_rows.size())
        return;
    m_pagePending = false;
    m_atEnd = atEnd;
    if (!rows.isEmpty()) {
        beginInsertRows(QModelIndex(), m_rows.size(), m_rows.size() + rows.size() - 1);
        m_rows.append(rows);
        endInsertRows();
    }
    emit pageLoaded();
    if (std::exchange(m_refreshAgain, false))
        refreshLoaded();
}

void TeamLeadsModel::onSummaryRead(int generation, const QList<TeamStageCount> &counts)
{
    if (generation != m_generation)
        return;
    LeadStats stats;
    for (const TeamStageCount &count : counts)
        stats.addCounted(count.stage, count.status, count.leads, count.sentLeads);
    m_summary = stats;
    m_summaryReady = true;
    emit summaryChanged();
}

void TeamLeadsModel::onFailed(int generation, const QString &message)
{
    if (generation != m_generation)
        return;
    m_pagePending = false;
    m_refreshPending = false;
    m_error = message;
    emit loadFailed(message);
}

int TeamLeadsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int TeamLeadsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : TeamLeadsQuery::NB_COLUMNS;
}

QVariant TeamLeadsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const TeamLeadRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return TeamLeadsReader::cellText(row, index.column(), false);
    case LeadTableModel::ExportRole:
        return TeamLeadsReader::cellText(row, index.column(), true);
    case LeadTableModel::StageRole:
        return row.stage;
    case LeadTableModel::KeyRole:
        return QString(row.account + QLatin1Char('/') + row.orderId);
    case LeadTableModel::UnseenRole:
        return false;
    default:
        return QVariant();
    }
}

QVariant TeamLeadsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == TeamLeadsQuery::Operator)
        return tr("Operator");
    // The other columns are the local table's: the same words in both scopes.
    switch (section) {
    case TeamLeadsQuery::OrderId:
        return QCoreApplication::translate("LeadTableModel", "Order id");
    case TeamLeadsQuery::NetworkId:
        return QCoreApplication::translate("LeadTableModel", "Network id");
    case TeamLeadsQuery::Created:
        return QCoreApplication::translate("LeadTableModel", "Created");
    case TeamLeadsQuery::Offer:
        return QCoreApplication::translate("LeadTableModel", "Offer");
    case TeamLeadsQuery::Name:
        return QCoreApplication::translate("LeadTableModel", "Name");
    case TeamLeadsQuery::Phone:
        return QCoreApplication::translate("LeadTableModel", "Phone");
    case TeamLeadsQuery::Country:
        return QCoreApplication::translate("LeadTableModel", "Country");
    case TeamLeadsQuery::Stage:
        return QCoreApplication::translate("LeadTableModel", "Stage");
    case TeamLeadsQuery::Status:
        return QCoreApplication::translate("LeadTableModel", "Status");
    case TeamLeadsQuery::Reason:
        return QCoreApplication::translate("LeadTableModel", "Reason");
    case TeamLeadsQuery::Comment:
        return QCoreApplication::translate("LeadTableModel", "Comment");
    default:
        return QVariant();
    }
}

bool TeamLeadsModel::canFetchMore(const QModelIndex &parent) const
{
    // Not while the loaded rows are read again: the next page's offset is known only after.
    return !parent.isValid() && !m_atEnd && !m_pagePending && !m_refreshPending && m_error.isEmpty();
}

void TeamLeadsModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void TeamLeadsModel::sort(int column, Qt::SortOrder order)
{
    TeamLeadsQuery query = m_query;
    query.sortColumn = column < 0 ? TeamLeadsQuery::Created : column;
    query.descending = column < 0 || order == Qt::DescendingOrder;
    setQuery(query);
}

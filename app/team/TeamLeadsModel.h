#pragma once

#include "TeamLeadsQuery.h"
#include "TeamServerConfig.h"
#include "status/LeadStats.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;
class TeamLeadsReader;

// The manager's table: every operator's leads as the team database holds them. Filtering, sorting and
// counting happen in PostgreSQL; the model holds only the pages fetched so far (fetchMore() asks for
// the next when the view scrolls near the end), never the whole table.
//
// Every query runs on a thread and connection of the model's own (TeamLeadsReader, two of them) and its
// answer arrives by signal: the window never waits on the server. A new query (filter, search, sort) resets
// the model and drops the answers of the old one, even those still on their way.
//
// Read-only: it needs only SELECT, which the manager's role has (docs/TEAM.md). It speaks the local
// table's roles (LeadTableModel::StageRole, ExportRole, ...) so the Leads screen's styling applies.
class TeamLeadsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit TeamLeadsModel(const TeamServerConfig &config, QObject *parent = nullptr);
    ~TeamLeadsModel() override;

    // Rows asked for at a time (the first page too).
    void setPageSize(int rows) { m_pageSize = rows; }
    int pageSize() const { return m_pageSize; }

    // Nothing is asked of the server before the first reload() or setQuery(): a workstation that never
    // looks at the team's leads never opens this connection.
    // Shows the leads `query` selects, in its order (a reset; the first page and the summary follow).
    void setQuery(const TeamLeadsQuery &query);
    const TeamLeadsQuery &query() const { return m_query; }
    // Asks the server again for the current query (after new leads arrived).
    void reload();
    // Reads again the rows loaded so far, and the summary, without a reset: the view keeps its scroll,
    // and its selection follows the selected leads (by account and order id). For TeamSession's
    // teamLeadsChanged(), when other workstations or the team refresh changed leads. Nothing before the
    // first reload() or setQuery(); folded into one when asked again before the answer.
    void refreshLoaded();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    const TeamLeadRow &rowAt(int row) const { return m_rows.at(row); }
    // Whether every row of the query is loaded.
    bool isComplete() const { return m_atEnd; }
    bool isLoadingPage() const { return m_pagePending; }
    // The figures of every lead the query selects (not only the loaded ones), counted by the server.
    const LeadStats &summary() const { return m_summary; }
    bool hasSummary() const { return m_summaryReady; }
    QString errorString() const { return m_error; }

    // The team's operators, offers and countries (choicesChanged() when they arrive).
    void requestChoices();
    QStringList operators() const { return m_operators; }
    QStringList offers() const { return m_offers; }
    QStringList countries() const { return m_countries; }

    // Writes every lead of the current query (not only the loaded ones) to CSV, read from the server
    // as it is written; exportFinished() says how it went.
    void exportTo(const QString &filePath, const QList<int> &columns);

signals:
    void pageLoaded();
    void summaryChanged();
    void loadFailed(const QString &message);
    void choicesChanged();
    void exportFinished(bool ok, int rows, const QString &filePath, const QString &error);

private:
    void requestPage();
    void requestSummary();
    void onPageRead(int generation, int offset, const QList<TeamLeadRow> &rows, bool atEnd);
    void applyRefresh(const QList<TeamLeadRow> &rows, bool atEnd);
    void onSummaryRead(int generation, const QList<TeamStageCount> &counts);
    void onFailed(int generation, const QString &message);

    // Pages on one connection, counts, filter lists and exports on another: the first page of a new
    // filter never waits behind the count of the previous one.
    QThread *m_pageThread;
    TeamLeadsReader *m_pageReader;
    QThread *m_countThread;
    TeamLeadsReader *m_countReader;
    std::shared_ptr<std::atomic<int>> m_latest;
    int m_generation = 0;
    int m_pageSize = 200;
    TeamLeadsQuery m_query;
    QList<TeamLeadRow> m_rows;
    bool m_atEnd = false;
    bool m_pagePending = false;
    bool m_started = false;        // a query was asked: refreshLoaded() may talk to the server
    bool m_refreshPending = false; // refreshLoaded()'s read is on its way
    bool m_refreshAgain = false;   // and another was asked meanwhile
    LeadStats m_summary;
    bool m_summaryReady = false;
    QString m_error;
    QStringList m_operators;
    QStringList m_offers;
    QStringList m_countries;
};

#pragma once

#include "TeamLeadsQuery.h"
#include "TeamServerConfig.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class TeamConnection;

// Reads the manager's table from the team database on a thread of its own (TeamLeadsModel moves it
// there): pages of rows, the summary counts, the values a filter offers, and CSV exports streamed a row
// at a time. Its connection is opened at the first request and reopened after a failure.
//
// Requests carry the model's generation; one that is no longer the latest (`latest`) when its turn
// comes is dropped unread, so typing a search word does not queue a query per keystroke.
class TeamLeadsReader : public QObject
{
    Q_OBJECT

public:
    TeamLeadsReader(const TeamServerConfig &config, std::shared_ptr<std::atomic<int>> latest);
    ~TeamLeadsReader() override;

    void readPage(int generation, const TeamLeadsQuery &query, int offset, int limit);
    void readSummary(int generation, const TeamLeadsQuery &query);
    // Distinct operator names, offers and countries of the whole team, for the filter lists.
    void readChoices();
    // Writes every row `query` selects, `columns` of them (TeamLeadsQuery::Column), under `headers`.
    void exportCsv(const TeamLeadsQuery &query, const QList<int> &columns, const QStringList &headers,
                   const QString &filePath);

    // The text of a cell: display text, or what an export writes (ISO 8601 dates).
    static QString cellText(const TeamLeadRow &row, int column, bool forExport);

signals:
    void pageRead(int generation, int offset, const QList<TeamLeadRow> &rows, bool atEnd);
    void summaryRead(int generation, const QList<TeamStageCount> &counts);
    void choicesRead(const QStringList &operators, const QStringList &offers, const QStringList &countries);
    void failed(int generation, const QString &message);
    void exported(bool ok, int rows, const QString &filePath, const QString &error);

private:
    bool isStale(int generation) const { return generation != m_latest->load(); }
    bool ensureOpen(QString *error);
    bool run(class QSqlQuery &query, const QString &sql, const QVariantList &binds, QString *error);

    TeamServerConfig m_config;
    std::shared_ptr<std::atomic<int>> m_latest;
    std::unique_ptr<TeamConnection> m_connection;
};

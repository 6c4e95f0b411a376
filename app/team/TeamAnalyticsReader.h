#pragma once

#include "TeamServerConfig.h"
#include "status/AnalyticsFigures.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class TeamConnection;

// The Analytics screen's figures of the team's leads, counted by PostgreSQL: GROUP BY the breakdown's
// key (offer, country, operator or day of creation), stage and status, never a lead's row. The counts
// go to LeadStats::addCounted() and the days are placed with the local source's own day starts
// (AnalyticsCalculator::DayIndex, bound as an array), so every rate and every day has one definition.
//
// Lives on a thread of TeamAnalyticsSource's own, with a connection of its own opened at the first
// request and reopened after a failure. A request that is no longer the latest (`latest`) when its turn
// comes is dropped unread.
class TeamAnalyticsReader : public QObject
{
    Q_OBJECT

public:
    TeamAnalyticsReader(const TeamServerConfig &config, std::shared_ptr<std::atomic<quint64>> latest);
    ~TeamAnalyticsReader() override;

    void compute(quint64 ticket, const AnalyticsQuery &query);
    // Distinct operators, offers and countries of the team, for the screen's filter lists.
    void readChoices();

    // The figures on an open connection of the calling thread (the benchmark calls it directly): three
    // queries (the range of creation times, the groups, the cohorts). False with `error`.
    static bool computeOn(QSqlDatabase &db, const AnalyticsQuery &query, AnalyticsFigures *figures,
                          QString *error);

signals:
    void computed(quint64 ticket, const AnalyticsFigures &figures);
    void failed(quint64 ticket, const QString &message);
    void choicesRead(const QStringList &operators, const QStringList &offers, const QStringList &countries);

private:
    bool ensureOpen(QString *error);

    TeamServerConfig m_config;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::unique_ptr<TeamConnection> m_connection;
};

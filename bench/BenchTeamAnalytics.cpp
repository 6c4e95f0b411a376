// The Analytics screen's Team scope on the team section's table (1,000,000 leads of 50 operators):
// TeamAnalyticsReader::computeOn() (three queries: the range, the groups, the cohorts) per breakdown,
// beside a bare SQL GROUP BY of the same counts on the same connection.

#include "BenchSections.h"
#include "PostgresServer.h"
#include "team/TeamAnalyticsReader.h"
#include "team/TeamConnection.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
}

} // namespace

void benchTeamAnalytics(BenchReport &report, PostgresServer &server, const QString &database,
                        const TeamServerConfig &manager, int rows)
{
    QTextStream err(stderr);
    // The cohorts read each lead's first approval: a history row for every approved lead.
    if (!server.exec(
            {QStringLiteral("INSERT INTO status_history (account, order_id, changed_at, stage, status,"
                            " workstation_id) SELECT account, order_id, created_at + interval '30 hours',"
                            " stage, status, workstation_id FROM leads WHERE stage = 'approve'"
                            " ON CONFLICT DO NOTHING"),
             QStringLiteral("VACUUM ANALYZE status_history")},
            database)) {
        err << "team analytics: history: " << server.errorString() << '\n';
        return;
    }
    TeamConnection connection(manager);
    if (!connection.open()) {
        err << "team analytics: " << connection.errorString() << '\n';
        return;
    }
    QSqlDatabase db = connection.database();
    const QString size =
        rows >= 1000000 ? QStringLiteral("1m") : QString::number(rows / 1000) + QLatin1Char('k');
    const std::pair<AnalyticsBreakdown, QString> breakdowns[] = {
        {AnalyticsBreakdown::Offer, QStringLiteral("COALESCE(offer, '')")},
        {AnalyticsBreakdown::Operator, QStringLiteral("operator_name")},
        {AnalyticsBreakdown::Day, QStringLiteral("date_trunc('day', created_at)")}};
    constexpr int Runs = 5;
    for (const auto &[breakdown, bareKey] : breakdowns) {
        QList<double> figuresMs;
        QList<double> bareMs;
        AnalyticsQuery query;
        query.breakdown = breakdown;
        for (int run = 0; run < Runs; ++run) {
            AnalyticsFigures figures;
            QString error;
            QElapsedTimer timer;
            timer.start();
            if (!TeamAnalyticsReader::computeOn(db, query, &figures, &error)) {
                err << "team analytics: " << error << '\n';
                return;
            }
            figuresMs << timer.nsecsElapsed() / 1e6;
            if (figures.total.stats.shown() != rows)
                err << "team analytics: counted " << figures.total.stats.shown() << " leads of " << rows
                    << '\n';
            timer.restart();
            QSqlQuery bare(db);
            bare.setForwardOnly(true);
            bare.exec(QStringLiteral("SELECT %1, stage, status, count(*) FROM leads GROUP BY 1, 2, 3")
                          .arg(bareKey));
            while (bare.next()) {
            }
            bareMs << timer.nsecsElapsed() / 1e6;
        }
        const QString name = AnalyticsBreakdowns::displayName(breakdown).toLower();
        err << "team analytics: " << name << ": " << median(figuresMs) << " ms, bare GROUP BY "
            << median(bareMs) << " ms\n";
        report.add(BenchFigure::measured(QStringLiteral("analytics.team.%1.%2").arg(size, name),
                                         QStringLiteral("ms"), median(figuresMs), median(bareMs),
                                         QStringLiteral("bare SELECT key, stage, status, count(*) GROUP BY"))
                       .withNote(QStringLiteral("median of %1; the figures are three queries: the range of "
                                                "creation times, the groups, and the cohorts (first approval "
                                                "of each lead from the history)")
                                     .arg(Runs)));
    }
}

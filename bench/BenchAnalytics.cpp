#include "BenchSections.h"
#include "BenchSupport.h"
#include "journal/Journal.h"
#include "status/LeadTableModel.h"
#include "status/LocalAnalyticsSource.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace {

struct Step
{
    const char *name;
    AnalyticsQuery query;
    // The same figures (counts per group, stage and status: what LeadStats needs) as one bare query.
    QString sql;
};

QList<Step> stepsFor(const QString &offer, const QDate &lastWeek)
{
    const QString select =
        QStringLiteral("SELECT %1, stage, status, COUNT(*) FROM leads WHERE profile_id = ?%2"
                       " GROUP BY 1, 2, 3");
    const QString day = QStringLiteral("date(created_at / 1000, 'unixepoch', 'localtime')");
    auto query = [](AnalyticsBreakdown breakdown) {
        AnalyticsQuery q;
        q.breakdown = breakdown;
        return q;
    };
    AnalyticsQuery byOffer = query(AnalyticsBreakdown::Day);
    byOffer.filter.offers = {offer};
    AnalyticsQuery recent = query(AnalyticsBreakdown::Offer);
    recent.filter.createdFrom = lastWeek;
    const QString recentSince = QString::number(lastWeek.startOfDay().toMSecsSinceEpoch());
    return {
        {"offer", query(AnalyticsBreakdown::Offer), select.arg(QStringLiteral("offer"), QString())},
        {"webmaster", query(AnalyticsBreakdown::Webmaster), select.arg(QStringLiteral("wm"), QString())},
        {"country", query(AnalyticsBreakdown::Country),
         select.arg(QStringLiteral("upper(country)"), QString())},
        {"day", query(AnalyticsBreakdown::Day), select.arg(day, QString())},
        {"week", query(AnalyticsBreakdown::Week),
         select.arg(
             QStringLiteral("date(created_at / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days')"),
             QString())},
        {"month", query(AnalyticsBreakdown::Month),
         select.arg(QStringLiteral("strftime('%Y-%m', created_at / 1000, 'unixepoch', 'localtime')"),
                    QString())},
        {"day, one offer", byOffer, select.arg(day, QStringLiteral(" AND offer = '%1'").arg(offer))},
        {"offer, last week", recent,
         select.arg(QStringLiteral("offer"), QStringLiteral(" AND created_at >= %1").arg(recentSince))},
    };
}

} // namespace

void benchAnalytics(BenchReport &report, const BenchOptions &options)
{
    QTextStream err(stderr);
    const int count = options.quick ? 10000 : 100000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    err << "analytics: writing " << count << " leads into a journal\n";
    err.flush();
    QProcess filler;
    filler.setProcessChannelMode(QProcess::ForwardedChannels);
    filler.start(options.benchPath, {QStringLiteral("--fill-journal"), path, QString::number(count)});
    if (!filler.waitForFinished(30 * 60 * 1000) || filler.exitCode() != 0) {
        err << "analytics: the journal could not be filled\n";
        return;
    }

    Journal journal;
    if (!journal.open(path)) {
        err << "analytics: cannot open the journal\n";
        return;
    }
    LeadTableModel model(&journal);
    model.setProfile(BenchSupport::profile);
    LocalAnalyticsSource source(&model, path);

    // From the request (what a change of breakdown or filter does) to the figures handed back on the
    // GUI thread, the worker's pass over the rows included.
    auto timeRequest = [&](const AnalyticsQuery &query, AnalyticsFigures *figures) {
        QEventLoop loop;
        quint64 asked = 0;
        const QMetaObject::Connection connection =
            QObject::connect(&source, &AnalyticsSource::figuresReady, &loop,
                             [&](quint64 ticket, const AnalyticsFigures &ready) {
                                 if (ticket == asked) {
                                     *figures = ready;
                                     loop.quit();
                                 }
                             });
        QElapsedTimer timer;
        timer.start();
        asked = source.request(query);
        BenchSupport::runLoop(loop, 60 * 1000);
        const double ms = BenchSupport::elapsedMs(timer);
        QObject::disconnect(connection);
        return ms;
    };

    // The first request copies the model's rows and reads the status history for the cohorts.
    AnalyticsFigures figures;
    const double firstMs = timeRequest(AnalyticsQuery(), &figures);
    if (figures.total.stats.shown() != count)
        err << "analytics: counted " << figures.total.stats.shown() << " leads of " << count << '\n';

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-analytics"));
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open()) {
        err << "analytics: cannot open the journal for the bare query\n";
        return;
    }

    const QString offer = figures.groups.isEmpty() ? QString() : figures.groups.constFirst().key;
    const QList<Step> steps = stepsFor(offer, QDate::currentDate().addDays(-7));
    QList<double> changes;
    QList<double> bare;
    for (int round = 0; round < 3; ++round) {
        for (const Step &step : steps) {
            const double ms = timeRequest(step.query, &figures);
            changes << ms;
            QElapsedTimer timer;
            timer.start();
            QSqlQuery query(db);
            query.setForwardOnly(true);
            query.prepare(step.sql);
            query.addBindValue(BenchSupport::profile);
            qint64 counted = 0;
            if (query.exec()) {
                while (query.next())
                    counted += query.value(3).toLongLong();
            }
            bare << BenchSupport::elapsedMs(timer);
            if (round == 0) {
                err << "analytics: " << step.name << ": " << ms << " ms, bare SQL " << bare.constLast()
                    << " ms\n";
                if (counted != figures.total.stats.shown())
                    err << "analytics: " << step.name << ": SQL counted " << counted << ", the figures "
                        << figures.total.stats.shown() << '\n';
            }
        }
    }
    {
        QSqlDatabase::database(QStringLiteral("bench-analytics")).close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("bench-analytics"));

    const QString size = QString::number(count / 1000) + QLatin1Char('k');
    const QString bareName = QStringLiteral("bare SQL GROUP BY of the same counts");
    report.add(
        BenchFigure::measured(QStringLiteral("analytics.%1.change.max").arg(size), QStringLiteral("ms"),
                              *std::max_element(changes.cbegin(), changes.cend()),
                              *std::max_element(bare.cbegin(), bare.cend()), bareName)
            .withTarget(BenchFigure::TargetOn::Value, 150)
            .withNote(QStringLiteral("slowest change of breakdown or filter to figures ready (%1 changes; "
                                     "the bare query has no cohorts and no filter logic)")
                          .arg(changes.size())));
    report.add(BenchFigure::measured(QStringLiteral("analytics.%1.change.median").arg(size),
                                     QStringLiteral("ms"), percentile(changes, 50), percentile(bare, 50),
                                     bareName)
                   .withTarget(BenchFigure::TargetOn::Value, 150));
    report.add(
        BenchFigure::measured(QStringLiteral("analytics.%1.first").arg(size), QStringLiteral("ms"), firstMs,
                              percentile(bare, 50), bareName)
            .withNote(QStringLiteral("first figures after the leads changed: copies the rows and reads "
                                     "the status history for the cohorts")));
}

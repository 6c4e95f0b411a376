#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cmath>

// One measured figure of cpadesk-bench, with the baseline measured in the same run.
//
// `ratio` always reads "how much the app costs compared to the baseline": figure / baseline for times,
// sizes and stalls (lower is better), baseline / figure for rates (so that 1.30 means 30 % slower
// either way). NaN when there is no baseline.
struct BenchFigure
{
    enum class Better
    {
        Lower, // times, stalls, memory
        Higher // rates
    };

    QString name; // "refresh.10k.time"
    QString unit; // "ms", "req/s", "MB"...
    double value = NAN;
    Better better = Better::Lower;
    QString baselineName; // what the baseline is, in a few words
    double baseline = NAN;
    // The target from issue 9, if any: on the figure itself (value) or on the ratio.
    enum class TargetOn
    {
        None,
        Value,
        Ratio
    };
    TargetOn targetOn = TargetOn::None;
    double target = NAN; // the figure (or ratio) must be <= target (>= for Better::Higher values)
    QString note;

    // A figure and the baseline measured beside it, in one statement; the optional parts follow:
    // BenchFigure::measured(...).withTarget(TargetOn::Value, 50).withNote(...).
    static BenchFigure measured(const QString &name, const QString &unit, double value, double baseline,
                                const QString &baselineName, Better better = Better::Lower);
    BenchFigure &withTarget(TargetOn on, double limit);
    BenchFigure &withNote(const QString &text);

    double ratio() const;
    bool hasTarget() const { return targetOn != TargetOn::None; }
    bool targetMet() const;

    QJsonObject toJson() const;
    static BenchFigure fromJson(const QJsonObject &object);
};

// Collects figures and writes them as a table (stdout) and as JSON (a file).
class BenchReport
{
public:
    void add(const BenchFigure &figure);
    const QList<BenchFigure> &figures() const { return m_figures; }

    QString table() const;
    // {"machine": {...}, "figures": [...]}.
    QJsonObject toJson(const QJsonObject &machine) const;

    // The machine the figures were taken on: cores, CPU model, load average, memory, Qt version.
    static QJsonObject machineInfo();

private:
    QList<BenchFigure> m_figures;
};

// Resident memory of a process, from /proc/<pid>/status (VmRSS), in MB; NaN when unreadable.
double residentMegabytes(qint64 pid = 0);

// Percentiles of a sample (sorts a copy): p in 0..100.
double percentile(QList<double> sample, double p);

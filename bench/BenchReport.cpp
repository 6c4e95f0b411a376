#include "BenchReport.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QSysInfo>
#include <QThread>

#include <algorithm>

namespace {

QString number(double value)
{
    if (std::isnan(value))
        return QStringLiteral("-");
    const double magnitude = std::fabs(value);
    return QString::number(value, 'f', magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2);
}

QString firstLineWith(const QString &path, const QString &prefix)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    // /proc files report a size of 0 (so atEnd() is true at once): readAll() reads to the real end.
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &bytes : lines) {
        const QString line = QString::fromUtf8(bytes).trimmed();
        if (line.startsWith(prefix))
            return line.mid(line.indexOf(QLatin1Char(':')) + 1).trimmed();
    }
    return QString();
}

} // namespace

BenchFigure BenchFigure::measured(const QString &name, const QString &unit, double value, double baseline,
                                  const QString &baselineName, Better better)
{
    BenchFigure figure;
    figure.name = name;
    figure.unit = unit;
    figure.value = value;
    figure.better = better;
    figure.baseline = baseline;
    figure.baselineName = baselineName;
    return figure;
}

BenchFigure &BenchFigure::withTarget(TargetOn on, double limit)
{
    targetOn = on;
    target = limit;
    return *this;
}

BenchFigure &BenchFigure::withNote(const QString &text)
{
    note = text;
    return *this;
}

double BenchFigure::ratio() const
{
    if (std::isnan(value) || std::isnan(baseline) || baseline == 0 || value == 0)
        return NAN;
    return better == Better::Higher ? baseline / value : value / baseline;
}

bool BenchFigure::targetMet() const
{
    switch (targetOn) {
    case TargetOn::None:
        return true;
    case TargetOn::Ratio:
        return !std::isnan(ratio()) && ratio() <= target;
    case TargetOn::Value:
        if (std::isnan(value))
            return false;
        return better == Better::Higher ? value >= target : value <= target;
    }
    return false;
}

QJsonObject BenchFigure::toJson() const
{
    QJsonObject object{{QStringLiteral("name"), name},
                       {QStringLiteral("unit"), unit},
                       {QStringLiteral("better"),
                        better == Better::Higher ? QStringLiteral("higher") : QStringLiteral("lower")}};
    // JSON has no NaN: a missing number is null.
    object.insert(QStringLiteral("value"), std::isnan(value) ? QJsonValue() : QJsonValue(value));
    object.insert(QStringLiteral("baselineName"), baselineName);
    object.insert(QStringLiteral("baseline"), std::isnan(baseline) ? QJsonValue() : QJsonValue(baseline));
    object.insert(QStringLiteral("ratio"), std::isnan(ratio()) ? QJsonValue() : QJsonValue(ratio()));
    if (hasTarget()) {
        object.insert(QStringLiteral("targetOn"),
                      targetOn == TargetOn::Ratio ? QStringLiteral("ratio") : QStringLiteral("value"));
        object.insert(QStringLiteral("target"), target);
        object.insert(QStringLiteral("targetMet"), targetMet());
    }
    if (!note.isEmpty())
        object.insert(QStringLiteral("note"), note);
    return object;
}

BenchFigure BenchFigure::fromJson(const QJsonObject &object)
{
    BenchFigure figure;
    figure.name = object.value(QStringLiteral("name")).toString();
    figure.unit = object.value(QStringLiteral("unit")).toString();
    figure.better = object.value(QStringLiteral("better")).toString() == QLatin1String("higher")
                        ? Better::Higher
                        : Better::Lower;
    figure.value = object.value(QStringLiteral("value")).toDouble(NAN);
    figure.baselineName = object.value(QStringLiteral("baselineName")).toString();
    figure.baseline = object.value(QStringLiteral("baseline")).toDouble(NAN);
    const QString targetOn = object.value(QStringLiteral("targetOn")).toString();
    figure.targetOn = targetOn == QLatin1String("ratio")   ? TargetOn::Ratio
                      : targetOn == QLatin1String("value") ? TargetOn::Value
                                                           : TargetOn::None;
    figure.target = object.value(QStringLiteral("target")).toDouble(NAN);
    figure.note = object.value(QStringLiteral("note")).toString();
    return figure;
}

void BenchReport::add(const BenchFigure &figure)
{
    m_figures.append(figure);
}

QString BenchReport::table() const
{
    QString out;
    for (const BenchFigure &figure : m_figures) {
        QString line = figure.name.leftJustified(30) + QLatin1Char(' ') +
                       QString(number(figure.value) + QLatin1Char(' ') + figure.unit).leftJustified(16) +
                       QStringLiteral(" baseline ") +
                       QString(number(figure.baseline) + QLatin1Char(' ') + figure.unit).leftJustified(16) +
                       QStringLiteral(" ratio ") + number(figure.ratio()).leftJustified(6);
        if (figure.hasTarget()) {
            const QString limit = figure.better == BenchFigure::Better::Higher &&
                                          figure.targetOn == BenchFigure::TargetOn::Value
                                      ? QStringLiteral(">= ")
                                      : QStringLiteral("<= ");
            line += QStringLiteral("  target ") + limit + number(figure.target) +
                    (figure.targetOn == BenchFigure::TargetOn::Ratio ? QStringLiteral(" (ratio)")
                                                                     : QLatin1Char(' ') + figure.unit) +
                    (figure.targetMet() ? QStringLiteral(" met") : QStringLiteral(" MISSED"));
        }
        line += QStringLiteral("  [") + figure.baselineName + QLatin1Char(']');
        if (!figure.note.isEmpty())
            line += QStringLiteral(" ") + figure.note;
        out += line + QLatin1Char('\n');
    }
    return out;
}

QJsonObject BenchReport::toJson(const QJsonObject &machine) const
{
    QJsonArray figures;
    for (const BenchFigure &figure : m_figures)
        figures.append(figure.toJson());
    return QJsonObject{{QStringLiteral("machine"), machine}, {QStringLiteral("figures"), figures}};
}

QJsonObject BenchReport::machineInfo()
{
    QFile loadFile(QStringLiteral("/proc/loadavg"));
    QString load;
    if (loadFile.open(QIODevice::ReadOnly))
        load = QString::fromUtf8(loadFile.readAll()).section(QLatin1Char(' '), 0, 2);
    return QJsonObject{
        {QStringLiteral("cores"), QThread::idealThreadCount()},
        {QStringLiteral("cpu"), firstLineWith(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name"))},
        {QStringLiteral("memTotal"),
         firstLineWith(QStringLiteral("/proc/meminfo"), QStringLiteral("MemTotal"))},
        {QStringLiteral("loadAverage"), load},
        {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
        {QStringLiteral("os"), QSysInfo::prettyProductName()},
        {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
    };
}

double residentMegabytes(qint64 pid)
{
    const QString path =
        pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status");
    const QString text = firstLineWith(path, QStringLiteral("VmRSS"));
    bool ok = false;
    const double kilobytes = text.section(QLatin1Char(' '), 0, 0).toDouble(&ok);
    return ok ? kilobytes / 1024.0 : NAN;
}

double percentile(QList<double> sample, double p)
{
    if (sample.isEmpty())
        return NAN;
    std::sort(sample.begin(), sample.end());
    const double rank = p / 100.0 * double(sample.size() - 1);
    const auto below = qsizetype(std::floor(rank));
    const auto above = std::min<qsizetype>(below + 1, sample.size() - 1);
    return sample.at(below) + (sample.at(above) - sample.at(below)) * (rank - double(below));
}

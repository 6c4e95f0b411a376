#include "TestEnvironment.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

// cpadesk-bench keeps working (issue 9): a quick run of every section produces, for each figure, a
// number and the baseline measured in the same run, as a table and as JSON. The figures themselves are
// not judged here: timing targets are never asserted in tests (machines are noisy).
class TestBenchSmoke : public QObject
{
    Q_OBJECT

private slots:
    void quickRunReportsEveryFigureWithItsBaseline();

private:
    TestEnvironment m_env;
};

void TestBenchSmoke::quickRunReportsEveryFigureWithItsBaseline()
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("bench.json"));
    QProcess bench;
    bench.setProcessChannelMode(QProcess::SeparateChannels);
    bench.start(QStringLiteral(CPADESK_BENCH_PATH),
                {QStringLiteral("--quick"), QStringLiteral("--app"), QStringLiteral(CPADESK_APP_PATH),
                 QStringLiteral("--json"), json});
    QVERIFY(bench.waitForStarted());
    QVERIFY(bench.waitForFinished(8 * 60 * 1000));
    const QString table = QString::fromUtf8(bench.readAllStandardOutput());
    qInfo().noquote() << table;
    if (bench.exitCode() != 0)
        qInfo().noquote() << QString::fromUtf8(bench.readAllStandardError());
    QCOMPARE(bench.exitCode(), 0);

    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(report.value(QStringLiteral("machine")).toObject().value(QStringLiteral("cores")).toInt() > 0);
    QVERIFY(!report.value(QStringLiteral("machine"))
                 .toObject()
                 .value(QStringLiteral("cpu"))
                 .toString()
                 .isEmpty());
    const QJsonArray figures = report.value(QStringLiteral("figures")).toArray();
    QStringList sections;
    for (const QJsonValue &value : figures) {
        const QJsonObject figure = value.toObject();
        const QString name = figure.value(QStringLiteral("name")).toString();
        sections << name.section(QLatin1Char('.'), 0, 0);
        QVERIFY2(figure.value(QStringLiteral("value")).isDouble(), qPrintable(name));
        QVERIFY2(figure.value(QStringLiteral("baseline")).isDouble(), qPrintable(name));
        QVERIFY2(figure.value(QStringLiteral("ratio")).isDouble(), qPrintable(name));
        QVERIFY2(!figure.value(QStringLiteral("baselineName")).toString().isEmpty(), qPrintable(name));
        // The table shows the same figure on a line of its own, with its ratio.
        QVERIFY2(table.contains(name + QLatin1Char(' ')), qPrintable(name));
    }
    for (const char *section : {"sandbox", "table", "refresh", "submit", "startup", "team"})
        QVERIFY2(sections.contains(QLatin1String(section)), section);
    QVERIFY(table.contains(QStringLiteral(" ratio ")));
}

QTEST_GUILESS_MAIN(TestBenchSmoke)
#include "tst_benchsmoke.moc"

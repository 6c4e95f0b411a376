#include "TestEnvironment.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// End to end: the `cpadesk` executable itself, as a user or a script starts it.
class TestE2eBinary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void textOnlyOptions_printAndExitWithoutADisplay_data();
    void textOnlyOptions_printAndExitWithoutADisplay();
    void badOption_isRefusedWithAHint();
    void sandboxRun_paintsItsWindow_andCanBeTerminated();

private:
    static QString binary() { return QStringLiteral(CPADESK_BINARY); }
    static QProcessEnvironment withoutDisplay();
};

void TestE2eBinary::initTestCase()
{
    static TestEnvironment env;
    QVERIFY2(QFileInfo(binary()).isExecutable(), qPrintable(binary()));
}

QProcessEnvironment TestE2eBinary::withoutDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(QLatin1String(name));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return environment;
}

void TestE2eBinary::textOnlyOptions_printAndExitWithoutADisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QStringList>("mustContain");
    QTest::newRow("--version") << QStringLiteral("--version")
                               << QStringList{QStringLiteral("cpadesk"), QStringLiteral(CPADESK_VERSION)};
    QTest::newRow("-v") << QStringLiteral("-v") << QStringList{QStringLiteral(CPADESK_VERSION)};
    QTest::newRow("--help") << QStringLiteral("--help")
                            << QStringList{QStringLiteral("--data-dir"), QStringLiteral("--sandbox"),
                                           QStringLiteral("--api-url"), QStringLiteral("--version")};
    QTest::newRow("-h") << QStringLiteral("-h") << QStringList{QStringLiteral("--help")};
}

void TestE2eBinary::textOnlyOptions_printAndExitWithoutADisplay()
{
    QFETCH(QString, option);
    QFETCH(QStringList, mustContain);
    QProcess process;
    process.setProcessEnvironment(withoutDisplay());
    process.start(binary(), {option});
    QVERIFY2(process.waitForFinished(30000), qPrintable(process.errorString()));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, qPrintable(err));
    for (const QString &text : mustContain)
        QVERIFY2(out.contains(text), qPrintable(text + QStringLiteral(" missing from: ") + out));
}

void TestE2eBinary::badOption_isRefusedWithAHint()
{
    QProcess process;
    process.setProcessEnvironment(withoutDisplay());
    process.start(binary(), {QStringLiteral("--no-such-option")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("--help"));
}

void TestE2eBinary::sandboxRun_paintsItsWindow_andCanBeTerminated()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("CPADESK_REPORT_FIRST_PAINT"), QStringLiteral("1"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));

    QProcess process;
    process.setProcessEnvironment(environment);
    QByteArray out;
    connect(&process, &QProcess::readyReadStandardOutput, this,
            [&process, &out] { out += process.readAllStandardOutput(); });
    process.start(binary(), {QStringLiteral("--data-dir"), dataDir.path(), QStringLiteral("--sandbox")});
    QVERIFY2(process.waitForStarted(30000), qPrintable(process.errorString()));

    QTRY_VERIFY2_WITH_TIMEOUT(out.contains("first-paint-ms "), out.constData(), 60000);
    QCOMPARE(process.state(), QProcess::Running);
    const QByteArray line = out.mid(out.indexOf("first-paint-ms ")).split('\n').first();
    bool isNumber = false;
    const qlonglong ms = line.mid(int(qstrlen("first-paint-ms "))).trimmed().toLongLong(&isNumber);
    QVERIFY2(isNumber && ms >= 0, line.constData());
    // The run kept its data where it was told to, nowhere else.
    QVERIFY(QFileInfo::exists(QDir(dataDir.path()).filePath(QStringLiteral("journal.sqlite"))));

    process.terminate();
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(!process.readAllStandardError().contains("QSqlDatabase"), "a database warning on the way out");
}

QTEST_GUILESS_MAIN(TestE2eBinary)
#include "tst_e2e_binary.moc"

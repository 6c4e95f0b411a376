#include "SoakSupervisor.h"

#include "BenchSupport.h"
#include "journal/Journal.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTextStream>

namespace {

QTextStream &log()
{
    static QTextStream err(stderr);
    return err;
}

// Complete lines only: a kill in the middle of a write may leave half a line, which was never confirmed.
QStringList completeLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray data = file.readAll();
    data.truncate(data.lastIndexOf('\n') + 1);
    QStringList lines;
    for (const QByteArray &line : data.split('\n')) {
        if (!line.trimmed().isEmpty())
            lines << QString::fromUtf8(line.trimmed());
    }
    return lines;
}

} // namespace

QString SoakSupervisor::Result::summary() const
{
    QString text;
    QTextStream out(&text);
    out << "leads submitted (in the journal): " << submitted << '\n'
        << "leads confirmed to the user:      " << confirmedByUser << '\n'
        << "leads confirmed by the sandbox:   " << confirmedBySandbox << '\n'
        << "sent / rejected / still waiting:  " << sentInJournal << " / " << rejected << " / " << stillWaiting
        << '\n'
        << "rejected, yet held by the sandbox: " << misreported << '\n'
        << "duplicates:                       " << duplicates << '\n'
        << "lost:                             " << lost << '\n'
        << "confirmed but not in the journal: " << missingFromJournal << '\n'
        << "restarts survived (SIGKILL):      " << restarts << '\n';
    if (!examples.isEmpty())
        out << "examples: " << examples.join(QStringLiteral(", ")) << '\n';
    out << (passed() ? "PASSED" : "FAILED")
        << (failure.isEmpty() ? QString() : QStringLiteral(": ") + failure) << '\n';
    return text;
}

SoakSupervisor::SoakSupervisor(const Options &options) : m_options(options) {}

bool SoakSupervisor::startSandbox(QString *url)
{
    m_sandbox = new QProcess;
    m_sandbox->setStandardErrorFile(QDir(m_options.workDir).filePath(QStringLiteral("sandbox.log")),
                                    QIODevice::Append);
    m_sandbox->start(m_options.sandboxPath,
                     {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--faults"),
                      m_options.faults, QStringLiteral("--seed"), QString::number(m_options.seed),
                      QStringLiteral("--state"),
                      QDir(m_options.workDir).filePath(QStringLiteral("sandbox-state.json"))});
    QElapsedTimer timer;
    timer.start();
    QByteArray output;
    while (!output.contains('\n') && timer.elapsed() < 15000 && m_sandbox->state() != QProcess::NotRunning) {
        m_sandbox->waitForReadyRead(200);
        output += m_sandbox->readAllStandardOutput();
    }
    *url = QString::fromUtf8(output.left(output.indexOf('\n')).trimmed());
    return url->startsWith(QLatin1String("http://127.0.0.1:"));
}

void SoakSupervisor::stopSandbox()
{
    if (!m_sandbox)
        return;
    m_sandbox->terminate(); // SIGTERM: it saves its state and exits
    if (!m_sandbox->waitForFinished(15000)) {
        m_sandbox->kill();
        m_sandbox->waitForFinished(5000);
    }
    delete m_sandbox;
    m_sandbox = nullptr;
}

SoakSupervisor::Result SoakSupervisor::run()
{
    Result result;
    QDir().mkpath(m_options.workDir);
    const QDir work(m_options.workDir);
    QString url;
    if (!startSandbox(&url)) {
        result.failure = QStringLiteral("the sandbox did not start");
        stopSandbox();
        return result;
    }
    log() << "soak: sandbox at " << url << " with faults " << m_options.faults << '\n';
    log().flush();

    const QStringList driverArguments{
        QStringLiteral("--url"),       url,
        QStringLiteral("--journal"),   work.filePath(QStringLiteral("journal.sqlite")),
        QStringLiteral("--confirmed"), work.filePath(QStringLiteral("confirmed.txt")),
        QStringLiteral("--rate"),      QString::number(m_options.rate),
        QStringLiteral("--limit"),     QString::number(m_options.limit)};
    const QString driverLog = work.filePath(QStringLiteral("driver.log"));
    QRandomGenerator random(m_options.seed);
    QElapsedTimer soak;
    soak.start();
    while (soak.elapsed() < qint64(m_options.durationSeconds) * 1000) {
        QProcess driver;
        driver.setStandardOutputFile(driverLog, QIODevice::Append);
        driver.setStandardErrorFile(driverLog, QIODevice::Append);
        driver.start(m_options.driverPath, driverArguments);
        if (!driver.waitForStarted(10000)) {
            result.failure = QStringLiteral("the driver did not start");
            stopSandbox();
            return result;
        }
        const int lifeMs =
            m_options.minRunMs + int(random.bounded(quint32(m_options.maxRunMs - m_options.minRunMs + 1)));
        if (driver.waitForFinished(lifeMs)) {
            result.failure = QStringLiteral("the driver exited by itself (code %1): see %2")
                                 .arg(driver.exitCode())
                                 .arg(driverLog);
            stopSandbox();
            return result;
        }
        driver.kill(); // SIGKILL, at whatever it was doing
        driver.waitForFinished(10000);
        ++result.restarts;
        if (result.restarts % 10 == 0) {
            log() << "soak: " << result.restarts << " kills, "
                  << completeLines(work.filePath(QStringLiteral("confirmed.txt"))).size()
                  << " leads confirmed so far\n";
            log().flush();
        }
    }
    // The last start is the restart that must finish the job: no more kills, same faults.
    log() << "soak: draining the outbox after " << result.restarts << " kills\n";
    log().flush();
    QProcess drain;
    drain.setStandardOutputFile(driverLog, QIODevice::Append);
    drain.setStandardErrorFile(driverLog, QIODevice::Append);
    drain.start(m_options.driverPath, driverArguments + QStringList{QStringLiteral("--drain")});
    const bool drained = drain.waitForFinished(m_options.drainTimeoutSeconds * 1000) &&
                         drain.exitStatus() == QProcess::NormalExit && drain.exitCode() == 0;
    if (!drained) {
        drain.kill();
        drain.waitForFinished(5000);
    }
    stopSandbox();
    count(result);
    if (!drained && result.failure.isEmpty())
        result.failure =
            QStringLiteral("the outbox did not drain within %1 s").arg(m_options.drainTimeoutSeconds);
    return result;
}

void SoakSupervisor::count(Result &result) const
{
    const QDir work(m_options.workDir);
    QFile stateFile(work.filePath(QStringLiteral("sandbox-state.json")));
    if (!stateFile.open(QIODevice::ReadOnly)) {
        result.failure = QStringLiteral("no sandbox state file");
        return;
    }
    QSet<QString> storedById;
    const QJsonObject state = QJsonDocument::fromJson(stateFile.readAll()).object();
    for (const QJsonValue &value : state.value(QStringLiteral("leads")).toArray())
        storedById.insert(value.toObject().value(QStringLiteral("id")).toString());
    // Duplicates are counted from what the sandbox was asked, not from what it kept: it refuses a
    // second order for the same id, phone and offer, so its stored leads can never show one.
    const QJsonObject requested = state.value(QStringLiteral("ordersRequested")).toObject();
    for (auto it = requested.constBegin(); it != requested.constEnd(); ++it) {
        const int orders = it.value().toInt();
        if (orders > 1) {
            result.duplicates += orders - 1;
            result.examples
                << QStringLiteral("customer|offer %1 asked for %2 times").arg(it.key()).arg(orders);
        }
    }
    if (requested.isEmpty() && !storedById.isEmpty())
        result.failure = QStringLiteral("the sandbox state has no count of the orders it was asked for");

    Journal journal;
    if (!journal.open(work.filePath(QStringLiteral("journal.sqlite")))) {
        result.failure = QStringLiteral("cannot open the journal: ") + journal.errorString();
        return;
    }
    QSet<QString> inJournal;
    QSet<QString> mustBeThere;
    for (const JournalRow &row : journal.rows(BenchSupport::profile)) {
        ++result.submitted;
        inJournal.insert(row.orderId);
        if (storedById.contains(row.orderId))
            ++result.confirmedBySandbox;
        if (row.sendState == SendState::Sent) {
            ++result.sentInJournal;
            mustBeThere.insert(row.orderId);
        } else if (row.sendState == SendState::Rejected) {
            ++result.rejected;
            // The journal tells the operator "refused", yet the network holds the order: a lie that
            // invites typing it again.
            if (storedById.contains(row.orderId))
                ++result.misreported;
            result.examples << QStringLiteral("%1 rejected: %2").arg(row.orderId, row.errorCode);
        } else {
            ++result.stillWaiting;
        }
    }
    journal.close();

    const QStringList confirmed = completeLines(work.filePath(QStringLiteral("confirmed.txt")));
    result.confirmedByUser = int(confirmed.size());
    for (const QString &id : confirmed) {
        mustBeThere.insert(id);
        if (!inJournal.contains(id)) {
            ++result.missingFromJournal;
            result.examples << QStringLiteral("%1 confirmed but not in the journal").arg(id);
        }
    }
    for (const QString &id : std::as_const(mustBeThere)) {
        if (!storedById.contains(id)) {
            ++result.lost;
            result.examples << QStringLiteral("%1 lost").arg(id);
        }
    }
    if (result.examples.size() > 10)
        result.examples = result.examples.mid(0, 10);
    result.ranToEnd = result.failure.isEmpty();
}

#include "PostgresServer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QUuid>
#include <QVariant>

#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace {

constexpr int InitTimeoutMs = 120000;
constexpr int StartTimeoutMs = 60000;

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

// The account the server runs as when we are root.
const char *const ServerAccount = "nobody";

bool handToServerAccount(const QString &path)
{
    const passwd *account = ::getpwnam(ServerAccount);
    if (!account)
        return false;
    return ::chown(QFile::encodeName(path).constData(), account->pw_uid, account->pw_gid) == 0;
}

QString quoteLiteral(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

PostgresServer::PostgresServer() : m_dir(QDir::tempPath() + QLatin1String("/cpadesk-pg-XXXXXX")) {}

PostgresServer::~PostgresServer()
{
    if (m_running)
        stop();
}

QString PostgresServer::binDirectory()
{
    const QString configured = qEnvironmentVariable("CPADESK_PG_BINDIR");
    if (!configured.isEmpty())
        return configured;
    // Debian and Ubuntu keep each major version apart (/usr/lib/postgresql/15/bin): the newest one
    // installed; 15 (Debian 12's) when none is found, so that the error names a real place.
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    int newest = 0;
    const QStringList entries = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isNumber = false;
        const int version = entry.toInt(&isNumber);
        if (isNumber && version > newest &&
            QFile::exists(versions.filePath(entry + QLatin1String("/bin/initdb"))))
            newest = version;
    }
    return QStringLiteral("/usr/lib/postgresql/%1/bin").arg(newest > 0 ? newest : 15);
}

QString PostgresServer::logText() const
{
    QFile file(m_logFile);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool PostgresServer::run(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_dir.path()); // readable by the server account, unlike root's folders
    const QString path = binDirectory() + QLatin1Char('/') + program;
    if (runningAsRoot())
        process.start(
            QStringLiteral("runuser"),
            QStringList{QStringLiteral("-u"), QLatin1String(ServerAccount), QStringLiteral("--"), path} +
                arguments);
    else
        process.start(path, arguments);
    if (!process.waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("%1 did not start: %2").arg(path, process.errorString());
        return false;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        m_error = QStringLiteral("%1 did not finish in %2 ms").arg(path).arg(timeoutMs);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("%1 %2 failed (exit %3): %4\n--- server log ---\n%5")
                      .arg(path, arguments.join(QLatin1Char(' ')))
                      .arg(process.exitCode())
                      .arg(QString::fromLocal8Bit(process.readAll()), logText());
        return false;
    }
    return true;
}

bool PostgresServer::prepareFolder()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    m_dataDir = m_dir.filePath(QStringLiteral("data"));
    m_logFile = m_dir.filePath(QStringLiteral("server.log"));
    const QString passwordFile = m_dir.filePath(QStringLiteral("superuser-password"));
    QFile password(passwordFile);
    if (!password.open(QIODevice::WriteOnly) || password.write(superPassword().toUtf8() + '\n') < 0) {
        m_error = QStringLiteral("cannot write %1").arg(passwordFile);
        return false;
    }
    password.close();
    QFile log(m_logFile);
    log.open(QIODevice::WriteOnly);
    log.close();
    if (runningAsRoot()) {
        for (const QString &path : {m_dir.path(), passwordFile, m_logFile}) {
            if (!handToServerAccount(path)) {
                m_error =
                    QStringLiteral("cannot hand %1 to the user \"%2\" (PostgreSQL refuses to run as root)")
                        .arg(path, QLatin1String(ServerAccount));
                return false;
            }
        }
    }
    return run(QStringLiteral("initdb"),
               {QStringLiteral("-D"), m_dataDir, QStringLiteral("-U"), superUser(),
                QStringLiteral("--pwfile"), passwordFile, QStringLiteral("--auth-local=scram-sha-256"),
                QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")},
               InitTimeoutMs);
}

int PostgresServer::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QStringList PostgresServer::serverOptions() const
{
    // fsync off: a test server's data need not survive a power cut, and the disk is shared.
    QString options =
        QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                       "-c full_page_writes=off -c max_connections=200")
            .arg(m_port)
            .arg(m_dir.path());
    if (m_tls)
        options += QStringLiteral(" -c ssl=on -c ssl_cert_file=%1 -c ssl_key_file=%2")
                       .arg(m_dir.filePath(QStringLiteral("server.crt")),
                            m_dir.filePath(QStringLiteral("server.key")));
    return {options};
}

bool PostgresServer::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2 %3")
                      .arg(arguments.join(QLatin1Char(' ')), process.errorString(),
                           QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool PostgresServer::enableTls()
{
    if (!m_dir.isValid())
        return false;
    const QString extensions = m_dir.filePath(QStringLiteral("san.ext"));
    QFile san(extensions);
    if (!san.open(QIODevice::WriteOnly) || san.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n") < 0)
        return false;
    san.close();
    const QString days = QStringLiteral("30");
    const bool made =
        openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-x509"),
                 QStringLiteral("-days"), days, QStringLiteral("-nodes"), QStringLiteral("-subj"),
                 QStringLiteral("/CN=CPA Desk test CA"), QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                 QStringLiteral("-out"), QStringLiteral("ca.crt")}) &&
        openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-x509"),
                 QStringLiteral("-days"), days, QStringLiteral("-nodes"), QStringLiteral("-subj"),
                 QStringLiteral("/CN=Someone else's CA"), QStringLiteral("-keyout"),
                 QStringLiteral("other-ca.key"), QStringLiteral("-out"), QStringLiteral("other-ca.crt")}) &&
        openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-nodes"),
                 QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-keyout"),
                 QStringLiteral("server.key"), QStringLiteral("-out"), QStringLiteral("server.csr")}) &&
        openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                 QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
                 QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                 QStringLiteral("-days"), days, QStringLiteral("-extfile"), extensions,
                 QStringLiteral("-out"), QStringLiteral("server.crt")});
    if (!made)
        return false;
    // The server reads its key only if nobody else may.
    const QString key = m_dir.filePath(QStringLiteral("server.key"));
    QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
    if (runningAsRoot()) {
        for (const QString &path : {key, m_dir.filePath(QStringLiteral("server.crt"))}) {
            if (!handToServerAccount(path)) {
                m_error = QStringLiteral("cannot hand %1 to the server's account").arg(path);
                return false;
            }
        }
    }
    m_tls = true;
    return true;
}

bool PostgresServer::start()
{
    if (m_running)
        return true;
    if (!m_initialised) {
        if (!prepareFolder())
            return false;
        m_initialised = true;
    }
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (m_port == 0 || attempt > 0)
            m_port = freePort();
        if (m_port == 0) {
            m_error = QStringLiteral("no free TCP port on 127.0.0.1");
            return false;
        }
        if (run(QStringLiteral("pg_ctl"),
                QStringList{QStringLiteral("-D"), m_dataDir, QStringLiteral("-l"), m_logFile,
                            QStringLiteral("-w"), QStringLiteral("-t"),
                            QString::number(StartTimeoutMs / 1000), QStringLiteral("-o")} +
                    serverOptions() + QStringList{QStringLiteral("start")},
                StartTimeoutMs + 5000)) {
            m_running = true;
            return true;
        }
    }
    return false;
}

bool PostgresServer::stop()
{
    if (!m_running)
        return true;
    const bool stopped = run(QStringLiteral("pg_ctl"),
                             {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("fast"),
                              QStringLiteral("-w"), QStringLiteral("stop")},
                             StartTimeoutMs);
    if (stopped)
        m_running = false;
    return stopped;
}

bool PostgresServer::restart()
{
    // Same port: clients configured with it must find the server again.
    if (!stop())
        return false;
    return run(QStringLiteral("pg_ctl"),
               QStringList{QStringLiteral("-D"), m_dataDir, QStringLiteral("-l"), m_logFile,
                           QStringLiteral("-w"), QStringLiteral("-o")} +
                   serverOptions() + QStringList{QStringLiteral("start")},
               StartTimeoutMs + 5000) &&
           (m_running = true);
}

bool PostgresServer::exec(const QStringList &statements, const QString &database)
{
    const QString connectionName =
        QStringLiteral("pgserver-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(socketDirectory());
        db.setPort(m_port);
        db.setDatabaseName(database);
        db.setUserName(superUser());
        db.setPassword(superPassword());
        if (!db.open()) {
            m_error = QStringLiteral("superuser connection failed: %1").arg(db.lastError().text());
            ok = false;
        }
        QSqlQuery query(db);
        for (int i = 0; ok && i < statements.size(); ++i) {
            if (!query.exec(statements.at(i))) {
                m_error = QStringLiteral("%1\nfailed: %2").arg(statements.at(i), query.lastError().text());
                ok = false;
            }
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return ok;
}

QVariant PostgresServer::value(const QString &sql, const QString &database)
{
    const QString connectionName =
        QStringLiteral("pgserver-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(socketDirectory());
        db.setPort(m_port);
        db.setDatabaseName(database);
        db.setUserName(superUser());
        db.setPassword(superPassword());
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                result = query.value(0);
            else
                m_error = QStringLiteral("%1\nfailed: %2").arg(sql, query.lastError().text());
        } else {
            m_error = QStringLiteral("superuser connection failed: %1").arg(db.lastError().text());
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return result;
}

bool PostgresServer::createDatabase(const QString &name, const QString &owner)
{
    QString sql = QStringLiteral("CREATE DATABASE ") + quoteIdentifier(name);
    if (!owner.isEmpty())
        sql += QStringLiteral(" OWNER ") + quoteIdentifier(owner);
    return exec({sql});
}

bool PostgresServer::createLoginRole(const QString &name, const QString &password,
                                     const QStringList &memberOf)
{
    QString sql =
        QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2").arg(quoteIdentifier(name), quoteLiteral(password));
    QStringList quotedGroups;
    for (const QString &group : memberOf)
        quotedGroups.append(quoteIdentifier(group));
    if (!quotedGroups.isEmpty())
        sql += QStringLiteral(" IN ROLE ") + quotedGroups.join(QStringLiteral(", "));
    return exec({sql});
}

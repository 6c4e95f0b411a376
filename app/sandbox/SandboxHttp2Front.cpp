#include "SandboxHttp2Front.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace {

constexpr int StartTimeoutMs = 10000;

QString accessLogPath(const QString &folder)
{
    return QDir(folder).filePath(QStringLiteral("access.log"));
}

// A port nobody listens on now. Another process may take it before nginx does: start() then tries again.
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

QByteArray configuration(const QString &folder, quint16 port, const QUrl &upstream,
                         const QString &certificateFile, const QString &keyFile)
{
    const QByteArray dir = QDir(folder).absolutePath().toUtf8();
    QByteArray text;
    // One worker: the refresh is one client connection, and the machine is shared. The master stays in
    // the foreground as our child, so that stop() ends it; root's workers run as nobody and touch no file
    // of the folder (answers are never buffered to disk).
    text += "worker_processes 1;\ndaemon off;\npid " + dir + "/nginx.pid;\nerror_log " + dir +
            "/error.log warn;\nevents { worker_connections 1024; }\nhttp {\n";
    text += "  log_format front '$connection $server_protocol $request_method $uri';\n";
    text += "  access_log " + dir + "/access.log front;\n";
    for (const char *temp : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
        text += QByteArray("  ") + temp + "_temp_path " + dir + "/" + temp + "_temp;\n";
    // HTTP/1.1 keep-alive to the sandbox: each HTTP/2 stream borrows an idle upstream connection.
    text += "  upstream sandbox { server 127.0.0.1:" + QByteArray::number(upstream.port()) +
            "; keepalive 64; }\n";
    text += "  server {\n    listen 127.0.0.1:" + QByteArray::number(port) + " ssl http2;\n";
    text += "    ssl_certificate " + QDir(certificateFile).absolutePath().toUtf8() + ";\n";
    text += "    ssl_certificate_key " + QDir(keyFile).absolutePath().toUtf8() + ";\n";
    // A refresh of 100,000 leads is 2,000 requests on the one connection; nginx closes it after 1,000.
    text += "    keepalive_requests 100000;\n    client_max_body_size 10m;\n";
    text += "    location / {\n      proxy_pass http://sandbox;\n      proxy_http_version 1.1;\n";
    text += "      proxy_set_header Connection \"\";\n      proxy_max_temp_file_size 0;\n    }\n  }\n}\n";
    return text;
}

} // namespace

SandboxHttp2Front::SandboxHttp2Front() = default;

SandboxHttp2Front::~SandboxHttp2Front()
{
    stop();
}

QString SandboxHttp2Front::nginxExecutable()
{
    // Debian puts it in /usr/sbin, which a user's PATH may lack.
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (!onPath.isEmpty())
        return onPath;
    return QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
}

bool SandboxHttp2Front::start(const QUrl &upstream, const QString &certificateFile, const QString &keyFile,
                              const QString &folder, QString *error)
{
    stop();
    m_folder = folder;
    if (nginxExecutable().isEmpty()) {
        *error = QStringLiteral("nginx is not installed");
        return false;
    }
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (startOnce(upstream, certificateFile, keyFile, error))
            return true;
    }
    return false;
}

bool SandboxHttp2Front::startOnce(const QUrl &upstream, const QString &certificateFile,
                                  const QString &keyFile, QString *error)
{
    m_port = freePort();
    QFile config(QDir(m_folder).filePath(QStringLiteral("nginx.conf")));
    if (m_port == 0 || !config.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        config.write(configuration(m_folder, m_port, upstream, certificateFile, keyFile)) < 0) {
        *error = QStringLiteral("cannot write %1").arg(config.fileName());
        return false;
    }
    config.close();
    QFile::remove(QDir(m_folder).filePath(QStringLiteral("error.log")));

    m_nginx = std::make_unique<QProcess>();
    m_nginx->setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    // A test or bench that crashes must not leave nginx holding its port: it goes with its parent.
    m_nginx->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    // -e: the log of start-up errors, before the configuration is read (the default is under /var/log).
    m_nginx->start(nginxExecutable(), {QStringLiteral("-p"), QDir(m_folder).absolutePath() + QLatin1Char('/'),
                                       QStringLiteral("-c"), config.fileName(), QStringLiteral("-e"),
                                       QDir(m_folder).filePath(QStringLiteral("error.log"))});
    if (!m_nginx->waitForStarted(StartTimeoutMs)) {
        *error = QStringLiteral("nginx did not start: %1").arg(m_nginx->errorString());
        m_nginx.reset();
        return false;
    }
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired()) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        if (m_nginx->waitForFinished(25)) { // nginx gave up: a bad configuration, or the port was taken
            *error = QStringLiteral("nginx stopped: %1 %2")
                         .arg(QString::fromLocal8Bit(m_nginx->readAll()).trimmed(), errorLog());
            m_nginx.reset();
            return false;
        }
    }
    *error = QStringLiteral("nginx did not listen on port %1 within %2 ms: %3")
                 .arg(m_port)
                 .arg(StartTimeoutMs)
                 .arg(errorLog());
    stop();
    return false;
}

void SandboxHttp2Front::stop()
{
    if (!m_nginx)
        return;
    m_nginx->terminate(); // SIGTERM: nginx's fast shutdown, the workers with it
    if (!m_nginx->waitForFinished(5000)) {
        m_nginx->kill();
        m_nginx->waitForFinished(5000);
    }
    m_nginx.reset();
    m_port = 0;
}

QUrl SandboxHttp2Front::baseUrl() const
{
    if (!m_nginx)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QList<SandboxHttp2Front::Request> SandboxHttp2Front::receivedRequests() const
{
    QList<Request> requests;
    QFile log(accessLogPath(m_folder));
    if (!log.open(QIODevice::ReadOnly))
        return requests;
    const QList<QByteArray> lines = log.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() >= 4)
            requests.append({fields.at(0), fields.at(1), fields.at(3)});
    }
    return requests;
}

void SandboxHttp2Front::clearReceivedRequests()
{
    // nginx keeps the log open and appends: emptying the file keeps its handle valid.
    QFile log(accessLogPath(m_folder));
    if (log.open(QIODevice::WriteOnly | QIODevice::Truncate))
        log.close();
}

QString SandboxHttp2Front::errorLog() const
{
    QFile log(QDir(m_folder).filePath(QStringLiteral("error.log")));
    return log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll()).trimmed() : QString();
}

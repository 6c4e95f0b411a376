#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A real PostgreSQL server for one test executable: initdb in a temporary folder, then pg_ctl on a free
// port of 127.0.0.1 with its unix socket in the same folder. The superuser "postgres" logs in with a
// password (scram-sha-256), so wrong-password cases are real.
//
// PostgreSQL refuses to run as root, and CI runs as root: then the folder is handed to the unprivileged
// user "nobody" and every server command runs through runuser. Nothing is skipped: a test calls start()
// in initTestCase() and fails loudly when it returns false (errorString() says why, with the server's
// log).
class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer(); // stops the server

    static QString binDirectory(); // $CPADESK_PG_BINDIR, else the newest /usr/lib/postgresql/N/bin

    // Before start(): the server speaks TLS too, with a certificate for "localhost" and 127.0.0.1 signed
    // by a throw-away CA (caFile()); otherCaFile() is a CA that did not sign it.
    bool enableTls();
    QString caFile() const { return m_dir.filePath(QStringLiteral("ca.crt")); }
    QString otherCaFile() const { return m_dir.filePath(QStringLiteral("other-ca.crt")); }

    bool start();   // initdb (the first time) and start; false with errorString() on failure
    bool stop();    // a fast shutdown: sessions are ended, the data stays
    bool restart(); // stop and start on the same port
    bool isRunning() const { return m_running; }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString socketDirectory() const { return m_dir.path(); }
    int port() const { return m_port; }
    static QString superUser() { return QStringLiteral("postgres"); }
    static QString superPassword() { return QStringLiteral("test-superuser-secret"); }
    QString errorString() const { return m_error; }
    QString logText() const; // the server's log so far

    // Runs each statement as the superuser, through the unix socket, in `database`. False with
    // errorString() at the first failure.
    bool exec(const QStringList &statements, const QString &database = QStringLiteral("postgres"));
    // The first column of the first row of `sql` as the superuser (an invalid QVariant on failure).
    QVariant value(const QString &sql, const QString &database = QStringLiteral("postgres"));

    // Makes a database and a login role with a password (no other privilege).
    bool createDatabase(const QString &name, const QString &owner = QString());
    bool createLoginRole(const QString &name, const QString &password, const QStringList &memberOf = {});

private:
    bool run(const QString &program, const QStringList &arguments, int timeoutMs);
    bool openssl(const QStringList &arguments);
    bool prepareFolder();
    static int freePort();
    QStringList serverOptions() const;

    QTemporaryDir m_dir;
    QString m_dataDir;
    QString m_logFile;
    bool m_initialised = false;
    bool m_running = false;
    bool m_tls = false;
    int m_port = 0;
    QString m_error;
};

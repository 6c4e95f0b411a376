#pragma once

#include "TeamServerConfig.h"

#include <QMetaType>
#include <QObject>
#include <QString>

// The "Test team server" button's work: connects as the settings say, reads the schema and the
// account's rights, and says in one translated sentence what is wrong, or what works. It never changes
// the database (no migration, no registration). The connection runs on a thread of its own.
class TeamConnectionTester : public QObject
{
    Q_OBJECT
public:
    enum class Problem
    {
        None,
        Incomplete,      // host, database or user missing
        DriverMissing,   // libqt6sql6-psql not installed
        HostUnreachable, // no answer, refused, unknown name, timeout
        NotAllowed,      // pg_hba.conf has no entry for this host/user/database
        WrongPassword,   // or unknown user: PostgreSQL does not say which
        DatabaseMissing,
        TlsFailed,         // server without TLS, certificate not trusted, name mismatch, CA file unreadable
        SchemaNewer,       // set up by a newer CPA Desk
        SchemaMissing,     // no CPA Desk tables, and this account may not create them
        MissingPrivileges, // not in cpadesk_operator nor cpadesk_manager
        Other,
    };
    Q_ENUM(Problem)

    struct Result
    {
        Problem problem = Problem::Other;
        QString message;    // translated
        QString serverText; // the server's own words, when it said something (never the password)
        bool ok() const { return problem == Problem::None; }
    };

    explicit TeamConnectionTester(QObject *parent = nullptr);
    ~TeamConnectionTester() override;

    // Starts a test; finished() answers, always, from this object's thread.
    void test(const TeamServerConfig &config);
    bool isRunning() const { return m_running; }

    // The test itself, blocking (what test() runs on its thread).
    static Result testNow(const TeamServerConfig &config);
    // Which problem libpq's words for a failed connection describe.
    static Problem classifyConnectionError(const QString &driverText);

signals:
    void finished(const TeamConnectionTester::Result &result);

private:
    bool m_running = false;
};

Q_DECLARE_METATYPE(TeamConnectionTester::Result)

#pragma once

#include "TeamServerConfig.h"

#include <QMetaType>
#include <QObject>
#include <QSqlDatabase>
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
        SchemaOlder,       // set up by an older CPA Desk, and this account may not upgrade it
        MissingPrivileges, // not in cpadesk_operator nor cpadesk_manager
        // This workstation's id was registered by another login (row-level security: it may not share).
        WorkstationOfAnotherLogin,
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

    // Starts a test; finished() answers, always, from this object's thread. With `workstationId`
    // (TeamSettings::workstationId()), an operator's login is also told whether it may share from it.
    void test(const TeamServerConfig &config, const QString &workstationId = QString());
    bool isRunning() const { return m_running; }

    // The test itself, blocking (what test() runs on its thread).
    static Result testNow(const TeamServerConfig &config, const QString &workstationId = QString());
    // Which problem libpq's words for a failed connection describe.
    static Problem classifyConnectionError(const QString &driverText);

signals:
    void finished(const TeamConnectionTester::Result &result);

private:
    // None when an operator's login may register `workstationId` (or has), WorkstationOfAnotherLogin,
    // or Other with `error`. Changes nothing.
    static Problem workstationRegistration(QSqlDatabase &db, const QString &workstationId, QString *error);

    bool m_running = false;
};

Q_DECLARE_METATYPE(TeamConnectionTester::Result)

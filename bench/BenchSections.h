#pragma once

#include "BenchReport.h"
#include "BenchSupport.h"

// The sections of cpadesk-bench (issue 9). Each runs in a process of its own (so that one section's
// memory and threads never colour another's figures) and adds its figures to the report.

// (5) The sandbox's own requests per second, list.json (50 ids) and add.json: the app's client versus
// a raw keep-alive client.
void benchSandbox(BenchReport &report, const BenchOptions &options);

// (3) 100,000 leads in a journal: time to first rows of LeadTableModel + LeadFilterProxy, a search
// keystroke, a sort, resident memory.
void benchTable(BenchReport &report, const BenchOptions &options);
// The table section's fixture, written by a separate process: the journal at `path` with `count` leads
// in every stage. Returns a process exit code.
int fillTableJournal(const QString &path, int count);

// (1) A status refresh of 10,000 leads through StatusPoller + Journal versus a bare
// QNetworkAccessManager loop of the same list.json requests; the longest main-thread stall.
void benchRefresh(BenchReport &report, const BenchOptions &options);

// (2) Leads per second through Outbox (journal, fsync) to the sandbox; journal commit latency.
void benchSubmit(BenchReport &report, const BenchOptions &options);

// (4) `cpadesk --sandbox` off-screen: process start to first window painted, and idle memory, versus
// a bare QMainWindow in a process of its own.
void benchStartup(BenchReport &report, const BenchOptions &options);

// (6) Issue 22: a refresh of 10,000 leads (and 100,000 in a full run) against a sandbox answering in
// 150 ms, beside the limit ceil(requests ÷ in flight) × round trip; the same one request at a time; HTTPS
// with a pinned certificate.
void benchLatency(BenchReport &report, const BenchOptions &options);
// (7) Analytics over 100,000 local leads: a change of breakdown or filter to the figures ready (the
// worker's pass over the rows), beside a bare SQL GROUP BY of the same counts.
void benchAnalytics(BenchReport &report, const BenchOptions &options);
// (8) Issue 19, on a PostgreSQL the section starts itself: 50 workstations pushing 2,000 leads each at
// once (exactly 100,000 held, none doubled or lost) beside bare INSERTs of the same rows; the manager's
// Team table on 1,000,000 rows: first page, filter and sort changes, the summary, memory.
void benchTeam(BenchReport &report, const BenchOptions &options);
// Part of the team section, on its table: the Analytics screen's Team figures (TeamAnalyticsReader)
// per breakdown beside a bare SQL GROUP BY (BenchTeamAnalytics.cpp).
class PostgresServer;
struct TeamServerConfig;
void benchTeamAnalytics(BenchReport &report, PostgresServer &server, const QString &database,
                        const TeamServerConfig &manager, int rows);
// Part of the team section, in a database of its own: a start of sharing with 100,000 outcomes of the
// workstation's leads at the server, reading only what changed since its last read, beside a start that
// reads them all (BenchTeamCatchUp.cpp).
void benchTeamCatchUp(BenchReport &report, PostgresServer &server, const TeamServerConfig &owner,
                      const TeamServerConfig &operatorLogin, const QString &operatorRole, bool quick);
// (9) Issue 21: 100,000 rows of a CSV file read, mapped and validated as the import does, beside a bare
// parse of the same bytes; the longest main-thread stall meanwhile.
void benchImport(BenchReport &report, const BenchOptions &options);

#pragma once

#include <QLoggingCategory>

// Team sharing: connection, schema, pushes. Never logs a password (none reaches a log line: only
// TeamServerConfig::identity() and the driver's error words, which libpq keeps free of it).
Q_DECLARE_LOGGING_CATEGORY(lcTeam)

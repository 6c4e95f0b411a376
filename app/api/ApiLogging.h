#pragma once

#include <QLoggingCategory>

// "cpadesk.api": requests and answers of the API client. Off below warnings unless enabled with
// QT_LOGGING_RULES="cpadesk.api.debug=true". Never logs a query string, a body or a key.
Q_DECLARE_LOGGING_CATEGORY(lcApi)

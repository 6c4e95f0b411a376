#include "ApiLogging.h"

Q_LOGGING_CATEGORY(lcApi, "cpadesk.api", QtWarningMsg)

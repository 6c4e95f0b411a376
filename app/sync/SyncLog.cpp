#include "SyncLog.h"

Q_LOGGING_CATEGORY(lcSync, "cpadesk.sync", QtWarningMsg)

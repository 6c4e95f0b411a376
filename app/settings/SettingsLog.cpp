#include "SettingsLog.h"

Q_LOGGING_CATEGORY(lcSettings, "cpadesk.settings", QtWarningMsg)

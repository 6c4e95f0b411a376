#include "TeamLog.h"

Q_LOGGING_CATEGORY(lcTeam, "cpadesk.team")

#include "JournalLog.h"

Q_LOGGING_CATEGORY(lcJournal, "cpadesk.journal", QtWarningMsg)

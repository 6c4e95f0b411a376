#pragma once

#include <QLoggingCategory>

// Settings, profiles and credentials. Off below warning by default; never given a key to print.
Q_DECLARE_LOGGING_CATEGORY(lcSettings)

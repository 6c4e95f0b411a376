#pragma once

#include "TeamSync.h"

#include <QDate>
#include <QLocale>
#include <QString>

// The status bar's sentence about sharing ("Team server unreachable since 10:42 — 37 leads waiting to
// be shared"): what TeamSyncState means to an operator, in words.
namespace TeamSharingStatus {

// "since 10:42" today; a trouble that began on an earlier day says its date too ("since 02/12/2026
// 17:05"), or an operator back the next morning would read yesterday's time as today's.
QString describe(const TeamSyncState &state, const QLocale &locale = QLocale(),
                 const QDate &today = QDate::currentDate());

} // namespace TeamSharingStatus

#pragma once

#include "TeamSync.h"

#include <QLocale>
#include <QString>

// The status bar's sentence about sharing ("Team server unreachable since 10:42 — 37 leads waiting to
// be shared"): what TeamSyncState means to an operator, in words.
namespace TeamSharingStatus {

QString describe(const TeamSyncState &state, const QLocale &locale = QLocale());

} // namespace TeamSharingStatus

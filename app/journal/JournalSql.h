#pragma once

#include "SendState.h"

#include <QString>
#include <QStringList>
#include <QVariant>

// SQL pieces that more than one part of the journal writes (its store, reader and status merger).
namespace JournalSql {

// Lists of values in "IN (...)" always have this length, so that one prepared statement serves every
// list (see StatementCache): longer lists go in pieces, and a short piece is padded with repeats of
// its last value, which changes nothing in IN. 50 is what one list.json answer holds.
constexpr qsizetype InListLength = 50;

// InListLength times `each`, comma-separated.
QString inListPlaceholders(const QString &each = QStringLiteral("?"));

// The values of `list` from `start` for one IN list, padded to InListLength, after `leading`.
QVariantList inListValues(QVariantList leading, const QStringList &list, qsizetype start);

// The leads a refresh asks about: sent (by us or by a landing page), not yet final. Its placeholders
// are the first three parameters; openLeadsValues() fills them.
extern const char openLeadsCondition[];
QVariantList openLeadsValues(const QString &profileId);

// NULL for an empty text / a negative time, as the journal stores "none".
QVariant textOrNull(const QString &text);
QVariant msOrNull(qint64 ms);

} // namespace JournalSql

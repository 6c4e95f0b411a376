#include "JournalSql.h"

QString JournalSql::inListPlaceholders(const QString &each)
{
    QStringList text(InListLength, each);
    return text.join(QStringLiteral(", "));
}

QVariantList JournalSql::inListValues(QVariantList leading, const QStringList &list, qsizetype start)
{
    const qsizetype end = qMin(list.size(), start + InListLength);
    for (qsizetype i = start; i < end; ++i)
        leading.append(list.at(i));
    for (qsizetype i = end - start; i < InListLength; ++i)
        leading.append(list.at(end - 1));
    return leading;
}

const char JournalSql::openLeadsCondition[] = "profile_id = ? AND is_final = 0 AND send_state IN (?, ?)"
                                              " AND order_id IS NOT NULL";

QVariantList JournalSql::openLeadsValues(const QString &profileId)
{
    return {profileId, SendStates::toText(SendState::Sent), SendStates::toText(SendState::External)};
}

QVariant JournalSql::textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant JournalSql::msOrNull(qint64 ms)
{
    return ms < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(ms);
}

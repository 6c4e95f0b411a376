#include "TeamLeadsQuery.h"

#include <QDateTime>
#include <QStringList>
#include <QTime>

namespace {

// A LIKE pattern that matches `text` anywhere, its own % _ and \ taken literally.
QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// "expr IN (?, ?, ...)" over a set; the empty string in the set also stands for NULL (no value).
QString inSet(const QString &expression, const QSet<QString> &values, QVariantList *binds, bool upper)
{
    QStringList marks;
    bool withEmpty = false;
    for (const QString &value : values) {
        if (value.isEmpty())
            withEmpty = true;
        marks.append(QStringLiteral("?"));
        binds->append(upper ? value.toUpper() : value);
    }
    QString sql = expression + QStringLiteral(" IN (") + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (withEmpty)
        sql = QLatin1Char('(') + sql + QStringLiteral(" OR ") + expression + QStringLiteral(" IS NULL)");
    return sql;
}

// The search rule of LeadFilterProxy: digits of a phone when the text looks like one.
QString phoneDigits(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits.append(c);
        else if (!c.isSpace() && c != QLatin1Char('+') && c != QLatin1Char('-') && c != QLatin1Char('(') &&
                 c != QLatin1Char(')'))
            return QString();
    }
    return digits.size() >= 3 ? digits : QString();
}

qint64 startOfDayMs(const QDate &date)
{
    return QDateTime(date, QTime(0, 0)).toMSecsSinceEpoch();
}

} // namespace

bool TeamLeadsQuery::operator==(const TeamLeadsQuery &other) const
{
    return filter == other.filter && operators == other.operators && searchText == other.searchText &&
           sortColumn == other.sortColumn && descending == other.descending;
}

QStringList TeamLeadsQuery::filterConditions(QVariantList *binds) const
{
    QStringList conditions;
    if (!filter.stages.isEmpty()) {
        // No stage yet is '' at the server (never NULL).
        QStringList marks;
        for (const QString &stage : filter.stages) {
            marks.append(QStringLiteral("?"));
            // Not a null QString: the driver would bind NULL, which equals nothing.
            binds->append(stage.isEmpty() ? QStringLiteral("") : stage);
        }
        conditions.append(QStringLiteral("stage IN (") + marks.join(QStringLiteral(", ")) + QLatin1Char(')'));
    }
    if (!filter.offers.isEmpty())
        conditions.append(inSet(QStringLiteral("offer"), filter.offers, binds, false));
    if (!filter.countries.isEmpty())
        conditions.append(inSet(QStringLiteral("upper(country)"), filter.countries, binds, true));
    if (!operators.isEmpty())
        conditions.append(inSet(QStringLiteral("operator_name"), operators, binds, false));
    // The operators of a group of the Analytics screen's Team scope (both sets apply when both are set).
    if (!filter.operators.isEmpty())
        conditions.append(inSet(QStringLiteral("operator_name"), filter.operators, binds, false));
    if (filter.createdFrom.isValid()) {
        conditions.append(QStringLiteral("created_at >= to_timestamp(?::bigint / 1000.0)"));
        binds->append(startOfDayMs(filter.createdFrom));
    }
    if (filter.createdTo.isValid()) {
        conditions.append(QStringLiteral("created_at < to_timestamp(?::bigint / 1000.0)"));
        binds->append(startOfDayMs(filter.createdTo.addDays(1)));
    }
    return conditions;
}

QString TeamLeadsQuery::textSearchCondition(QVariantList *binds) const
{
    const QString search = searchText.trimmed();
    const QString pattern = containsPattern(search);
    // Text without letters (digits, a phone) matches the same with or without case folding, and
    // LIKE rechecks the trigram index's candidates several times faster than ILIKE: on 1,000,000
    // rows a phone's digits leave ~100,000 candidates to recheck (phones share most trigrams).
    const bool caseless = search.toLower() == search && search.toUpper() == search;
    binds->append(pattern);
    binds->append(pattern);
    binds->append(pattern);
    return caseless ? QStringLiteral("(order_id LIKE ? OR network_order_id LIKE ? OR name LIKE ?)")
                    : QStringLiteral("(order_id ILIKE ? OR network_order_id ILIKE ? OR name ILIKE ?)");
}

QString TeamLeadsQuery::phoneSearchCondition(QVariantList *binds, bool byIndex) const
{
    const QString digits = phoneDigits(searchText.trimmed());
    if (digits.isEmpty())
        return QString();
    // The index of schema step 5 holds, for every position of a phone, the 16 characters from there
    // (at least 5): a phone contains the digits exactly when one of them starts with the digits, so the
    // prefix search finds the same leads as the LIKE below, with nothing to recheck. Under five digits
    // so many lexemes start with them that the trigram index is the cheaper of the two; over sixteen
    // no lexeme is long enough. Not for a walk of the sort column's index: there the condition is
    // tested on each row, and making a row's lexemes costs far more than a LIKE.
    constexpr int IndexedMinDigits = 5;
    constexpr int IndexedMaxDigits = 16;
    if (byIndex && digits.size() >= IndexedMinDigits && digits.size() <= IndexedMaxDigits) {
        // Digits only: nothing in them to quote for tsquery.
        binds->append(QStringLiteral("'%1':*").arg(digits));
        return QStringLiteral("cpadesk_phone_suffixes(phone) @@ ?::tsquery");
    }
    binds->append(containsPattern(digits));
    return QStringLiteral("phone LIKE ?");
}

QString TeamLeadsQuery::whereClause(QVariantList *binds) const
{
    return whereClause(binds, true);
}

QString TeamLeadsQuery::whereClause(QVariantList *binds, bool phoneByIndex) const
{
    QStringList conditions = filterConditions(binds);
    if (!searchText.trimmed().isEmpty()) {
        QString any = textSearchCondition(binds);
        const QString phone = phoneSearchCondition(binds, phoneByIndex);
        if (!phone.isEmpty())
            any = QLatin1Char('(') + any + QStringLiteral(" OR ") + phone + QLatin1Char(')');
        conditions.append(any);
    }
    if (conditions.isEmpty())
        return QString();
    return QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString TeamLeadsQuery::sortColumnName() const
{
    // Each has an index (column, account, order_id) in TeamSchema version 2, so the first page of any
    // sort is an index walk, not a sort of the whole table.
    QString column;
    switch (sortColumn) {
    case OrderId:
        column = QStringLiteral("order_id");
        break;
    case NetworkId:
        column = QStringLiteral("network_order_id");
        break;
    case Offer:
        column = QStringLiteral("offer");
        break;
    case Operator:
        column = QStringLiteral("operator_name");
        break;
    case Name:
        column = QStringLiteral("name");
        break;
    case Phone:
        column = QStringLiteral("phone");
        break;
    case Country:
        column = QStringLiteral("country");
        break;
    case Stage:
        column = QStringLiteral("stage");
        break;
    case Status:
        column = QStringLiteral("status");
        break;
    case Reason:
        column = QStringLiteral("reason");
        break;
    case Comment:
        column = QStringLiteral("comment"); // its index is TeamSchema version 6's
        break;
    case Created:
    default:
        column = QStringLiteral("created_at");
        break;
    }
    return column;
}

QString TeamLeadsQuery::orderByClause() const
{
    const QString column = sortColumnName();
    // QString::arg rather than a QStringBuilder chain: GCC 12 misreads the chain's empty-string branch
    // as an out-of-bounds copy (-Warray-bounds), which -Werror turns into a failed build.
    const QLatin1String direction(descending ? " DESC" : "");
    return QStringLiteral(" ORDER BY %1%2, account%2, order_id%2").arg(column, direction);
}

QString TeamLeadsQuery::selectColumns()
{
    return QStringLiteral("account, order_id, COALESCE(network_order_id, ''),"
                          " (extract(epoch FROM created_at) * 1000)::bigint, operator_name,"
                          " COALESCE(offer, ''), COALESCE(name, ''), COALESCE(phone, ''),"
                          " COALESCE(country, ''), stage, status, reason, status_text, reason_text,"
                          " stage_text, comment");
}

QString TeamLeadsQuery::matchingKeysSql(QVariantList *binds, const QString &keys) const
{
    const QString select = QStringLiteral("SELECT ") + keys + QStringLiteral(" FROM leads");
    QVariantList phoneBinds;
    const QString phone = phoneSearchCondition(&phoneBinds);
    if (phone.isEmpty())
        return select + whereClause(binds);
    // A phone's digits are looked up on their own: one OR of every column over the candidates of all
    // the trigram indexes rechecks each candidate against every column, and the phone index's are many
    // (the synthetic phones share most of their trigrams; ~114,000 candidates for 10,000 matches). Here
    // a candidate of the phone index rechecks only the phone, and the other columns are tested only on
    // the phone's matches, to leave out the leads the first part found: the parts are disjoint, so the
    // LIMIT still counts distinct leads and a common text still stops the scan early.
    // Each part binds its own values, in the order they appear in its SQL (one call a statement: the
    // order in which the operands of + are evaluated is unspecified).
    QStringList textConditions = filterConditions(binds);
    textConditions.append(textSearchCondition(binds));
    const QString byText = select + QStringLiteral(" WHERE ") + textConditions.join(QStringLiteral(" AND "));
    const QStringList phoneFilters = filterConditions(binds);
    *binds += phoneBinds;
    // IS NOT TRUE rather than NOT: a NULL network id or name is no match, not an unknown one.
    const QString notByText = textSearchCondition(binds) + QStringLiteral(" IS NOT TRUE");
    const QString byPhone = select + QStringLiteral(" WHERE ") +
                            (phoneFilters + QStringList{phone, notByText}).join(QStringLiteral(" AND "));
    return QLatin1Char('(') + byText + QStringLiteral(") UNION ALL (") + byPhone + QLatin1Char(')');
}

QString TeamLeadsQuery::pageSql(QVariantList *binds, int offset, int limit) const
{
    const QString page = QStringLiteral(" LIMIT %1 OFFSET %2").arg(limit).arg(offset);
    // Under three characters a search has no trigram to look up and matches nearly everything: the walk
    // meets a page of it at once, where collecting its matches first would read 20,000 rows.
    if (searchText.trimmed().size() < 3) {
        return QStringLiteral("SELECT ") + selectColumns() + QStringLiteral(" FROM leads") +
               whereClause(binds) + orderByClause() + page;
    }
    // A search that matches few rows, all of them old (a phone typed in part, a name), is where the
    // planner goes wrong: it knows how many rows match but assumes they are spread evenly over time, so
    // it walks the sort column's index from the newest lead and filters, which on 1,000,000 rows reads
    // nearly all of them (0.35-0.7 s). So the matches' keys are first collected without any order,
    // through the search's indexes (trigrams, and the phone index of schema step 5), up to
    // rareMatchLimit + 1 of them (a common word stops a plain scan early at that many). If that is all
    // of them, the page is sorted from those keys; if not, matches are common enough that the index
    // walk meets a page of them soon, and it runs instead. Only one branch runs: the other's count test
    // is a one-time filter, false before it starts. (The walk tests a phone's digits with LIKE, a cheap
    // test of the row: with the phone index's condition there, the planner also expected the walk to
    // be long and planned parallel workers, which started, 20-60 ms, even when the branch did not
    // run.) Only the page's keys are then joined back to their rows. (Measured in cpadesk-bench
    // --sections team: docs/PERFORMANCE.md.)
    const QString column = sortColumnName();
    const QString keys = column == QLatin1String("order_id") ? QStringLiteral("account, order_id")
                                                             : column + QStringLiteral(", account, order_id");
    const QString matches = QStringLiteral("WITH matches AS MATERIALIZED (") + matchingKeysSql(binds, keys) +
                            QStringLiteral(" LIMIT %1)").arg(rareMatchLimit + 1);
    const QString few = QStringLiteral(" WHERE (SELECT count(*) FROM matches) <= %1").arg(rareMatchLimit);
    const QString many = QStringLiteral(" AND (SELECT count(*) FROM matches) > %1").arg(rareMatchLimit);
    const QString sorted = QStringLiteral("(SELECT account, order_id FROM matches") + few + orderByClause() +
                           page + QLatin1Char(')');
    const QString walked = QStringLiteral("(SELECT account, order_id FROM leads") +
                           whereClause(binds, false) + many + orderByClause() + page + QLatin1Char(')');
    return matches + QStringLiteral(", page AS (") + sorted + QStringLiteral(" UNION ALL ") + walked +
           QStringLiteral(") SELECT ") + selectColumns() +
           QStringLiteral(" FROM leads JOIN page USING (account, order_id)") + orderByClause();
}

QString TeamLeadsQuery::sentCondition()
{
    return QStringLiteral("(stage <> '' OR send_state IN ('sent', 'external'))");
}

QString TeamLeadsQuery::summarySql(QVariantList *binds) const
{
    return QStringLiteral("SELECT stage, status, count(*), count(*) FILTER (WHERE %1) FROM leads")
               .arg(sentCondition()) +
           whereClause(binds) + QStringLiteral(" GROUP BY stage, status");
}

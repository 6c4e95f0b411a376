#include "TeamChoices.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

// Operators are few and their leads many: a walk from one name to the next on the index of
// TeamSchema version 2 (leads_sort_operator) costs a probe per operator, where DISTINCT reads every
// lead's entry. Offers and countries use that version's indexes too.
const char *const OperatorsSql =
    "WITH RECURSIVE names(name) AS ("
    " (SELECT operator_name FROM leads ORDER BY operator_name LIMIT 1)"
    " UNION ALL"
    " SELECT (SELECT l.operator_name FROM leads l WHERE l.operator_name > names.name"
    "  ORDER BY l.operator_name LIMIT 1) FROM names WHERE names.name IS NOT NULL)"
    " SELECT name FROM names WHERE name IS NOT NULL LIMIT 1000";
const char *const OffersSql =
    "SELECT DISTINCT offer FROM leads WHERE offer IS NOT NULL AND offer <> '' ORDER BY 1 LIMIT 1000";
const char *const CountriesSql =
    "SELECT DISTINCT upper(country) FROM leads WHERE country IS NOT NULL AND country <> ''"
    " ORDER BY 1 LIMIT 1000";

bool readColumn(QSqlQuery &query, const char *sql, QStringList *values, QSqlError *error)
{
    values->clear();
    if (!query.exec(QLatin1String(sql))) {
        *error = query.lastError();
        return false;
    }
    while (query.next())
        values->append(query.value(0).toString());
    if (query.lastError().isValid()) {
        *error = query.lastError();
        return false;
    }
    return true;
}

} // namespace

bool TeamChoices::read(QSqlDatabase &db, TeamChoices *choices, QSqlError *error)
{
    *choices = TeamChoices();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    return readColumn(query, OperatorsSql, &choices->operators, error) &&
           readColumn(query, OffersSql, &choices->offers, error) &&
           readColumn(query, CountriesSql, &choices->countries, error);
}

#pragma once

#include "status/LeadFilter.h"

#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariantList>

// One lead of the team as the manager's table shows it: what the team database keeps of it.
struct TeamLeadRow
{
    QString account;
    QString orderId;
    QString networkOrderId;
    qint64 createdAtMs = 0;
    QString operatorName;
    QString offer;
    QString name;
    QString phone;
    QString country;
    QString stage;
    int status = 0;
    int reason = 0;
    // The network's own words for its codes and its comment on the lead (TeamSchema version 6); empty
    // when it sent none.
    QString statusText;
    QString reasonText;
    QString stageText;
    QString comment;
};

// Leads at one stage and status, as PostgreSQL counted them (GROUP BY stage, status): what LeadStats
// needs to make the summary bar's figures without the rows.
struct TeamStageCount
{
    QString stage;
    int status = 0;
    int leads = 0;
    int sentLeads = 0;
};

// Which team leads to show and in what order; turned into SQL for the team database. The filter is the
// Leads screen's own LeadFilter (stages, offers, countries, dates) plus the operators and the search
// text; the team database keeps no webmaster, so LeadFilter::wms is not applied.
//
// Every value is bound as a parameter, never pasted into the SQL.
struct TeamLeadsQuery
{
    // The manager's table: the local table's columns where they exist (so that the stage column
    // and the Leads screen's styling line up), the operator where the local table has the webmaster.
    enum Column
    {
        OrderId,
        NetworkId,
        Created,
        Offer,
        Operator,
        Name,
        Phone,
        Country,
        Stage,
        Status,
        Reason,
        Comment, // the network's comment on the lead, as in the local table
        NB_COLUMNS
    };

    LeadFilter filter;
    QSet<QString> operators; // operator names; empty shows every operator
    QString searchText;      // order ids, name, or a phone's digits (LeadFilterProxy's rule)
    int sortColumn = Created;
    bool descending = true;
    // How many matches of a search count as few: pageSql() sorts up to this many found through the
    // search's indexes rather than walking the sort column's index. Not part of what is shown (==).
    static constexpr int RareMatchLimit = 20000;
    int rareMatchLimit = RareMatchLimit;

    bool operator==(const TeamLeadsQuery &other) const;
    bool operator!=(const TeamLeadsQuery &other) const { return !(*this == other); }

    // The WHERE clause (with "WHERE", or empty) and the values it binds, in order.
    QString whereClause(QVariantList *binds) const;
    // ORDER BY the sort column, then the key: a total order, so pages never overlap or skip a row.
    QString orderByClause() const;
    QString sortColumnName() const; // the column orderByClause() sorts by first
    // `limit` rows from `offset` on, columns in the order TeamLeadsQuery::readRow() reads them.
    QString pageSql(QVariantList *binds, int offset, int limit) const;
    // Leads per stage and status, with how many of them the network took (LeadStats::isSent()).
    QString summarySql(QVariantList *binds) const;

    static QString selectColumns();
    // The SQL condition of a lead the network has taken (LeadStats::isSent()), for count(*) FILTER.
    static QString sentCondition();

private:
    QStringList filterConditions(QVariantList *binds) const; // everything but the search
    QString textSearchCondition(QVariantList *binds) const;  // order ids and name
    // The phone's digits, or empty: through the phone index (a lookup), or as a test of the row that is
    // cheap where the rows are walked in the sort column's order.
    QString phoneSearchCondition(QVariantList *binds, bool byIndex = true) const;
    QString whereClause(QVariantList *binds, bool phoneByIndex) const;
    QString matchingKeysSql(QVariantList *binds, const QString &keys) const; // SELECT keys of the matches
};

Q_DECLARE_METATYPE(TeamLeadRow)
Q_DECLARE_METATYPE(TeamStageCount)

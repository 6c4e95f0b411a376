#pragma once

#include "AnalyticsFigures.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>
#include <QVector>

// The numbers behind one Analytics chart as a table: for screen readers, copying and CSV export, and
// so that nobody has to read a figure off a bar. One model shows one of three tables.
class AnalyticsTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Table
    {
        Groups,  // per offer / webmaster / country / period: counts and rates, then a total row
        Funnel,  // sent -> approved -> completed
        Cohorts, // per day of creation: approved within 1, 3, 7, 14 days
    };
    enum Role
    {
        UnderlyingDataRole = Qt::UserRole, // the raw number (a rate as 0..1), for sorting and tests
    };
    // Columns of the Groups table.
    enum GroupColumn
    {
        GroupName,
        Leads,
        Waiting,
        OnHold,
        Approved,
        Cancelled,
        Trash,
        ApprovalRate,
        ApprovalWithoutTrashRate,
        TrashRate,
        BuyoutRate,
        GroupColumnCount
    };

    explicit AnalyticsTableModel(QObject *parent = nullptr);

    // `groups`: as the chart shows them (top N and "Other"); a total row follows them.
    void showGroups(const QVector<AnalyticsGroup> &groups, const AnalyticsGroup &total,
                    AnalyticsBreakdown breakdown);
    void showFunnel(const LeadStats &total);
    void showCohorts(const QVector<CohortRow> &cohorts);
    Table table() const { return m_table; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The table with its header as tab-separated lines, for pasting into a spreadsheet.
    QString tabSeparatedText() const;

private:
    struct Cell
    {
        QString text;
        QVariant value;
    };
    void setTable(Table table, const QStringList &headers, const QVector<QVector<Cell>> &rows);
    static Cell count(int value);
    static Cell rate(std::optional<double> value);

    Table m_table = Table::Groups;
    QStringList m_headers;
    QVector<QVector<Cell>> m_rows;
};

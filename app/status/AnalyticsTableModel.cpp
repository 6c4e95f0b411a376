#include "AnalyticsTableModel.h"

#include <QLocale>

namespace {
using Stage = StatusCatalog::Stage;
}

AnalyticsTableModel::AnalyticsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

AnalyticsTableModel::Cell AnalyticsTableModel::count(int value)
{
    return {QLocale().toString(value), value};
}

AnalyticsTableModel::Cell AnalyticsTableModel::rate(std::optional<double> value)
{
    return {LeadStats::percentText(value), value ? QVariant(*value) : QVariant()};
}

void AnalyticsTableModel::showGroups(const QVector<AnalyticsGroup> &groups, const AnalyticsGroup &total,
                                     AnalyticsBreakdown breakdown)
{
    const QStringList headers{AnalyticsBreakdowns::displayName(breakdown),
                              tr("Leads"),
                              StatusCatalog::stageName(Stage::Wait),
                              StatusCatalog::stageName(Stage::Hold),
                              StatusCatalog::stageName(Stage::Approve),
                              StatusCatalog::stageName(Stage::Cancel),
                              StatusCatalog::stageName(Stage::Trash),
                              LeadStats::rateName(LeadStats::Rate::Approval),
                              LeadStats::rateName(LeadStats::Rate::ApprovalWithoutTrash),
                              tr("Trash rate"),
                              LeadStats::rateName(LeadStats::Rate::Buyout)};
    QVector<QVector<Cell>> rows;
    auto rowOf = [](const QString &name, const LeadStats &stats) {
        return QVector<Cell>{{name, name},
                             count(stats.shown()),
                             count(stats.count(Stage::Wait)),
                             count(stats.count(Stage::Hold)),
                             count(stats.count(Stage::Approve)),
                             count(stats.count(Stage::Cancel)),
                             count(stats.count(Stage::Trash)),
                             rate(stats.rate(LeadStats::Rate::Approval)),
                             rate(stats.rate(LeadStats::Rate::ApprovalWithoutTrash)),
                             rate(stats.rate(LeadStats::Rate::Trash)),
                             rate(stats.rate(LeadStats::Rate::Buyout))};
    };
    for (const AnalyticsGroup &group : groups)
        rows.append(rowOf(group.label(breakdown), group.stats));
    if (!groups.isEmpty())
        rows.append(rowOf(tr("Total"), total.stats));
    setTable(Table::Groups, headers, rows);
}

void AnalyticsTableModel::showFunnel(const LeadStats &total)
{
    const QStringList headers{tr("Step"), tr("Leads"), tr("Share of sent")};
    const int sent = total.sent();
    auto share = [sent](int part) {
        return rate(sent > 0 ? std::optional<double>(double(part) / double(sent)) : std::nullopt);
    };
    const int approved = total.count(Stage::Approve);
    QVector<QVector<Cell>> rows{
        {{tr("Sent"), tr("Sent")}, count(sent), share(sent)},
        {{tr("Approved"), tr("Approved")}, count(approved), share(approved)},
        {{tr("Completed"), tr("Completed")}, count(total.completed()), share(total.completed())},
    };
    setTable(Table::Funnel, headers, rows);
}

void AnalyticsTableModel::showCohorts(const QVector<CohortRow> &cohorts)
{
    QStringList headers{tr("Created"), tr("Leads")};
    for (const int days : CohortRow::days)
        headers << tr("Approved within %n day(s)", nullptr, days);
    QVector<QVector<Cell>> rows;
    for (const CohortRow &cohort : cohorts) {
        const QString day = QLocale().toString(cohort.day, QLocale::ShortFormat);
        QVector<Cell> row{{day, cohort.day}, count(cohort.leads)};
        for (std::size_t column = 0; column < CohortRow::days.size(); ++column)
            row.append(rate(cohort.share(column)));
        rows.append(row);
    }
    setTable(Table::Cohorts, headers, rows);
}

void AnalyticsTableModel::setTable(Table table, const QStringList &headers,
                                   const QVector<QVector<Cell>> &rows)
{
    beginResetModel();
    m_table = table;
    m_headers = headers;
    m_rows = rows;
    endResetModel();
}

int AnalyticsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnalyticsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant AnalyticsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Cell &cell = m_rows.at(index.row()).at(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return cell.text;
    case UnderlyingDataRole:
        return cell.value;
    case Qt::TextAlignmentRole:
        return index.column() == 0 ? QVariant(Qt::AlignLeading | Qt::AlignVCenter)
                                   : QVariant(Qt::AlignTrailing | Qt::AlignVCenter);
    default:
        return QVariant();
    }
}

QVariant AnalyticsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
        section < m_headers.size())
        return m_headers.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QString AnalyticsTableModel::tabSeparatedText() const
{
    // Tabs and line breaks inside a cell would split it: they become spaces.
    auto clean = [](QString text) {
        text.replace(QLatin1Char('\t'), QLatin1Char(' '));
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        return text;
    };
    QStringList lines;
    QStringList header;
    for (const QString &name : m_headers)
        header << clean(name);
    lines << header.join(QLatin1Char('\t'));
    for (const QVector<Cell> &row : m_rows) {
        QStringList cells;
        for (const Cell &cell : row)
            cells << clean(cell.text);
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

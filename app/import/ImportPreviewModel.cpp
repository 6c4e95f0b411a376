#include "ImportPreviewModel.h"

#include "ReleaseInBackground.h"

ImportPreviewModel::ImportPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportPreviewModel::setRows(const QVector<ImportRow> &rows, const QStringList &header,
                                 const ColumnMapping &mapping, const ImportContext &context)
{
    beginResetModel();
    releaseInBackground(std::exchange(m_rows, rows));
    m_header = header;
    m_mapping = mapping;
    m_context = context;
    m_columns = mapping.columnCount();
    endResetModel();
    recount();
}

void ImportPreviewModel::setExcludedWhere(bool problems, bool duplicates, bool excluded)
{
    for (ImportRow &row : m_rows) {
        if ((problems && !row.isValid()) || (duplicates && !row.duplicateReason.isEmpty()))
            row.excluded = excluded;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    recount();
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns + 1;
}

QString ImportPreviewModel::kindOf(const ImportRow &row) const
{
    if (!row.isValid())
        return QStringLiteral("invalid");
    if (row.alreadyImported)
        return QStringLiteral("known");
    if (!row.duplicateReason.isEmpty())
        return QStringLiteral("duplicate");
    if (row.resend)
        return QStringLiteral("resend");
    return QStringLiteral("ok");
}

QString ImportPreviewModel::stateText(const ImportRow &row) const
{
    if (!row.isValid())
        return tr("Line %1: invalid").arg(row.line);
    if (row.alreadyImported)
        return tr("Line %1: imported before").arg(row.line);
    if (!row.duplicateReason.isEmpty())
        return tr("Line %1: possible double").arg(row.line);
    if (row.resend)
        return tr("Line %1: corrected, sent again").arg(row.line);
    return tr("Line %1: ready").arg(row.line);
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    const ImportRow &row = m_rows.at(index.row());
    if (role == RowKindRole)
        return kindOf(row);
    if (index.column() == StateColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return stateText(row);
        case Qt::CheckStateRole:
            return row.willImport() ? Qt::Checked : Qt::Unchecked;
        case Qt::ToolTipRole:
        case ProblemRole: {
            QStringList reasons;
            for (const ImportCellProblem &problem : row.problems) {
                if (problem.column < 0)
                    reasons.append(problem.message);
            }
            if (!row.idClash.isEmpty())
                reasons.append(row.idClash);
            if (!row.duplicateReason.isEmpty())
                reasons.append(row.duplicateReason);
            if (!row.resendReason.isEmpty())
                reasons.append(row.resendReason);
            return reasons.join(u'\n');
        }
        default:
            return QVariant();
        }
    }
    const int column = index.column() - 1;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return row.cells.value(column);
    case Qt::ToolTipRole:
    case ProblemRole:
        return row.problemAt(column);
    default:
        return QVariant();
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == StateColumn)
        return tr("Row");
    const int column = section - 1;
    const QString name =
        m_header.value(column).isEmpty() ? tr("Column %1").arg(column + 1) : m_header.at(column);
    const QString target = m_mapping.target(column);
    return target.isEmpty() ? name : tr("%1 → %2").arg(name, target);
}

Qt::ItemFlags ImportPreviewModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == StateColumn) {
        const ImportRow &row = m_rows.at(index.row());
        // An invalid or already imported row cannot be taken in; fixing its cells can.
        const bool choosable = row.isValid() && !row.alreadyImported;
        return Qt::ItemIsSelectable | Qt::ItemIsEnabled |
               (choosable ? Qt::ItemIsUserCheckable : Qt::NoItemFlags);
    }
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool ImportPreviewModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return false;
    ImportRow &row = m_rows[index.row()];
    if (index.column() == StateColumn) {
        if (role != Qt::CheckStateRole || !(flags(index) & Qt::ItemIsUserCheckable))
            return false;
        row.excluded = value.value<Qt::CheckState>() != Qt::Checked;
        emit dataChanged(index, index);
        recount();
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    const int column = index.column() - 1;
    if (row.cells.value(column) == value.toString())
        return false;
    row.cells[column] = value.toString();
    ImportCheck::checkRow(row, m_mapping, m_header);
    // Doubles depend on every row: check them again (cheap next to validation).
    const bool wasExcluded = row.excluded;
    ImportCheck::markDuplicates(m_rows, m_context);
    row.excluded = wasExcluded && !row.duplicateReason.isEmpty();
    emit dataChanged(this->index(0, 0), this->index(rowCount() - 1, columnCount() - 1));
    recount();
    return true;
}

void ImportPreviewModel::recount()
{
    m_counts = ImportCheck::count(m_rows);
    emit countsChanged();
}

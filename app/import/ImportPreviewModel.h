#pragma once

#include "ImportCheck.h"

#include <QAbstractTableModel>

// Every row of the file as the preview shows it: first a "Row" column (the file's line, a check box to
// take the row in or leave it out, and its state in words), then the file's cells, editable. An edited
// cell is checked again at once with the same rules. No QtGui here: the dialog's proxy adds the icons.
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        ProblemRole = Qt::UserRole, // the reasons for this cell (column 0: the row's), empty when none
        RowKindRole,                // on every cell: "invalid", "duplicate", "known", "resend", "ok"
    };
    static constexpr int StateColumn = 0;

    explicit ImportPreviewModel(QObject *parent = nullptr);

    void setRows(const QVector<ImportRow> &rows, const QStringList &header, const ColumnMapping &mapping,
                 const ImportContext &context);
    const QVector<ImportRow> &rows() const { return m_rows; }
    ImportCheck::Counts counts() const { return m_counts; }
    // Leaves out every row with a problem or a suspected double (or takes them all in again).
    void setExcludedWhere(bool problems, bool duplicates, bool excluded);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

signals:
    void countsChanged();

private:
    QString stateText(const ImportRow &row) const;
    QString kindOf(const ImportRow &row) const;
    void recount();

    QVector<ImportRow> m_rows;
    QStringList m_header;
    ColumnMapping m_mapping;
    ImportContext m_context;
    int m_columns = 0;
    ImportCheck::Counts m_counts;
};

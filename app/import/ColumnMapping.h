#pragma once

#include "leads/Lead.h"
#include "leads/LeadValidator.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// A reason a cell of an imported row cannot go as it is.
struct ImportCellProblem
{
    int column = -1; // the file's column; -1 when the value came from a constant or from no column
    QString message; // translated

    bool operator==(const ImportCellProblem &o) const { return column == o.column && message == o.message; }
};

// Which field of the lead each column of a file feeds (ImportFields' API names; empty: the column is
// left out), and the constant values of fields no column gives. Turns one row of cells into a Lead the
// way the form turns what was typed into one: trimmed, the phone normalised, codes in their case.
class ColumnMapping
{
    Q_DECLARE_TR_FUNCTIONS(ColumnMapping)

public:
    ColumnMapping() = default;
    explicit ColumnMapping(int columnCount);
    // Each column guessed from its header; columns no field matches are left out.
    static ColumnMapping guessed(const QStringList &header, int columnCount);

    int columnCount() const { return int(m_targets.size()); }
    QString target(int column) const { return m_targets.value(column); }
    void setTarget(int column, const QString &apiName);
    QStringList targets() const { return m_targets; }
    // The first column feeding this field, or -1.
    int columnOf(const QString &apiName) const { return int(m_targets.indexOf(apiName)); }
    // Used where the field has no column, or the row's cell is empty.
    QString constant(const QString &apiName) const { return m_constants.value(apiName); }
    void setConstant(const QString &apiName, const QString &value);
    QHash<QString, QString> constants() const { return m_constants; }

    // The lead of one row. A custom field takes its name from the header (or "column N"). What cannot
    // even be read (an `items` cell that is not id:price:count) goes to `problems`.
    Lead leadFor(const QStringList &cells, const QStringList &header,
                 QList<ImportCellProblem> *problems) const;
    // The column a validator's complaint about `field` belongs to (-1: a constant or nothing).
    int columnFor(LeadField field) const;

    // "135:9900:1;136:500:2" (count and price may be left out: 1 and 0). False, with the reason in
    // `error`, for anything else.
    static bool parseItems(const QString &text, QList<LeadItem> *items, QString *error);

    bool operator==(const ColumnMapping &o) const
    {
        return m_targets == o.m_targets && m_constants == o.m_constants;
    }

private:
    QStringList m_targets;
    QHash<QString, QString> m_constants;
};

// Remembers the mapping chosen for a file's header row, so that next week's export of the same
// landing page maps itself. Kept in its own small file beside the settings.
class ImportMappingMemory
{
public:
    explicit ImportMappingMemory(const QString &filePath);
    void remember(const QStringList &header, const ColumnMapping &mapping);
    // False (and `mapping` untouched) when nothing was remembered for this header.
    bool recall(const QStringList &header, ColumnMapping *mapping) const;

private:
    QString m_filePath;
};

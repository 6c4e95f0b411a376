#pragma once

#include "journal/JournalTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QVector>

class Journal;

// Every lead of one profile as the status table shows it: one row per lead, one column per fact, the
// network's codes in words. It reads Journal::rows() once and then follows the journal's signals,
// reloading only the leads that were added, changed or removed, so a refresh never resets the view.
//
// Built for 100,000 rows: rows stay in the journal's compact form, words are made only for the cells
// being painted, and the lowercase search keys the filter needs are made once per row.
class LeadTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        OrderId,
        NetworkId,
        Created,
        Offer,
        Wm,
        Name,
        Phone,
        Country,
        Stage,
        Status,
        Reason,
        Count,
        Comment,
        Checked,
        Changed,
        NB_COLUMNS
    };
    Q_ENUM(Column)

    enum Role
    {
        UnderlyingDataRole = Qt::UserRole, // the raw value to sort by (numbers, ms since epoch, codes)
        StageRole,                         // the stage code ("approve"), empty before the first report
        KeyRole,                           // the lead's key in the journal
        UnseenRole,                        // bool: changed since the user last looked at it (the view
                                           // turns it into a font and a background: no QtGui here)
        ExportRole,                        // the text a file export writes (dates in ISO 8601)
    };

    explicit LeadTableModel(Journal *journal, QObject *parent = nullptr);

    // Shows the leads of another profile (a full reload; the only time the model resets).
    void setProfile(const QString &profileId);
    QString profileId() const { return m_profileId; }
    void reload();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Direct access for the proxy, the statistics and the export, which visit every row and must not
    // pay for a QVariant per cell.
    const JournalRow &leadAt(int row) const { return m_rows.at(row); }
    int rowOfKey(const QString &key) const { return m_rowByKey.value(key, -1); }
    // Lowercase order id, network id and customer name, separated by newlines.
    const QString &searchTextAt(int row) const { return m_searchTexts.at(row); }
    const QString &phoneDigitsAt(int row) const { return m_phoneDigits.at(row); }

    // Orders two rows by a column the way a reader expects (ids as numbers, dates as dates, stages
    // in pipeline order): negative, zero or positive.
    int compareRows(int leftRow, int rightRow, int column) const;
    // Numeric ids compare as numbers of any length (shorter first, then digit by digit); ids with
    // other characters come after them, in text order.
    static int compareIds(const QString &left, const QString &right);

    // The different offers, webmasters or countries present, sorted, for the filter lists.
    QStringList distinctValues(Column column) const;

signals:
    // New offers, webmasters or countries may have appeared (rows were added or reloaded).
    void distinctValuesMayHaveChanged();

private:
    void onLeadsAdded(const QString &profileId, const QStringList &keys);
    void onLeadsChanged(const QString &profileId, const QStringList &keys);
    void onLeadsRemoved(const QString &profileId, const QStringList &keys);

    void appendRows(const QVector<JournalRow> &rows);
    void setRowAt(int row, const JournalRow &lead);
    void rebuildKeyIndex();
    void emitRowsChanged(QList<int> rows);

    QVariant displayText(const JournalRow &lead, int column) const;
    QVariant sortValue(const JournalRow &lead, int column) const;
    QString toolTip(const JournalRow &lead) const;
    QString historyText(const JournalRow &lead) const;

    Journal *m_journal;
    QString m_profileId;
    QVector<JournalRow> m_rows;
    QVector<QString> m_searchTexts;
    QVector<QString> m_phoneDigits;
    QHash<QString, int> m_rowByKey;

    // The history of the last lead a tooltip was asked for: hovering re-asks for the same row many
    // times, and the history lives in the journal, not in memory.
    mutable QString m_historyKey;
    mutable QString m_historyText;
};

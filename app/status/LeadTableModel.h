#pragma once

#include "journal/JournalTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QVector>

#include <functional>

class Journal;

// Every lead of one profile as the status table shows it: one row per lead, one column per fact, the
// network's codes in words. It reads the profile's rows once and then follows the journal's signals,
// reloading only the leads that were added, changed or removed, so a refresh never resets the view;
// merged statuses arrive with their rows, so a refresh costs the model no query at all.
//
// Built for 100,000 rows: rows stay in the journal's compact form, words are made only for the cells
// being painted, and the lowercase search keys the filter needs are made once per row.
//
// The model sorts itself (sort() reorders a vector of row numbers, comparing rows directly) rather
// than leaving it to QSortFilterProxyModel: the proxy's sort costs 0.6-0.9 s for 100,000 rows through
// QModelIndex comparisons, and a sorting proxy must re-sort on every filter change. With the order
// kept here, the proxy only filters, and a keystroke costs one pass over the rows.
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
    // Reads the rows on the journal's background connection, a piece at a time, so that opening
    // 100,000 leads never stalls the window; rows appear as they come. Off by default (tools and
    // tests read at once).
    void setLoadInBackground(bool on) { m_loadInBackground = on; }
    bool isLoading() const { return m_loadTicket != 0; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Orders the rows by a column (-1: the journal's order, oldest first). Stays sorted as leads are
    // added and change.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Direct access for the proxy, the statistics and the export, which visit every row and must not
    // pay for a QVariant per cell.
    const JournalRow &leadAt(int row) const { return m_rows.at(m_order.at(row)); }
    int rowOfKey(const QString &key) const;
    // Lowercase order id, network id and customer name, separated by newlines.
    const QString &searchTextAt(int row) const { return m_keys.at(m_order.at(row)).searchText; }
    const QString &phoneDigitsAt(int row) const { return m_keys.at(m_order.at(row)).phoneDigits; }

    // Orders two rows by a column the way a reader expects (ids as numbers, dates as dates, stages
    // in pipeline order): negative, zero or positive.
    int compareRows(int leftRow, int rightRow, int column) const;
    // Numeric ids compare as numbers of any length (shorter first, then digit by digit); ids with
    // other characters come after them, in text order.
    static int compareIds(const QString &left, const QString &right);
    // Every word the Stage, Status or Reason column can show for a known code (empty for other
    // columns): what those columns are sized to show in full.
    static QStringList catalogueWords(int column);

    // The different offers, webmasters or countries present, sorted, for the filter lists.
    QStringList distinctValues(Column column) const;

signals:
    // New offers, webmasters or countries may have appeared (rows were added or reloaded).
    void distinctValuesMayHaveChanged();
    void loadingChanged(bool loading);

private:
    void onLeadsAdded(const QString &profileId, const QStringList &keys);
    void onLeadsChanged(const QString &profileId, const QStringList &keys);
    void onLeadsRemoved(const QString &profileId, const QStringList &keys);
    void onStatusesMerged(quint64 ticket, const QString &profileId, const StatusMergeBatch &batch);
    void onRowsLoaded(quint64 ticket, const QString &profileId, const QVector<JournalRow> &rows, bool last);
    void onRowsLoadFailed(quint64 ticket, const QString &profileId, const QString &error);
    // Brings rows up to date with what a merge checked at `checkedAtMs` changed of them.
    void applyStatusUpdates(const QVector<StatusUpdate> &updates, qint64 checkedAtMs);
    // Takes rows read after a change: replaces the leads held, adds the others.
    void applyFreshRows(const QVector<JournalRow> &fresh);
    void finishLoading();

    // Rows are stored in arrival order ("slots") and shown through m_order (row -> slot).
    // `keepSorted` false: appended as they are (a background load sorts once, at its end).
    void addRows(const QVector<JournalRow> &rows, bool keepSorted = true);
    void storeInSlot(int slot, const JournalRow &lead);
    void rebuildIndexes();
    void rebuildRowOfSlot();
    // One dataChanged per run of neighbouring rows, over all columns or just `column`.
    void emitRowsChanged(QList<int> rows, int column = -1);
    // Negative, zero or positive, in the current sort column and order (ties by arrival).
    int compareSlots(int leftSlot, int rightSlot, int column) const;
    bool slotLess(int leftSlot, int rightSlot) const;
    bool isInPlace(int row) const;
    int sortedInsertPosition(int slot) const;
    // Moves the given rows to where the sort order wants them, as one layout change.
    void reposition(const QList<int> &rows);
    // Runs `rearrangeOrder` (which changes m_order only) as one layout change that keeps persistent
    // indexes on their leads.
    void reorder(const std::function<void()> &rearrangeOrder);

    QVariant displayText(const JournalRow &lead, int column) const;
    QVariant sortValue(const JournalRow &lead, int column) const;
    QString toolTip(const JournalRow &lead) const;
    QString historyText(const JournalRow &lead) const;

    Journal *m_journal;
    QString m_profileId;
    // What filtering and sorting read for each lead, made once when it arrives or changes.
    struct LeadKeys
    {
        QString searchText;
        QString phoneDigits;
        QString nameKey;         // lower case: case-blind comparisons fold case per character
        qint64 orderNumber = -1; // the id as a number when it is one that fits, else -1
        qint64 networkNumber = -1;
    };
    static LeadKeys keysOf(const JournalRow &lead);

    QVector<JournalRow> m_rows; // by slot
    QVector<LeadKeys> m_keys;   // by slot
    QVector<int> m_order;       // row -> slot
    QVector<int> m_rowOfSlot;   // slot -> row
    QHash<QString, int> m_slotByKey;
    bool m_loadInBackground = false;
    quint64 m_loadTicket = 0; // the background load under way, 0 when none
    // Leads removed while a background load runs: its later pieces may still hold them.
    QSet<QString> m_removedWhileLoading;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    // The history of the last lead a tooltip was asked for: hovering re-asks for the same row many
    // times, and the history lives in the journal, not in memory.
    mutable QString m_historyKey;
    mutable QString m_historyText;
};

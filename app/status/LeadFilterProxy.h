#pragma once

#include "LeadFilter.h"

#include <QDate>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringMatcher>

class LeadTableModel;

// What the status table shows of a LeadTableModel: the rows passing every filter, in the order the
// user chose. Filters: a set of stages, an offer, a webmaster, a country, a range of creation dates
// and a search text over order ids, customer name and phone.
//
// Sorting is the model's (see LeadTableModel: it orders rows by their raw values, the same ones it
// gives as UnderlyingDataRole): sort() passes the request on and this proxy keeps the model's order.
// Filtering reads the model's rows and precomputed search keys directly (no QVariant per cell), and a
// filter change rebuilds the row mapping in one pass: QSortFilterProxyModel's incremental path
// removes scattered rows one run at a time, which costs seconds at 100,000 rows.
class LeadFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LeadFilterProxy(QObject *parent = nullptr);

    // Must be a LeadTableModel.
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    LeadTableModel *leadModel() const { return m_model; }

    // Stage codes to show ("approve", ...); the empty string stands for leads without a stage yet.
    // An empty set shows every stage.
    void setStages(const QSet<QString> &stages);
    QSet<QString> stages() const { return filter().stages; }
    // Empty shows every offer / webmaster / country.
    void setOffer(const QString &offer);
    void setWm(const QString &wm);
    void setCountry(const QString &country);
    // Creation dates, both inclusive, in local time; an invalid date leaves that end open.
    void setCreatedRange(const QDate &from, const QDate &to);
    // Every filter but the search text at once (the Analytics screen opens the leads of a bar so).
    void setFilter(const LeadFilter &filter);
    const LeadFilter &filter() const { return m_matcher.filter(); }
    // Rows whose order id, network id or name contain the text (any case), or - when the text looks
    // like a phone number - whose phone contains its digits, however it is formatted.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    void clearFilters();

    // Source rows of every visible row, in the order shown.
    QList<int> visibleSourceRows() const;

    // Asks the model to sort (the view's header calls this).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();
    void changeFilter(const LeadFilter &filter);

    LeadTableModel *m_model = nullptr;
    // Stages, offers, webmasters, countries and dates: the part of the filter Analytics shares.
    LeadFilterMatcher m_matcher;
    QString m_searchText;
    QString m_searchLower;
    QString m_searchDigits; // set only when the search text looks like a phone number
    QStringMatcher m_searchMatcher;
    QStringMatcher m_digitsMatcher;
};

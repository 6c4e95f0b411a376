#include "LeadFilterProxy.h"

#include "LeadTableModel.h"

#include <QDateTime>

namespace {

// "+7 (900) 123-45", "900 12 34", "79001234567": digits and the usual phone punctuation only.
bool looksLikePhone(const QString &text)
{
    bool hasDigit = false;
    for (const QChar c : text) {
        if (c.isDigit())
            hasDigit = true;
        else if (!c.isSpace() && c != QLatin1Char('+') && c != QLatin1Char('-') && c != QLatin1Char('(') &&
                 c != QLatin1Char(')') && c != QLatin1Char('.'))
            return false;
    }
    return hasDigit;
}

} // namespace

LeadFilterProxy::LeadFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    // Refreshes change rows one batch at a time: re-filter them as they change.
    setDynamicSortFilter(true);
}

void LeadFilterProxy::setSourceModel(QAbstractItemModel *sourceModel)
{
    m_model = qobject_cast<LeadTableModel *>(sourceModel);
    Q_ASSERT_X(m_model || !sourceModel, "LeadFilterProxy", "the source must be a LeadTableModel");
    QSortFilterProxyModel::setSourceModel(m_model);
}

void LeadFilterProxy::setStages(const QSet<QString> &stages)
{
    LeadFilter changed = filter();
    changed.stages = stages;
    changeFilter(changed);
}

namespace {
QSet<QString> oneOrAll(const QString &value)
{
    return value.isEmpty() ? QSet<QString>() : QSet<QString>{value};
}
} // namespace

void LeadFilterProxy::setOffer(const QString &offer)
{
    LeadFilter changed = filter();
    changed.offers = oneOrAll(offer);
    changeFilter(changed);
}

void LeadFilterProxy::setWm(const QString &wm)
{
    LeadFilter changed = filter();
    changed.wms = oneOrAll(wm);
    changeFilter(changed);
}

void LeadFilterProxy::setCountry(const QString &country)
{
    LeadFilter changed = filter();
    changed.countries = oneOrAll(country.toUpper());
    changeFilter(changed);
}

void LeadFilterProxy::setCreatedRange(const QDate &from, const QDate &to)
{
    LeadFilter changed = filter();
    changed.createdFrom = from;
    changed.createdTo = to;
    changeFilter(changed);
}

void LeadFilterProxy::setFilter(const LeadFilter &filter)
{
    changeFilter(filter);
}

void LeadFilterProxy::changeFilter(const LeadFilter &filter)
{
    if (filter == m_matcher.filter())
        return;
    m_matcher = LeadFilterMatcher(filter);
    refilter();
}

void LeadFilterProxy::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_searchLower = text.trimmed().toLower();
    m_searchDigits.clear();
    if (looksLikePhone(m_searchLower)) {
        for (const QChar c : std::as_const(m_searchLower)) {
            if (c.isDigit())
                m_searchDigits.append(c);
        }
    }
    m_searchMatcher.setPattern(m_searchLower);
    m_digitsMatcher.setPattern(m_searchDigits);
    refilter();
}

void LeadFilterProxy::clearFilters()
{
    m_matcher = LeadFilterMatcher();
    m_searchText.clear();
    m_searchLower.clear();
    m_searchDigits.clear();
    m_searchMatcher.setPattern(QString());
    m_digitsMatcher.setPattern(QString());
    refilter();
}

QList<int> LeadFilterProxy::visibleSourceRows() const
{
    QList<int> rows;
    const int count = rowCount();
    rows.reserve(count);
    for (int row = 0; row < count; ++row)
        rows.append(mapToSource(index(row, 0)).row());
    return rows;
}

bool LeadFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent)
    if (!m_model)
        return false;
    if (!m_matcher.accepts(m_model->leadAt(sourceRow)))
        return false;
    if (m_searchLower.isEmpty())
        return true;
    if (m_searchMatcher.indexIn(m_model->searchTextAt(sourceRow)) >= 0)
        return true;
    return !m_searchDigits.isEmpty() && m_digitsMatcher.indexIn(m_model->phoneDigitsAt(sourceRow)) >= 0;
}

void LeadFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (m_model)
        m_model->sort(column, order);
}

void LeadFilterProxy::refilter()
{
    invalidate();
}

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
    if (stages == m_stages)
        return;
    m_stages = stages;
    refilter();
}

void LeadFilterProxy::setOffer(const QString &offer)
{
    if (offer == m_offer)
        return;
    m_offer = offer;
    refilter();
}

void LeadFilterProxy::setWm(const QString &wm)
{
    if (wm == m_wm)
        return;
    m_wm = wm;
    refilter();
}

void LeadFilterProxy::setCountry(const QString &country)
{
    if (country.compare(m_country, Qt::CaseInsensitive) == 0)
        return;
    m_country = country;
    refilter();
}

void LeadFilterProxy::setCreatedRange(const QDate &from, const QDate &to)
{
    const qint64 fromMs = from.isValid() ? from.startOfDay().toMSecsSinceEpoch() : 0;
    const qint64 beforeMs = to.isValid() ? to.addDays(1).startOfDay().toMSecsSinceEpoch() : 0;
    if (fromMs == m_createdFromMs && beforeMs == m_createdBeforeMs)
        return;
    m_createdFromMs = fromMs;
    m_createdBeforeMs = beforeMs;
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
    m_stages.clear();
    m_offer.clear();
    m_wm.clear();
    m_country.clear();
    m_createdFromMs = 0;
    m_createdBeforeMs = 0;
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
    const JournalRow &lead = m_model->leadAt(sourceRow);
    if (!m_stages.isEmpty() && !m_stages.contains(lead.stage))
        return false;
    if (!m_offer.isEmpty() && lead.offer != m_offer)
        return false;
    if (!m_wm.isEmpty() && lead.wm != m_wm)
        return false;
    if (!m_country.isEmpty() && lead.country.compare(m_country, Qt::CaseInsensitive) != 0)
        return false;
    if (m_createdFromMs != 0 && lead.createdAtMs < m_createdFromMs)
        return false;
    if (m_createdBeforeMs != 0 && lead.createdAtMs >= m_createdBeforeMs)
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

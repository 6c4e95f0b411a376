#include "OrderIdGenerator.h"

#include "Clock.h"
#include "Journal.h"
#include "JournalLog.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace {
const QString secondKey = QStringLiteral("order_ids.claimed_second");
const QString nodeKey = QStringLiteral("order_ids.node");
constexpr int maxSequence = (1 << OrderIdGenerator::SequenceBits) - 1;
constexpr int maxNode = (1 << OrderIdGenerator::NodeBits) - 1;
constexpr qint64 maxSecond =
    (qint64(1) << (53 - OrderIdGenerator::SequenceBits - OrderIdGenerator::NodeBits)) - 1;
} // namespace

OrderIdGenerator::OrderIdGenerator(Journal *journal, const Clock *clock) : m_journal(journal), m_clock(clock)
{}

bool OrderIdGenerator::readNode(const QString &nodeText)
{
    bool ok = false;
    const int node = nodeText.toInt(&ok);
    if (!ok || node < 0 || node > maxNode) {
        m_error = QCoreApplication::translate("OrderIdGenerator",
                                              "The journal holds an invalid workstation number.");
        return false;
    }
    m_node = node;
    return true;
}

bool OrderIdGenerator::load()
{
    if (m_loaded)
        return true;
    QString nodeText = m_journal->metaValue(nodeKey);
    if (nodeText.isEmpty()) {
        const QString drawn = QString::number(QRandomGenerator::system()->bounded(maxNode + 1));
        // Another process may draw at the same moment: whoever stores first decides for both.
        if (!m_journal->compareAndSetMeta(nodeKey, QString(), drawn) && !m_journal->errorString().isEmpty()) {
            m_error = m_journal->errorString();
            return false;
        }
        nodeText = m_journal->metaValue(nodeKey);
    }
    if (!readNode(nodeText))
        return false;
    m_claimedText = m_journal->metaValue(secondKey);
    // Nothing of the claimed second may be reused: start past it.
    m_second = m_claimedText.isEmpty() ? -1 : m_claimedText.toLongLong();
    m_sequence = maxSequence;
    m_loaded = true;
    return true;
}

int OrderIdGenerator::nodeId()
{
    // As the journal holds it now: a claim on another connection may have changed it.
    if (load())
        readNode(m_journal->metaValue(nodeKey));
    return m_node;
}

bool OrderIdGenerator::setNodeId(int node)
{
    if (node < 0 || node > maxNode || !load())
        return false;
    const QString current = QString::number(m_node);
    if (!m_journal->compareAndSetMeta(nodeKey, current, QString::number(node))) {
        m_error = m_journal->errorString();
        return false;
    }
    m_node = node;
    return true;
}

bool OrderIdGenerator::claimSecond(qint64 second)
{
    // Bounded: each failed compare-and-set means another process advanced the mark, and we move past it.
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (second > maxSecond) {
            m_error = QCoreApplication::translate("OrderIdGenerator", "Order ids are exhausted.");
            return false;
        }
        const QString text = QString::number(second);
        if (m_journal->compareAndSetMeta(secondKey, m_claimedText, text)) {
            m_claimedText = text;
            m_second = second;
            return true;
        }
        if (!m_journal->errorString().isEmpty()) {
            m_error = m_journal->errorString();
            return false;
        }
        m_claimedText = m_journal->metaValue(secondKey);
        second = qMax(second, m_claimedText.toLongLong() + 1);
    }
    m_error = QCoreApplication::translate("OrderIdGenerator", "Could not reserve an order id.");
    return false;
}

QString OrderIdGenerator::next()
{
    m_error.clear();
    if (!load())
        return QString();
    const qint64 wallSecond = qMax<qint64>(0, m_clock->nowMs() / 1000 - EpochSeconds);
    if (wallSecond <= m_second && m_sequence < maxSequence) {
        ++m_sequence;
    } else {
        // A new second may carry a new node: the team's claim (TeamNodeClaim) writes it into the journal
        // from another connection, and every generator on the journal takes it up here.
        if (!readNode(m_journal->metaValue(nodeKey)))
            return QString();
        if (!claimSecond(qMax(wallSecond, m_second + 1)))
            return QString();
        m_sequence = int(QRandomGenerator::global()->bounded((maxSequence + 1) / 2));
    }
    const quint64 id = (quint64(m_second) << (NodeBits + SequenceBits)) | (quint64(m_node) << SequenceBits) |
                       quint64(m_sequence);
    Q_ASSERT(id < Limit);
    return QString::number(id);
}

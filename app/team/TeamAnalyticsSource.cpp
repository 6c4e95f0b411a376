#include "TeamAnalyticsSource.h"

#include "TeamAnalyticsReader.h"

#include <QThread>

TeamAnalyticsSource::TeamAnalyticsSource(const TeamServerConfig &config, QObject *parent)
    // The thread has no parent: a query stuck on a silent server must not hold up the source's end.
    : AnalyticsSource(parent), m_thread(new QThread)
{
    m_reader = new TeamAnalyticsReader(config, m_lastTicket);
    m_reader->moveToThread(m_thread);
    // The reader's connection is closed on its own thread, after its last query.
    connect(m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_reader, &TeamAnalyticsReader::computed, this, &AnalyticsSource::figuresReady);
    connect(m_reader, &TeamAnalyticsReader::failed, this, &AnalyticsSource::failed);
    connect(m_reader, &TeamAnalyticsReader::choicesRead, this,
            [this](const QStringList &operators, const QStringList &offers, const QStringList &countries) {
                m_operators = operators;
                m_offers = offers;
                m_countries = countries;
                emit choicesChanged();
            });
    m_thread->setObjectName(QStringLiteral("cpadesk-team-analytics"));
    m_thread->start();
}

TeamAnalyticsSource::~TeamAnalyticsSource()
{
    // Whatever is queued is dropped; a query running now is not waited for (see TeamLeadsModel).
    m_lastTicket->store(~quint64(0));
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->quit();
}

quint64 TeamAnalyticsSource::request(const AnalyticsQuery &query)
{
    const quint64 ticket = m_lastTicket->load() + 1;
    m_lastTicket->store(ticket);
    TeamAnalyticsReader *reader = m_reader;
    if (!m_choicesAsked) {
        m_choicesAsked = true;
        QMetaObject::invokeMethod(
            reader, [reader] { reader->readChoices(); }, Qt::QueuedConnection);
    }
    QMetaObject::invokeMethod(
        reader, [reader, ticket, query] { reader->compute(ticket, query); }, Qt::QueuedConnection);
    return ticket;
}

bool TeamAnalyticsSource::supports(AnalyticsBreakdown breakdown) const
{
    // The team database keeps no webmaster.
    return breakdown != AnalyticsBreakdown::Webmaster;
}

QStringList TeamAnalyticsSource::choices(AnalyticsBreakdown dimension) const
{
    switch (dimension) {
    case AnalyticsBreakdown::Offer:
        return m_offers;
    case AnalyticsBreakdown::Country:
        return m_countries;
    case AnalyticsBreakdown::Operator:
        return m_operators;
    default:
        return {};
    }
}

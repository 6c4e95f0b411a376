#pragma once

#include "TeamServerConfig.h"
#include "status/AnalyticsSource.h"

#include <QStringList>

#include <atomic>
#include <memory>

class QThread;
class TeamAnalyticsReader;

// The figures of the team's leads (the Analytics screen's Team scope), counted by the team's
// PostgreSQL with GROUP BY on a thread and connection of this source's own (TeamAnalyticsReader): a
// slow or unreachable server never holds up the window, and says so through failed().
//
// Nothing is asked of the server before the first request(): a workstation that never looks at the
// team's figures never opens this connection. Read-only, like the Leads screen's Team scope.
class TeamAnalyticsSource : public AnalyticsSource
{
    Q_OBJECT

public:
    explicit TeamAnalyticsSource(const TeamServerConfig &config, QObject *parent = nullptr);
    ~TeamAnalyticsSource() override;

    quint64 request(const AnalyticsQuery &query) override;
    bool supports(AnalyticsBreakdown breakdown) const override;
    QStringList choices(AnalyticsBreakdown dimension) const override;

private:
    QThread *m_thread;
    TeamAnalyticsReader *m_reader;
    std::shared_ptr<std::atomic<quint64>> m_lastTicket = std::make_shared<std::atomic<quint64>>(0);
    bool m_choicesAsked = false;
    QStringList m_operators;
    QStringList m_offers;
    QStringList m_countries;
};

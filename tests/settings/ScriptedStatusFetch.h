#pragma once

#include "api/ApiClient.h"

#include <QList>
#include <QPointer>

// A StatusFetch that answers what the test scripted, from the event loop (never from its constructor),
// like the real one: finished() exactly once, also after cancel(), then deleteLater().
class ScriptedStatusFetch : public StatusFetch
{
    Q_OBJECT

public:
    // hang: never answers on its own (only cancel() ends it).
    ScriptedStatusFetch(const ListResult &answer, bool hang, QObject *parent = nullptr);

    void cancel() override;
    bool wasCancelled() const { return m_cancelled; }

private:
    void finish(const ListResult &result);

    ListResult m_answer;
    bool m_finished = false;
    bool m_cancelled = false;
};

// Makes ScriptedStatusFetch objects for ConnectionTester and records what each was asked.
struct ScriptedFetchStarter
{
    struct Call
    {
        ApiConfig config;
        QStringList ids;
        QPointer<ScriptedStatusFetch> fetch;
    };

    ListResult answer;
    bool hang = false;
    QList<Call> calls;

    StatusFetch *start(const ApiConfig &config, const QStringList &ids);
};

#include "ScriptedStatusFetch.h"

#include <QTimer>

ScriptedStatusFetch::ScriptedStatusFetch(const ListResult &answer, bool hang, QObject *parent)
    : StatusFetch(parent), m_answer(answer)
{
    if (!hang)
        QTimer::singleShot(0, this, [this] { finish(m_answer); });
}

void ScriptedStatusFetch::cancel()
{
    m_cancelled = true;
    ListResult cancelled;
    cancelled.error.kind = ApiError::Kind::Cancelled;
    QTimer::singleShot(0, this, [this, cancelled] { finish(cancelled); });
}

void ScriptedStatusFetch::finish(const ListResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(result);
    deleteLater();
}

StatusFetch *ScriptedFetchStarter::start(const ApiConfig &config, const QStringList &ids)
{
    auto *fetch = new ScriptedStatusFetch(answer, hang);
    calls.append({config, ids, fetch});
    return fetch;
}

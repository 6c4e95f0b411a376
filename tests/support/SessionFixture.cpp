#include "SessionFixture.h"

#include "sync/Outbox.h"

#include <QDeadlineTimer>
#include <QTest>

SessionFixture::SessionFixture(bool sandbox)
{
    AppSession::Options options;
    options.dataDir = m_dir.path();
    options.forceSandbox = sandbox;
    m_session = std::make_unique<AppSession>(options);
}

SessionFixture::SessionFixture(AppSession::Options options)
{
    options.dataDir = m_dir.path();
    m_session = std::make_unique<AppSession>(options);
}

SessionFixture::~SessionFixture() = default;

bool SessionFixture::start(int timeoutMs)
{
    if (!m_session->start())
        return false;
    QDeadlineTimer deadline(timeoutMs);
    while (!m_session->outbox() && !deadline.hasExpired())
        QTest::qWait(10);
    return m_session->outbox() != nullptr;
}

#pragma once

#include "session/AppSession.h"

#include <QTemporaryDir>

#include <memory>

// A whole application session in a temporary data folder, as `cpadesk --data-dir TMP` would start it:
// settings, journal, and (by default) the in-process sandbox on 127.0.0.1 as the active profile.
class SessionFixture
{
public:
    explicit SessionFixture(bool sandbox = true);
    // With these options; the data folder is the fixture's temporary one (write into it before start()).
    explicit SessionFixture(AppSession::Options options);
    ~SessionFixture();

    // Starts the session and waits until the starting profile is active. False on failure or timeout.
    bool start(int timeoutMs = 10000);

    AppSession *session() const { return m_session.get(); }
    QString dataDir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSession> m_session;
};

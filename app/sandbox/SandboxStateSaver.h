#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QTimer;
class SandboxService;

// Keeps the sandbox's state file current: a burst of changes becomes one save shortly after, and every
// save goes to a temporary file renamed over the old one, so a crash never leaves half a file.
class SandboxStateSaver : public QObject
{
    Q_OBJECT

public:
    SandboxStateSaver(std::shared_ptr<SandboxService> service, const QString &path,
                      QObject *parent = nullptr);

    void scheduleSave(); // any thread
    bool saveNow();      // the saver's thread

    // Reads a state file into the service. A missing file is a fresh start (true); an unreadable or
    // foreign one is reported (false) and left in place.
    static bool load(SandboxService &service, const QString &path);

private:
    std::shared_ptr<SandboxService> m_service;
    QString m_path;
    QTimer *m_timer = nullptr;
    std::atomic<bool> m_pending{false};
};

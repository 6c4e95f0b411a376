#include "SandboxStateSaver.h"

#include "SandboxLog.h"
#include "SandboxService.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

namespace {
constexpr int CoalesceMs = 100;
}

SandboxStateSaver::SandboxStateSaver(std::shared_ptr<SandboxService> service, const QString &path,
                                     QObject *parent)
    : QObject(parent), m_service(std::move(service)), m_path(path), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(CoalesceMs);
    connect(m_timer, &QTimer::timeout, this, &SandboxStateSaver::saveNow);
}

void SandboxStateSaver::scheduleSave()
{
    // One queued call per burst: add.json may store thousands of leads a second.
    if (m_pending.exchange(true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_timer->isActive())
                m_timer->start();
        },
        Qt::QueuedConnection);
}

bool SandboxStateSaver::saveNow()
{
    m_pending = false;
    m_timer->stop();
    const QByteArray state = m_service->saveState();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(state) != state.size() || !file.commit()) {
        qCWarning(lcSandbox) << "Cannot save the sandbox state to" << m_path << ':' << file.errorString();
        return false;
    }
    return true;
}

bool SandboxStateSaver::load(SandboxService &service, const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcSandbox) << "Cannot read the sandbox state" << path << ':' << file.errorString();
        return false;
    }
    if (!service.loadState(file.readAll())) {
        qCWarning(lcSandbox) << "Not a sandbox state file, starting empty:" << path;
        return false;
    }
    return true;
}

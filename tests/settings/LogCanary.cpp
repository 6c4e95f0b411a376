#include "LogCanary.h"

#include <QLoggingCategory>
#include <QMutex>

namespace {

QMutex mutex;
QStringList messages;
QtMessageHandler previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&mutex);
        messages << QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') +
                        message;
    }
    if (type != QtDebugMsg && type != QtInfoMsg && previous)
        previous(type, context, message);
}

} // namespace

void LogCanary::start()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\n*.info=true"));
    previous = qInstallMessageHandler(capture);
}

QStringList LogCanary::messagesContaining(const QString &secret)
{
    QMutexLocker locker(&mutex);
    QStringList found;
    for (const QString &message : std::as_const(messages)) {
        if (message.contains(secret))
            found << message;
    }
    return found;
}

#pragma once

#include <QString>
#include <QStringList>

// Turns every logging category on (debug included) and keeps every message, so that a test can prove
// a secret never reached the log at any level. Messages of warning and above are still passed on to
// Qt Test's own handler.
namespace LogCanary {
void start();
QStringList messagesContaining(const QString &secret);
} // namespace LogCanary

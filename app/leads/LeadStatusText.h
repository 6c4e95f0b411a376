#pragma once

#include <QCoreApplication>
#include <QString>

// Words for what became of a lead, as an operator reads them: the journal's send state, the network's
// stage and its extended status. A value the network invented after this was written shows as itself,
// never as nothing.
class LeadStatusText
{
    Q_DECLARE_TR_FUNCTIONS(LeadStatusText)

public:
    static QString sendState(const QString &state); // queued|sending|sent|rejected|unknown
    static QString stage(const QString &stage);     // wait|hold|approve|cancel|trash
    static QString status(int status);              // 1..12; empty for 0 (none yet)
};

#pragma once

#include "ImportCheck.h"
#include "api/ApiTypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QVector>

class Journal;
class LeadGateway;

// Puts the rows of a checked file into the outbox the way the form puts a typed lead there: through the
// gateway's submit(), which commits the lead to the journal before anything is sent. Rows are stored
// in batches (one transaction, one disk flush each) between turns of the event loop, so the window
// shows progress and can cancel between batches.
//
// A file's own order ids are kept, and a row whose id the journal holds is not stored again. A row
// without an id gets one of ours, and the journal remembers which row content that id went to, so
// importing the same file twice creates nothing new either way. The one exception: a row whose id the
// network rejected, corrected since (ImportRow::resend), replaces that lead through the gateway's
// editAndResend() and goes again under the same id - a re-import of a corrected file sends the rows
// that did not go through.
//
// Afterwards it follows what the outbox does with the stored leads: sent, rejected (with the network's
// reason), or still waiting.
class LeadImporter : public QObject
{
    Q_OBJECT
public:
    static constexpr int BatchSize = 250;

    enum class State
    {
        Waiting, // in the outbox
        Sent,
        Rejected,        // by the network
        NotStored,       // the journal refused it: nothing was sent
        AlreadyImported, // an earlier import (or the form) stored it: nothing new
        Invalid,         // left out because of its problems
        Stopped,         // not reached: the import was stopped before its batch
    };

    struct Outcome
    {
        ImportRow row;
        State state = State::Waiting;
        QString orderId;
        QString reason;      // translated
        bool resent = false; // a correction of a lead the network had rejected
    };

    LeadImporter(Journal *journal, LeadGateway *gateway, const QString &profileId, QObject *parent = nullptr);

    // Starts storing every row that willImport(); invalid rows are kept for the report.
    void start(const QVector<ImportRow> &rows, const QStringList &header);
    // Stops after the batch being stored; what was stored stays stored (and will be sent).
    void cancel();
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }

    int total() const { return m_total; }
    int done() const { return m_done; }
    int count(State state) const;
    int resentCount() const; // rows stored as corrections of rejected leads
    const QVector<Outcome> &outcomes() const { return m_outcomes; }

    // The rows that did not go (invalid, rejected, not stored) with their reasons, as a CSV that can be
    // corrected and imported again: the file's header and an added "Reason" column.
    QByteArray problemRowsCsv() const;
    bool saveProblemRows(const QString &filePath, QString *error) const;

    // The journal key under which a row without an order id is remembered.
    static QString fingerprintKey(const QString &profileId, const Lead &lead);

signals:
    void progress(int done, int total);
    void finished();
    // A stored lead was sent or rejected.
    void outcomesChanged();

private:
    void storeNextBatch();
    void storeRow(Outcome &outcome);
    void onSent(const QString &orderId);
    void onRejected(const QString &orderId, const ApiError &error);

    Journal *m_journal;
    QPointer<LeadGateway> m_gateway;
    QString m_profileId;
    QStringList m_header;
    QVector<Outcome> m_outcomes;
    QVector<int> m_toStore; // indexes into m_outcomes
    QHash<QString, int> m_byOrderId;
    int m_next = 0;
    int m_total = 0;
    int m_done = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

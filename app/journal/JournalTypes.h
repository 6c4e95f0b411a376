#pragma once

#include "SendState.h"
#include "leads/Lead.h"
#include "leads/LeadStatus.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

// Everything the journal knows about one lead (the outbox view and the lead form read these), its
// status as last merged included.
struct JournalEntry : LeadStatus
{
    QString profileId;
    QString key;     // the lead's key in the journal: its order id, or "auto-<n>" for an "auto" lead
    QString orderId; // our order id; empty for an "auto" lead the network has not named yet
    QString networkOrderId;
    Lead lead;              // as the operator gave it (lead.orderId is "auto" for auto leads)
    QByteArray requestBody; // the exact encoded body of the last attempt
    SendState sendState = SendState::Queued;
    int attempts = 0;
    bool maybeDelivered = false; // an earlier attempt got no answer: it may be on the network already
    QDateTime nextTryAt;         // invalid: not scheduled
    QString errorCode;
    QString errorText;
    QDateTime createdAt;
    QDateTime sentAt;
    QDateTime checkedAt;
    QDateTime changedAt;
    bool unseenChange = false;

    bool isAuto() const { return lead.orderId == QLatin1String("auto"); }
};

// One line of the status table: what the table model holds for each of 100,000 leads. Times are
// milliseconds since the epoch (0 = never) to keep the vector compact and sorting cheap.
struct JournalRow : LeadStatus
{
    QString key;
    QString orderId;
    QString networkOrderId;
    QString offer;
    QString wm;
    QString name;
    QString phone;
    QString country;
    QString errorCode;
    qint64 createdAtMs = 0;
    qint64 checkedAtMs = 0;
    qint64 changedAtMs = 0;
    SendState sendState = SendState::Queued;
    bool unseenChange = false;
};

// A lead's status as a merge left it: what a merge writes of the lead's row, and all that a view
// holding the rest of the row needs to bring it up to date.
struct StatusUpdate : LeadStatus
{
    QString key;
    QString orderId;
    QString networkOrderId;
    qint64 changedAtMs = 0;

    // The row with this status, seen as changed.
    void applyTo(JournalRow &row) const;
};

// One recorded status change: the status it brought, and what it replaced.
struct StatusChange : LeadStatus
{
    QDateTime changedAt;
    QString previousStage;
    int previousStatus = 0;
};

// What merging one list.json row did.
struct MergeResult
{
    bool found = false;        // the journal holds a lead with this order id
    bool changed = false;      // its status, reason, count or comment changed (a history row was written)
    bool stale = false;        // the row would have moved the outcome back: ignored
    bool stageChanged = false; // changed from one known stage to another (worth a notification)
    QString key;
    QString previousStage;
    QString stage;
    int previousStatus = 0;
    int status = 0;
};

// What merging one list.json answer (up to 50 rows) did, as one transaction.
struct StatusMergeBatch
{
    bool ok = false;
    QString error;              // why it failed, translated; nothing was stored then
    QList<MergeResult> results; // one per row given, in the same order
    QStringList checkedKeys;    // every lead found: its "last checked" time is now checkedAtMs
    qint64 checkedAtMs = 0;
    QVector<StatusUpdate> changedStatuses; // the leads whose status changed, first change first

    QStringList changedKeys() const;
};

// A lead the journal already holds, as the lead form shows it when warning about a possible double
// order (Journal::findRecent()).
struct LeadSummary
{
    QString ourOrderId;
    QString networkOrderId;
    QDateTime createdAt;
    QString sendState; // queued|sending|sent|rejected|unknown
    QString stage;
    int status = 0;
    QString name;
};

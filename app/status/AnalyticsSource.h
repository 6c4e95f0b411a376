#pragma once

#include "AnalyticsFigures.h"

#include <QObject>
#include <QStringList>

// Where the Analytics screen gets its figures. The screen asks and waits; the figures are always made
// off the GUI thread and arrive with the ticket of the request, so an answer overtaken by a newer
// request can be told apart and dropped.
//
// LocalAnalyticsSource answers for "My leads" (the SQLite journal of this workstation);
// TeamAnalyticsSource (app/team) for the team, asking PostgreSQL for the counts with GROUP BY and
// feeding them to LeadStats::addCounted(), so the rates keep one definition.
class AnalyticsSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts computing the figures; figuresReady() answers with the ticket returned here.
    virtual quint64 request(const AnalyticsQuery &query) = 0;
    // Whether this source can count by `breakdown` (the journal knows no operator, the team database
    // no webmaster).
    virtual bool supports(AnalyticsBreakdown breakdown) const = 0;
    // The values a filter can offer for an offer, webmaster, country or operator, as known now
    // (choicesChanged() when they may have changed).
    virtual QStringList choices(AnalyticsBreakdown dimension) const = 0;

signals:
    void figuresReady(quint64 ticket, const AnalyticsFigures &figures);
    // The figures asked for with `ticket` could not be made; `message` says why (the server's words).
    void failed(quint64 ticket, const QString &message);
    void choicesChanged();
    // The leads behind the figures changed: figures asked for earlier may be out of date.
    void dataChanged();
};

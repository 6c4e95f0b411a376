#pragma once

#include "AnalyticsFigures.h"

#include <QObject>

// Where the Analytics screen gets its figures. The screen asks and waits; the figures are always made
// off the GUI thread and arrive with the ticket of the request, so an answer overtaken by a newer
// request can be told apart and dropped.
//
// LocalAnalyticsSource answers for "My leads" (the SQLite journal of this workstation). The team scope
// is meant to be a second implementation that asks PostgreSQL for the counts with GROUP BY (offer or
// period, stage, status) and feeds them to LeadStats::addCounted(), so the rates keep one definition;
// it is not written yet.
class AnalyticsSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts computing the figures; figuresReady() answers with the ticket returned here.
    virtual quint64 request(const AnalyticsQuery &query) = 0;

signals:
    void figuresReady(quint64 ticket, const AnalyticsFigures &figures);
    // The leads behind the figures changed: figures asked for earlier may be out of date.
    void dataChanged();
};

#pragma once

#include <QString>
#include <QStringList>

// What a fresh lead form starts with. The application fills it from the settings; the form never reads
// settings itself.
struct LeadFormDefaults
{
    QString wm;
    QString ip;
    QString ua;
    QString country;  // ISO 3166-1 alpha-2
    QString currency; // ISO 4217
    // API names of the fields kept after a successful send or a new lead: any of
    // LeadFields::stickyCandidateNames() (the form would also keep any other field of LeadFields).
    QStringList stickyFields;
    QStringList recentOffers; // most recent first

    // The fields an operator usually repeats from one call to the next.
    static QStringList standardStickyFields();
};

#pragma once

#include "leads/Lead.h"
#include "leads/LeadValidator.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// What a column of an imported file can feed: a field of the lead by its API name, the goods in either
// form, or a custom field (params) named after the column's header. Every field of LeadFields, with
// what only the import adds (its name in the mapping's list, the headers that mean it); read by the
// mapping, the preview and the dialog.
struct ImportField
{
    QString apiName;         // "phone", "items", "params", ... (from LeadFields)
    LeadField field;         // the validator's name for it
    QString Lead::*member;   // the text member it fills (from LeadFields); null for items and params
    const char *label;       // untranslated (ImportFields::label translates it)
    QStringList headerWords; // lower-case headers that mean this field, English and Russian
};

class ImportFields
{
    Q_DECLARE_TR_FUNCTIONS(ImportFields)

public:
    static const QString Params; // "params": the column goes to custom fields under its header

    static const QList<ImportField> &all();
    // The field of this API name; null when there is none.
    static const ImportField *find(const QString &apiName);
    static const ImportField *find(LeadField field);
    static QString label(const QString &apiName); // translated, "Phone (phone)"
    // The field a header names ("Телефон", "Phone number", "utm_source"), or an empty string.
    static QString guess(const QString &header);
};

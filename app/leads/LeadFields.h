#pragma once

#include "Lead.h"
#include "LeadValidator.h"

#include <QList>
#include <QString>
#include <QStringList>

// The box of the lead form a field sits in. The form decides what a box looks like; the table below only
// says which box each field belongs to.
enum class LeadFormSection
{
    Order,
    Customer,
    Delivery,
    Price,
    Goods,
    CustomFields,
    Tracking,
    Comment,
};

// How a field is typed and read back beyond plain text. Text is the common case; every other kind has a
// little code of its own in the form (an editor other than a line, a conversion on the way to the Lead).
enum class LeadFieldKind
{
    Text,     // a line, sent trimmed
    Email,    // a line, sent trimmed (the keyboard offers e-mail characters)
    Phone,    // a line, sent normalised (PhoneNormalizer)
    OrderId,  // not typed: "auto" or empty, from a check box
    Offer,    // an editable list of the recent offers
    Country,  // a searchable list of countries, sent as the ISO code
    Currency, // a searchable list of currencies, sent as the ISO code
    Amount,   // a number in the interface's form ("1 990,50"), sent in the API's ("1990.50")
    Quantity, // a whole number, sent trimmed
    ItemList, // ids separated by commas, sent without spaces
    Comment,  // several lines
    Items,    // the goods table (Lead::items), not a text member
    Params,   // the custom fields table (Lead::params), not a text member
};

// One field of a lead, as every part of the application knows it. Adding a plain text field is one
// Lead member, one LeadField value and one row of LeadFields::all(), plus the label's translation.
struct LeadFieldDescriptor
{
    LeadField field;
    const char *apiName;   // the add.json name; also the journal's JSON key and the settings' sticky name
    QString Lead::*member; // the text member; null for Items and Params
    LeadFieldKind kind;
    bool jsonNumber; // add.json's JSON body may write it as a number (when it is a plain number)
    bool required;   // the API document marks it required (the validator says why when it is missing)
    LeadFormSection section;
    int formPosition;           // the form shows fields by ascending position (gaps leave room for new ones)
    const char *label;          // the form's label, untranslated (context "LeadForm")
    const char *objectBaseName; // the form's object names: "<base>Label", "<base>Edit", "<base>ErrorLabel"
    const char *placeholder;    // the form's hint in an empty editor, untranslated ("LeadForm"), or null
    int stickyPosition;         // 0: never kept for the next lead; else its place in the settings' list
    bool stickyByDefault;       // kept for the next lead unless the operator says otherwise
    const char *stickyLabel;    // the settings dialog's check box, untranslated ("SettingsDialog"), or null
};

// The one table of a lead's fields, in the order add.json's body sends them (the API document's
// examples: id, wm, offer, ip, name, phone, ..., country; then its table). The encoder, the journal's
// JSON, Lead's comparison, the form's rows, its defaults and the sticky fields all read it.
class LeadFields
{
public:
    static const QList<LeadFieldDescriptor> &all();
    static const LeadFieldDescriptor *find(LeadField field);
    static const LeadFieldDescriptor *find(const QString &apiName);

    // Every field, in the form's reading order.
    static QList<LeadFieldDescriptor> inFormOrder();
    static QStringList apiNames();

    // The fields an operator may keep for the next lead, in the settings' order, and those kept by default.
    static QList<LeadFieldDescriptor> stickyCandidates();
    static QStringList stickyCandidateNames();
    static QStringList standardStickyNames();
};

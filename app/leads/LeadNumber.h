#pragma once

#include <QLocale>
#include <QString>

#include <optional>

// Amounts travel as text in a Lead ("9900.5": C-locale digits, no group separators, no exponent), but the
// operator types them the way the desktop's locale writes numbers ("9 900,50" in Russian). This class
// converts between the two and parses the Lead's form.
class LeadNumber
{
public:
    // What the operator typed, as the Lead's text. Text that is no number comes back trimmed but otherwise
    // unchanged, so that validation can report it instead of it silently becoming 0.
    static QString fromTyped(const QString &typed, const QLocale &locale);
    // The Lead's text as the operator's locale writes it (for loading a lead into a form).
    static QString toTyped(const QString &leadText, const QLocale &locale);
    // The Lead's text as a number; nothing when it is empty or no finite number.
    static std::optional<double> parse(const QString &leadText);
    // A number in the Lead's form: shortest exact digits, never an exponent.
    static QString format(double value);
};

#include "LeadNumber.h"

#include <cmath>

QString LeadNumber::fromTyped(const QString &typed, const QLocale &locale)
{
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return text;
    bool ok = false;
    // The desktop's locale first ("9 900,50"); then the C form, which operators paste from web pages and
    // which a locale with ',' for decimals would otherwise refuse.
    double value = locale.toDouble(text, &ok);
    if (!ok)
        value = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(value))
        return text;
    return format(value);
}

QString LeadNumber::toTyped(const QString &leadText, const QLocale &locale)
{
    const std::optional<double> value = parse(leadText);
    if (!value)
        return leadText;
    QLocale noGroups = locale;
    noGroups.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return noGroups.toString(*value, 'f', QLocale::FloatingPointShortest);
}

std::optional<double> LeadNumber::parse(const QString &leadText)
{
    bool ok = false;
    const double value = QLocale::c().toDouble(leadText.trimmed(), &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

QString LeadNumber::format(double value)
{
    if (value == 0)
        value = 0; // no "-0"
    return QLocale::c().toString(value, 'f', QLocale::FloatingPointShortest);
}

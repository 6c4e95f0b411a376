#include "PhoneNormalizer.h"

namespace {

// Separators people put in phone numbers. Dots and brackets come from printed numbers, the Unicode dashes
// from text pasted out of word processors and web pages.
bool isSeparator(QChar c)
{
    return c.isSpace() || c == u'-' || c == u'.' || c == u'(' || c == u')' ||
           c.category() == QChar::Punctuation_Dash;
}

} // namespace

PhoneNormalizer::Result PhoneNormalizer::normalize(QStringView typed)
{
    const QStringView text = typed.trimmed();
    if (text.isEmpty())
        return {QString(), Problem::Empty};

    QString digits;
    digits.reserve(text.size());
    bool plus = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isDigit()) {
            // digitValue() also maps full-width and other script digits that arrive in pasted text.
            digits.append(QChar(u'0' + c.digitValue()));
        } else if (c == u'+') {
            if (i != 0)
                return {QString(), Problem::MisplacedPlus};
            plus = true;
        } else if (isSeparator(c)) {
            continue;
        } else if (c.isLetter()) {
            return {QString(), Problem::Letters};
        } else {
            return {QString(), Problem::BadCharacter};
        }
    }

    bool international = plus;
    if (!plus && digits.startsWith(QLatin1String("00"))) {
        digits.remove(0, 2); // the international call prefix used across Europe and beyond
        international = true;
    }
    if (international && digits.startsWith(u'0'))
        return {QString(), Problem::BadCountryCode};
    if (digits.size() < MinDigits)
        return {QString(), Problem::TooShort};
    if (digits.size() > MaxDigits)
        return {QString(), Problem::TooLong};
    return {digits, Problem::None};
}

QString PhoneNormalizer::describe(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return QString();
    case Problem::Empty:
        return tr("Enter the customer's phone number.");
    case Problem::Letters:
        return tr("A phone number cannot contain letters.");
    case Problem::BadCharacter:
        return tr("Use digits only; spaces, dashes, dots and brackets are allowed.");
    case Problem::MisplacedPlus:
        return tr("A '+' may only stand in front of the number.");
    case Problem::BadCountryCode:
        return tr("A country code never starts with 0.");
    case Problem::TooShort:
        return tr("Too short: an international number has at least %1 digits.").arg(MinDigits);
    case Problem::TooLong:
        return tr("Too long: a phone number has at most %1 digits.").arg(MaxDigits);
    }
    return QString();
}

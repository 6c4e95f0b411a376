#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

// Turns what an operator types or pastes ("+7 (900) 123-45-67", "00 49 30 1234567") into the form the
// API wants: digits only, international, without '+'. It removes punctuation and the "00" international
// call prefix, and nothing else: it never adds or swaps a country code ("8 900 ..." stays "8900...",
// a 10-digit national number stays 10 digits), because only the operator knows the customer's country.
class PhoneNormalizer
{
    Q_DECLARE_TR_FUNCTIONS(PhoneNormalizer)

public:
    // E.164 allows at most 15 digits; fewer than 8 is no callable international number.
    static constexpr int MinDigits = 8;
    static constexpr int MaxDigits = 15;

    enum class Problem
    {
        None,
        Empty,
        Letters,        // "900-CALL-NOW", "ext 12"
        BadCharacter,   // anything that is neither a digit nor an accepted separator
        MisplacedPlus,  // a '+' anywhere but in front, or twice
        BadCountryCode, // "+0..." or "000...": no country code starts with 0
        TooShort,
        TooLong,
    };

    struct Result
    {
        QString digits; // the normalised number; empty unless valid
        Problem problem = Problem::None;

        bool isValid() const { return problem == Problem::None; }
    };

    static Result normalize(QStringView typed);
    // A translated sentence for the operator; empty for Problem::None.
    static QString describe(Problem problem);
};

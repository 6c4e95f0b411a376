// PhoneNormalizer::normalize on anything an operator could paste: the bytes as UTF-8, and the same bytes
// as raw UTF-16 (lone surrogates, unassigned code points, other scripts' digits).
//  - a valid result is 8 to 15 ASCII digits, made of the input's digits in order, never starting with 0
//    when the input was international; normalising it again (bare, or after '+') gives it back;
//  - an invalid result carries no digits and a sentence for the operator.
#include "FuzzSupport.h"
#include "leads/PhoneNormalizer.h"

#include <QStringView>

#include <cstring>

namespace {

QString digitsOf(QStringView text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits.append(QChar(u'0' + c.digitValue()));
    }
    return digits;
}

void checkNormalize(QStringView typed)
{
    const PhoneNormalizer::Result result = PhoneNormalizer::normalize(typed);
    const QString shown = typed.toString();
    if (!result.isValid()) {
        FUZZ_CHECK(result.digits.isEmpty(), shown);
        FUZZ_CHECK(!PhoneNormalizer::describe(result.problem).isEmpty(), shown);
        return;
    }
    FUZZ_CHECK(PhoneNormalizer::describe(result.problem).isEmpty(), shown);
    const QString &digits = result.digits;
    FUZZ_CHECK(digits.size() >= PhoneNormalizer::MinDigits && digits.size() <= PhoneNormalizer::MaxDigits,
               shown + QStringLiteral(" -> ") + digits);
    for (const QChar c : digits)
        FUZZ_CHECK(c >= u'0' && c <= u'9', shown + QStringLiteral(" -> ") + digits);
    // Only the international prefix may be dropped: what is left is the tail of the typed digits.
    FUZZ_CHECK(digitsOf(typed).endsWith(digits), shown + QStringLiteral(" -> ") + digits);
    const QStringView trimmed = typed.trimmed();
    if (trimmed.startsWith(u'+'))
        FUZZ_CHECK(!digits.startsWith(u'0') && digitsOf(typed) == digits,
                   shown + QStringLiteral(" -> ") + digits);

    const PhoneNormalizer::Result again = PhoneNormalizer::normalize(digits);
    FUZZ_CHECK(again.isValid() && again.digits == digits, shown + QStringLiteral(" -> ") + digits);
    if (!digits.startsWith(u'0')) {
        const PhoneNormalizer::Result withPlus = PhoneNormalizer::normalize(QString(u'+' + digits));
        FUZZ_CHECK(withPlus.isValid() && withPlus.digits == digits, digits);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    checkNormalize(QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    // The same bytes as UTF-16, copied because fuzzer data need not be aligned for char16_t.
    if (size >= sizeof(char16_t)) {
        QString utf16(static_cast<qsizetype>(size / 2), Qt::Uninitialized);
        std::memcpy(utf16.data(), data, size_t(utf16.size()) * sizeof(char16_t));
        checkNormalize(utf16);
    }
    return 0;
}

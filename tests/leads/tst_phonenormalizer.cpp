#include "TestEnvironment.h"
#include "leads/PhoneNormalizer.h"

#include <QTest>

using Problem = PhoneNormalizer::Problem;
Q_DECLARE_METATYPE(PhoneNormalizer::Problem)

class TestPhoneNormalizer : public QObject
{
    Q_OBJECT

private slots:
    void normalize_data();
    void normalize();
    void everyProblemHasASentence();

private:
    TestEnvironment m_env;
};

void TestPhoneNormalizer::normalize_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("digits");
    QTest::addColumn<Problem>("problem");

    const QString none;
    // Accepted shapes
    QTest::newRow("pasted russian") << QStringLiteral("+7 (900) 123-45-67") << QStringLiteral("79001234567")
                                    << Problem::None;
    QTest::newRow("already digits") << QStringLiteral("79001234567") << QStringLiteral("79001234567")
                                    << Problem::None;
    QTest::newRow("dots") << QStringLiteral("7.900.123.45.67") << QStringLiteral("79001234567")
                          << Problem::None;
    QTest::newRow("surrounding spaces")
        << QStringLiteral("  +49 30 1234567  ") << QStringLiteral("49301234567") << Problem::None;
    QTest::newRow("00 prefix") << QStringLiteral("00 49 30 1234567") << QStringLiteral("49301234567")
                               << Problem::None;
    QTest::newRow("00 prefix, no spaces")
        << QStringLiteral("0077001234567") << QStringLiteral("77001234567") << Problem::None;
    QTest::newRow("tab and no-break space")
        << QStringLiteral("+7\t900\u00a01234567") << QStringLiteral("79001234567") << Problem::None;
    QTest::newRow("unicode dashes") << QStringLiteral("+7 900 123\u201345\u201067")
                                    << QStringLiteral("79001234567") << Problem::None;
    QTest::newRow("full-width digits")
        << QStringLiteral("\uff17\uff19\uff10\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17")
        << QStringLiteral("79001234567") << Problem::None;
    QTest::newRow("8 digits is the minimum")
        << QStringLiteral("12345678") << QStringLiteral("12345678") << Problem::None;
    QTest::newRow("15 digits is the maximum")
        << QStringLiteral("+123 456 789 012 345") << QStringLiteral("123456789012345") << Problem::None;

    // Never invent or change a country code
    QTest::newRow("russian trunk 8 stays")
        << QStringLiteral("8 900 123-45-67") << QStringLiteral("89001234567") << Problem::None;
    QTest::newRow("10-digit national stays 10")
        << QStringLiteral("(900) 123-45-67") << QStringLiteral("9001234567") << Problem::None;
    QTest::newRow("leading 0 national stays")
        << QStringLiteral("030 1234567") << QStringLiteral("0301234567") << Problem::None;

    // Refused
    QTest::newRow("empty") << QString() << none << Problem::Empty;
    QTest::newRow("only spaces") << QStringLiteral("   ") << none << Problem::Empty;
    QTest::newRow("letters") << QStringLiteral("+7 900 CALL-NOW") << none << Problem::Letters;
    QTest::newRow("extension") << QStringLiteral("+7 900 123 45 67 ext 5") << none << Problem::Letters;
    QTest::newRow("cyrillic letter") << QStringLiteral("+7 900 123 45 6\u0437") << none << Problem::Letters;
    QTest::newRow("slash") << QStringLiteral("+7 900/123 45 67") << none << Problem::BadCharacter;
    QTest::newRow("hash") << QStringLiteral("#79001234567") << none << Problem::BadCharacter;
    QTest::newRow("plus in the middle") << QStringLiteral("7+9001234567") << none << Problem::MisplacedPlus;
    QTest::newRow("two pluses") << QStringLiteral("++79001234567") << none << Problem::MisplacedPlus;
    QTest::newRow("plus then zero") << QStringLiteral("+0 900 123 45 67") << none << Problem::BadCountryCode;
    QTest::newRow("000 prefix") << QStringLiteral("000 900 123 45 67") << none << Problem::BadCountryCode;
    QTest::newRow("7 digits") << QStringLiteral("123-45-67") << none << Problem::TooShort;
    QTest::newRow("00 leaves too few") << QStringLiteral("00 1234567") << none << Problem::TooShort;
    QTest::newRow("16 digits") << QStringLiteral("1234567890123456") << none << Problem::TooLong;
}

void TestPhoneNormalizer::normalize()
{
    QFETCH(QString, typed);
    QFETCH(QString, digits);
    QFETCH(Problem, problem);

    const PhoneNormalizer::Result result = PhoneNormalizer::normalize(typed);
    QCOMPARE(result.problem, problem);
    QCOMPARE(result.digits, digits);
    QCOMPARE(result.isValid(), problem == Problem::None);
}

void TestPhoneNormalizer::everyProblemHasASentence()
{
    QVERIFY(PhoneNormalizer::describe(Problem::None).isEmpty());
    for (Problem p : {Problem::Empty, Problem::Letters, Problem::BadCharacter, Problem::MisplacedPlus,
                      Problem::BadCountryCode, Problem::TooShort, Problem::TooLong}) {
        const QString sentence = PhoneNormalizer::describe(p);
        QVERIFY2(sentence.size() > 10, qPrintable(sentence));
    }
    QVERIFY(
        PhoneNormalizer::describe(Problem::TooShort).contains(QString::number(PhoneNormalizer::MinDigits)));
    QVERIFY(
        PhoneNormalizer::describe(Problem::TooLong).contains(QString::number(PhoneNormalizer::MaxDigits)));
}

QTEST_GUILESS_MAIN(TestPhoneNormalizer)
#include "tst_phonenormalizer.moc"

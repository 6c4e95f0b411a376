#include "TestEnvironment.h"
#include "api/JsonReader.h"

#include <QTest>

using Status = JsonReader::Status;
using Type = JsonValue::Type;

namespace {

// A literal's bytes, NULs included.
template <size_t N> QByteArray bytes(const char (&text)[N])
{
    return QByteArray(text, qsizetype(N - 1));
}

} // namespace

class TestJsonReader : public QObject
{
    Q_OBJECT

private slots:
    void numbersKeepTheirExactText();
    void objectsKeepOrderAndLastDuplicateWins();
    void stringsDecodeEscapesAndUtf8();
    void repeatedTextsStayExact();
    void literals();
    void statusOfBrokenDocuments_data();
    void statusOfBrokenDocuments();
    void rawControlCharactersAreRefusedAnywhereInAString_data();
    void rawControlCharactersAreRefusedAnywhereInAString();
    void byteOrderMarkInsideAKeyIsPartOfIt();

private:
    TestEnvironment m_env;
};

void TestJsonReader::numbersKeepTheirExactText()
{
    const auto result = JsonReader::parse("[1234567890123456789012345, -0.50, 1e400, 9007199254740993]");
    QCOMPARE(result.status, Status::Ok);
    const auto &items = result.value.children();
    QCOMPARE(items.size(), size_t(4));
    QCOMPARE(items[0].type(), Type::Number);
    QCOMPARE(items[0].scalarText(), QStringLiteral("1234567890123456789012345"));
    QCOMPARE(items[1].scalarText(), QStringLiteral("-0.50"));
    QCOMPARE(items[2].scalarText(), QStringLiteral("1e400"));
    QCOMPARE(items[3].scalarText(), QStringLiteral("9007199254740993"));
}

void TestJsonReader::objectsKeepOrderAndLastDuplicateWins()
{
    const auto result = JsonReader::parse(R"({"b":1,"a":{"x":[]},"b":2})");
    QCOMPARE(result.status, Status::Ok);
    QVERIFY(result.value.isObject());
    QCOMPARE(result.value.keys(),
             (std::vector<QString>{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(result.value.member(u"b")->scalarText(), QStringLiteral("2"));
    QVERIFY(result.value.member(u"a")->isObject());
    QVERIFY(result.value.member(u"a")->member(u"x")->isArray());
    QCOMPARE(result.value.member(u"missing"), nullptr);
    QVERIFY(result.value.member(u"a")->scalarText().isEmpty());
}

void TestJsonReader::stringsDecodeEscapesAndUtf8()
{
    const auto result = JsonReader::parse(R"(["a\"b\\c\/d\n\t\b\f\r", "\u0418\u0432\ud83d\ude00", "Иван"])");
    QCOMPARE(result.status, Status::Ok);
    const auto &items = result.value.children();
    QCOMPARE(items[0].scalarText(), QStringLiteral("a\"b\\c/d\n\t\b\f\r"));
    QCOMPARE(items[1].scalarText(), QStringLiteral("\u0418\u0432\U0001F600"));
    QCOMPARE(items[2].scalarText(), QStringLiteral("\u0418\u0432\u0430\u043d"));
}

void TestJsonReader::repeatedTextsStayExact()
{
    // Short texts are decoded once and shared by their repeats: texts that share a slot of the
    // reader's table ("abxc"/"aqxc" take turns in one), UTF-8 ones, escaped ones, and numbers written
    // as numbers or as strings must each still read as themselves, in any order.
    const QStringList texts{QStringLiteral("abxc"),   QStringLiteral("aqxc"),    QStringLiteral("abxc"),
                            QStringLiteral("wait"),   QStringLiteral("\\u0448"), QStringLiteral("ш"),
                            QStringLiteral("aqxc"),   QStringLiteral("wait"),    QString(),
                            QStringLiteral("a\\\\c"), QStringLiteral("abc"),     QStringLiteral("ш")};
    QByteArray document = "[";
    for (const QString &text : texts)
        document += '"' + text.toUtf8() + "\",";
    document += "12, 1.2, 12, \"12\", 120]";
    const JsonReader::Result result = JsonReader::parse(document);
    QCOMPARE(result.status, JsonReader::Status::Ok);
    const QStringList expected{QStringLiteral("abxc"), QStringLiteral("aqxc"), QStringLiteral("abxc"),
                               QStringLiteral("wait"), QStringLiteral("ш"),    QStringLiteral("ш"),
                               QStringLiteral("aqxc"), QStringLiteral("wait"), QString(),
                               QStringLiteral("a\\c"), QStringLiteral("abc"),  QStringLiteral("ш"),
                               QStringLiteral("12"),   QStringLiteral("1.2"),  QStringLiteral("12"),
                               QStringLiteral("12"),   QStringLiteral("120")};
    QCOMPARE(result.value.children().size(), size_t(expected.size()));
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(result.value.children()[size_t(i)].scalarText(), expected.at(i));
    QCOMPARE(result.value.children()[12].type(), JsonValue::Type::Number);
    QCOMPARE(result.value.children()[15].type(), JsonValue::Type::String);
}

void TestJsonReader::literals()
{
    const auto result = JsonReader::parse("[true,false,null]");
    QCOMPARE(result.status, Status::Ok);
    const auto &items = result.value.children();
    QCOMPARE(items[0].type(), Type::Bool);
    QCOMPARE(items[0].scalarText(), QStringLiteral("true"));
    QCOMPARE(items[1].scalarText(), QStringLiteral("false"));
    QCOMPARE(items[2].type(), Type::Null);
    QVERIFY(items[2].scalarText().isEmpty());
}

void TestJsonReader::statusOfBrokenDocuments_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Status>("status");
    QTest::newRow("empty") << QByteArray() << Status::Empty;
    QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF  ") << Status::Empty;
    QTest::newRow("open object") << QByteArray("{") << Status::Truncated;
    QTest::newRow("after key") << QByteArray(R"({"a")") << Status::Truncated;
    QTest::newRow("after colon") << QByteArray(R"({"a":)") << Status::Truncated;
    QTest::newRow("minus") << QByteArray("[-") << Status::Truncated;
    QTest::newRow("literal prefix") << QByteArray("[nu") << Status::Truncated;
    QTest::newRow("open array") << QByteArray("[1,2") << Status::Truncated;
    QTest::newRow("control char in string") << QByteArray("[\"a\nb\"]") << Status::Malformed;
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])") << Status::Malformed;
    QTest::newRow("bad unicode escape") << QByteArray(R"(["\u12g4"])") << Status::Malformed;
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << Status::Malformed;
    QTest::newRow("unquoted key") << QByteArray("{a:1}") << Status::Malformed;
    QTest::newRow("two values") << QByteArray("1 2") << Status::Malformed;
    QTest::newRow("bad literal") << QByteArray("[nope]") << Status::Malformed;
    QTest::newRow("bare dot") << QByteArray("[1.]") << Status::Malformed;
    QTest::newRow("trailing commas ok") << QByteArray("[1,{\"a\":2,},]") << Status::Ok;
}

void TestJsonReader::statusOfBrokenDocuments()
{
    QFETCH(QByteArray, text);
    QFETCH(Status, status);
    const auto result = JsonReader::parse(text);
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorOffset >= 0, status == Status::Truncated || status == Status::Malformed);
}

void TestJsonReader::rawControlCharactersAreRefusedAnywhereInAString_data()
{
    // As PHP's json_decode: a raw byte below 0x20 inside a string is malformed, in a key as in a value
    // (Qt's reader accepts them; the fuzzers' differential check therefore compares what Qt writes).
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("NUL in a key") << bytes("{\"a\0b\":1}");
    QTest::newRow("NUL alone as a key") << bytes("{\"\0\":1,\"\0\":2}");
    QTest::newRow("NUL in a value") << bytes("{\"a\":\"x\0\"}");
    QTest::newRow("tab in a key") << QByteArray("{\"a\tb\":1}");
    QTest::newRow("unit separator in a value") << QByteArray("[\"\x1f\"]");
    QTest::newRow("the fuzzer's find: NUL and BOM in keys, a repeated key") << bytes(
        "{\"status\":\"ok\",\"\0id\":1,\"\xEF\xBB\xBFid\":\"2\",\"id\":\"77\",\"\xEF\xBB\xBFid\":5}");
}

void TestJsonReader::rawControlCharactersAreRefusedAnywhereInAString()
{
    QFETCH(QByteArray, text);
    QVERIFY(text.contains('\0') || text.contains('\t') || text.contains('\x1f'));
    const auto result = JsonReader::parse(text);
    QCOMPARE(result.status, Status::Malformed);
    QVERIFY(result.errorOffset > 0);
    QCOMPARE(result.value.type(), Type::Null);
}

void TestJsonReader::byteOrderMarkInsideAKeyIsPartOfIt()
{
    // Only a BOM that starts the document is skipped; one that starts a key or a value is a character
    // of it, as in PHP (Qt 6.4 drops it, and then may hold one key twice). The last duplicate wins.
    const auto result = JsonReader::parse("{\"b\":1,\"\xEF\xBB\xBF"
                                          "a\":2,\"a\":3,\"\xEF\xBB\xBF"
                                          "a\":4,\"c\":\"\xEF\xBB\xBF\"}");
    QCOMPARE(result.status, Status::Ok);
    const QString bomA = QStringLiteral("\uFEFFa");
    QCOMPARE(result.value.keys(), (std::vector<QString>{QStringLiteral("b"), bomA, QStringLiteral("a"), bomA,
                                                        QStringLiteral("c")}));
    QCOMPARE(result.value.member(u"a")->scalarText(), QStringLiteral("3"));
    QCOMPARE(result.value.member(bomA)->scalarText(), QStringLiteral("4"));
    QCOMPARE(result.value.member(u"c")->scalarText(), QStringLiteral("\uFEFF"));
}

QTEST_APPLESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"

#include "TestEnvironment.h"
#include "api/FormCodec.h"

#include <QTest>

class TestFormCodec : public QObject
{
    Q_OBJECT

private slots:
    void urlencodeLikePhp_data();
    void urlencodeLikePhp();
    void encodeJoinsPairsWithBracketsEncoded();
    void encodeOfNothingIsEmpty();
    void decodeNestsBrackets();
    void decodeAppendsForEmptyBrackets();
    void decodeLaterDuplicateWins();
    void decodeKeepsMalformedEscapes();
    void decodeSkipsEmptyNamesAndPairs();
    void roundTripOfEncodedPairs();

private:
    TestEnvironment m_env;
};

void TestFormCodec::urlencodeLikePhp_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoded");
    // Expected values are what PHP 8's urlencode() returns for the same input.
    QTest::newRow("unreserved") << QStringLiteral("aZ09-_.") << QByteArray("aZ09-_.");
    QTest::newRow("space is plus") << QStringLiteral("John Doe") << QByteArray("John+Doe");
    QTest::newRow("plus") << QStringLiteral("+7") << QByteArray("%2B7");
    QTest::newRow("tilde encoded") << QStringLiteral("~") << QByteArray("%7E");
    QTest::newRow("star") << QStringLiteral("*") << QByteArray("%2A");
    QTest::newRow("brackets") << QStringLiteral("items[0][id]") << QByteArray("items%5B0%5D%5Bid%5D");
    QTest::newRow("reserved") << QStringLiteral("a&b=c/d?e#f%") << QByteArray("a%26b%3Dc%2Fd%3Fe%23f%25");
    QTest::newRow("utf8") << QStringLiteral("\u0418\u0432\u0430\u043d")
                          << QByteArray("%D0%98%D0%B2%D0%B0%D0%BD");
    QTest::newRow("newline") << QStringLiteral("a\r\nb") << QByteArray("a%0D%0Ab");
    QTest::newRow("empty") << QString() << QByteArray();
}

void TestFormCodec::urlencodeLikePhp()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoded);
    QCOMPARE(FormCodec::urlencode(text), encoded);
}

void TestFormCodec::encodeJoinsPairsWithBracketsEncoded()
{
    const FormCodec::Pairs pairs{{QStringLiteral("id"), QStringLiteral("112358")},
                                 {QStringLiteral("items[0][id]"), QStringLiteral("135")},
                                 {QStringLiteral("params[phonecc]"), QStringLiteral("+7")},
                                 {QStringLiteral("empty"), QString()}};
    QCOMPARE(FormCodec::encode(pairs),
             QByteArray("id=112358&items%5B0%5D%5Bid%5D=135&params%5Bphonecc%5D=%2B7&empty="));
}

void TestFormCodec::encodeOfNothingIsEmpty()
{
    QCOMPARE(FormCodec::encode({}), QByteArray());
}

void TestFormCodec::decodeNestsBrackets()
{
    const QVariantMap decoded = FormCodec::decode("id=1&items%5B0%5D%5Bid%5D=135&items%5B0%5D%5Bprice%5D="
                                                  "9900&items[1][id]=7&params%5Bsirname%5D=Doe+Jr");
    QCOMPARE(decoded.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
    const QVariantMap items = decoded.value(QStringLiteral("items")).toMap();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.value(QStringLiteral("0")).toMap().value(QStringLiteral("id")).toString(),
             QStringLiteral("135"));
    QCOMPARE(items.value(QStringLiteral("0")).toMap().value(QStringLiteral("price")).toString(),
             QStringLiteral("9900"));
    QCOMPARE(items.value(QStringLiteral("1")).toMap().value(QStringLiteral("id")).toString(),
             QStringLiteral("7"));
    QCOMPARE(decoded.value(QStringLiteral("params")).toMap().value(QStringLiteral("sirname")).toString(),
             QStringLiteral("Doe Jr"));
}

void TestFormCodec::decodeAppendsForEmptyBrackets()
{
    const QVariantMap decoded = FormCodec::decode("tags[]=a&tags[]=b");
    const QVariantMap tags = decoded.value(QStringLiteral("tags")).toMap();
    QCOMPARE(tags.value(QStringLiteral("0")).toString(), QStringLiteral("a"));
    QCOMPARE(tags.value(QStringLiteral("1")).toString(), QStringLiteral("b"));
}

void TestFormCodec::decodeLaterDuplicateWins()
{
    QCOMPARE(FormCodec::decode("a=1&a=2").value(QStringLiteral("a")).toString(), QStringLiteral("2"));
}

void TestFormCodec::decodeKeepsMalformedEscapes()
{
    QCOMPARE(FormCodec::decode("a=100%&b=%zz&c=%4").value(QStringLiteral("a")).toString(),
             QStringLiteral("100%"));
    QCOMPARE(FormCodec::decode("b=%zz").value(QStringLiteral("b")).toString(), QStringLiteral("%zz"));
    QCOMPARE(FormCodec::decode("c=%4").value(QStringLiteral("c")).toString(), QStringLiteral("%4"));
}

void TestFormCodec::decodeSkipsEmptyNamesAndPairs()
{
    const QVariantMap decoded = FormCodec::decode("&&=x&flag&b=");
    QCOMPARE(decoded.size(), 2);
    QVERIFY(decoded.contains(QStringLiteral("flag")));
    QCOMPARE(decoded.value(QStringLiteral("b")).toString(), QString());
}

void TestFormCodec::roundTripOfEncodedPairs()
{
    const QString tricky = QStringLiteral("\u00e9t\u00e9 & co = 100% +7 ~/?#");
    const QByteArray body =
        FormCodec::encode({{QStringLiteral("name"), tricky}, {QStringLiteral("params[note]"), tricky}});
    const QVariantMap decoded = FormCodec::decode(body);
    QCOMPARE(decoded.value(QStringLiteral("name")).toString(), tricky);
    QCOMPARE(decoded.value(QStringLiteral("params")).toMap().value(QStringLiteral("note")).toString(),
             tricky);
}

QTEST_APPLESS_MAIN(TestFormCodec)
#include "tst_formcodec.moc"

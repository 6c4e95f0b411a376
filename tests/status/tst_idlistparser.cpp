#include "TestEnvironment.h"
#include "status/IdListParser.h"

#include <QTest>

class TestIdListParser : public QObject
{
    Q_OBJECT

private slots:
    void pastedText_data();
    void pastedText();
    void csvTakesTheIdColumn();
    void csvWithoutHeaderTakesTheFirstColumn();
    void fileKindByName();
    void manyRepeatedIdsComeOnce();

private:
    TestEnvironment m_env;
};

void TestIdListParser::pastedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QStringList>("rejected");
    QTest::newRow("commas") << QStringLiteral("1,2,3")
                            << QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}
                            << QStringList();
    QTest::newRow("mixed separators")
        << QStringLiteral(" 10 ,\n20;\t30\r\n\r\n40 ")
        << QStringList{QStringLiteral("10"), QStringLiteral("20"), QStringLiteral("30"), QStringLiteral("40")}
        << QStringList();
    QTest::newRow("quoted and repeated")
        << QStringLiteral("\"5\", '6', 5, 6") << QStringList{QStringLiteral("5"), QStringLiteral("6")}
        << QStringList();
    QTest::newRow("long ids kept as text")
        << QStringLiteral("12345678901234567890123") << QStringList{QStringLiteral("12345678901234567890123")}
        << QStringList();
    QTest::newRow("letters allowed") << QStringLiteral("LP-2024_7.1")
                                     << QStringList{QStringLiteral("LP-2024_7.1")} << QStringList();
    QTest::newRow("junk rejected") << QStringLiteral("1, <b>, 2")
                                   << QStringList{QStringLiteral("1"), QStringLiteral("2")}
                                   << QStringList{QStringLiteral("<b>")};
    QTest::newRow("empty") << QStringLiteral(" ,, \n ") << QStringList() << QStringList();
}

void TestIdListParser::pastedText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ids);
    QFETCH(QStringList, rejected);
    const IdListParser::Result result = IdListParser::parseText(text);
    QCOMPARE(result.ids, ids);
    QCOMPARE(result.rejected, rejected);
}

void TestIdListParser::csvTakesTheIdColumn()
{
    const QString csv = QStringLiteral("\xFEFFname,Order ID,phone\r\n\"Doe, John\",101,79001112233\r\n"
                                       "Jane,\"102\",79001112234\r\nJim,101,7900\r\n");
    const IdListParser::Result result = IdListParser::parseCsv(csv);
    QCOMPARE(result.ids, (QStringList{QStringLiteral("101"), QStringLiteral("102")}));
    QVERIFY(result.rejected.isEmpty());
}

void TestIdListParser::csvWithoutHeaderTakesTheFirstColumn()
{
    const IdListParser::Result result =
        IdListParser::parseCsv(QStringLiteral("201,Anna Petrova,7900\n202,\"Boris, the second\",7901\n203"));
    QCOMPARE(result.ids, (QStringList{QStringLiteral("201"), QStringLiteral("202"), QStringLiteral("203")}));
}

void TestIdListParser::fileKindByName()
{
    const QString text = QStringLiteral("id,name\n1,Anna Maria\n");
    QCOMPARE(IdListParser::parseFile(QStringLiteral("x.CSV"), text).ids, QStringList{QStringLiteral("1")});
    // As plain text, "Anna Maria" would be two (valid-looking) tokens: a .txt file is read as a list.
    QCOMPARE(IdListParser::parseFile(QStringLiteral("x.txt"), QStringLiteral("1\n2 3")).ids,
             (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
}

void TestIdListParser::manyRepeatedIdsComeOnce()
{
    QStringList many;
    for (int i = 0; i < 50000; ++i)
        many << QString::number(100000 + i % 40000);
    const IdListParser::Result result = IdListParser::parseText(many.join(QLatin1Char('\n')));
    QCOMPARE(result.ids.size(), 40000);
    QCOMPARE(result.ids.first(), QStringLiteral("100000"));
}

QTEST_GUILESS_MAIN(TestIdListParser)
#include "tst_idlistparser.moc"

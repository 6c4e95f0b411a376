#include "TestEnvironment.h"
#include "api/Redaction.h"

#include <QTest>

class TestRedaction : public QObject
{
    Q_OBJECT

private slots:
    void secretInEveryForm_data();
    void secretInEveryForm();
    void queriesAndIdParametersWithoutKnowingTheSecret();
    void snippetOfHtmlIsItsText();
    void snippetIsCutAfterRedaction();

private:
    TestEnvironment m_env;
};

void TestRedaction::secretInEveryForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("key is a+b/c=d here");
    QTest::newRow("php urlencoded") << QStringLiteral("key is a%2Bb%2Fc%3Dd here");
    QTest::newRow("lower-case hex") << QStringLiteral("key is a%2bb%2fc%3dd here");
}

void TestRedaction::secretInEveryForm()
{
    QFETCH(QString, text);
    const QString redacted = Redaction::redact(text, QStringLiteral("a+b/c=d"));
    QCOMPARE(redacted, QStringLiteral("key is \u2026 here"));
}

void TestRedaction::queriesAndIdParametersWithoutKnowingTheSecret()
{
    QCOMPARE(Redaction::redact(QStringLiteral("Error transferring http://h:1/ext/add.json?id=1-abc&ids=1 - "
                                              "server replied: Bad")),
             QStringLiteral("Error transferring http://h:1/ext/add.json?\u2026 - server replied: Bad"));
    QCOMPARE(Redaction::redact(QStringLiteral("body id=7-xyz&offer=1")),
             QStringLiteral("body id=\u2026&offer=1"));
    QCOMPARE(Redaction::redact(QStringLiteral("uid=5 and valid=1")), QStringLiteral("uid=5 and valid=1"));
}

void TestRedaction::snippetOfHtmlIsItsText()
{
    QCOMPARE(Redaction::snippet("<html><head><title>Oops</title><script>var k='x';</script></head>"
                                "<body><p>Bad &amp; worse</p></body></html>"),
             QStringLiteral("Oops Bad & worse"));
    QCOMPARE(Redaction::snippet("  {\"a\":\n 1}  "), QStringLiteral("{\"a\": 1}"));
}

void TestRedaction::snippetIsCutAfterRedaction()
{
    // The secret straddles the 200-character cut: redacting after the cut would leave its first half.
    const QString secret = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    const QByteArray body = QByteArray(190, '.') + secret.toLatin1() + QByteArray(50, '.');
    const QString snippet = Redaction::snippet(body, secret);
    QCOMPARE(snippet.size(), Redaction::MaxSnippetLength);
    QVERIFY(!snippet.contains(QStringLiteral("ABC")));
    QVERIFY(snippet.endsWith(QStringLiteral("\u2026")));
}

QTEST_APPLESS_MAIN(TestRedaction)
#include "tst_redaction.moc"

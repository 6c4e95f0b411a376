#include "TestEnvironment.h"
#include "api/FormCodec.h"
#include "api/RequestSigner.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTest>

class TestRequestSigner : public QObject
{
    Q_OBJECT

private slots:
    void hmacSha1KnownVector();
    void pinnedSignatureOfAFixedBody();
    void emptyBodyGetsOnlyNonceAndTimer();
    void freshNonceAndCurrentTime();
    void signatureDependsOnEveryByte();

private:
    TestEnvironment m_env;
};

void TestRequestSigner::hmacSha1KnownVector()
{
    // The classic HMAC-SHA1 example (key "key", the quick brown fox).
    QCOMPARE(RequestSigner::signature("The quick brown fox jumps over the lazy dog", QStringLiteral("key")),
             QStringLiteral("de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"));
}

void TestRequestSigner::pinnedSignatureOfAFixedBody()
{
    const QByteArray body =
        "id=112358&wm=42&offer=217&ip=12.34.56.78&name=John+Doe&phone=77000000000&country=kz";
    const RequestSigner::SignedBody result =
        RequestSigner::sign(body, QStringLiteral("secret-key-42"),
                            QStringLiteral("0123456789abcdef0123456789abcdef"), 1700000000);
    QCOMPARE(result.body, body + "&_nonce=0123456789abcdef0123456789abcdef&_timer=1700000000");
    // Computed independently: hmac.new(b"secret-key-42", body, hashlib.sha1).hexdigest() in Python.
    QCOMPARE(result.signature, QStringLiteral("8d0c7e6fc0ec3a3b8416afcfad56074e673bb749"));
}

void TestRequestSigner::emptyBodyGetsOnlyNonceAndTimer()
{
    const auto result = RequestSigner::sign(QByteArray(), QStringLiteral("k"), QStringLiteral("n n"), 5);
    QCOMPARE(result.body, QByteArray("_nonce=n+n&_timer=5"));
    QCOMPARE(result.signature, RequestSigner::signature(result.body, QStringLiteral("k")));
}

void TestRequestSigner::freshNonceAndCurrentTime()
{
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const auto first = RequestSigner::sign("a=1", QStringLiteral("k"));
    const auto second = RequestSigner::sign("a=1", QStringLiteral("k"));
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    QVERIFY(first.body != second.body);
    QVERIFY(first.signature != second.signature);
    const QVariantMap fields = FormCodec::decode(first.body);
    QCOMPARE(fields.value(QStringLiteral("a")).toString(), QStringLiteral("1"));
    static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
    QVERIFY(hex32.match(fields.value(QStringLiteral("_nonce")).toString()).hasMatch());
    const qint64 timer = fields.value(QStringLiteral("_timer")).toLongLong();
    QVERIFY(timer >= before && timer <= after);
    static const QRegularExpression hex40(QStringLiteral("^[0-9a-f]{40}$"));
    QVERIFY(hex40.match(first.signature).hasMatch());
}

void TestRequestSigner::signatureDependsOnEveryByte()
{
    const QString key = QStringLiteral("k");
    QVERIFY(RequestSigner::signature("a=1&b=2", key) != RequestSigner::signature("b=2&a=1", key));
    QVERIFY(RequestSigner::signature("a=1", key) != RequestSigner::signature("a=1", QStringLiteral("K")));
}

QTEST_APPLESS_MAIN(TestRequestSigner)
#include "tst_requestsigner.moc"

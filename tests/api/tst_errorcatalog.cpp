#include "TestEnvironment.h"
#include "api/ErrorCatalog.h"

#include <QSet>
#include <QTest>

using Kind = ApiError::Kind;

class TestErrorCatalog : public QObject
{
    Q_OBJECT

private slots:
    void everyDocumentAndEngineCodeHasItsOwnSentence();
    void everyTransportCodeHasItsOwnSentence();
    void unknownCodesShowAsThemselves();
    void httpSentenceNamesTheStatus();
    void makeErrorFillsEverything();
    void displayTextCarriesTheCode();
    void cancelledAndNone();

private:
    TestEnvironment m_env;
};

void TestErrorCatalog::everyDocumentAndEngineCodeHasItsOwnSentence()
{
    const QStringList expected{
        QStringLiteral("nooffer"),   QStringLiteral("noid"),         QStringLiteral("nophone"),
        QStringLiteral("duplicate"), QStringLiteral("offer"),        QStringLiteral("security"),
        QStringLiteral("ban"),       QStringLiteral("traffic"),      QStringLiteral("db"),
        QStringLiteral("key"),       QStringLiteral("data"),         QStringLiteral("app"),
        QStringLiteral("func"),      QStringLiteral("no-offer-code")};
    QCOMPARE(ErrorCatalog::knownServiceCodes(), expected);
    const QString fallback = ErrorCatalog::describe(Kind::Service, QStringLiteral("unknown-xyz"));
    QSet<QString> sentences;
    for (const QString &code : expected) {
        const QString sentence = ErrorCatalog::describe(Kind::Service, code);
        QVERIFY2(!sentence.isEmpty(), qPrintable(code));
        QVERIFY2(sentence != fallback, qPrintable(code));
        QVERIFY2(sentence.endsWith(u'.'), qPrintable(code));
        sentences.insert(sentence);
    }
    QCOMPARE(sentences.size(), expected.size());
    QCOMPARE(ErrorCatalog::describe(Kind::Service, QStringLiteral("ban")),
             QStringLiteral("This phone or IP address is banned by the network."));
}

void TestErrorCatalog::everyTransportCodeHasItsOwnSentence()
{
    const QStringList codes = ErrorCatalog::knownTransportCodes();
    for (const char *code :
         {"timeout", "network", "dns", "tls", "http", "html", "empty", "truncated", "json"})
        QVERIFY2(codes.contains(QLatin1String(code)), code);
    const QString fallback = ErrorCatalog::describe(Kind::Transport, QStringLiteral("unknown-xyz"));
    QSet<QString> sentences;
    for (const QString &code : codes) {
        const QString sentence = ErrorCatalog::describe(Kind::Transport, code, 502);
        QVERIFY2(!sentence.isEmpty() && sentence != fallback, qPrintable(code));
        sentences.insert(sentence);
    }
    QCOMPARE(sentences.size(), codes.size());
}

void TestErrorCatalog::unknownCodesShowAsThemselves()
{
    const QString service = ErrorCatalog::describe(Kind::Service, QStringLiteral("quota-exceeded"));
    QVERIFY(service.contains(QStringLiteral("quota-exceeded")));
    QVERIFY(service.size() > QStringLiteral("quota-exceeded").size() + 10); // inside a sentence
    QVERIFY(
        ErrorCatalog::describe(Kind::Transport, QStringLiteral("weird")).contains(QStringLiteral("weird")));
    QVERIFY(!ErrorCatalog::describe(Kind::Service, QString()).isEmpty());
}

void TestErrorCatalog::httpSentenceNamesTheStatus()
{
    QVERIFY(
        ErrorCatalog::describe(Kind::Transport, QStringLiteral("http"), 503).contains(QStringLiteral("503")));
    const QString redirect = ErrorCatalog::describe(Kind::Transport, QStringLiteral("http"), 302);
    QVERIFY(redirect.contains(QStringLiteral("302")));
    QVERIFY(redirect.contains(QStringLiteral("redirect")));
}

void TestErrorCatalog::makeErrorFillsEverything()
{
    const ApiError error =
        ErrorCatalog::makeError(Kind::Service, QStringLiteral("duplicate"), 200, QStringLiteral("s"));
    QCOMPARE(error.kind, Kind::Service);
    QCOMPARE(error.code, QStringLiteral("duplicate"));
    QCOMPARE(error.httpStatus, 200);
    QCOMPARE(error.snippet, QStringLiteral("s"));
    QCOMPARE(error.message, ErrorCatalog::describe(Kind::Service, QStringLiteral("duplicate")));
    QVERIFY(error.isService());
}

void TestErrorCatalog::displayTextCarriesTheCode()
{
    const ApiError error = ErrorCatalog::makeError(Kind::Service, QStringLiteral("ban"));
    QCOMPARE(ErrorCatalog::displayText(error),
             QStringLiteral("This phone or IP address is banned by the network. (code: ban)"));
    QVERIFY(ErrorCatalog::displayText(ApiError()).isEmpty());
}

void TestErrorCatalog::cancelledAndNone()
{
    QVERIFY(ErrorCatalog::describe(Kind::None, QStringLiteral("x")).isEmpty());
    QVERIFY(!ErrorCatalog::describe(Kind::Cancelled, QString()).isEmpty());
}

QTEST_APPLESS_MAIN(TestErrorCatalog)
#include "tst_errorcatalog.moc"

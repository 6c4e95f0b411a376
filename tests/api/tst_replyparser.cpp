#include "TestEnvironment.h"
#include "api/ErrorCatalog.h"
#include "api/ReplyParser.h"

#include <QTest>

using Kind = ApiError::Kind;

class TestReplyParser : public QObject
{
    Q_OBJECT

private slots:
    // add.json
    void addOkMapsIdToNetworkAndUidToOurs();
    void addIdsAsStringsOrHugeNumbersStayExact();
    void addServiceErrorsWithHttp200_data();
    void addServiceErrorsWithHttp200();
    void addServiceErrorIn4xxIsStillAVerdict();
    void addUnknownFieldsIgnored();
    void addUnclearAnswerIsNotAVerdict_data();
    void addUnclearAnswerIsNotAVerdict();
    void transportFailures_data();
    void transportFailures();
    void snippetIsShortAndKeyFree();
    void idsCarryingTheKeyAreNoVerdict();
    void listRowsNeverCarryTheKey();
    void bomAndTrailingCommasAccepted();

    // list.json
    void listObjectKeyedById();
    void listArrayOfRows();
    void listEmptyAnswers_data();
    void listEmptyAnswers();
    void listErrorObject_data();
    void listErrorObject();
    void listNumbersAsStrings();
    void listMissingAndExtraFields();
    void listIdsLongerThanADouble();
    void listRowWithoutIdUsesItsKey();
    void listTransportFailures();
    void listShapesTheServiceWrites_data();
    void listShapesTheServiceWrites();
    void listOtherShapes_data();
    void listOtherShapes();

    // older engine builds (docs/API.md point 11)
    void olderListRowsDeriveTheirStage();
    void olderListRowKeepsTheEngineWords();
    void aSentStageAlwaysWins();
    void olderAddWithoutUidConfirmsTheSentId();
    void olderErrorCodes_data();
    void olderErrorCodes();

private:
    TestEnvironment m_env;
};

void TestReplyParser::addOkMapsIdToNetworkAndUidToOurs()
{
    // The document's own example: "id" is the network's order id, "uid" is ours.
    const AddResult result =
        ReplyParser::parseAddReply(200, R"({ "status": "ok", "id": 1234, "uid": 123456 })");
    QVERIFY(result.ok());
    QCOMPARE(result.networkOrderId, QStringLiteral("1234"));
    QCOMPARE(result.ourOrderId, QStringLiteral("123456"));
    QCOMPARE(result.error.kind, Kind::None);
    QVERIFY(result.error.message.isEmpty());
}

void TestReplyParser::addIdsAsStringsOrHugeNumbersStayExact()
{
    AddResult result = ReplyParser::parseAddReply(200, R"({"status":"ok","id":"98765","uid":"auto-1"})");
    QVERIFY(result.ok());
    QCOMPARE(result.networkOrderId, QStringLiteral("98765"));
    QCOMPARE(result.ourOrderId, QStringLiteral("auto-1"));

    result = ReplyParser::parseAddReply(
        200, R"({"status":"OK","id":1234567890123456789012345,"uid":9007199254740993})");
    QVERIFY(result.ok());
    QCOMPARE(result.networkOrderId, QStringLiteral("1234567890123456789012345"));
    QCOMPARE(result.ourOrderId, QStringLiteral("9007199254740993"));
}

void TestReplyParser::addServiceErrorsWithHttp200_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::newRow("duplicate") << QByteArray(R"({"status":"error","error":"duplicate"})")
                               << QStringLiteral("duplicate");
    QTest::newRow("error_text") << QByteArray(R"({"status":"error","error_text":"key"})")
                                << QStringLiteral("key");
    QTest::newRow("error true + error_text")
        << QByteArray(R"({"status":"error","error":true,"error_text":"data"})") << QStringLiteral("data");
    QTest::newRow("no status") << QByteArray(R"({"error":"ban"})") << QStringLiteral("ban");
    QTest::newRow("unknown code kept raw")
        << QByteArray(R"({"status":"error","error":"zzz-new"})") << QStringLiteral("zzz-new");
    QTest::newRow("numeric code") << QByteArray(R"({"status":"error","error":17})") << QStringLiteral("17");
    QTest::newRow("no code at all") << QByteArray(R"({"status":"error"})") << QString();
    QTest::newRow("status in capitals")
        << QByteArray(R"({"status":"ERROR","error":"db"})") << QStringLiteral("db");
}

void TestReplyParser::addServiceErrorsWithHttp200()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    const AddResult result = ReplyParser::parseAddReply(200, body);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, Kind::Service);
    QCOMPARE(result.error.code, code);
    QCOMPARE(result.error.httpStatus, 200);
    QVERIFY(!result.error.message.isEmpty());
    if (code == u"zzz-new")
        QVERIFY(result.error.message.contains(code));
    QVERIFY(result.networkOrderId.isEmpty());
}

void TestReplyParser::addServiceErrorIn4xxIsStillAVerdict()
{
    const AddResult result = ReplyParser::parseAddReply(403, R"({"status":"error","error":"key"})");
    QCOMPARE(result.error.kind, Kind::Service);
    QCOMPARE(result.error.code, QStringLiteral("key"));
    QCOMPARE(result.error.httpStatus, 403);
}

void TestReplyParser::addUnknownFieldsIgnored()
{
    const AddResult result = ReplyParser::parseAddReply(
        200,
        R"({"status":"ok","id":5,"uid":6,"phase":{"x":[1,2,{"y":null}]},"url":"https://x/","goods":[]})");
    QVERIFY(result.ok());
    QCOMPARE(result.networkOrderId, QStringLiteral("5"));
    QCOMPARE(result.ourOrderId, QStringLiteral("6"));
}

void TestReplyParser::addUnclearAnswerIsNotAVerdict_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("unknown status") << QByteArray(R"({"status":"maybe"})");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("array") << QByteArray(R"([{"status":"ok"}])");
    QTest::newRow("scalar") << QByteArray("true");
}

void TestReplyParser::addUnclearAnswerIsNotAVerdict()
{
    QFETCH(QByteArray, body);
    const AddResult result = ReplyParser::parseAddReply(200, body);
    QCOMPARE(result.error.kind, Kind::Transport);
    QCOMPARE(result.error.code, QStringLiteral("json"));
}

void TestReplyParser::transportFailures_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("snippetPart");
    const QByteArray page =
        "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title><style>b{}</style></head>"
        "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
    QTest::newRow("502 html") << 502 << page << QStringLiteral("http") << QStringLiteral("502 Bad Gateway");
    QTest::newRow("200 html") << 200 << page << QStringLiteral("html") << QStringLiteral("nginx");
    QTest::newRow("500 json error") << 500 << QByteArray(R"({"status":"error","error":"db"})")
                                    << QStringLiteral("http") << QStringLiteral("db");
    QTest::newRow("503 empty") << 503 << QByteArray() << QStringLiteral("http") << QString();
    QTest::newRow("404 text") << 404 << QByteArray("Not Found") << QStringLiteral("http")
                              << QStringLiteral("Not Found");
    QTest::newRow("302") << 302 << QByteArray() << QStringLiteral("http") << QString();
    QTest::newRow("empty") << 200 << QByteArray() << QStringLiteral("empty") << QString();
    QTest::newRow("whitespace") << 200 << QByteArray(" \r\n\t") << QStringLiteral("empty") << QString();
    QTest::newRow("truncated object") << 200 << QByteArray(R"({"status":"ok","id":12)")
                                      << QStringLiteral("truncated") << QStringLiteral("status");
    QTest::newRow("truncated string")
        << 200 << QByteArray(R"({"status":"o)") << QStringLiteral("truncated") << QString();
    QTest::newRow("truncated literal")
        << 200 << QByteArray(R"({"a":tr)") << QStringLiteral("truncated") << QString();
    QTest::newRow("truncated escape")
        << 200 << QByteArray(R"({"a":"\u00)") << QStringLiteral("truncated") << QString();
    QTest::newRow("plain text") << 200 << QByteArray("Service Unavailable") << QStringLiteral("json")
                                << QStringLiteral("Service Unavailable");
    QTest::newRow("garbage after json")
        << 200 << QByteArray(R"({"status":"ok","id":1} trailing)") << QStringLiteral("json") << QString();
    QTest::newRow("single quotes") << 200 << QByteArray("{'status':'ok'}") << QStringLiteral("json")
                                   << QString();
    QTest::newRow("php notice") << 200
                                << QByteArray("<br />\n<b>Notice</b>: Undefined index {\"status\":\"ok\"}")
                                << QStringLiteral("html") << QStringLiteral("Notice");
    // PHP's json_encode never writes a raw control character and json_decode refuses one: a body with
    // one is not the service speaking, whatever the rest says.
    QTest::newRow("raw NUL in a key")
        << 200 << QByteArray(R"({"status":"ok","id":"7","i)") + '\0' + QByteArray(R"(d":"8"})")
        << QStringLiteral("json") << QString();
    QTest::newRow("too deep") << 200 << QByteArray(200, '[') + QByteArray(200, ']') << QStringLiteral("json")
                              << QString();
}

void TestReplyParser::transportFailures()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, snippetPart);
    for (const ApiError &error :
         {ReplyParser::parseAddReply(status, body).error, ReplyParser::parseListReply(status, body).error}) {
        QCOMPARE(error.kind, Kind::Transport);
        QCOMPARE(error.code, code);
        QCOMPARE(error.httpStatus, status);
        QVERIFY(!error.message.isEmpty());
        QVERIFY2(error.snippet.contains(snippetPart), qPrintable(error.snippet));
        QVERIFY(!error.snippet.contains(u'<'));
    }
}

void TestReplyParser::snippetIsShortAndKeyFree()
{
    const QString key = QStringLiteral("S3cr3t+K/y");
    const QByteArray page = "<html><title>Proxy error</title><body>Could not fetch "
                            "https://api.cpa.moe/ext/add.json?id=42-S3cr3t%2BK%2Fy&x=1 for you. "
                            "Form was id=42-S3cr3t+K/y&offer=1. Key again: S3cr3t+K/y. " +
                            QByteArray(600, 'x') + "</body></html>";
    const AddResult result = ReplyParser::parseAddReply(502, page, key);
    QVERIFY(result.error.isTransport());
    QVERIFY(result.error.snippet.size() <= 200);
    QVERIFY(result.error.snippet.startsWith(
        QStringLiteral("Proxy error Could not fetch https://api.cpa.moe/ext/add.json?")));
    QVERIFY2(!result.error.snippet.contains(QStringLiteral("S3cr3t"), Qt::CaseInsensitive),
             "the key leaked into the snippet");
    QVERIFY(!result.error.snippet.contains(QStringLiteral("42-")));

    // Without being told the key, queries and id= parameters are still stripped.
    const AddResult anonymous = ReplyParser::parseAddReply(200, "Bad request to /ext/add.json?id=42-abcdef");
    QVERIFY(!anonymous.error.snippet.contains(QStringLiteral("abcdef")));
}

// Found by fuzz_add_reply: a server (or proxy) echoing the key as the order id would have put the key in
// the journal, the table, the CSV export and the logs. Such a reply is malformed: no ids, no verdict, and
// the snippet is redacted.
void TestReplyParser::idsCarryingTheKeyAreNoVerdict()
{
    const QString key = QStringLiteral("Sk3yT0ps3cr3t");
    for (const QByteArray &body : {QByteArray(R"({"status":"ok","id":"1T0ps3cr3t for sk3yt0ps3cr3t"})"),
                                   QByteArray(R"({"status":"ok","id":"981","uid":"SK3YT0PS3CR3T"})")}) {
        const AddResult result = ReplyParser::parseAddReply(200, body, key);
        QVERIFY2(!result.ok(), body.constData());
        QVERIFY(result.error.isTransport());
        QVERIFY(result.networkOrderId.isEmpty() && result.ourOrderId.isEmpty());
        QVERIFY2(!result.error.snippet.contains(key, Qt::CaseInsensitive), qPrintable(result.error.snippet));
    }
    // A key-free reply with the same shape is still a verdict.
    QVERIFY(ReplyParser::parseAddReply(200, R"({"status":"ok","id":"981","uid":"77"})", key).ok());
}

void TestReplyParser::listRowsNeverCarryTheKey()
{
    const QString key = QStringLiteral("Sk3yT0ps3cr3t");
    const ListResult result = ReplyParser::parseListReply(
        200,
        R"({"77":{"id":"77","uid":"n-sk3yt0ps3cr3t","status":1,"comment":"call back, key SK3YT0PS3CR3T"},)"
        R"("sk3yt0ps3cr3t":{"status":2}})",
        key);
    QVERIFY(result.error.isOk());
    QCOMPARE(result.rows.size(), 1); // the row "answering" for an id made of the key is dropped
    const StatusRow &row = result.rows.first();
    QCOMPARE(row.ourOrderId, QStringLiteral("77"));
    QCOMPARE(row.status, 1);
    QVERIFY(!row.networkOrderId.contains(key, Qt::CaseInsensitive));
    QVERIFY(!row.comment.contains(key, Qt::CaseInsensitive));
    QVERIFY(row.comment.startsWith(QStringLiteral("call back, key ")));
}

void TestReplyParser::bomAndTrailingCommasAccepted()
{
    const AddResult result =
        ReplyParser::parseAddReply(200, "\xEF\xBB\xBF{ \"status\": \"ok\", \"id\": 7, \"uid\": 8, }\n");
    QVERIFY(result.ok());
    QCOMPARE(result.networkOrderId, QStringLiteral("7"));
    const ListResult list = ReplyParser::parseListReply(200, R"([{"id":1,"status":2,},])");
    QVERIFY(list.error.isOk());
    QCOMPARE(list.rows.size(), 1);
}

void TestReplyParser::listObjectKeyedById()
{
    const ListResult result = ReplyParser::parseListReply(200, R"({
        "1234": {"id": 1234, "uid": 432, "src": "7", "status": 5, "stage": "cancel", "reason": 2,
                 "comment": "Purr-purr-purr"},
        "2345": {"id": 2345, "uid": 543, "status": 6, "stage": "approve", "count": 2}
    })");
    QVERIFY(result.error.isOk());
    QCOMPARE(result.rows.size(), 2);
    // In list.json "id" is OURS and "uid" is the network's: the opposite of add.json.
    const StatusRow &first = result.rows.at(0);
    QCOMPARE(first.ourOrderId, QStringLiteral("1234"));
    QCOMPARE(first.networkOrderId, QStringLiteral("432"));
    QCOMPARE(first.source, QStringLiteral("7"));
    QCOMPARE(first.status, 5);
    QCOMPARE(first.stage, QStringLiteral("cancel"));
    QCOMPARE(first.reason, 2);
    QCOMPARE(first.count, -1);
    QCOMPARE(first.comment, QStringLiteral("Purr-purr-purr"));
    const StatusRow &second = result.rows.at(1);
    QCOMPARE(second.ourOrderId, QStringLiteral("2345"));
    QCOMPARE(second.networkOrderId, QStringLiteral("543"));
    QCOMPARE(second.count, 2);
    QCOMPARE(second.reason, 0);
    QVERIFY(second.comment.isEmpty());
}

void TestReplyParser::listArrayOfRows()
{
    const ListResult result = ReplyParser::parseListReply(
        200,
        R"([{"id":"11","uid":"99","stage":"hold","status":"4"}, 17, "noise", null, {"id":12,"stage":"wait"}])");
    QVERIFY(result.error.isOk());
    QCOMPARE(result.rows.size(), 2);
    QCOMPARE(result.rows.at(0).ourOrderId, QStringLiteral("11"));
    QCOMPARE(result.rows.at(0).networkOrderId, QStringLiteral("99"));
    QCOMPARE(result.rows.at(0).status, 4);
    QCOMPARE(result.rows.at(1).ourOrderId, QStringLiteral("12"));
    QCOMPARE(result.rows.at(1).status, 0);
}

void TestReplyParser::listEmptyAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("[]") << QByteArray("[]");
    QTest::newRow("{}") << QByteArray("{}");
    QTest::newRow("spaced") << QByteArray(" [ ] \n");
    QTest::newRow("status ok only") << QByteArray(R"({"status":"ok"})");
    QTest::newRow("row without any id") << QByteArray(R"([{"stage":"wait"}])");
}

void TestReplyParser::listEmptyAnswers()
{
    QFETCH(QByteArray, body);
    const ListResult result = ReplyParser::parseListReply(200, body);
    QVERIFY(result.error.isOk());
    QVERIFY(result.rows.isEmpty());
}

void TestReplyParser::listErrorObject_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::newRow("error") << QByteArray(R"({"status":"error","error":"key"})") << QStringLiteral("key");
    QTest::newRow("error_text") << QByteArray(R"({"status":"error","error_text":"func"})")
                                << QStringLiteral("func");
    QTest::newRow("unknown") << QByteArray(R"({"error":"quota"})") << QStringLiteral("quota");
}

void TestReplyParser::listErrorObject()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    const ListResult result = ReplyParser::parseListReply(200, body);
    QCOMPARE(result.error.kind, Kind::Service);
    QCOMPARE(result.error.code, code);
    QVERIFY(result.rows.isEmpty());
}

void TestReplyParser::listNumbersAsStrings()
{
    const ListResult result = ReplyParser::parseListReply(
        200, R"({"77":{"id":"77","uid":"1","status":"5","reason":"2","count":"3","stage":"cancel"},
                 "78":{"id":"78","status":"10.0","reason":"x","count":"2.5"}})");
    QCOMPARE(result.rows.size(), 2);
    QCOMPARE(result.rows.at(0).status, 5);
    QCOMPARE(result.rows.at(0).reason, 2);
    QCOMPARE(result.rows.at(0).count, 3);
    QCOMPARE(result.rows.at(1).status, 10);
    QCOMPARE(result.rows.at(1).reason, 0);
    QCOMPARE(result.rows.at(1).count, -1);
}

void TestReplyParser::listMissingAndExtraFields()
{
    const ListResult result = ReplyParser::parseListReply(
        200, R"({"5":{"id":5,"stage":"returned-to-sender","status":13,"reason":42,"phase":3,"url":"x",
                      "goods":[{"id":1}],"comment":null,"uid":null}})");
    QCOMPARE(result.rows.size(), 1);
    const StatusRow &row = result.rows.at(0);
    QCOMPARE(row.stage, QStringLiteral("returned-to-sender")); // unknown words stay visible
    QCOMPARE(row.status, 13);
    QCOMPARE(row.reason, 42);
    QCOMPARE(row.count, -1);
    QVERIFY(row.comment.isEmpty());
    QVERIFY(row.networkOrderId.isEmpty());
}

void TestReplyParser::listIdsLongerThanADouble()
{
    const ListResult result = ReplyParser::parseListReply(
        200, R"({"1234567890123456789012345":{"id":1234567890123456789012345,"uid":9007199254740993}})");
    QCOMPARE(result.rows.size(), 1);
    QCOMPARE(result.rows.at(0).ourOrderId, QStringLiteral("1234567890123456789012345"));
    QCOMPARE(result.rows.at(0).networkOrderId, QStringLiteral("9007199254740993"));
}

void TestReplyParser::listRowWithoutIdUsesItsKey()
{
    const ListResult result =
        ReplyParser::parseListReply(200, R"({"1234567890123456789012345":{"uid":"9","stage":"wait"}})");
    QCOMPARE(result.rows.size(), 1);
    QCOMPARE(result.rows.at(0).ourOrderId, QStringLiteral("1234567890123456789012345"));
    QCOMPARE(result.rows.at(0).networkOrderId, QStringLiteral("9"));
}

void TestReplyParser::listTransportFailures()
{
    QCOMPARE(ReplyParser::parseListReply(200, R"({"1":{"id":1,"status":)").error.code,
             QStringLiteral("truncated"));
    QCOMPARE(ReplyParser::parseListReply(200, R"("just a string")").error.code, QStringLiteral("json"));
    // The document's own list.json "example" is not JSON: it must not pass as an empty success.
    const ListResult sloppy = ReplyParser::parseListReply(200, R"([ 1234 : { "id": 1234, "uid": 432 } ])");
    QCOMPARE(sloppy.error.kind, Kind::Transport);
    QCOMPARE(sloppy.error.code, QStringLiteral("json"));
}

namespace {

// One row as text, every field in StatusRow's order, so that a table of expected rows reads at a glance.
QString describe(const StatusRow &row)
{
    return QStringList{row.ourOrderId,
                       row.networkOrderId,
                       row.source,
                       row.stage,
                       QString::number(row.status),
                       QString::number(row.reason),
                       QString::number(row.count),
                       row.comment}
        .join(u'|');
}

QStringList describe(const QList<StatusRow> &rows)
{
    QStringList described;
    for (const StatusRow &row : rows)
        described.append(describe(row));
    return described;
}

} // namespace

void TestReplyParser::listShapesTheServiceWrites_data()
{
    // Rows as "our id|network id|src|stage|status|reason|count|comment".
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("rows");
    QTest::newRow("as the sandbox writes it")
        << QByteArray(
               R"({"800000001":{"id":800000001,"uid":900001,"src":0,"stage":"cancel","status":5,"reason":2,"count":1,)"
               R"("comment":"Call after 18:00"},"800000002":{"id":800000002,"uid":900002,"src":0,"stage":"wait","status":1}})")
        << QStringList{QStringLiteral("800000001|900001|0|cancel|5|2|1|Call after 18:00"),
                       QStringLiteral("800000002|900002|0|wait|1|0|-1|")};
    QTest::newRow("numbers as strings")
        << QByteArray(R"({"1":{"id":"1","uid":"77","stage":"hold","status":"4","reason":"0","count":"3"}})")
        << QStringList{QStringLiteral("1|77||hold|4|0|3|")};
    QTest::newRow("an array of rows")
        << QByteArray(R"([{"id":"11","stage":"hold"},{"id":12,"stage":"wait"}])")
        << QStringList{QStringLiteral("11|||hold|0|0|-1|"), QStringLiteral("12|||wait|0|0|-1|")};
    QTest::newRow("empty object") << QByteArray("{}") << QStringList();
    QTest::newRow("empty array") << QByteArray(" [ ] ") << QStringList();
    QTest::newRow("BOM, whitespace, trailing commas")
        << QByteArray("\xEF\xBB\xBF \r\n{ \"5\" : { \"id\" : 5 , \"stage\" : \"trash\" , } ,\t}\n")
        << QStringList{QStringLiteral("5|||trash|0|0|-1|")};
    QTest::newRow("null, true and false")
        << QByteArray(
               R"({"6":{"id":6,"uid":null,"stage":null,"status":true,"count":false,"comment":null,"extra":true}})")
        << QStringList{QStringLiteral("6||||0|0|-1|")};
    QTest::newRow("repeated member: the last counts")
        << QByteArray(R"({"7":{"id":7,"stage":"wait","status":1,"stage":"approve","status":6}})")
        << QStringList{QStringLiteral("7|||approve|6|0|-1|")};
    QTest::newRow("repeated key: both rows")
        << QByteArray(R"({"8":{"stage":"wait"},"8":{"stage":"hold"}})")
        << QStringList{QStringLiteral("8|||wait|0|0|-1|"), QStringLiteral("8|||hold|0|0|-1|")};
    QTest::newRow("no id: the key; no key either: no row")
        << QByteArray(R"({" 9 ":{"stage":"hold"},"":{"stage":"hold"}})")
        << QStringList{QStringLiteral("9|||hold|0|0|-1|")};
    QTest::newRow("texts to trim, numbers to read leniently")
        << QByteArray(R"({"10":{"id":" 10 ","uid":" 4 ","status":" 4 ","reason":"5.0","count":1e1}})")
        << QStringList{QStringLiteral("10|4||hold|4|5|10|")}; // no stage sent: derived from status 4
    QTest::newRow("numbers that are not small integers")
        << QByteArray(
               R"({"11":{"id":-3,"status":12345678901,"reason":-0.5,"count":"9999999999","uid":12345678901234567890123}})")
        << QStringList{QStringLiteral("-3|12345678901234567890123|||0|0|-1|")};
    QTest::newRow("a stage this version does not know")
        << QByteArray(R"({"12":{"id":12,"stage":"lost","status":17}})")
        << QStringList{QStringLiteral("12|||lost|17|0|-1|")};
}

void TestReplyParser::listShapesTheServiceWrites()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, rows);
    const ListResult result = ReplyParser::parseListReply(200, body);
    QVERIFY2(result.error.isOk(), qPrintable(result.error.code));
    QCOMPARE(describe(result.rows), rows);
}

void TestReplyParser::listOtherShapes_data()
{
    // What the service seldom or never writes: escapes, UTF-8, nested values, errors, broken bodies.
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code"); // empty: a successful answer
    QTest::addColumn<QStringList>("rows");
    const QString ok;
    QTest::newRow("an escape") << QByteArray(R"({"1":{"id":1,"comment":"say \"hi\""}})") << ok
                               << QStringList{QStringLiteral("1||||0|0|-1|say \"hi\"")};
    QTest::newRow("an escaped letter") << QByteArray(R"({"1":{"id":1,"comment":"\u0414\u0430"}})") << ok
                                       << QStringList{QStringLiteral("1||||0|0|-1|\u0414\u0430")};
    QTest::newRow("UTF-8") << QByteArray("{\"1\":{\"id\":1,\"comment\":\"\xD0\x94\xD0\xB0\"}}") << ok
                           << QStringList{QStringLiteral("1||||0|0|-1|\u0414\u0430")};
    QTest::newRow("a nested value") << QByteArray(R"({"1":{"id":1,"extra":{"a":1}}})") << ok
                                    << QStringList{QStringLiteral("1||||0|0|-1|")};
    QTest::newRow("an array in a row")
        << QByteArray(R"({"1":{"id":1,"extra":[1]}})") << ok << QStringList{QStringLiteral("1||||0|0|-1|")};
    QTest::newRow("an error answer") << QByteArray(R"({"status":"error","error":"key"})")
                                     << QStringLiteral("key") << QStringList();
    QTest::newRow("rows beside a status") << QByteArray(R"({"status":"ok","1":{"id":1,"stage":"wait"}})")
                                          << ok << QStringList{QStringLiteral("1|||wait|0|0|-1|")};
    QTest::newRow("scalars in an array") << QByteArray(R"([{"id":11}, 17, "noise", null])") << ok
                                         << QStringList{QStringLiteral("11||||0|0|-1|")};
    const QString truncated = QStringLiteral("truncated");
    const QString json = QStringLiteral("json");
    QTest::newRow("truncated") << QByteArray(R"({"1":{"id":1,"stage":"wa)") << truncated << QStringList();
    QTest::newRow("truncated literal")
        << QByteArray(R"({"1":{"id":1,"uid":nu)") << truncated << QStringList();
    QTest::newRow("a malformed number")
        << QByteArray(R"({"1":{"id":1.,"stage":"wait"}})") << json << QStringList();
    QTest::newRow("a number run into a word") << QByteArray(R"({"1":{"id":12ab}})") << json << QStringList();
    QTest::newRow("a missing comma") << QByteArray(R"({"1":{"id":1 "stage":"wait"}})") << json
                                     << QStringList();
    QTest::newRow("a lone comma") << QByteArray(R"({,})") << json << QStringList();
    QTest::newRow("something after the end") << QByteArray(R"({} {})") << json << QStringList();
    QTest::newRow("an HTML page") << QByteArray("<html><body>502</body></html>") << QStringLiteral("html")
                                  << QStringList();
    QTest::newRow("a control character") << QByteArray("{\"1\":{\"id\":\"1\x01\"}}") << json << QStringList();
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty") << QStringList();
}

void TestReplyParser::listOtherShapes()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QStringList, rows);
    const ListResult result = ReplyParser::parseListReply(200, body);
    QCOMPARE(result.error.code, code);
    QCOMPARE(result.error.isOk(), code.isEmpty());
    QCOMPARE(describe(result.rows), rows);
}

void TestReplyParser::olderListRowsDeriveTheirStage()
{
    // The shape of issue 23: id as a number, status and the engine's words; no stage, uid or reason.
    const ListResult result = ReplyParser::parseListReply(
        200, R"({"7500000":{"id":7500000,"status":6,"status_text":"Упаковка"},)"
             R"("7500001":{"id":7500001,"status":5,"status_text":"Отмена"},)"
             R"("7500002":{"id":7500002,"status":"12","status_text":"Удален"},)"
             R"("7500003":{"id":7500003,"status":17,"status_text":"Особый статус 17"},)"
             R"("7500004":{"id":7500004,"status":1}})");
    QVERIFY(result.error.isOk());
    QCOMPARE(
        describe(result.rows),
        (QStringList{QStringLiteral("7500000|||approve|6|0|-1|"), QStringLiteral("7500001|||cancel|5|0|-1|"),
                     QStringLiteral("7500002|||trash|12|0|-1|"), QStringLiteral("7500003||||17|0|-1|"),
                     QStringLiteral("7500004|||wait|1|0|-1|")}));
    QVERIFY(result.rows.at(0).stageDerived);
    QVERIFY(result.rows.at(2).stageDerived);
    QVERIFY(!result.rows.at(3).stageDerived); // a status this version does not know derives nothing
    QVERIFY(result.rows.at(4).stageDerived);
    // Where a reason comes along, a trash reason makes a cancellation trash.
    const ListResult withReason = ReplyParser::parseListReply(
        200, R"([{"id":1,"status":5,"reason":1},{"id":2,"status":5,"reason":2}])");
    QCOMPARE(withReason.rows.at(0).stage, QStringLiteral("trash"));
    QCOMPARE(withReason.rows.at(1).stage, QStringLiteral("cancel"));
}

void TestReplyParser::olderListRowKeepsTheEngineWords()
{
    const ListResult result = ReplyParser::parseListReply(
        200, R"({"7500003":{"id":7500003,"status":17,"status_text":" Особый статус 17 ",)"
             R"("reason_text":"Нет ответа","stage_text":"Ожидание"}})");
    QCOMPARE(result.rows.size(), 1);
    QCOMPARE(result.rows.at(0).statusText, QStringLiteral("Особый статус 17"));
    QCOMPARE(result.rows.at(0).reasonText, QStringLiteral("Нет ответа"));
    QCOMPARE(result.rows.at(0).stageText, QStringLiteral("Ожидание"));
}

void TestReplyParser::aSentStageAlwaysWins()
{
    // Status 5 would derive "cancel"; the engine says trash, and says it is not derived.
    const ListResult result = ReplyParser::parseListReply(
        200, R"({"9":{"id":9,"stage":"trash","status":5,"status_text":"Отмена"}})");
    QCOMPARE(result.rows.at(0).stage, QStringLiteral("trash"));
    QVERIFY(!result.rows.at(0).stageDerived);
}

void TestReplyParser::olderAddWithoutUidConfirmsTheSentId()
{
    AddResult result = ReplyParser::parseAddReply(200, R"({"status":"ok","id":98765})", QString(),
                                                  QStringLiteral("20261203000001"));
    QVERIFY(result.ok());
    QCOMPARE(result.networkOrderId, QStringLiteral("98765"));
    QCOMPARE(result.ourOrderId, QStringLiteral("20261203000001"));
    // A uid, when sent, is what the network says; "auto" names no id of ours to confirm.
    result = ReplyParser::parseAddReply(200, R"({"status":"ok","id":1,"uid":555})", QString(),
                                        QStringLiteral("777"));
    QCOMPARE(result.ourOrderId, QStringLiteral("555"));
    result = ReplyParser::parseAddReply(200, R"({"status":"ok","id":1})", QString(), QStringLiteral("auto"));
    QVERIFY(result.ok());
    QVERIFY(result.ourOrderId.isEmpty());
}

void TestReplyParser::olderErrorCodes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    for (const char *code : {"data", "no-offer-code", "app", "func"}) {
        QTest::addRow("error_text %s", code)
            << (QByteArray(R"({"status":"error","error_text":")") + code + "\"}")
            << QString::fromLatin1(code);
        QTest::addRow("error %s", code)
            << (QByteArray(R"({"status":"error","error":")") + code + "\"}") << QString::fromLatin1(code);
    }
}

void TestReplyParser::olderErrorCodes()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    const AddResult added = ReplyParser::parseAddReply(200, body);
    QVERIFY(added.error.isService());
    QCOMPARE(added.error.code, code);
    // In words, not the "refused with the code" sentence of a code nobody knows.
    const QString unknownCodeSentence = ErrorCatalog::describe(Kind::Service, QStringLiteral("zz-unknown"))
                                            .replace(QStringLiteral("zz-unknown"), code);
    QVERIFY2(added.error.message != unknownCodeSentence, qPrintable(added.error.message));
    const ListResult listed = ReplyParser::parseListReply(200, body);
    QVERIFY(listed.error.isService());
    QCOMPARE(listed.error.code, code);
}

QTEST_APPLESS_MAIN(TestReplyParser)
#include "tst_replyparser.moc"

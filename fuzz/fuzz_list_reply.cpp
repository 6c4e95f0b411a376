// ReplyParser::parseListReply: any body, under the HTTP statuses that take different paths (success, a
// 4xx that may carry the service's error object, a 5xx).
#include "FuzzSupport.h"
#include "ReplyFuzzing.h"
#include "api/ReplyParser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const int httpStatus : {200, 0, 404, 503}) {
        const ListResult result = ReplyParser::parseListReply(httpStatus, body, ReplyFuzzing::secret());
        ReplyFuzzing::checkError(result.error, body);
        if (!result.error.isOk())
            FUZZ_CHECK(result.rows.isEmpty(), QStringLiteral("a failed list.json reply must not yield rows"));
        for (const StatusRow &row : result.rows) {
            // The poller matches rows to journal entries by our id: a row without one would be orphaned.
            FUZZ_CHECK(!row.ourOrderId.isEmpty(), QString::fromUtf8(body.left(200)));
            FUZZ_CHECK(row.ourOrderId == row.ourOrderId.trimmed(), row.ourOrderId);
            // Rows are stored, shown and exported: none of their words may carry the key.
            for (const QString &text : {row.ourOrderId, row.networkOrderId, row.source, row.stage,
                                        row.comment, row.statusText, row.reasonText, row.stageText})
                FUZZ_CHECK(!text.contains(ReplyFuzzing::secret(), Qt::CaseInsensitive), text);
        }
        if (httpStatus >= 500)
            FUZZ_CHECK(result.error.isTransport(), QStringLiteral("a 5xx is never a verdict on the lead"));
    }
    ReplyFuzzing::checkRefusesRawControlCharacters(body);
    ReplyFuzzing::checkReadsWhatQtWrites(body);
    return 0;
}

// ReplyParser::parseAddReply: any body, under the HTTP statuses that take different paths (success, a
// 4xx that may carry the service's error object, a 5xx).
#include "FuzzSupport.h"
#include "ReplyFuzzing.h"
#include "api/ReplyParser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const int httpStatus : {200, 0, 403, 502}) {
        const AddResult result = ReplyParser::parseAddReply(httpStatus, body, ReplyFuzzing::secret());
        ReplyFuzzing::checkError(result.error, body);
        if (result.ok()) {
            FUZZ_CHECK(httpStatus == 200 || httpStatus == 0, QString::number(httpStatus));
            FUZZ_CHECK(!result.networkOrderId.contains(ReplyFuzzing::secret(), Qt::CaseInsensitive),
                       result.networkOrderId);
            FUZZ_CHECK(!result.ourOrderId.contains(ReplyFuzzing::secret(), Qt::CaseInsensitive),
                       result.ourOrderId);
        } else {
            FUZZ_CHECK(result.networkOrderId.isEmpty() && result.ourOrderId.isEmpty(),
                       QStringLiteral("a failed add.json reply must not hand out ids"));
        }
        if (httpStatus >= 500)
            FUZZ_CHECK(result.error.isTransport(), QStringLiteral("a 5xx is never a verdict on the lead"));
    }
    ReplyFuzzing::checkRefusesRawControlCharacters(body);
    ReplyFuzzing::checkReadsWhatQtWrites(body);
    return 0;
}

#pragma once

#include "ApiTypes.h"

#include <QByteArray>
#include <QString>

// Reads the replies of add.json and list.json as the service really sends them (docs/API.md points 3-7):
// errors with HTTP 200, `error_text` instead of `error`, numbers as strings, ids of any length kept as
// exact strings, list.json as an object keyed by id or an array of rows or []/{} or an error object, and
// unknown fields ignored. Rows of older engine builds (no stage, only status and status_text) get the
// stage their status stands for, marked as derived (StatusCatalog::derivedStage). Anything that is not a
// usable JSON answer (an HTML page, an empty, truncated or malformed body, a 5xx or a redirect) becomes a
// Transport error with a short snippet of what came back; `secret` (the API key) is redacted from that
// snippet.
namespace ReplyParser {

// `sentOrderId`: the order id the request carried; an answer without "uid" (older engine builds)
// confirms it. "auto" (or nothing) confirms none.
AddResult parseAddReply(int httpStatus, const QByteArray &body, const QString &secret = {},
                        const QString &sentOrderId = {});
// Runs on the thread that received the reply (the window's): a 50-row answer takes well under 0.1 ms
// (measured: 60-90 us; a refresh of 10,000 leads, 200 answers, about 15 ms in all, spread over the
// refresh), which no user can feel, so it is not moved to another thread.
ListResult parseListReply(int httpStatus, const QByteArray &body, const QString &secret = {});

// A status, reason or count given as text: "5", "5.0", " 5 " -> 5; anything else -> fallback.
int lenientInt(const QString &text, int fallback);

} // namespace ReplyParser

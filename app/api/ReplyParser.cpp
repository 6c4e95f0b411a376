#include "ReplyParser.h"

#include "ErrorCatalog.h"
#include "JsonReader.h"
#include "Redaction.h"
#include "leads/StatusCatalog.h"

#include <cmath>
#include <optional>

namespace ReplyParser {

namespace {

// A service code goes into messages and tables: a server that echoes the request there must not carry the
// key along.
ApiError serviceError(const QString &code, int httpStatus, const QString &secret)
{
    return ErrorCatalog::makeError(ApiError::Kind::Service, Redaction::redact(code, secret), httpStatus);
}

ApiError transportError(const QString &code, int httpStatus, const QByteArray &body, const QString &secret)
{
    return ErrorCatalog::makeError(ApiError::Kind::Transport, code, httpStatus,
                                   Redaction::snippet(body, secret));
}

QString memberText(const JsonValue &object, QStringView key)
{
    const JsonValue *value = object.member(key);
    return value && value->isScalar() ? value->scalarText().trimmed() : QString();
}

// {"status":"error","error":"duplicate"}, {"status":"error","error_text":"key"}, {"error":"db"}...
// Returns the code (possibly empty) when the object is an error answer.
std::optional<QString> serviceErrorCode(const JsonValue &root)
{
    if (!root.isObject())
        return std::nullopt;
    const QString status = memberText(root, u"status").toLower();
    QString code = memberText(root, u"error");
    if (code.isEmpty() || code == u"true" || code == u"false")
        code = memberText(root, u"error_text");
    if (status == u"error")
        return code;
    if (status != u"ok" && !code.isEmpty())
        return code;
    return std::nullopt;
}

// "5", 5, "5.0", 5.0 -> 5; anything else (a missing member, an object) -> fallback.
int lenientInt(const JsonValue *value, int fallback)
{
    return value && value->isScalar() ? ReplyParser::lenientInt(value->scalarText(), fallback) : fallback;
}

// Status and reason codes are positive; a "count" of -1 means "not sent".
// Whatever a reply hands out is stored, shown, exported and logged; a reply that echoes the key in a
// value (a broken or hostile server, a proxy) must not bring it in with it.
bool carriesSecret(const QString &text, const QString &secret)
{
    return !secret.isEmpty() && text.contains(secret, Qt::CaseInsensitive);
}

void redactRow(StatusRow &row, const QString &secret)
{
    for (QString *text : {&row.networkOrderId, &row.source, &row.stage, &row.comment, &row.statusText,
                          &row.reasonText, &row.stageText}) {
        if (carriesSecret(*text, secret))
            *text = Redaction::redact(*text, secret);
    }
}

StatusRow readRow(const JsonValue &object, const QString &keyId)
{
    StatusRow row;
    // In list.json "id" is OUR order id (the object key repeats it) and "uid" is the NETWORK's.
    row.ourOrderId = memberText(object, u"id");
    if (row.ourOrderId.isEmpty())
        row.ourOrderId = keyId.trimmed();
    row.networkOrderId = memberText(object, u"uid");
    row.source = memberText(object, u"src");
    row.stage = memberText(object, u"stage");
    row.status = lenientInt(object.member(u"status"), 0);
    row.reason = lenientInt(object.member(u"reason"), 0);
    row.count = lenientInt(object.member(u"count"), -1);
    const JsonValue *comment = object.member(u"comment");
    if (comment && comment->isScalar())
        row.comment = comment->scalarText();
    // The engine's own words for its codes; older builds send status_text alone (docs/API.md point 11).
    row.statusText = memberText(object, u"status_text");
    row.reasonText = memberText(object, u"reason_text");
    row.stageText = memberText(object, u"stage_text");
    if (row.stage.isEmpty()) {
        row.stage = StatusCatalog::derivedStage(row.status, row.reason);
        row.stageDerived = !row.stage.isEmpty();
    }
    return row;
}

bool isSuccess(int httpStatus)
{
    return httpStatus == 0 || (httpStatus >= 200 && httpStatus < 300);
}

// The checks every reply goes through; returns the parsed document, or fills `error`.
std::optional<JsonValue> readDocument(int httpStatus, const QByteArray &body, const QString &secret,
                                      ApiError &error)
{
    const bool success = isSuccess(httpStatus);
    JsonReader::Result parsed = JsonReader::parse(body);

    if (!success) {
        // A 4xx that carries the service's own error object is still the service's verdict; 5xx,
        // redirects and anything else without one are the way there failing.
        if (httpStatus >= 400 && httpStatus < 500 && parsed.status == JsonReader::Status::Ok) {
            if (const auto code = serviceErrorCode(parsed.value)) {
                error = serviceError(*code, httpStatus, secret);
                return std::nullopt;
            }
        }
        error = transportError(QStringLiteral("http"), httpStatus, body, secret);
        return std::nullopt;
    }
    if (body.trimmed().startsWith('<')) {
        error = transportError(QStringLiteral("html"), httpStatus, body, secret);
        return std::nullopt;
    }
    switch (parsed.status) {
    case JsonReader::Status::Ok:
        break;
    case JsonReader::Status::Empty:
        error = transportError(QStringLiteral("empty"), httpStatus, body, secret);
        return std::nullopt;
    case JsonReader::Status::Truncated:
        error = transportError(QStringLiteral("truncated"), httpStatus, body, secret);
        return std::nullopt;
    case JsonReader::Status::Malformed:
        error = transportError(QStringLiteral("json"), httpStatus, body, secret);
        return std::nullopt;
    }
    if (const auto code = serviceErrorCode(parsed.value)) {
        error = serviceError(*code, httpStatus, secret);
        return std::nullopt;
    }
    return std::move(parsed.value);
}

} // namespace

AddResult parseAddReply(int httpStatus, const QByteArray &body, const QString &secret,
                        const QString &sentOrderId)
{
    AddResult result;
    const std::optional<JsonValue> root = readDocument(httpStatus, body, secret, result.error);
    if (!root)
        return result;
    const QString status = memberText(*root, u"status").toLower();
    // In add.json "id" is the NETWORK's order id and "uid" is OURS (the one it made when we sent "auto").
    const QString networkId = memberText(*root, u"id");
    // Success needs "ok", or at least no status and an order id. Anything else is not a verdict: the lead
    // may or may not be there, and a retry with the same id settles it.
    if (!root->isObject() || !(status == u"ok" || (status.isEmpty() && !networkId.isEmpty()))) {
        result.error = transportError(QStringLiteral("json"), httpStatus, body, secret);
        return result;
    }
    // An order id is kept for good: one that carries the key is no id, and no verdict on the lead either.
    const QString ourId = memberText(*root, u"uid");
    if (carriesSecret(networkId, secret) || carriesSecret(ourId, secret)) {
        result.error = transportError(QStringLiteral("json"), httpStatus, body, secret);
        return result;
    }
    result.networkOrderId = networkId;
    result.ourOrderId = ourId;
    // Older engine builds leave "uid" out: the lead is stored under the id we sent. "auto" names none.
    if (result.ourOrderId.isEmpty() && sentOrderId.compare(u"auto", Qt::CaseInsensitive) != 0)
        result.ourOrderId = sentOrderId.trimmed();
    return result;
}

int lenientInt(const QString &text, int fallback)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    const int asInt = trimmed.toInt(&ok);
    if (ok)
        return asInt;
    const double asDouble = trimmed.toDouble(&ok);
    if (ok && std::isfinite(asDouble) && asDouble == std::floor(asDouble) && std::fabs(asDouble) < 1e9)
        return static_cast<int>(asDouble);
    return fallback;
}

ListResult parseListReply(int httpStatus, const QByteArray &body, const QString &secret)
{
    ListResult result;
    const std::optional<JsonValue> root = readDocument(httpStatus, body, secret, result.error);
    if (!root)
        return result;
    if (!root->isObject() && !root->isArray()) {
        result.error = transportError(QStringLiteral("json"), httpStatus, body, secret);
        return result;
    }
    // Keyed by our id ({"1234": {...}}), or an array of rows; scalar members ("status": "ok") are not rows.
    result.rows.reserve(qsizetype(root->children().size()));
    for (size_t i = 0; i < root->children().size(); ++i) {
        const JsonValue &child = root->children()[i];
        if (!child.isObject())
            continue;
        StatusRow row = readRow(child, root->isObject() ? root->keys()[i] : QString());
        // Our ids never carry the key: such a row answers for no lead of ours.
        if (row.ourOrderId.isEmpty() || carriesSecret(row.ourOrderId, secret))
            continue;
        redactRow(row, secret);
        result.rows.append(std::move(row));
    }
    return result;
}

} // namespace ReplyParser

#pragma once

#include "FormCodec.h"
#include "leads/Lead.h"

#include <QByteArray>

// Turns a Lead into the body of an add.json request, in either of the two encodings the service takes.
// Fields come in the order of the API document's examples (id, wm, offer, ip, name, phone, ..., country,
// ..., items, params) so that bodies are stable and can be pinned by tests and signed. Empty fields are
// not sent at all: the service treats a present-but-empty field differently from a missing one.
namespace LeadEncoder {

// The flattened name/value pairs in PHP bracket notation: items[0][id], params[sirname]...
FormCodec::Pairs formPairs(const Lead &lead);

// application/x-www-form-urlencoded, byte for byte as PHP's http_build_query() writes it.
QByteArray formBody(const Lead &lead);

// application/json, compact, keys in document order. Ids, prices and counts go out as JSON numbers when
// they are plain numbers any JSON reader keeps exactly, otherwise as strings; the phone is always a string.
QByteArray jsonBody(const Lead &lead);

// How a price (a double) is written in both encodings: the shortest text that reads back to the same
// value, never in exponent form ("9900", "99.9").
QString priceText(double price);

} // namespace LeadEncoder

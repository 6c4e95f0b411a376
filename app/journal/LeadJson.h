#pragma once

#include "leads/Lead.h"

#include <QByteArray>

// The journal's record of a lead exactly as the operator gave it: every field, as JSON text.
// Strings stay strings (ids and prices are never turned into doubles); empty fields are left out.
namespace LeadJson {

QByteArray toJson(const Lead &lead);
// Returns false (and leaves *lead untouched) when the text is not a JSON object.
bool fromJson(const QByteArray &json, Lead *lead);

} // namespace LeadJson

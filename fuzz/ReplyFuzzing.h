#pragma once

#include "api/ApiTypes.h"

#include <QByteArray>
#include <QString>

// Properties shared by the add.json and list.json reply targets.
namespace ReplyFuzzing {

// The key the targets hand to the parser; seeds put it in bodies in several places and spellings.
QString secret();

// Whatever came back, an error must be well formed and must never carry the key.
void checkError(const ApiError &error, const QByteArray &body);

// JsonReader accepts no raw control character in a string (as PHP's json_decode): a body it accepts has
// no byte below 0x20 but JSON's whitespace.
void checkRefusesRawControlCharacters(const QByteArray &body);

// Whatever Qt's JSON reader makes of the body, written back as standard JSON, JsonReader reads to the same
// values, member by member in Qt's order (unless it nests deeper than JsonReader allows on purpose).
void checkReadsWhatQtWrites(const QByteArray &body);

} // namespace ReplyFuzzing

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

#include <utility>

// The "pure POST" body of the API: application/x-www-form-urlencoded with PHP's bracket notation for
// nested values. Written byte for byte as PHP's http_build_query() writes it, because request signatures
// are computed over exactly these bytes.
namespace FormCodec {

using Pairs = QList<std::pair<QString, QString>>;

// PHP urlencode(): every byte but [A-Za-z0-9_.-] percent-encoded (upper-case hex), space as '+'.
QByteArray urlencode(const QString &text);
// The same, appended to `out` (one buffer for many values, as a list of ids).
void appendUrlencoded(QByteArray &out, QStringView text);

// Joins already flattened pairs ("items[0][id]" -> "135") as http_build_query does.
QByteArray encode(const Pairs &pairs);

// Parses a body as PHP fills $_POST: "a[b][]=1" nests maps; "[]" appends; later duplicates win.
// Nested levels come back as QVariantMap (keys are text; "0", "1"... for lists). Malformed
// percent-escapes are kept literally, as PHP does; nothing here can fail. Names nested more than 64
// levels deep are dropped, as PHP does (max_input_nesting_level).
QVariantMap decode(const QByteArray &body);

} // namespace FormCodec

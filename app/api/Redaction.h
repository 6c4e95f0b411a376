#pragma once

#include <QByteArray>
#include <QString>

// Keeps the API key out of everything the client shows or logs. The key travels in the query string
// (id={user}-{key}), and proxies, servers and Qt's own error strings like to echo URLs back: whatever
// text leaves the client passes through here first.
namespace Redaction {

inline constexpr qsizetype MaxSnippetLength = 200;

// Replaces the secret, in plain and percent-encoded forms, and every URL query / `id=` parameter by "…".
QString redact(const QString &text, const QString &secret = {});

// At most MaxSnippetLength characters of a reply body for an error message: an HTML page is reduced to
// its title and text, whitespace is collapsed, and the result is redacted before it is cut (so that no
// prefix of a secret can survive the cut).
QString snippet(const QByteArray &body, const QString &secret = {});

} // namespace Redaction

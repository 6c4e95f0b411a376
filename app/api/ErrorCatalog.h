#pragma once

#include "ApiTypes.h"

#include <QString>
#include <QStringList>

// Turns an error code into a sentence an operator understands, for every code of the API document, of
// the engine, and of the transport layer. Unknown codes are never dropped: they appear, as sent, inside a
// sentence. Translated under the context "ErrorCatalog".
namespace ErrorCatalog {

// The sentence for a code of the given kind. `httpStatus` is used by the "http" transport code.
QString describe(ApiError::Kind kind, const QString &code, int httpStatus = 0);

// A complete ApiError: the code as given, its sentence, the status and the snippet as given (the caller
// makes sure the snippet is short and key-free).
// Why a server's certificate was refused and what to check, with its SHA-256 fingerprint; `pinned`: the
// profile pins another certificate.
QString untrustedCertificateSentence(const QString &fingerprint, bool pinned);

ApiError makeError(ApiError::Kind kind, const QString &code, int httpStatus = 0, const QString &snippet = {});

// "sentence (code: duplicate)": the form shown in tables and notifications, so that support can be told
// the exact code.
QString displayText(const ApiError &error);

// Codes this catalogue has a specific sentence for.
QStringList knownServiceCodes();
QStringList knownTransportCodes();

} // namespace ErrorCatalog

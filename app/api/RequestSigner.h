#pragma once

#include <QByteArray>
#include <QString>

// Signed requests (docs/API.md point 10): instead of the key, the query carries id={user}-{sign}, where
// sign is the lowercase hex HMAC-SHA1, keyed by the API key, of the exact form-encoded body with the
// fields _nonce (random) and _timer (Unix time) appended. The key itself never travels.
namespace RequestSigner {

struct SignedBody
{
    QByteArray body;   // the form body with &_nonce=...&_timer=... appended: send exactly these bytes
    QString signature; // lowercase hex HMAC-SHA1 of `body`
};

// Deterministic form, for tests and for a verifier that already knows nonce and time.
SignedBody sign(const QByteArray &formBody, const QString &key, const QString &nonce, qint64 unixTime);

// With a fresh random nonce and the current time.
SignedBody sign(const QByteArray &formBody, const QString &key);

// The lowercase hex HMAC-SHA1 of exactly these bytes.
QString signature(const QByteArray &exactBody, const QString &key);

// 32 lowercase hex digits from the system's cryptographic random source.
QString randomNonce();

} // namespace RequestSigner

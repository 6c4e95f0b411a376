#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QSslCertificate;
class QSslError;

// A profile's trust in one certificate that no authority vouches for (a self-signed one, a company's
// own server): its SHA-256 fingerprint, written as browsers and `openssl x509 -fingerprint -sha256` show
// it. The only way a TLS error is ever ignored: every error must be about exactly that certificate.
namespace CertificatePin {

// The 32 bytes of a fingerprint written with or without colons or spaces, in either case; empty when the
// text is not one.
QByteArray parse(const QString &text);
// "AB:CD:…" (95 characters) for 32 bytes.
QString display(const QByteArray &digest);
QByteArray fingerprint(const QSslCertificate &certificate);

// True when every error names a certificate and each of those has the pinned fingerprint.
bool coversAll(const QByteArray &pinnedDigest, const QList<QSslError> &errors);

} // namespace CertificatePin

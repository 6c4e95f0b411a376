#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

// The certificate and key cpadesk-sandbox serves HTTPS with: read from PEM files, or a self-signed pair
// made for 127.0.0.1 by the `openssl` command line (Qt can read certificates and keys but not make them).
struct SandboxTls
{
    QSslCertificate certificate;
    QSslKey key;

    bool isValid() const { return !certificate.isNull() && !key.isNull(); }

    // PEM files; an RSA or EC key without a passphrase. On failure an invalid pair and *error says why.
    static SandboxTls load(const QString &certificateFile, const QString &keyFile, QString *error);
    // Runs `openssl req -x509` into `folder` (cert.pem, key.pem; valid 30 days, for 127.0.0.1 and
    // localhost) and loads the result. On failure (no openssl on PATH, say) an invalid pair and *error.
    static SandboxTls generateSelfSigned(const QString &folder, QString *error);
};

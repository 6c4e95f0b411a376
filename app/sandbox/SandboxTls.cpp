#include "SandboxTls.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SandboxTls", text);
}

QByteArray readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return {};
    }
    return file.readAll();
}

} // namespace

SandboxTls SandboxTls::load(const QString &certificateFile, const QString &keyFile, QString *error)
{
    SandboxTls tls;
    const QByteArray certificatePem = readFile(certificateFile, error);
    if (certificatePem.isEmpty())
        return tls;
    const QByteArray keyPem = readFile(keyFile, error);
    if (keyPem.isEmpty())
        return tls;
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = tr("%1 holds no PEM certificate.").arg(QDir::toNativeSeparators(certificateFile));
        return tls;
    }
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        const QSslKey key(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull()) {
            tls.key = key;
            break;
        }
    }
    if (tls.key.isNull()) {
        *error = tr("%1 holds no RSA or EC private key without a passphrase.")
                     .arg(QDir::toNativeSeparators(keyFile));
        return tls;
    }
    tls.certificate = certificates.constFirst();
    return tls;
}

SandboxTls SandboxTls::generateSelfSigned(const QString &folder, QString *error)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        *error = tr("--tls needs the openssl command to make a certificate; install it, or give "
                    "--tls-cert and --tls-key.");
        return SandboxTls();
    }
    const QString certificateFile = QDir(folder).filePath(QStringLiteral("cert.pem"));
    const QString keyFile = QDir(folder).filePath(QStringLiteral("key.pem"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // An EC key: made in milliseconds, where RSA takes a noticeable moment.
    process.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                            QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                            QStringLiteral("-keyout"), keyFile, QStringLiteral("-out"), certificateFile,
                            QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                            QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                            QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = tr("openssl could not make a certificate: %1")
                     .arg(QString::fromLocal8Bit(process.readAll()).trimmed().left(300));
        return SandboxTls();
    }
    return load(certificateFile, keyFile, error);
}

#include "CertificatePin.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslError>

namespace CertificatePin {

QByteArray parse(const QString &text)
{
    QByteArray hex;
    for (const QChar c : text) {
        if (c == u':' || c.isSpace())
            continue;
        const bool hexDigit =
            (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        if (!hexDigit)
            return {};
        hex += c.toLatin1();
    }
    const QByteArray digest = QByteArray::fromHex(hex);
    return hex.size() == 64 && digest.size() == 32 ? digest : QByteArray();
}

QString display(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QByteArray fingerprint(const QSslCertificate &certificate)
{
    return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256);
}

bool coversAll(const QByteArray &pinnedDigest, const QList<QSslError> &errors)
{
    if (pinnedDigest.isEmpty() || errors.isEmpty())
        return false;
    for (const QSslError &error : errors) {
        if (fingerprint(error.certificate()) != pinnedDigest)
            return false;
    }
    return true;
}

} // namespace CertificatePin

#include "RequestSigner.h"

#include "FormCodec.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace RequestSigner {

SignedBody sign(const QByteArray &formBody, const QString &key, const QString &nonce, qint64 unixTime)
{
    const FormCodec::Pairs extra{{QStringLiteral("_nonce"), nonce},
                                 {QStringLiteral("_timer"), QString::number(unixTime)}};
    SignedBody result;
    result.body = formBody;
    if (!result.body.isEmpty())
        result.body += '&';
    result.body += FormCodec::encode(extra);
    result.signature = signature(result.body, key);
    return result;
}

SignedBody sign(const QByteArray &formBody, const QString &key)
{
    return sign(formBody, key, randomNonce(), QDateTime::currentSecsSinceEpoch());
}

QString signature(const QByteArray &exactBody, const QString &key)
{
    const QByteArray mac =
        QMessageAuthenticationCode::hash(exactBody, key.toUtf8(), QCryptographicHash::Sha1);
    return QString::fromLatin1(mac.toHex());
}

QString randomNonce()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray bytes(reinterpret_cast<const char *>(words), sizeof(words));
    return QString::fromLatin1(bytes.toHex());
}

} // namespace RequestSigner

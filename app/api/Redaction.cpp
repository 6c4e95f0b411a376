#include "Redaction.h"

#include "FormCodec.h"

#include <QRegularExpression>
#include <QUrl>

namespace Redaction {

namespace {

const QString ellipsis = QStringLiteral("\u2026");

QString htmlToText(const QString &html)
{
    static const QRegularExpression invisible(QStringLiteral("<(script|style)\\b.*?</\\1\\s*>"),
                                              QRegularExpression::CaseInsensitiveOption |
                                                  QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>?"));
    QString text = html;
    text.remove(invisible);
    text.replace(tag, QStringLiteral(" "));
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&#39;"), QLatin1String("'"));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

bool looksLikeHtml(const QByteArray &body)
{
    return body.trimmed().startsWith('<');
}

} // namespace

QString redact(const QString &text, const QString &secret)
{
    QString result = text;
    if (!secret.isEmpty()) {
        const QString forms[] = {secret, QString::fromLatin1(FormCodec::urlencode(secret)),
                                 QString::fromLatin1(QUrl::toPercentEncoding(secret))};
        for (const QString &form : forms)
            result.replace(form, ellipsis, Qt::CaseInsensitive);
    }
    // The query of any URL, then any id= parameter left (a URL cut in two, a form body echoed back).
    static const QRegularExpression urlQuery(QStringLiteral("(\\w+://[^\\s?#\"'<>]*)\\?[^\\s#\"'<>]*"));
    static const QRegularExpression idParameter(QStringLiteral("(^|[?&\\s])(id=)[^&\\s\"'<>]*"));
    result.replace(urlQuery, QStringLiteral("\\1?") + ellipsis);
    result.replace(idParameter, QStringLiteral("\\1\\2") + ellipsis);
    return result;
}

QString snippet(const QByteArray &body, const QString &secret)
{
    // A proxy's error page can be megabytes; its first part says what it is.
    constexpr qsizetype maxExamined = 32 * 1024;
    QString text = QString::fromUtf8(body.left(maxExamined));
    if (looksLikeHtml(body))
        text = htmlToText(text);
    text = redact(text.simplified(), secret);
    if (text.size() > MaxSnippetLength)
        text = text.left(MaxSnippetLength - ellipsis.size()) + ellipsis;
    return text;
}

} // namespace Redaction

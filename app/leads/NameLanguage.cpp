#include "NameLanguage.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace NameLanguage {

QString current()
{
    const QString code = QCoreApplication::translate("NameLanguage", "en",
                                                     "ISO 639 code of the language of this translation, e.g. "
                                                     "ru: country and currency names are shown in it");
    static const QRegularExpression languageCode(QStringLiteral("^[a-z]{2,3}$"));
    return languageCode.match(code).hasMatch() ? code : QStringLiteral("en");
}

QByteArray icuLocale()
{
    return current().toLatin1();
}

} // namespace NameLanguage

#include "SandboxCatalogue.h"

namespace SandboxCatalogue {

const QList<SandboxOffer> &offers()
{
    // Names are demo data the network would send, not text of CPA Desk: they are not translated.
    static const QList<SandboxOffer> catalogue{
        {QStringLiteral("217"),
         QStringLiteral("Demo: green tea slim"),
         1990,
         QStringLiteral("RUB"),
         {},
         false},
        {QStringLiteral("311"),
         QStringLiteral("Demo: chronograph watch"),
         9900,
         QStringLiteral("RUB"),
         {{QStringLiteral("135"), 9900}, {QStringLiteral("136"), 12900}},
         false},
        {QStringLiteral("412"),
         QStringLiteral("Demo: knee brace"),
         2490,
         QStringLiteral("KZT"),
         {{QStringLiteral("501"), 2490}, {QStringLiteral("502"), 3990}, {QStringLiteral("503"), 990}},
         false},
        {QStringLiteral("530"), QStringLiteral("Demo: hair serum"), 39, QStringLiteral("EUR"), {}, false},
        {QStringLiteral("999"),
         QStringLiteral("Demo: paused campaign"),
         1490,
         QStringLiteral("RUB"),
         {},
         true},
    };
    return catalogue;
}

const SandboxOffer *findOffer(const QString &id)
{
    for (const SandboxOffer &offer : offers()) {
        if (offer.id == id)
            return &offer;
    }
    return nullptr;
}

QStringList activeOfferIds()
{
    QStringList ids;
    for (const SandboxOffer &offer : offers()) {
        if (!offer.blocked)
            ids << offer.id;
    }
    return ids;
}

QString blockedOfferId()
{
    for (const SandboxOffer &offer : offers()) {
        if (offer.blocked)
            return offer.id;
    }
    return {};
}

QStringList bannedPhones()
{
    // Not the phones of the API document's examples (79000000000, 77000000000): those must be accepted.
    return {QStringLiteral("79999999999"), QStringLiteral("77777777777")};
}

QStringList bannedIps()
{
    return {QStringLiteral("203.0.113.66")}; // TEST-NET-3: never a real customer
}

QString engineStatusWords(int status)
{
    static const QStringList words{
        QStringLiteral("Новый"),    QStringLiteral("Обработка"), QStringLiteral("Перезвонить"),
        QStringLiteral("Холд"),     QStringLiteral("Отмена"),    QStringLiteral("Упаковка"),
        QStringLiteral("Отправка"), QStringLiteral("В пути"),    QStringLiteral("Прибыл"),
        QStringLiteral("Выполнен"), QStringLiteral("Возврат"),   QStringLiteral("Удален"),
    };
    if (status >= 1 && status <= words.size())
        return words.at(status - 1);
    return QStringLiteral("Особый статус %1").arg(status);
}

} // namespace SandboxCatalogue

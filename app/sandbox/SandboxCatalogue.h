#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// The demo catalogue of the sandbox: a few offers a newcomer can send leads to, one blocked offer, and
// the customers the network refuses. Fixed data, so that tests and the UI can rely on it.
struct SandboxOffer
{
    QString id;
    QString name;
    double price = 0;                        // unit price of the offer itself, in `currency`
    QString currency;                        // ISO 4217
    QList<std::pair<QString, double>> goods; // nested goods (id, unit price); empty when the offer has none
    bool blocked = false;                    // the network stopped taking traffic for it: `traffic`
};

namespace SandboxCatalogue {

const QList<SandboxOffer> &offers();
const SandboxOffer *findOffer(const QString &id); // nullptr when the network has no such offer
QStringList activeOfferIds();
QString blockedOfferId();
QStringList bannedPhones();
QStringList bannedIps();
// The words an older engine sends as status_text, in the network's language (Russian): data of the
// emulated service, not text of this program. A code it does not know reads "Особый статус N".
QString engineStatusWords(int status);

} // namespace SandboxCatalogue

#pragma once

#include "api/ApiClient.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

// One account on one network built on this engine. The key is NOT here: it lives in the CredentialStore
// under the profile's id, so that a Profile can be copied, compared, logged and saved freely.
struct Profile
{
    QString id; // stable, made once when the profile is created; the journal files leads under it
    QString name;
    QUrl baseUrl; // empty for the sandbox: the app fills it in at run time
    QString userId;
    BodyEncoding encoding = BodyEncoding::Form;
    bool signRequests = false;
    bool isSandbox = false; // the built-in emulator on 127.0.0.1
    // The SHA-256 fingerprint of a certificate no authority vouches for (a self-signed one) that this
    // account's server may present, as the user typed it (CertificatePin::parse reads it); empty: none.
    QString certificatePin;
    // list.json requests a refresh keeps in flight; 0: by protocol (ApiLeadTransport), at most
    // ApiLeadTransport::MaxParallelFetches.
    int parallelRefreshRequests = 0;

    // Pre-filled into every new lead.
    QString defaultWm;
    QString defaultIp;
    QString defaultUserAgent;
    QString defaultCountry;
    QString defaultCurrency;

    // What keeps this profile from working, one translated sentence each; empty when usable.
    QStringList problems() const;
    // The name the user reads everywhere (switcher, title, status bar, settings): the sandbox has one
    // fixed, translated name, whatever language was active when its profile was first saved.
    QString displayName() const;
    // What the profile lacks to reach its account with this key, as a translated sentence naming the
    // profile ("… has no user id and no key."); empty when the user id and the key are both there.
    QString missingCredentials(const QString &key) const;

    bool operator==(const Profile &other) const;
    bool operator!=(const Profile &other) const { return !(*this == other); }
};

Q_DECLARE_METATYPE(Profile)

// Everything the API client needs to reach the profile's account.
ApiConfig configFor(const Profile &profile, const QString &key);

// The default base URL offered for a new profile.
QUrl defaultBaseUrl();

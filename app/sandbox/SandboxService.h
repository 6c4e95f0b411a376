#pragma once

#include "Sandbox.h"
#include "SandboxLifecycle.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <optional>

// The emulated service behind the HTTP layer: authentication, the two calls, the stored leads and
// their lifecycle clock, and the state file format. Knows nothing of sockets, so the HTTP layer can
// inject faults around it. Thread-safe: the server thread handles requests while tests, benchmarks and
// the GUI inspect and steer it.
class SandboxService
{
public:
    explicit SandboxService(const SandboxOptions &options);

    // `idParameter` is the decoded value of the query's `id` ({user}-{key} or {user}-{sign}).
    // Both return the JSON body of the answer (always with HTTP 200, as the real service does).
    // `stored` tells whether add() stored a lead (the HTTP layer needs it for "stored, then dropped").
    QByteArray add(const QString &idParameter, const QByteArray &contentType, const QByteArray &body,
                   bool *stored = nullptr);
    QByteArray list(const QString &idParameter, const QString &queryIds, bool queryHasIds,
                    const QByteArray &contentType, const QByteArray &body);

    int storedLeadCount() const;
    int timesStored(const QString &ourOrderId) const;
    QStringList storedOrderIds() const;
    // How many orders clients asked for this customer (digits of the phone) and offer: every accepted-
    // looking add.json with an order id not stored before, or with "auto", counted BEFORE the duplicate
    // checks. A network that does not deduplicate would hold this many orders; above 1 is a duplicate
    // the client made, even though this sandbox refused to store it. A resend of a stored id is not one.
    int ordersRequested(const QString &phoneDigits, const QString &offer) const;
    QHash<QString, int> ordersRequestedByCustomer() const; // "phone|offer" -> count, as above

    void advanceClock(qint64 seconds);
    qint64 clockSeconds() const;
    bool setLeadState(const QString &ourOrderId, const QString &stage, int status, int reason);

    // Called (on the calling thread, outside the lock) after every change worth saving.
    void setChangeListener(std::function<void()> listener);

    QByteArray saveState() const;
    bool loadState(const QByteArray &json); // false (and nothing changed) when it is not a state file

    static constexpr int MaxListIds = 50;
    static constexpr qint64 DuplicateWindowSeconds = 24 * 60 * 60;

private:
    struct ForcedState
    {
        QString stage;
        int status = 0;
        int reason = 0;
    };
    struct StoredLead
    {
        QString ourOrderId;
        QString networkOrderId;
        QString offer;
        QString phone; // digits only
        QString ip;
        QString source;      // wm
        int count = -1;      // -1: the lead said nothing about the quantity
        qint64 storedAt = 0; // sandbox clock
        quint32 lifeSeed = 0;
        QList<SandboxLeadStep> plan;
        std::optional<ForcedState> forced;
    };
    enum class BodyError
    {
        None,
        Undecodable
    };

    bool isAuthorised(const QString &idParameter, const QByteArray &body) const;
    // A refusal with this code, in the shape of the engine build emulated.
    QByteArray refusal(const char *code) const;
    static QVariantMap decodeBody(const QByteArray &contentType, const QByteArray &body, BodyError *error);
    QByteArray addLocked(const QVariantMap &fields, bool *stored);
    QString nextAutoIdLocked();
    void appendListRowLocked(QByteArray &out, const StoredLead &lead, qint64 now) const;
    qint64 clockLocked() const;
    void insertLocked(StoredLead lead);
    void notifyChanged();

    const QString m_user;
    const QString m_key;
    const double m_speed;
    const quint32 m_seed;
    const bool m_olderEngine;

    mutable QMutex m_mutex;
    QElapsedTimer m_elapsed;
    qint64 m_clockOffset = 0; // the clock saved in a state file plus every advanceClock()
    QList<StoredLead> m_leads;
    QHash<QString, qsizetype> m_leadIndex;   // our order id -> index in m_leads
    QHash<QString, int> m_timesStored;       // our order id -> how many times it was stored
    QHash<QString, qint64> m_lastPhoneOffer; // "phone|offer" -> sandbox time it was last stored
    QHash<QString, int> m_ordersRequested;   // "phone|offer" -> see ordersRequested()
    quint64 m_nextNetworkId = 500001;
    quint64 m_nextAutoId = 900000001;
    std::function<void()> m_changeListener;
};

#include "SandboxService.h"

#include "SandboxCatalogue.h"
#include "SandboxLog.h"
#include "api/FormCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>

namespace {

constexpr int StateVersion = 1;
// list.json "time": a plausible Unix time for the sandbox clock's zero.
constexpr qint64 ClockEpoch = 1700000000;

QByteArray errorBody(const char *code)
{
    return QByteArray(R"({"status":"error","error":")") + code + "\"}";
}

// Engine-level failures of the real service come as "error_text" rather than "error" (docs/API.md
// point 3); the sandbox does the same, so that clients meet both forms.
QByteArray engineErrorBody(const char *code)
{
    return QByteArray(R"({"status":"error","error_text":")") + code + "\"}";
}

void appendJsonString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 0x0f];
        } else {
            out += c;
        }
    }
    out += '"';
}

// Digits that a 64-bit integer holds exactly: what PHP's json_encode writes as a number. Longer ids and
// anything else go out as strings.
bool isJsonInteger(const QString &text)
{
    if (text.isEmpty() || text.size() > 18 || (text.size() > 1 && text.at(0) == QLatin1Char('0')))
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit() && c.unicode() < 128; });
}

void appendIdOrNumber(QByteArray &out, const QString &value, bool asString)
{
    if (!asString && isJsonInteger(value))
        out += value.toLatin1();
    else
        appendJsonString(out, value);
}

void appendInt(QByteArray &out, qint64 value, bool asString)
{
    if (asString)
        out += '"' + QByteArray::number(value) + '"';
    else
        out += QByteArray::number(value);
}

// A field as PHP would see it in $_POST: text, or nothing for a nested array.
QString scalar(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap:
    case QMetaType::QVariantList:
    case QMetaType::QVariantHash:
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return {};
    case QMetaType::Double: {
        const double number = value.toDouble();
        if (std::floor(number) == number && std::abs(number) < 1e15)
            return QString::number(static_cast<qint64>(number));
        return QString::number(number, 'g', 17);
    }
    default:
        return value.toString().trimmed();
    }
}

QString digitsOnly(const QString &text)
{
    QString digits;
    digits.reserve(text.size());
    for (const QChar c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits += c;
    }
    return digits;
}

// The elements of a nested value in the order the client sent them: a JSON array as it is, a PHP-style
// map ("0", "1", ... "10") by numeric key rather than QVariantMap's text order.
QVariantList elements(const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantList)
        return value.toList();
    if (value.typeId() != QMetaType::QVariantMap)
        return {};
    const QVariantMap map = value.toMap();
    QStringList keys = map.keys();
    std::stable_sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
        bool aNumeric = false;
        bool bNumeric = false;
        const qlonglong aNumber = a.toLongLong(&aNumeric);
        const qlonglong bNumber = b.toLongLong(&bNumeric);
        if (aNumeric && bNumeric)
            return aNumber < bNumber;
        return aNumeric && !bNumeric;
    });
    QVariantList list;
    list.reserve(keys.size());
    for (const QString &key : std::as_const(keys))
        list << map.value(key);
    return list;
}

// How many goods the lead ordered, when it said: items[] counts, else `count`, else the `item` list.
int orderedCount(const QVariantMap &fields)
{
    const QVariantList items = elements(fields.value(QStringLiteral("items")));
    if (!items.isEmpty()) {
        int total = 0;
        for (const QVariant &item : items) {
            bool ok = false;
            const int count = scalar(item.toMap().value(QStringLiteral("count"))).toInt(&ok);
            total += ok && count > 0 ? count : 1;
        }
        return total;
    }
    bool ok = false;
    const int count = scalar(fields.value(QStringLiteral("count"))).toInt(&ok);
    if (ok && count > 0)
        return count;
    const QString itemList = scalar(fields.value(QStringLiteral("item")));
    if (!itemList.isEmpty())
        return static_cast<int>(itemList.split(QLatin1Char(','), Qt::SkipEmptyParts).size());
    return -1;
}

bool isValidUtf8AfterPercentDecoding(const QByteArray &body)
{
    QByteArray raw = body;
    raw.replace('+', ' ');
    const QByteArray decoded = QByteArray::fromPercentEncoding(raw);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(decoded);
    return !decoder.hasError();
}

} // namespace

SandboxService::SandboxService(const SandboxOptions &options)
    : m_user(options.user), m_key(options.key), m_speed(options.speed), m_seed(options.seed),
      m_olderEngine(options.olderEngine)
{
    m_elapsed.start();
}

QByteArray SandboxService::refusal(const char *code) const
{
    if (!m_olderEngine)
        return errorBody(code);
    // Older builds give every refusal as error_text, and name a missing offer "no-offer-code".
    return engineErrorBody(qstrcmp(code, "nooffer") == 0 ? "no-offer-code" : code);
}

bool SandboxService::isAuthorised(const QString &idParameter, const QByteArray &body) const
{
    const QString prefix = m_user + QLatin1Char('-');
    if (m_user.isEmpty() || !idParameter.startsWith(prefix))
        return false;
    const QString secret = idParameter.mid(prefix.size());
    if (!secret.isEmpty() && secret == m_key)
        return true;
    // A signed request (docs/API.md point 10): lowercase hex HMAC-SHA1 of the exact body, keyed by the key.
    if (secret.size() != 40)
        return false;
    const QByteArray expected =
        QMessageAuthenticationCode::hash(body, m_key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return secret.toLatin1() == expected;
}

QVariantMap SandboxService::decodeBody(const QByteArray &contentType, const QByteArray &body,
                                       BodyError *error)
{
    *error = BodyError::None;
    const QByteArray mediaType = contentType.split(';').first().trimmed().toLower();
    if (mediaType == "application/json") {
        if (body.trimmed().isEmpty())
            return {};
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            *error = BodyError::Undecodable;
            return {};
        }
        return document.object().toVariantMap();
    }
    if (mediaType.isEmpty() || mediaType == "application/x-www-form-urlencoded") {
        if (!isValidUtf8AfterPercentDecoding(body)) {
            *error = BodyError::Undecodable;
            return {};
        }
        return FormCodec::decode(body);
    }
    // multipart/form-data, text/plain...: the engine cannot read lead fields from them.
    if (!body.isEmpty())
        *error = BodyError::Undecodable;
    return {};
}

QByteArray SandboxService::add(const QString &idParameter, const QByteArray &contentType,
                               const QByteArray &body, bool *stored)
{
    if (stored)
        *stored = false;
    if (!isAuthorised(idParameter, body))
        return refusal("key");
    BodyError bodyError = BodyError::None;
    const QVariantMap fields = decodeBody(contentType, body, &bodyError);
    if (bodyError != BodyError::None)
        return engineErrorBody("data");

    bool leadStored = false;
    QByteArray answer;
    {
        QMutexLocker locker(&m_mutex);
        answer = addLocked(fields, &leadStored);
    }
    if (stored)
        *stored = leadStored;
    if (leadStored)
        notifyChanged();
    return answer;
}

QByteArray SandboxService::addLocked(const QVariantMap &fields, bool *stored)
{
    const QString offerId = scalar(fields.value(QStringLiteral("offer")));
    if (offerId.isEmpty())
        return refusal("nooffer");
    QString ourOrderId = scalar(fields.value(QStringLiteral("id")));
    if (ourOrderId.isEmpty())
        return refusal("noid");
    const QString phone = digitsOnly(scalar(fields.value(QStringLiteral("phone"))));
    if (phone.isEmpty())
        return refusal("nophone");
    const SandboxOffer *offer = SandboxCatalogue::findOffer(offerId);
    if (!offer)
        return refusal("offer");
    if (offer->blocked)
        return refusal("traffic");
    const QString ip = scalar(fields.value(QStringLiteral("ip")));
    if (SandboxCatalogue::bannedPhones().contains(phone) || SandboxCatalogue::bannedIps().contains(ip))
        return refusal("ban");

    const qint64 now = clockLocked();
    const bool automatic = ourOrderId.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0;
    const QString phoneOffer = phone + QLatin1Char('|') + offerId;
    if (!automatic && m_leadIndex.contains(ourOrderId))
        return refusal("duplicate");
    // Counted before the phone check refuses it: what the client asked for, not what was kept.
    ++m_ordersRequested[phoneOffer];
    const auto last = m_lastPhoneOffer.constFind(phoneOffer);
    if (last != m_lastPhoneOffer.cend() && now - *last < DuplicateWindowSeconds)
        return refusal("duplicate");
    if (automatic)
        ourOrderId = nextAutoIdLocked();

    StoredLead lead;
    lead.ourOrderId = ourOrderId;
    lead.networkOrderId = QString::number(m_nextNetworkId++);
    lead.offer = offerId;
    lead.phone = phone;
    lead.ip = ip;
    lead.source = scalar(fields.value(QStringLiteral("wm")));
    lead.count = orderedCount(fields);
    lead.storedAt = now;
    lead.lifeSeed = SandboxLifecycle::lifeSeed(m_seed, ourOrderId);
    const QString networkOrderId = lead.networkOrderId;
    insertLocked(std::move(lead));
    *stored = true;

    QByteArray answer = R"({"status":"ok","id":)";
    appendIdOrNumber(answer, networkOrderId, false);
    if (!m_olderEngine) { // older builds leave our id out: it is the one we were sent
        answer += R"(,"uid":)";
        appendIdOrNumber(answer, ourOrderId, false);
    }
    answer += '}';
    return answer;
}

void SandboxService::insertLocked(StoredLead lead)
{
    lead.plan = SandboxLifecycle::plan(lead.lifeSeed);
    const QString phoneOffer = lead.phone + QLatin1Char('|') + lead.offer;
    m_lastPhoneOffer[phoneOffer] = std::max(m_lastPhoneOffer.value(phoneOffer, lead.storedAt), lead.storedAt);
    ++m_timesStored[lead.ourOrderId];
    m_leadIndex.insert(lead.ourOrderId, m_leads.size());
    m_leads.append(std::move(lead));
}

QString SandboxService::nextAutoIdLocked()
{
    QString id;
    do {
        id = QString::number(m_nextAutoId++);
    } while (m_leadIndex.contains(id));
    return id;
}

QByteArray SandboxService::list(const QString &idParameter, const QString &queryIds, bool queryHasIds,
                                const QByteArray &contentType, const QByteArray &body)
{
    if (!isAuthorised(idParameter, body))
        return refusal("key");

    QStringList requested;
    if (queryHasIds) {
        requested = queryIds.split(QLatin1Char(','));
    } else {
        BodyError bodyError = BodyError::None;
        const QVariantMap fields = decodeBody(contentType, body, &bodyError);
        if (bodyError != BodyError::None)
            return engineErrorBody("data");
        const QVariant ids = fields.value(QStringLiteral("ids"));
        const QVariantList list = elements(ids);
        if (list.isEmpty()) {
            requested = scalar(ids).split(QLatin1Char(','));
        } else {
            for (const QVariant &id : list)
                requested << scalar(id);
        }
    }

    // The service reads the first 50 ids and ignores the rest.
    QStringList ids;
    for (const QString &id : std::as_const(requested)) {
        if (ids.size() == MaxListIds)
            break;
        const QString trimmed = id.trimmed();
        if (!trimmed.isEmpty())
            ids << trimmed;
    }

    QByteArray out;
    out.reserve(ids.size() * 120 + 2);
    QMutexLocker locker(&m_mutex);
    const qint64 now = clockLocked();
    QSet<QString> written;
    for (const QString &id : std::as_const(ids)) {
        const auto found = m_leadIndex.constFind(id);
        if (found == m_leadIndex.cend() || written.contains(id))
            continue;
        written.insert(id);
        out += out.isEmpty() ? '{' : ',';
        appendJsonString(out, id);
        out += ':';
        appendListRowLocked(out, m_leads.at(*found), now);
    }
    if (out.isEmpty())
        return QByteArrayLiteral("[]");
    out += '}';
    return out;
}

void SandboxService::appendListRowLocked(QByteArray &out, const StoredLead &lead, qint64 now) const
{
    const bool strings = SandboxLifecycle::sendsNumbersAsStrings(lead.lifeSeed);
    QString stage;
    int status = 0;
    int reason = 0;
    QString comment;
    qint64 changedAt = lead.storedAt;
    if (lead.forced) {
        stage = lead.forced->stage;
        status = lead.forced->status;
        reason = lead.forced->reason;
    } else {
        const SandboxLeadStep &step = SandboxLifecycle::stepAt(lead.plan, now - lead.storedAt);
        stage = step.stage;
        status = step.status;
        reason = step.reason;
        comment = step.comment;
        changedAt += step.at;
    }

    if (m_olderEngine) {
        // Only our id (a number), the status and the engine's words for it: no stage, uid or reason.
        out += R"({"id":)";
        appendIdOrNumber(out, lead.ourOrderId, false);
        out += R"(,"status":)";
        appendInt(out, status, false);
        out += R"(,"status_text":)";
        appendJsonString(out, SandboxCatalogue::engineStatusWords(status));
        out += '}';
        return;
    }
    out += R"({"id":)";
    appendIdOrNumber(out, lead.ourOrderId, strings);
    out += R"(,"uid":)";
    appendIdOrNumber(out, lead.networkOrderId, strings);
    out += R"(,"src":)";
    appendIdOrNumber(out, lead.source.isEmpty() ? QStringLiteral("0") : lead.source, strings);
    out += R"(,"stage":)";
    appendJsonString(out, stage);
    out += R"(,"status":)";
    appendInt(out, status, strings);
    if (status == 5) {
        out += R"(,"reason":)";
        appendInt(out, reason, strings);
    }
    if (lead.count >= 0) {
        out += R"(,"count":)";
        appendInt(out, lead.count, strings);
    }
    if (!comment.isEmpty()) {
        out += R"(,"comment":)";
        appendJsonString(out, comment);
    }
    out += R"(,"time":)";
    appendInt(out, ClockEpoch + changedAt, false);
    out += '}';
}

int SandboxService::storedLeadCount() const
{
    QMutexLocker locker(&m_mutex);
    return static_cast<int>(m_leads.size());
}

int SandboxService::timesStored(const QString &ourOrderId) const
{
    QMutexLocker locker(&m_mutex);
    return m_timesStored.value(ourOrderId);
}

int SandboxService::ordersRequested(const QString &phoneDigits, const QString &offer) const
{
    QMutexLocker locker(&m_mutex);
    return m_ordersRequested.value(phoneDigits + QLatin1Char('|') + offer);
}

QHash<QString, int> SandboxService::ordersRequestedByCustomer() const
{
    QMutexLocker locker(&m_mutex);
    return m_ordersRequested;
}

QStringList SandboxService::storedOrderIds() const
{
    QMutexLocker locker(&m_mutex);
    QStringList ids;
    ids.reserve(m_leads.size());
    for (const StoredLead &lead : m_leads)
        ids << lead.ourOrderId;
    return ids;
}

void SandboxService::advanceClock(qint64 seconds)
{
    if (seconds <= 0)
        return;
    {
        QMutexLocker locker(&m_mutex);
        m_clockOffset += seconds;
    }
    notifyChanged();
}

qint64 SandboxService::clockSeconds() const
{
    QMutexLocker locker(&m_mutex);
    return clockLocked();
}

qint64 SandboxService::clockLocked() const
{
    return m_clockOffset + static_cast<qint64>(static_cast<double>(m_elapsed.elapsed()) * m_speed / 1000.0);
}

bool SandboxService::setLeadState(const QString &ourOrderId, const QString &stage, int status, int reason)
{
    {
        QMutexLocker locker(&m_mutex);
        const auto found = m_leadIndex.constFind(ourOrderId);
        if (found == m_leadIndex.cend())
            return false;
        m_leads[*found].forced = ForcedState{stage, status, reason};
    }
    notifyChanged();
    return true;
}

void SandboxService::setChangeListener(std::function<void()> listener)
{
    QMutexLocker locker(&m_mutex);
    m_changeListener = std::move(listener);
}

void SandboxService::notifyChanged()
{
    std::function<void()> listener;
    {
        QMutexLocker locker(&m_mutex);
        listener = m_changeListener;
    }
    if (listener)
        listener();
}

QByteArray SandboxService::saveState() const
{
    QMutexLocker locker(&m_mutex);
    QJsonArray leads;
    for (const StoredLead &lead : m_leads) {
        QJsonObject object{
            {QStringLiteral("id"), lead.ourOrderId},
            {QStringLiteral("uid"), lead.networkOrderId},
            {QStringLiteral("offer"), lead.offer},
            {QStringLiteral("phone"), lead.phone},
            {QStringLiteral("ip"), lead.ip},
            {QStringLiteral("src"), lead.source},
            {QStringLiteral("count"), lead.count},
            {QStringLiteral("stored"), lead.storedAt},
            {QStringLiteral("life"), static_cast<qint64>(lead.lifeSeed)},
        };
        if (lead.forced) {
            object.insert(QStringLiteral("forced"),
                          QJsonObject{{QStringLiteral("stage"), lead.forced->stage},
                                      {QStringLiteral("status"), lead.forced->status},
                                      {QStringLiteral("reason"), lead.forced->reason}});
        }
        leads.append(object);
    }
    QJsonObject requested;
    for (auto it = m_ordersRequested.cbegin(); it != m_ordersRequested.cend(); ++it)
        requested.insert(it.key(), it.value());
    const QJsonObject state{
        {QStringLiteral("version"), StateVersion},
        {QStringLiteral("clock"), clockLocked()},
        {QStringLiteral("nextNetworkId"), QString::number(m_nextNetworkId)},
        {QStringLiteral("nextAutoId"), QString::number(m_nextAutoId)},
        {QStringLiteral("leads"), leads},
        {QStringLiteral("ordersRequested"), requested},
    };
    return QJsonDocument(state).toJson(QJsonDocument::Compact);
}

bool SandboxService::loadState(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject state = document.object();
    if (parseError.error != QJsonParseError::NoError ||
        state.value(QStringLiteral("version")).toInt() != StateVersion)
        return false;

    QList<StoredLead> leads;
    const QJsonArray array = state.value(QStringLiteral("leads")).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        StoredLead lead;
        lead.ourOrderId = object.value(QStringLiteral("id")).toString();
        lead.networkOrderId = object.value(QStringLiteral("uid")).toString();
        lead.offer = object.value(QStringLiteral("offer")).toString();
        lead.phone = object.value(QStringLiteral("phone")).toString();
        lead.ip = object.value(QStringLiteral("ip")).toString();
        lead.source = object.value(QStringLiteral("src")).toString();
        lead.count = object.value(QStringLiteral("count")).toInt(-1);
        lead.storedAt = object.value(QStringLiteral("stored")).toInteger();
        lead.lifeSeed = static_cast<quint32>(object.value(QStringLiteral("life")).toInteger());
        const QJsonObject forced = object.value(QStringLiteral("forced")).toObject();
        if (!forced.isEmpty()) {
            lead.forced = ForcedState{forced.value(QStringLiteral("stage")).toString(),
                                      forced.value(QStringLiteral("status")).toInt(),
                                      forced.value(QStringLiteral("reason")).toInt()};
        }
        if (lead.ourOrderId.isEmpty() || lead.networkOrderId.isEmpty())
            return false;
        leads.append(std::move(lead));
    }

    QMutexLocker locker(&m_mutex);
    m_leads.clear();
    m_leadIndex.clear();
    m_timesStored.clear();
    m_lastPhoneOffer.clear();
    m_ordersRequested.clear();
    for (StoredLead &lead : leads) {
        ++m_ordersRequested[lead.phone + QLatin1Char('|') + lead.offer];
        insertLocked(std::move(lead));
    }
    // A state file from before the count was kept: each stored lead was asked for at least once.
    const QJsonObject requested = state.value(QStringLiteral("ordersRequested")).toObject();
    for (auto it = requested.constBegin(); it != requested.constEnd(); ++it)
        m_ordersRequested[it.key()] = std::max(m_ordersRequested.value(it.key()), it.value().toInt());
    m_nextNetworkId = std::max<quint64>(
        m_nextNetworkId, state.value(QStringLiteral("nextNetworkId")).toString().toULongLong());
    m_nextAutoId =
        std::max<quint64>(m_nextAutoId, state.value(QStringLiteral("nextAutoId")).toString().toULongLong());
    m_clockOffset = state.value(QStringLiteral("clock")).toInteger();
    m_elapsed.restart();
    return true;
}

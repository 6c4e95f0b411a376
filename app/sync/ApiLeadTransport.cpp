#include "ApiLeadTransport.h"

#include "api/ApiClient.h"
#include "api/FormCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace {

// No Q_OBJECT: these only forward the base classes' signals, and keeping them out of moc keeps
// ApiClient's symbols out of any binary that does not use this adapter.
class ForwardedAdd : public PendingAdd
{
public:
    explicit ForwardedAdd(AddCall *call) : m_call(call)
    {
        connect(call, &AddCall::finished, this, [this](const AddResult &result) {
            emit finished(result);
            deleteLater();
        });
    }
    void abort() override
    {
        if (m_call)
            m_call->abort();
    }

private:
    QPointer<AddCall> m_call;
};

class ForwardedStatuses : public PendingStatuses
{
public:
    explicit ForwardedStatuses(StatusFetch *fetch) : m_fetch(fetch)
    {
        connect(fetch, &StatusFetch::progress, this, &PendingStatuses::progress);
        connect(fetch, &StatusFetch::batchFinished, this, &PendingStatuses::batchFinished);
        connect(fetch, &StatusFetch::finished, this, [this](const ListResult &merged) {
            emit finished(merged);
            deleteLater();
        });
    }
    void cancel() override
    {
        if (m_fetch)
            m_fetch->cancel();
    }

private:
    QPointer<StatusFetch> m_fetch;
};

} // namespace

ApiLeadTransport::ApiLeadTransport(ApiClient *client, int maxParallelFetches)
    : m_client(client), m_maxParallelFetches(maxParallelFetches)
{}

QByteArray ApiLeadTransport::formBody(const Lead &lead)
{
    FormCodec::Pairs pairs;
    const auto add = [&pairs](const char *name, const QString &value) {
        if (!value.isEmpty())
            pairs.append({QLatin1String(name), value});
    };
    add("id", lead.orderId);
    add("wm", lead.wm);
    add("offer", lead.offer);
    add("name", lead.name);
    add("phone", lead.phone);
    add("email", lead.email);
    add("ip", lead.ip);
    add("ua", lead.ua);
    add("country", lead.country);
    add("us", lead.us);
    add("uc", lead.uc);
    add("un", lead.un);
    add("ut", lead.ut);
    add("um", lead.um);
    add("currency", lead.currency);
    add("index", lead.index);
    add("addr", lead.addr);
    add("area", lead.area);
    add("city", lead.city);
    add("street", lead.street);
    add("base", lead.base);
    add("count", lead.count);
    add("discount", lead.discount);
    add("more", lead.more);
    add("comm", lead.comm);
    add("item", lead.item);
    for (int i = 0; i < lead.items.size(); ++i) {
        const LeadItem &item = lead.items.at(i);
        const QString prefix = QStringLiteral("items[%1]").arg(i);
        pairs.append({prefix + QStringLiteral("[id]"), item.id});
        pairs.append({prefix + QStringLiteral("[price]"), QString::number(item.price, 'g', 15)});
        pairs.append({prefix + QStringLiteral("[count]"), QString::number(item.count)});
    }
    for (const auto &[key, value] : lead.params)
        pairs.append({QStringLiteral("params[") + key + QLatin1Char(']'), value});
    return FormCodec::encode(pairs);
}

QByteArray ApiLeadTransport::jsonBody(const Lead &lead)
{
    // Ids and prices stay strings, as the operator typed them; nested goods and custom fields as the
    // API document shows them.
    QJsonObject body;
    const QByteArray form = formBody(lead);
    const QVariantMap decoded = FormCodec::decode(form);
    for (auto it = decoded.cbegin(); it != decoded.cend(); ++it) {
        if (it.key() != QLatin1String("items") && it.key() != QLatin1String("params"))
            body.insert(it.key(), it.value().toString());
    }
    if (!lead.items.isEmpty()) {
        QJsonArray items;
        for (const LeadItem &item : lead.items)
            items.append(QJsonObject{{QStringLiteral("id"), item.id},
                                     {QStringLiteral("price"), item.price},
                                     {QStringLiteral("count"), item.count}});
        body.insert(QStringLiteral("items"), items);
    }
    if (!lead.params.isEmpty()) {
        QJsonObject params;
        for (const auto &[key, value] : lead.params)
            params.insert(key, value);
        body.insert(QStringLiteral("params"), params);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray ApiLeadTransport::requestBody(const Lead &lead) const
{
    // PARTIAL: ApiClient does not expose its encoder, so this re-encodes the lead the way the API
    // document and http_build_query lay it out. A signed request adds _nonce/_timer fields that are
    // not recorded here. Switch to ApiClient's own encoder once it offers one.
    return m_client->config().encoding == BodyEncoding::Json ? jsonBody(lead) : formBody(lead);
}

PendingAdd *ApiLeadTransport::sendLead(const Lead &lead)
{
    return new ForwardedAdd(m_client->addLead(lead));
}

PendingStatuses *ApiLeadTransport::fetchStatuses(const QStringList &ourOrderIds)
{
    return new ForwardedStatuses(m_client->fetchStatuses(ourOrderIds, m_maxParallelFetches));
}

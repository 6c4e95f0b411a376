#include "ApiClient.h"

#include "ApiRequestBuilder.h"
#include "ErrorCatalog.h"
#include "HttpExchange.h"
#include "ReplyParser.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <utility>

struct ApiClient::Private
{
    ApiConfig config;
    QNetworkAccessManager *manager = nullptr;
    QList<QPointer<QObject>> calls; // so that a client going away still ends every call
};

namespace {

void send(HttpExchange *exchange, const ApiRequestBuilder::Prepared &prepared)
{
    if (prepared.post)
        exchange->post(prepared.request, prepared.body);
    else
        exchange->get(prepared.request);
}

ApiError cancelledError()
{
    return ErrorCatalog::makeError(ApiError::Kind::Cancelled, QString());
}

class AddCallImpl : public AddCall
{
public:
    AddCallImpl(QNetworkAccessManager *manager, const HttpExchange::Settings &settings,
                const QString &sentOrderId, QObject *parent)
        : AddCall(parent), m_exchange(new HttpExchange(manager, settings, this)), m_secret(settings.secret),
          m_sentOrderId(sentOrderId)
    {
        connect(m_exchange, &HttpExchange::finished, this, [this](const HttpOutcome &outcome) {
            if (!outcome.error.isOk()) {
                AddResult result;
                result.error = outcome.error;
                finish(result);
                return;
            }
            finish(ReplyParser::parseAddReply(outcome.httpStatus, outcome.body, m_secret, m_sentOrderId));
        });
    }

    void start(const ApiRequestBuilder::Prepared &prepared) { send(m_exchange, prepared); }

    // The caller connects to finished() after addLead() returns: a call refused before it starts ends on
    // the next turn of the event loop, never from inside addLead().
    void failSoon(const ApiError &error)
    {
        QTimer::singleShot(0, this, [this, error] {
            AddResult result;
            result.error = error;
            finish(result);
        });
    }

    void abort() override
    {
        if (m_finished)
            return;
        m_exchange->abort();
        AddResult result;
        result.error = cancelledError();
        finish(result);
    }

private:
    void finish(const AddResult &result)
    {
        if (m_finished)
            return;
        m_finished = true;
        emit finished(result);
        deleteLater();
    }

    HttpExchange *m_exchange;
    QString m_secret;
    QString m_sentOrderId; // an answer without "uid" confirms it
    bool m_finished = false;
};

class StatusFetchImpl : public StatusFetch
{
public:
    StatusFetchImpl(const ApiRequestBuilder &builder, QNetworkAccessManager *manager,
                    const QStringList &ourOrderIds, int maxParallel, FetchedRows rows, QObject *parent)
        : StatusFetch(parent), m_builder(builder), m_manager(manager), m_maxParallel(qMax(1, maxParallel)),
          m_rows(rows), m_ids(ourOrderIds)
    {}

    void start()
    {
        // Always asynchronous, so that the caller has connected before anything is emitted.
        QTimer::singleShot(0, this, [this] { prepareSome(); });
    }

    void failSoon(const ApiError &error)
    {
        QTimer::singleShot(0, this, [this, error] {
            m_merged.error = error;
            finish();
        });
    }

    void cancel() override
    {
        if (m_finished)
            return;
        for (HttpExchange *exchange : std::as_const(m_inFlight))
            exchange->abort();
        m_inFlight.clear();
        if (m_merged.error.isOk())
            m_merged.error = cancelledError();
        finish();
    }

private:
    void launchMore()
    {
        while (!m_finished && !m_stopLaunching && m_inFlight.size() < m_maxParallel &&
               m_next < m_batches.size()) {
            auto *exchange = new HttpExchange(m_manager, m_builder.exchangeSettings(), this);
            m_inFlight.append(exchange);
            connect(exchange, &HttpExchange::finished, this, [this, exchange](const HttpOutcome &outcome) {
                m_inFlight.removeOne(exchange);
                exchange->deleteLater();
                ListResult batch;
                if (outcome.error.isOk())
                    batch = ReplyParser::parseListReply(outcome.httpStatus, outcome.body, m_builder.secret());
                else
                    batch.error = outcome.error;
                onBatch(batch);
            });
            send(exchange, m_builder.listRequest(m_batches.at(m_next++)));
        }
    }

    void onBatch(const ListResult &batch)
    {
        ++m_done;
        if (m_rows == FetchedRows::InBatchesAndAtTheEnd)
            m_merged.rows.append(batch.rows);
        if (!batch.error.isOk() && m_merged.error.isOk())
            m_merged.error = batch.error;
        // A service verdict (wrong key, unknown function) would be the same for every other batch.
        if (batch.error.isService())
            m_stopLaunching = true;
        emit batchFinished(batch);
        if (m_finished) // a slot cancelled us
            return;
        emit progress(m_done, batchesTotal());
        if (m_finished)
            return;
        launchMore();
        finishWhenDone();
    }

    // The ids are trimmed, de-duplicated and split into batches a slice at a time, one slice per turn of
    // the event loop, and requests start as soon as their batch exists: 100,000 ids in one go took 71 ms
    // of the caller's (the window's) thread.
    void prepareSome()
    {
        if (m_finished)
            return;
        const qsizetype end = qMin(m_ids.size(), m_scanned + IdsPerSlice);
        for (; m_scanned < end; ++m_scanned) {
            const QString id = m_ids.at(m_scanned).trimmed();
            if (id.isEmpty() || m_seen.contains(id))
                continue;
            m_seen.insert(id);
            m_pending.append(id);
            if (m_pending.size() == ApiClient::MaxIdsPerRequest)
                m_batches.append(std::exchange(m_pending, {}));
        }
        if (m_scanned >= m_ids.size()) {
            if (!m_pending.isEmpty())
                m_batches.append(std::exchange(m_pending, {}));
            m_prepared = true;
            m_ids.clear();
            m_scanned = 0;
            m_seen.clear();
        } else {
            QTimer::singleShot(0, this, [this] { prepareSome(); });
        }
        launchMore();
        finishWhenDone();
    }

    void finishWhenDone()
    {
        if (m_prepared && m_inFlight.isEmpty() && (m_stopLaunching || m_next >= m_batches.size()))
            finish();
    }

    // Exact once every id is prepared; until then the batches made plus those the rest can make at most.
    int batchesTotal() const
    {
        const qsizetype rest = m_ids.size() - m_scanned + m_pending.size();
        return int(m_batches.size() + (rest + ApiClient::MaxIdsPerRequest - 1) / ApiClient::MaxIdsPerRequest);
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        emit finished(m_merged);
        deleteLater();
    }

    const ApiRequestBuilder m_builder; // a snapshot: a settings change never mixes into a running fetch
    QNetworkAccessManager *m_manager;
    int m_maxParallel;
    FetchedRows m_rows;
    static constexpr qsizetype IdsPerSlice = 5000;
    QStringList m_ids; // not yet prepared
    qsizetype m_scanned = 0;
    QSet<QString> m_seen;
    QStringList m_pending; // the batch being filled
    bool m_prepared = false;
    QList<QStringList> m_batches;
    qsizetype m_next = 0;
    int m_done = 0;
    QList<HttpExchange *> m_inFlight;
    ListResult m_merged;
    bool m_stopLaunching = false;
    bool m_finished = false;
};

} // namespace

ApiClient::ApiClient(QObject *parent) : QObject(parent), d(new Private)
{
    qRegisterMetaType<ApiError>();
    qRegisterMetaType<AddResult>();
    qRegisterMetaType<ListResult>();
    d->manager = new QNetworkAccessManager(this);
    d->manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient()
{
    // Every call ends with finished(), even when the client goes first.
    const auto calls = d->calls;
    for (const QPointer<QObject> &call : calls) {
        if (auto *add = qobject_cast<AddCall *>(call.data()))
            add->abort();
        else if (auto *fetch = qobject_cast<StatusFetch *>(call.data()))
            fetch->cancel();
    }
    delete d;
}

void ApiClient::setConfig(const ApiConfig &config)
{
    d->config = config;
}

const ApiConfig &ApiClient::config() const
{
    return d->config;
}

AddCall *ApiClient::addLead(const Lead &lead)
{
    d->calls.removeAll(nullptr);
    const ApiRequestBuilder builder(d->config);
    auto *call = new AddCallImpl(d->manager, builder.exchangeSettings(), lead.orderId, this);
    d->calls.append(call);
    if (const auto problem = builder.configProblem())
        call->failSoon(*problem);
    else
        call->start(builder.addRequest(lead));
    return call;
}

StatusFetch *ApiClient::fetchStatuses(const QStringList &ourOrderIds, int maxParallel, FetchedRows rows)
{
    d->calls.removeAll(nullptr);
    const ApiRequestBuilder builder(d->config);
    auto *fetch = new StatusFetchImpl(builder, d->manager, ourOrderIds, maxParallel, rows, this);
    d->calls.append(fetch);
    if (const auto problem = builder.configProblem())
        fetch->failSoon(*problem);
    else
        fetch->start();
    return fetch;
}

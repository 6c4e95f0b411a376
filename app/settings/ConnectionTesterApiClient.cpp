// Kept apart from ConnectionTester.cpp so that code which only needs the tester's logic (its tests, with
// a scripted StatusFetch) does not pull in the network client.
#include "ConnectionTester.h"

ConnectionTester::FetchStarter apiClientFetchStarter(QObject *owner)
{
    QPointer<ApiClient> client = new ApiClient(owner);
    return [client](const ApiConfig &config, const QStringList &ourOrderIds) -> StatusFetch * {
        if (!client)
            return nullptr;
        client->setConfig(config);
        return client->fetchStatuses(ourOrderIds, 1);
    };
}

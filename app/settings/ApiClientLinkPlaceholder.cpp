// TEMPORARY, NOT A CLIENT. Compiled only while no source under app/api/ defines ApiClient's members (see
// CMakeLists.txt), i.e. only on the settings branch before the api branch is merged. Core must run moc on
// api/ApiClient.h for ConnectionTester's use of StatusFetch, and moc's output for ApiClient refers to
// its constructor and destructor; these definitions only let the project link. Every call that would
// touch the network says so and returns nothing. The CMake guard drops this file once the real
// ApiClient exists.
#include "SettingsLog.h"
#include "api/ApiClient.h"

struct ApiClient::Private
{
    ApiConfig config;
};

ApiClient::ApiClient(QObject *parent) : QObject(parent), d(new Private) {}

ApiClient::~ApiClient()
{
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

AddCall *ApiClient::addLead(const Lead &)
{
    qCWarning(lcSettings) << "this build has no API client (the api branch is not merged)";
    return nullptr;
}

StatusFetch *ApiClient::fetchStatuses(const QStringList &, int)
{
    qCWarning(lcSettings) << "this build has no API client (the api branch is not merged)";
    return nullptr;
}

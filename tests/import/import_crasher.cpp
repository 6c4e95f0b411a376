// The helper of tst_import_crash: imports a CSV file into the journal at JOURNAL through an outbox that
// never sends (not started), and kills itself with SIGKILL at the Nth lead it submits — in the middle of
// a batch, its transaction open — as a power cut or the OOM killer would.
//   import_crasher JOURNAL CSV N

#include "api/ApiClient.h"
#include "import/CsvDecoder.h"
#include "import/LeadImporter.h"
#include "journal/Clock.h"
#include "journal/Journal.h"
#include "journal/OrderIdGenerator.h"
#include "sync/ApiLeadTransport.h"
#include "sync/Outbox.h"

#include <QCoreApplication>
#include <QFile>

#include <csignal>
#include <unistd.h>

namespace {

// The outbox, with a kill at the Nth submit.
class KillingGateway : public LeadGateway
{
public:
    KillingGateway(Outbox *outbox, int killAt) : m_outbox(outbox), m_killAt(killAt) {}
    QString submit(const Lead &lead) override
    {
        if (++m_submits == m_killAt)
            ::kill(::getpid(), SIGKILL);
        return m_outbox->submit(lead);
    }
    QString lastError() const override { return m_outbox->lastError(); }
    QList<LeadSummary> findRecent(const QString &phone, const QString &offer,
                                  const QDateTime &since) const override
    {
        return m_outbox->findRecent(phone, offer, since);
    }

private:
    Outbox *m_outbox;
    int m_killAt;
    int m_submits = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return 2;
    Journal journal;
    if (!journal.open(args.at(1)))
        return 3;
    QFile file(args.at(2));
    if (!file.open(QIODevice::ReadOnly))
        return 4;
    const QByteArray bytes = file.readAll();
    const QString text = CsvDecoder::decode(bytes, CsvDecoder::detect(bytes));
    const CsvTable table = CsvParser::parse(text, {CsvParser::detectSeparator(text), true});
    const QVector<ImportRow> rows =
        ImportCheck::checkAll(table, ColumnMapping::guessed(table.header, table.columnCount), {});

    ApiClient client;
    ApiLeadTransport transport(&client);
    OrderIdGenerator orderIds(&journal, SystemClock::instance());
    Outbox outbox(&journal, &transport, &orderIds, QStringLiteral("integration"), SystemClock::instance());
    KillingGateway gateway(&outbox, args.at(3).toInt());
    LeadImporter importer(&journal, &gateway, QStringLiteral("integration"));
    QObject::connect(&importer, &LeadImporter::finished, &app, &QCoreApplication::quit);
    importer.start(rows, table.header);
    app.exec();
    return 0; // not reached when N is within the file
}

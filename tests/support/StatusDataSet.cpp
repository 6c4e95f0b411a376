#include "StatusDataSet.h"

#include "api/ApiTypes.h"
#include "journal/Journal.h"

#include <QDateTime>
#include <QtGlobal>

namespace StatusDataSet {

QVector<StatusDataSetLead> leads()
{
    using L = StatusDataSetLead;
    auto s = [](const char *text) {
        return QString::fromUtf8(text);
    };
    return {
        L{s("9"), s("5009"), s("10"), s("1"), s("Anna Petrova"), s("79001234567"), s("ru"), 0, s("approve"),
          6, 0, 1, QString()},
        L{s("10"), s("5010"), s("10"), s("1"), s("Boris Orlov"), s("79002223344"), s("ru"), 0, s("approve"),
          10, 0, 2, QString()},
        L{s("100"), s("5100"), s("20"), s("2"), s("Carla Diaz"), s("77010000001"), s("kz"), 1, s("approve"),
          11, 0, 1, QString()},
        L{s("11"), s("5011"), s("20"), s("2"), s("Dmitry Ivanov"), s("77010000002"), s("kz"), 1, s("cancel"),
          5, 2, -1, QString()},
        L{s("12"), s("5012"), s("10"), s("1"), s("Elena Sokolova"), s("79003334455"), s("ru"), 2, s("trash"),
          5, 1, -1, QString()},
        L{s("13"), s("5013"), s("10"), s("3"), s("Fedor Volkov"), s("79004445566"), s("ru"), 2, s("trash"), 5,
          7, -1, QString()},
        L{s("14"), s("5014"), s("30"), s("3"), s("Galina Zueva"), s("375291112233"), s("by"), 3, s("wait"), 1,
          0, -1, QString()},
        L{s("15"), s("5015"), s("30"), s("3"), s("Hans \"Jr\", Müller"), s("4915112345678"), s("de"), 3,
          s("hold"), 4, 0, -1, s("call back\nafter 6pm")},
        L{s("16"), s("5016"), s("10"), s("1"), s("Ivan Petrov"), s("79005556677"), s("ru"), 4, s("approve"),
          17, 0, 3, QString()},
        L{s("17"), s("5017"), s("20"), s("2"), s("Jana Nowak"), s("77010000003"), s("kz"), 4, s("cancel"), 5,
          19, -1, QString()},
        L{s("12345678901234567890123"), s("5018"), s("10"), s("1"), s("=HYPERLINK(\"http://x\")"),
          s("79006667788"), s("ru"), 5, s("review"), 2, 0, -1, QString()},
        L{s("18"), QString(), s("10"), s("1"), s("Lena Queued"), s("79007778899"), s("ru"), 5, QString(), 0,
          0, -1, QString()},
    };
}

qint64 createdMs(int day)
{
    return QDateTime(QDate(2024, 3, 1), QTime(12, 0)).addDays(day).toMSecsSinceEpoch();
}

namespace {

bool store(Journal &journal, const QString &profileId, const StatusDataSetLead &item)
{
    Lead lead;
    lead.orderId = item.orderId;
    lead.offer = item.offer;
    lead.wm = item.wm;
    lead.name = item.name;
    lead.phone = item.phone;
    lead.country = item.country;
    lead.ip = QStringLiteral("127.0.0.1");
    const qint64 created = createdMs(item.day);
    if (!journal.addLead(profileId, item.orderId, lead, created)) {
        qWarning("addLead failed: %s", qPrintable(journal.errorString()));
        return false;
    }
    if (item.networkOrderId.isEmpty())
        return true;
    if (!journal.markSending(profileId, item.orderId, QByteArray("body"), created + 1000) ||
        !journal.markSent(profileId, item.orderId, item.networkOrderId, QString(), created + 2000)) {
        qWarning("marking sent failed: %s", qPrintable(journal.errorString()));
        return false;
    }
    StatusRow first;
    first.ourOrderId = item.orderId;
    first.networkOrderId = item.networkOrderId;
    first.stage = QStringLiteral("wait");
    first.status = 1;
    if (!journal.mergeStatus(profileId, first, created + 60'000).found)
        return false;
    StatusRow row = first;
    row.stage = item.stage;
    row.status = item.status;
    row.reason = item.reason;
    row.count = item.count;
    row.comment = item.comment;
    return journal.mergeStatus(profileId, row, created + 3'600'000).found;
}

} // namespace

bool fill(Journal &journal, const QString &profileId)
{
    const QVector<StatusDataSetLead> all = leads();
    for (const StatusDataSetLead &item : all) {
        if (!store(journal, profileId, item))
            return false;
    }
    return true;
}

bool fillGenerated(Journal &journal, const QString &profileId, int count)
{
    static const char *const stages[] = {"wait", "hold", "approve", "approve", "cancel", "trash"};
    static const int statuses[] = {2, 4, 6, 10, 5, 5};
    static const char *const countries[] = {"ru", "kz", "by", "de", "uz"};
    static const char *const names[] = {"Anna",  "Boris", "Carla",  "Dmitry",
                                        "Elena", "Fedor", "Galina", "Hans"};
    if (!journal.beginBatch())
        return false;
    for (int i = 0; i < count; ++i) {
        StatusDataSetLead item;
        item.orderId = QString::number(700000 + i);
        item.networkOrderId = QString::number(900000 + i * 7);
        item.offer = QString::number(10 + i % 4 * 10);
        item.wm = QString::number(1 + i % 3);
        item.name = QString::fromLatin1(names[i % 8]) + QLatin1Char(' ') + QString::number(i);
        item.phone = QStringLiteral("7900") + QString::number(1000000 + i);
        item.country = QString::fromLatin1(countries[i % 5]);
        item.day = i % 30;
        const int kind = (i * 7) % 6;
        item.stage = QString::fromLatin1(stages[kind]);
        item.status = statuses[kind];
        item.reason = kind == 4 ? 2 : (kind == 5 ? 11 : 0);
        item.count = 1 + i % 3;
        if (!store(journal, profileId, item)) {
            journal.rollbackBatch();
            return false;
        }
    }
    return journal.commitBatch();
}

} // namespace StatusDataSet

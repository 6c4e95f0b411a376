#include "TestEnvironment.h"
#include "journal/Journal.h"
#include "journal/LeadJson.h"
#include "journal/StatusProgress.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// The journal with 100,000 leads: the table's one query returns them all, correctly, and the indexed
// queries find what they should. The times are printed for the record (the benchmark tracks them);
// they are not asserted, machines are noisy.
class TestJournalScale : public QObject
{
    Q_OBJECT

private slots:
    void hundredThousandLeads();
};

namespace {
constexpr int total = 100000;
constexpr qint64 t0 = 1767225600000;
const QString profile = QStringLiteral("main");

QString stageOf(int i)
{
    static const QStringList stages{QStringLiteral("wait"), QStringLiteral("hold"), QStringLiteral("approve"),
                                    QStringLiteral("cancel"), QStringLiteral("trash")};
    return stages.at(i % stages.size());
}

int statusOf(const QString &stage)
{
    if (stage == QLatin1String("approve"))
        return 6;
    if (stage == QLatin1String("hold"))
        return 4;
    return stage == QLatin1String("wait") ? 2 : 5;
}

// The fixture is written with one prepared statement on a connection of the test's own: going through
// the journal's one-lead-at-a-time API would make the test minutes long without testing more.
bool fill(const QString &path)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fill"));
        db.setDatabaseName(path);
        ok = db.open() && db.transaction();
        QSqlQuery query(db);
        ok = ok &&
             query.prepare(QStringLiteral(
                 "INSERT INTO leads (profile_id, lead_key, order_id, lead_json, send_state, attempts,"
                 " network_id, stage, status, reason, goods_count, is_final, created_at, sent_at,"
                 " changed_at, phone, offer, name, wm, country) VALUES (?, ?, ?, ?, 'sent', 1, ?, ?, ?, ?, 1,"
                 " ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (int i = 0; ok && i < total; ++i) {
            Lead lead;
            lead.orderId = QString::number(100000000 + i);
            lead.offer = QString::number(200 + i % 7);
            lead.wm = QString::number(i % 50);
            lead.name = QStringLiteral("Customer %1").arg(i);
            lead.phone = QString::number(79000000000LL + i);
            lead.country = i % 2 ? QStringLiteral("ru") : QStringLiteral("kz");
            lead.ip = QStringLiteral("10.0.0.1");
            const QString stage = stageOf(i);
            const int status = statusOf(stage);
            for (const QVariant &value :
                 {QVariant(profile), QVariant(lead.orderId), QVariant(lead.orderId),
                  QVariant(QString::fromUtf8(LeadJson::toJson(lead))), QVariant(QString::number(i)),
                  QVariant(stage), QVariant(status), QVariant(status == 5 ? 2 : 0),
                  QVariant(StatusProgress::isFinal(stage, status) ? 1 : 0), QVariant(t0 + i),
                  QVariant(t0 + i), QVariant(t0 + i), QVariant(lead.phone), QVariant(lead.offer),
                  QVariant(lead.name), QVariant(lead.wm), QVariant(lead.country)})
                query.addBindValue(value);
            ok = query.exec();
            if (!ok)
                qWarning() << query.lastError().text();
        }
        query.finish();
        // Each lead checked when it was created.
        ok = ok && query.exec(QStringLiteral("INSERT INTO lead_checks (profile_id, lead_key, checked_at)"
                                             " SELECT profile_id, lead_key, created_at FROM leads"));
        ok = ok && db.commit();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fill"));
    return ok;
}
} // namespace

void TestJournalScale::hundredThousandLeads()
{
    TestEnvironment env;
    const QString path = env.path() + QStringLiteral("/journal.sqlite");
    Journal journal;
    QVERIFY(journal.open(path));
    QVERIFY(fill(path));

    QElapsedTimer timer;
    timer.start();
    const QVector<JournalRow> rows = journal.rows(profile);
    const qint64 rowsMs = timer.restart();
    QCOMPARE(rows.size(), total);
    for (int i = 0; i < total; i += 997) {
        const JournalRow &row = rows.at(i);
        QCOMPARE(row.orderId, QString::number(100000000 + i));
        QCOMPARE(row.stage, stageOf(i));
        QCOMPARE(int(row.status), statusOf(stageOf(i)));
        QCOMPARE(row.createdAtMs, t0 + i);
        QCOMPARE(row.sendState, SendState::Sent);
    }

    const QStringList open = journal.openOrderIds(profile);
    const qint64 openMs = timer.restart();
    QCOMPARE(open.size(), total * 3 / 5); // wait, hold and approve (packing) are not final

    const QList<LeadSummary> recent =
        journal.findRecent(profile, QString::number(79000000000LL + 500), QString::number(200 + 500 % 7),
                           QDateTime::fromMSecsSinceEpoch(t0, Qt::UTC));
    const qint64 findMs = timer.restart();
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.constFirst().ourOrderId, QString::number(100000000 + 500));

    // The single-lead writes at this size: a new lead, and a merge of a 50-row list.json batch.
    Lead lead;
    lead.orderId = QStringLiteral("1");
    lead.offer = QStringLiteral("217");
    lead.phone = QStringLiteral("79990000000");
    QVERIFY(journal.addLead(profile, lead.orderId, lead, t0 + total));
    const qint64 addMs = timer.restart();
    QVERIFY(journal.beginBatch());
    for (int i = 0; i < 50; ++i) {
        const QString id = open.at(i);
        QVERIFY(journal
                    .mergeStatus(
                        profile,
                        StatusRow{{QStringLiteral("cancel"), 5, 9, -1, QString()}, id, QString(), QString()},
                        t0 + total)
                    .changed);
    }
    QVERIFY(journal.commitBatch());
    const qint64 mergeMs = timer.restart();
    QCOMPARE(journal.openOrderIds(profile).size(), total * 3 / 5 - 50);

    qInfo("100k leads: rows() %lld ms, openOrderIds() %lld ms (%lld ids), findRecent() %lld ms, "
          "addLead() %lld ms, merge of a 50-row batch %lld ms",
          rowsMs, openMs, qint64(open.size()), findMs, addMs, mergeMs);
}

QTEST_GUILESS_MAIN(TestJournalScale)
#include "tst_journalscale.moc"

// The team's filter lists (TeamChoices), read for the Team table and the Analytics Team scope alike,
// against the test's own PostgreSQL: the operators the leads name (a renamed workstation's earlier
// name included), offers without empty ones, countries in upper case; an operator's login only its own.
#include "TeamFixture.h"
#include "team/TeamChoices.h"
#include "team/TeamConnection.h"
#include "team/TeamSchema.h"

#include <QSqlError>
#include <QTest>

class TestTeamChoices : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void theManagerSeesTheWholeTeamsChoices();
    void anOperatorSeesOnlyItsOwn();

private:
    TeamChoices read(const QString &user);

    TeamFixture m_fixture;
};

void TestTeamChoices::initTestCase()
{
    QVERIFY2(m_fixture.setUp(), qPrintable(m_fixture.errorString()));
    QVERIFY2(m_fixture.recreateDatabase(), qPrintable(m_fixture.errorString()));
    {
        TeamConnection owner(m_fixture.config(TeamFixture::ownerUser()));
        QVERIFY2(owner.open(), qPrintable(owner.errorString()));
        QSqlDatabase db = owner.database();
        QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
    }
    const QString lead = QStringLiteral(
        "INSERT INTO leads (account, order_id, workstation_id, operator_name, offer, country, send_state,"
        " created_at) VALUES ('a@x', '%1', '%2', '%3', %4, %5, 'sent', now())");
    QVERIFY(m_fixture.server().exec(
        {QStringLiteral("INSERT INTO workstations (workstation_id, db_user, operator_name) VALUES"
                        " ('ws-anna', '%1', 'Anna K.'), ('ws-boris', '%2', 'Boris')")
             .arg(TeamFixture::operatorA(), TeamFixture::operatorB()),
         // Anna's workstation was called "Anna" when it shared its first leads.
         lead.arg(QStringLiteral("1"), QStringLiteral("ws-anna"), QStringLiteral("Anna"),
                  QStringLiteral("'311'"), QStringLiteral("'ru'")),
         lead.arg(QStringLiteral("2"), QStringLiteral("ws-anna"), QStringLiteral("Anna K."),
                  QStringLiteral("''"), QStringLiteral("'RU'")),
         lead.arg(QStringLiteral("3"), QStringLiteral("ws-boris"), QStringLiteral("Boris"),
                  QStringLiteral("'217'"), QStringLiteral("'kz'")),
         lead.arg(QStringLiteral("4"), QStringLiteral("ws-boris"), QStringLiteral("Boris"),
                  QStringLiteral("NULL"), QStringLiteral("NULL"))},
        TeamFixture::databaseName()));
}

TeamChoices TestTeamChoices::read(const QString &user)
{
    TeamChoices choices;
    TeamConnection connection(m_fixture.config(user));
    if (!connection.open()) {
        qWarning() << connection.errorString();
        return choices;
    }
    QSqlDatabase db = connection.database();
    QSqlError error;
    if (!TeamChoices::read(db, &choices, &error))
        qWarning() << error.text();
    return choices;
}

void TestTeamChoices::theManagerSeesTheWholeTeamsChoices()
{
    const TeamChoices choices = read(TeamFixture::manager());
    QCOMPARE(choices.operators,
             (QStringList{QStringLiteral("Anna"), QStringLiteral("Anna K."), QStringLiteral("Boris")}));
    QCOMPARE(choices.offers, (QStringList{QStringLiteral("217"), QStringLiteral("311")}));
    QCOMPARE(choices.countries, (QStringList{QStringLiteral("KZ"), QStringLiteral("RU")}));
}

void TestTeamChoices::anOperatorSeesOnlyItsOwn()
{
    const TeamChoices choices = read(TeamFixture::operatorA());
    QCOMPARE(choices.operators, (QStringList{QStringLiteral("Anna"), QStringLiteral("Anna K.")}));
    QCOMPARE(choices.offers, QStringList{QStringLiteral("311")});
    QCOMPARE(choices.countries, QStringList{QStringLiteral("RU")});
}

QTEST_MAIN(TestTeamChoices)
#include "tst_teamchoices.moc"

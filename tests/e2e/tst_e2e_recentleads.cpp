#include "E2eApp.h"
#include "LeadForm.h"
#include "MainWindow.h"
#include "OutboxView.h"
#include "StatusView.h"
#include "TestEnvironment.h"
#include "api/ErrorCatalog.h"
#include "status/LeadTableModel.h"
#include "status/OutboxModel.h"
#include "sync/RecentLeads.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>

// End to end: the operator never waits for the network. Once the journal holds a lead the form is free
// for the next call, and the lead's answer arrives in the recent leads strip under the form, in words.
class TestE2eRecentLeads : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void stalledNetwork_theFormIsFreeAtOnce_andTheAnswerArrivesInTheStrip();
    void refusedLead_standsOutWithItsReason_andEnterOpensItInTheOutbox();
    void acceptedLead_opensOnTheLeadsScreen();

private:
    void typeLead(const QString &offer, const QString &name, const QString &phone);
    // Ctrl+Enter, then: the form is empty and editable again within a second, whatever the network does.
    // `orderId`: the stored lead's order id, at the head of the strip.
    void sendAndExpectTheFormFreeWithinASecond(QString *orderId);
    void openFromTheStrip(const QString &orderId);

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<E2eApp> m_app;
};

void TestE2eRecentLeads::initTestCase()
{
    m_env = std::make_unique<TestEnvironment>();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestE2eRecentLeads::init()
{
    m_app = std::make_unique<E2eApp>();
    QVERIFY(m_app->start());
}

void TestE2eRecentLeads::cleanup()
{
    m_app.reset();
}

void TestE2eRecentLeads::typeLead(const QString &offer, const QString &name, const QString &phone)
{
    m_app->clearAndType(QStringLiteral("offerComboBox"), offer);
    QVERIFY(m_app->tabTo(QStringLiteral("nameEdit")));
    m_app->typeHere(name);
    QVERIFY(m_app->tabTo(QStringLiteral("phoneEdit")));
    m_app->typeHere(phone);
    m_app->openSection(QStringLiteral("tracking"));
    m_app->clearAndType(QStringLiteral("ipEdit"), QStringLiteral("12.34.56.78"));
    QVERIFY(m_app->tabTo(QStringLiteral("nameEdit")));
    QVERIFY(m_app->form()->isValid());
}

void TestE2eRecentLeads::sendAndExpectTheFormFreeWithinASecond(QString *orderId)
{
    auto *name = m_app->child<QLineEdit>(QStringLiteral("nameEdit"));
    auto *phone = m_app->child<QLineEdit>(QStringLiteral("phoneEdit"));
    const int listedBefore = m_app->recentLeads()->rowCount();
    QElapsedTimer clock;
    clock.start();
    m_app->pressCtrlEnter();
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_app->form()->isSubmitting() && name->text().isEmpty() && phone->text().isEmpty(), 1000);
    const qint64 freeAfterMs = clock.elapsed();
    qInfo("the form was free for the next lead %lld ms after Ctrl+Enter", freeAfterMs);
    QVERIFY(freeAfterMs <= 1000);
    // The sticky offer stays; the next customer can be typed at once, from the keyboard.
    QCOMPARE_NE(m_app->form()->lead().offer, QString());
    QVERIFY(name->isEnabled() && !name->isReadOnly());
    QCOMPARE(m_app->focusedInput(), static_cast<QWidget *>(name));
    QTest::keyClicks(name, QStringLiteral("Next Customer"));
    QCOMPARE(name->text(), QStringLiteral("Next Customer"));
    name->clear();
    // The stored lead heads the strip.
    QCOMPARE(m_app->recentLeads()->rowCount(), listedBefore + 1);
    *orderId = m_app->recentLeads()->orderIdAt(0);
}

void TestE2eRecentLeads::openFromTheStrip(const QString &orderId)
{
    auto *list = m_app->child<QListView>(QStringLiteral("recentLeadsList"));
    QVERIFY(list);
    QVERIFY(list->isVisible());
    // From the keyboard: Tab past the Send button reaches the strip; the arrow keys pick a lead.
    QVERIFY(m_app->tabTo(QStringLiteral("recentLeadsList")));
    const int row = m_app->recentLeads()->rowOf(orderId);
    QTest::keyClick(list, Qt::Key_Home);
    for (int i = 0; i < row; ++i)
        QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentIndex().row(), row);
    QTest::keyClick(list, Qt::Key_Return);
}

void TestE2eRecentLeads::stalledNetwork_theFormIsFreeAtOnce_andTheAnswerArrivesInTheStrip()
{
    // The network takes the lead at once but holds its answer back: a stalled proxy, a slow service.
    SandboxFaults stall;
    stall.delay = 1.0;
    stall.delayMs = 4000;
    m_app->sandbox()->setFaults(stall);

    typeLead(QStringLiteral("217"), QStringLiteral("Jane Doe"), QStringLiteral("+7 900 123-45-67"));
    if (QTest::currentTestFailed())
        return;
    QString orderId;
    sendAndExpectTheFormFreeWithinASecond(&orderId);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!orderId.isEmpty());
    // Still no answer: the strip says the lead is on its way.
    QCOMPARE(m_app->recentAnswer(orderId), int(RecentLeads::Answer::Sending));
    QVERIFY2(m_app->recentText(orderId).contains(QStringLiteral("sending")),
             qPrintable(m_app->recentText(orderId)));
    QVERIFY2(m_app->recentText(orderId).contains(QStringLiteral("Jane Doe")),
             qPrintable(m_app->recentText(orderId)));

    // The network answers; the strip says so, with the network's order id.
    QTRY_COMPARE_WITH_TIMEOUT(m_app->recentAnswer(orderId), int(RecentLeads::Answer::Accepted), 20000);
    const QList<JournalEntry> entries = m_app->journalEntries();
    QCOMPARE(entries.size(), 1);
    QVERIFY(!entries.first().networkOrderId.isEmpty());
    const QString text = m_app->recentText(orderId);
    QVERIFY2(text.contains(QStringLiteral("accepted, network order ") + entries.first().networkOrderId),
             qPrintable(text));
    QCOMPARE(m_app->sandbox()->timesStored(orderId), 1);
}

void TestE2eRecentLeads::refusedLead_standsOutWithItsReason_andEnterOpensItInTheOutbox()
{
    // The demo catalogue's offer 999 is blocked: the network refuses it ("traffic").
    typeLead(QStringLiteral("999"), QStringLiteral("John Roe"), QStringLiteral("+7 900 111 22 33"));
    if (QTest::currentTestFailed())
        return;
    QString orderId;
    sendAndExpectTheFormFreeWithinASecond(&orderId);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!orderId.isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(m_app->recentAnswer(orderId), int(RecentLeads::Answer::Refused), 20000);
    const QString text = m_app->recentText(orderId);
    const QString sentence = ErrorCatalog::describe(ApiError::Kind::Service, QStringLiteral("traffic"));
    QVERIFY(!sentence.isEmpty());
    QVERIFY2(text.contains(QStringLiteral("REFUSED")) && text.contains(sentence) &&
                 text.contains(QStringLiteral("traffic")),
             qPrintable(text));
    // It stands out by more than colour: bold type and a warning icon, beside the words.
    auto *list = m_app->child<QListView>(QStringLiteral("recentLeadsList"));
    const QModelIndex shown = list->model()->index(m_app->recentLeads()->rowOf(orderId), 0);
    QVERIFY(shown.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!shown.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(shown.data(RecentLeads::NeedsAttentionRole).toBool());
    // The banner says so too, since it is the latest lead.
    QTRY_COMPARE(m_app->bannerKind(), QStringLiteral("error"));
    QVERIFY2(m_app->banner().contains(orderId), qPrintable(m_app->banner()));

    openFromTheStrip(orderId);
    auto *tabs = m_app->child<QTabWidget>(QStringLiteral("mainTabWidget"));
    QTRY_COMPARE(tabs->currentWidget(), m_app->window()->outboxView());
    QTableView *outbox = m_app->window()->outboxView()->table();
    QTRY_COMPARE(QApplication::focusWidget(), outbox);
    const QModelIndexList selected = outbox->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(OutboxModel::KeyRole).toString(), orderId);
}

void TestE2eRecentLeads::acceptedLead_opensOnTheLeadsScreen()
{
    typeLead(QStringLiteral("217"), QStringLiteral("Ann Lee"), QStringLiteral("+7 900 222 33 44"));
    if (QTest::currentTestFailed())
        return;
    QString orderId;
    sendAndExpectTheFormFreeWithinASecond(&orderId);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(m_app->recentAnswer(orderId), int(RecentLeads::Answer::Accepted), 20000);
    QTRY_COMPARE(m_app->bannerKind(), QStringLiteral("success"));

    openFromTheStrip(orderId);
    auto *tabs = m_app->child<QTabWidget>(QStringLiteral("mainTabWidget"));
    QTRY_COMPARE(tabs->currentWidget(), m_app->window()->statusView());
    QTableView *leads = m_app->window()->statusView()->table();
    QTRY_COMPARE(QApplication::focusWidget(), leads);
    const QModelIndexList selected = leads->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(LeadTableModel::KeyRole).toString(), orderId);
}

QTEST_MAIN(TestE2eRecentLeads)
#include "tst_e2e_recentleads.moc"

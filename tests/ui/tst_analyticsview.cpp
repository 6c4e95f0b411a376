#include "AnalyticsView.h"
#include "MainWindow.h"
#include "SessionFixture.h"
#include "StatusDataSet.h"
#include "StatusView.h"
#include "TestEnvironment.h"
#include "UserPrompts.h"
#include "api/ApiTypes.h"
#include "journal/Journal.h"
#include "status/AnalyticsTableModel.h"
#include "status/LeadFilterProxy.h"
#include "status/LeadTableModel.h"

#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {

class ScriptedPrompts : public UserPrompts
{
public:
    QString nextFileName;

    bool confirm(QWidget *, const QString &, const QString &, const QString &) override { return true; }
    QString saveFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        return nextFileName;
    }
    QString openFileName(QWidget *, const QString &, const QString &) override { return nextFileName; }
};

// What the table on screen shows, row by row, header first.
QList<QStringList> screenTable(const QTableView *table)
{
    const QAbstractItemModel *model = table->model();
    QList<QStringList> rows;
    QStringList header;
    for (int column = 0; column < model->columnCount(); ++column)
        header << model->headerData(column, Qt::Horizontal).toString();
    rows << header;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column)
            cells << model->index(row, column).data().toString();
        rows << cells;
    }
    return rows;
}

} // namespace

// The real Analytics screen in the real main window, over the StatusDataSet leads and one lead with no
// offer (13 leads: offer 10 has 7, offer 20 has 3 - one approved, two cancelled -, offer 30 has 2).
class TestAnalyticsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void ctrl4OpensTheScreenWithPinnedNumbers();
    void breakdownChosenWithKeys();
    void clickingABarOpensExactlyItsLeads();
    void tableCellOpensItsLeads();
    void exportedCsvEqualsTheTable();
    void copyPutsTheTableOnTheClipboard();
    void chartExportsAsPngAndSvg();

private:
    AnalyticsView *analytics() const
    {
        return m_window->findChild<AnalyticsView *>(QStringLiteral("analyticsView"));
    }
    void showAnalytics();

    TestEnvironment m_environment;
    SessionFixture m_fixture;
    QTemporaryDir m_files;
    std::unique_ptr<MainWindow> m_window;
    ScriptedPrompts m_prompts;
};

void TestAnalyticsView::initTestCase()
{
    QApplication::setAttribute(Qt::AA_Use96Dpi);
    QVERIFY(m_fixture.start());
    Journal *journal = m_fixture.session()->journal();
    const QString profile = m_fixture.session()->activeProfile().id;
    QVERIFY(StatusDataSet::fill(*journal, profile));
    Lead lead;
    lead.orderId = QStringLiteral("19");
    lead.name = QStringLiteral("Olga Nooffer");
    lead.phone = QStringLiteral("79008889900");
    lead.country = QStringLiteral("ru");
    const qint64 created = StatusDataSet::createdMs(6);
    QVERIFY(journal->addLead(profile, lead.orderId, lead, created));
    QVERIFY(journal->markSent(profile, lead.orderId, QStringLiteral("5019"), QString(), created + 1000));
    StatusRow trash;
    trash.ourOrderId = lead.orderId;
    trash.networkOrderId = QStringLiteral("5019");
    trash.stage = QStringLiteral("trash");
    trash.status = 5;
    trash.reason = 1;
    QVERIFY(journal->mergeStatus(profile, trash, created + 60'000).found);
}

void TestAnalyticsView::init()
{
    m_window = std::make_unique<MainWindow>(m_fixture.session());
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->statusView()->leadModel()->rowCount(), 13);
    analytics()->setPrompts(&m_prompts);
}

void TestAnalyticsView::cleanup()
{
    m_window.reset();
}

void TestAnalyticsView::showAnalytics()
{
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("mainTabWidget"));
    QTRY_COMPARE(tabs->currentWidget(), static_cast<QWidget *>(analytics()));
    QTRY_VERIFY(!analytics()->isComputing());
    QTRY_COMPARE(analytics()->figures().total.stats.shown(), 13);
}

void TestAnalyticsView::ctrl4OpensTheScreenWithPinnedNumbers()
{
    showAnalytics();
    const AnalyticsTableModel *table = analytics()->tableModel();
    // Offers by leads: 10 (7), 20 (3), 30 (2), no offer (1), then the total.
    QCOMPARE(table->rowCount(), 5);
    auto cell = [table](int row, int column) {
        return table->index(row, column).data().toString();
    };
    QCOMPARE(cell(0, AnalyticsTableModel::GroupName), QStringLiteral("10"));
    QCOMPARE(cell(0, AnalyticsTableModel::Leads), QStringLiteral("7"));
    QCOMPARE(cell(1, AnalyticsTableModel::GroupName), QStringLiteral("20"));
    QCOMPARE(cell(1, AnalyticsTableModel::Approved), QStringLiteral("1"));
    QCOMPARE(cell(1, AnalyticsTableModel::Cancelled), QStringLiteral("2"));
    QCOMPARE(cell(1, AnalyticsTableModel::ApprovalRate), QStringLiteral("33.3 %"));
    QCOMPARE(cell(3, AnalyticsTableModel::GroupName), QStringLiteral("No offer"));
    QCOMPARE(cell(3, AnalyticsTableModel::Trash), QStringLiteral("1"));
    QCOMPARE(cell(4, AnalyticsTableModel::GroupName), QStringLiteral("Total"));
    QCOMPARE(cell(4, AnalyticsTableModel::Leads), QStringLiteral("13"));
    // The summary bar's definitions: 4 approved of 12 reported, 3 trash.
    QCOMPARE(cell(4, AnalyticsTableModel::ApprovalRate), QStringLiteral("33.3 %"));
    QCOMPARE(cell(4, AnalyticsTableModel::TrashRate), QStringLiteral("25.0 %"));
    QCOMPARE(cell(4, AnalyticsTableModel::BuyoutRate), QStringLiteral("50.0 %"));
    // The chart shows the same groups, a stage per stacked set, named in the legend.
    auto *series = qobject_cast<QStackedBarSeries *>(analytics()->chartView()->chart()->series().value(0));
    QVERIFY(series);
    QCOMPARE(series->barSets().at(0)->label(), QStringLiteral("Approved"));
    QCOMPARE(series->barSets().at(0)->at(1), 1.0);
}

void TestAnalyticsView::breakdownChosenWithKeys()
{
    showAnalytics();
    auto *combo = analytics()->findChild<QComboBox *>(QStringLiteral("breakdownCombo"));
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::AltModifier); // its label's mnemonic
    QTRY_VERIFY(combo->hasFocus());
    QTest::keyClick(combo, Qt::Key_End); // Month
    QCOMPARE(combo->currentText(), QStringLiteral("Month"));
    QTRY_COMPARE(analytics()->figures().query.breakdown, AnalyticsBreakdown::Month);
    QCOMPARE(analytics()->tableModel()->rowCount(), 2); // March 2024 and the total
    QCOMPARE(analytics()->tableModel()->index(0, AnalyticsTableModel::Leads).data().toString(),
             QStringLiteral("13"));
    QTest::keyClick(combo, Qt::Key_Up); // Week
    QTRY_COMPARE(analytics()->figures().query.breakdown, AnalyticsBreakdown::Week);
    // 1-3 March (week of 26 February) and 4-7 March.
    QCOMPARE(analytics()->tableModel()->rowCount(), 3);
}

void TestAnalyticsView::clickingABarOpensExactlyItsLeads()
{
    showAnalytics();
    QChartView *view = analytics()->chartView();
    auto *series = qobject_cast<QStackedBarSeries *>(view->chart()->series().value(0));
    QVERIFY(series);
    // The "Cancelled" part of the bar of offer 20: 2 leads.
    QBarSet *cancelled = nullptr;
    for (QBarSet *set : series->barSets()) {
        if (set->label() == QLatin1String("Cancelled"))
            cancelled = set;
    }
    QVERIFY(cancelled);
    const double count = cancelled->at(1);
    QCOMPARE(count, 2.0);
    // Stacked above the approved part (1) and the empty hold and wait parts: its middle is at 2.
    const QPointF inChart = view->chart()->mapToPosition(QPointF(1, 1 + count / 2), series);
    const QPoint onScreen = view->mapFromScene(view->chart()->mapToScene(inChart));
    QTest::mouseMove(view->viewport(), onScreen);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, onScreen);

    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("mainTabWidget"));
    QTRY_COMPARE(tabs->currentWidget(), static_cast<QWidget *>(m_window->statusView()));
    const LeadFilterProxy *proxy = m_window->statusView()->filterProxy();
    QCOMPARE(proxy->rowCount(), int(count));
    for (int row = 0; row < proxy->rowCount(); ++row) {
        QCOMPARE(proxy->index(row, LeadTableModel::Offer).data().toString(), QStringLiteral("20"));
        QCOMPARE(proxy->index(row, LeadTableModel::Stage).data(LeadTableModel::StageRole).toString(),
                 QStringLiteral("cancel"));
    }
    // The Leads screen's own filter shows the offer it could take over.
    QCOMPARE(m_window->statusView()->findChild<QComboBox *>(QStringLiteral("offerCombo"))->currentText(),
             QStringLiteral("20"));
}

void TestAnalyticsView::tableCellOpensItsLeads()
{
    showAnalytics();
    QTableView *table = analytics()->findChild<QTableView *>(QStringLiteral("analyticsTable"));
    // "No offer", whole row: the leads without an offer, however many the table says.
    const int expected = analytics()->tableModel()->index(3, AnalyticsTableModel::Leads).data().toInt();
    table->setFocus();
    table->setCurrentIndex(analytics()->tableModel()->index(3, AnalyticsTableModel::GroupName));
    QTest::keyClick(table, Qt::Key_Return);
    const LeadFilterProxy *proxy = m_window->statusView()->filterProxy();
    QTRY_COMPARE(proxy->rowCount(), expected);
    QCOMPARE(proxy->index(0, LeadTableModel::OrderId).data().toString(), QStringLiteral("19"));
}

void TestAnalyticsView::exportedCsvEqualsTheTable()
{
    showAnalytics();
    m_prompts.nextFileName = m_files.filePath(QStringLiteral("offers.csv"));
    QTest::mouseClick(analytics()->findChild<QPushButton *>(QStringLiteral("exportTableButton")),
                      Qt::LeftButton);
    QFile file(m_prompts.nextFileName);
    QTRY_VERIFY(file.exists());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // UTF-8 with its byte order mark, for spreadsheets
    const QString text = QString::fromUtf8(bytes.mid(3));
    QStringList lines = text.split(QStringLiteral("\r\n"));
    QCOMPARE(lines.takeLast(), QString()); // the last record ends with CRLF too
    QList<QStringList> exported;
    for (const QString &line : std::as_const(lines))
        exported << line.split(QLatin1Char(','));
    QCOMPARE(exported, screenTable(analytics()->findChild<QTableView *>(QStringLiteral("analyticsTable"))));
}

void TestAnalyticsView::copyPutsTheTableOnTheClipboard()
{
    showAnalytics();
    QApplication::clipboard()->clear();
    QTest::mouseClick(analytics()->findChild<QPushButton *>(QStringLiteral("copyTableButton")),
                      Qt::LeftButton);
    QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'));
    QCOMPARE(lines.takeLast(), QString());
    QList<QStringList> copied;
    for (const QString &line : std::as_const(lines))
        copied << line.split(QLatin1Char('\t'));
    QCOMPARE(copied, screenTable(analytics()->findChild<QTableView *>(QStringLiteral("analyticsTable"))));
}

void TestAnalyticsView::chartExportsAsPngAndSvg()
{
    showAnalytics();
    auto *button = analytics()->findChild<QPushButton *>(QStringLiteral("exportChartButton"));
    m_prompts.nextFileName = m_files.filePath(QStringLiteral("chart.png"));
    QTest::mouseClick(button, Qt::LeftButton);
    QImage image(m_prompts.nextFileName);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), analytics()->chartView()->size());

    m_prompts.nextFileName = m_files.filePath(QStringLiteral("chart.svg"));
    QTest::mouseClick(button, Qt::LeftButton);
    QFile svg(m_prompts.nextFileName);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray content = svg.readAll();
    QVERIFY(content.contains("<svg"));
    QVERIFY(content.contains("Approved")); // the legend's words travel with the drawing
}

QTEST_MAIN(TestAnalyticsView)
#include "tst_analyticsview.moc"

#include "ImportIdsDialog.h"
#include "StageStyle.h"
#include "StatusDataSet.h"
#include "StatusView.h"
#include "TestEnvironment.h"
#include "UserPrompts.h"
#include "journal/Journal.h"
#include "status/LeadTableModel.h"
#include "status/LeadTracking.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>
#include <type_traits>

namespace {

const QString profile = QStringLiteral("profile-a");

// Answers the view's questions from a script, so that no dialog ever blocks a test.
class ScriptedPrompts : public UserPrompts
{
public:
    QString nextFileName;
    int asked = 0;

    bool confirm(QWidget *, const QString &, const QString &, const QString &) override
    {
        ++asked;
        return true;
    }
    QString saveFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        ++asked;
        return nextFileName;
    }
    QString openFileName(QWidget *, const QString &, const QString &) override
    {
        ++asked;
        return nextFileName;
    }
};

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, Qt::white);
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, Qt::white);
    return palette;
}

} // namespace

class TestStatusView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void stagePaletteReadsOnLightAndDark();
    void wordsAndColoursInTheTable();
    void coloursFollowThePalette();
    void sortsByClickingTheHeader();
    void searchFiltersAsYouType();
    void stageAndListFilters();
    void summaryFiguresOnTheKnownSet();
    void selectingMarksSeen();
    void exportWritesWhatIsShown();
    void trackedIdsJoinTheTable();
    void trackDialogReadsAFile();
    void layoutIsRemembered();
    void refreshNeedsAPoller();
    void everyInputIsLabelled();

private:
    int viewRowOf(const QString &orderId) const;
    QModelIndex cell(const QString &orderId, int column) const;

    TestEnvironment m_env;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<StatusView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    ScriptedPrompts m_prompts;
};

// The view shows a model and acts through LeadTracking: it is never handed the journal (issue 18).
static_assert(!std::is_constructible_v<StatusView, Journal *>);
static_assert(!std::is_constructible_v<StatusView, Journal *, QWidget *>);

void TestStatusView::initTestCase()
{
    QApplication::setAttribute(Qt::AA_Use96Dpi);
}

void TestStatusView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_journal = std::make_unique<Journal>();
    QVERIFY(m_journal->open(m_dir->filePath(QStringLiteral("journal.sqlite"))));
    QVERIFY(StatusDataSet::fill(*m_journal, profile));
    // The view shows a model and acts through the tracking service; it keeps both here.
    auto *model = new LeadTableModel(m_journal.get());
    auto *tracking = new LeadTracking(m_journal.get());
    m_view = std::make_unique<StatusView>(model, tracking);
    model->setParent(m_view.get());
    tracking->setParent(m_view.get());
    m_view->setPrompts(&m_prompts);
    m_view->setProfile(profile);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_view->table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view->resize(1200, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    // The view reads the journal on its background connection; the tests start from the whole table.
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->leadModel()->isLoading(), 10000);
    QCOMPARE(m_view->table()->model()->rowCount(), int(StatusDataSet::leads().size()));
}

void TestStatusView::cleanup()
{
    m_tester.reset();
    m_view.reset();
    m_journal.reset();
    m_dir.reset();
}

int TestStatusView::viewRowOf(const QString &orderId) const
{
    const QAbstractItemModel *model = m_view->table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, LeadTableModel::OrderId).data().toString() == orderId)
            return row;
    }
    return -1;
}

QModelIndex TestStatusView::cell(const QString &orderId, int column) const
{
    return m_view->table()->model()->index(viewRowOf(orderId), column);
}

void TestStatusView::stagePaletteReadsOnLightAndDark()
{
    const StageStyle light{QPalette(QColor(Qt::white))};
    const StageStyle dark{darkPalette()};
    QVERIFY(!light.isDark());
    QVERIFY(dark.isDark());
    for (const QString &code : StatusCatalog::knownStageCodes()) {
        for (const StageStyle *style : {&light, &dark}) {
            QVERIFY2(StageStyle::contrastRatio(style->foreground(code), style->background(code)) >= 4.5,
                     qPrintable(code));
        }
        QVERIFY2(light.background(code) != dark.background(code), qPrintable(code));
    }
    // Each stage its own colour.
    QSet<QRgb> colours;
    for (const QString &code : StatusCatalog::knownStageCodes())
        colours.insert(light.background(code).rgb());
    QCOMPARE(colours.size(), 5);
    // Hue families: blue wait, amber hold, green approve, red cancel, grey trash.
    QVERIFY(light.background(QStringLiteral("wait")).blue() > light.background(QStringLiteral("wait")).red());
    QVERIFY(light.background(QStringLiteral("approve")).green() >
            light.background(QStringLiteral("approve")).red());
    QVERIFY(light.background(QStringLiteral("cancel")).red() >
            light.background(QStringLiteral("cancel")).green());
    QVERIFY(light.background(QStringLiteral("hold")).red() > light.background(QStringLiteral("hold")).blue());
    QCOMPARE(light.background(QStringLiteral("trash")).hsvSaturation(), 0);
    QVERIFY(!light.background(QStringLiteral("review")).isValid());
    QVERIFY(!light.background(QString()).isValid());
}

void TestStatusView::wordsAndColoursInTheTable()
{
    const StageStyle style(m_view->palette());
    struct Expect
    {
        const char *orderId;
        const char *stageWord;
        const char *stageCode;
        const char *status;
        const char *reason;
    };
    const Expect expectations[] = {
        {"9", "Approved", "approve", "Packing", ""},
        {"10", "Approved", "approve", "Completed", ""},
        {"11", "Cancelled", "cancel", "Cancelled", "Changed their mind"},
        {"12", "Trash", "trash", "Cancelled", "Incorrect phone (trash)"},
        {"14", "Waiting", "wait", "New", ""},
        {"15", "On hold", "hold", "Hold", ""},
        {"16", "Approved", "approve", "Status 17", ""},
        {"17", "Cancelled", "cancel", "Cancelled", "Reason 19"},
    };
    for (const Expect &e : expectations) {
        const QString id = QLatin1String(e.orderId);
        const QModelIndex stage = cell(id, LeadTableModel::Stage);
        QVERIFY2(stage.isValid(), e.orderId);
        QCOMPARE(stage.data().toString(), QLatin1String(e.stageWord));
        QCOMPARE(stage.data(Qt::BackgroundRole).value<QColor>(),
                 style.background(QLatin1String(e.stageCode)));
        QCOMPARE(stage.data(Qt::ForegroundRole).value<QColor>(),
                 style.foreground(QLatin1String(e.stageCode)));
        QCOMPARE(cell(id, LeadTableModel::Status).data().toString(), QLatin1String(e.status));
        QCOMPARE(cell(id, LeadTableModel::Reason).data().toString(), QLatin1String(e.reason));
    }
    // A stage word this version does not know: shown as it came, in the palette's own colours.
    const QModelIndex review = cell(QStringLiteral("12345678901234567890123"), LeadTableModel::Stage);
    QCOMPARE(review.data().toString(), QStringLiteral("review"));
    QVERIFY(!review.data(Qt::ForegroundRole).isValid());
    // Changed since last seen: bold, tinted.
    QVERIFY(cell(QStringLiteral("9"), LeadTableModel::Name).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(cell(QStringLiteral("9"), LeadTableModel::Name).data(Qt::BackgroundRole).value<QColor>(),
             style.unseenBackground());
    // Not reported yet (never changed): plain.
    QVERIFY(!cell(QStringLiteral("18"), LeadTableModel::Name).data(Qt::FontRole).isValid());
    QVERIFY(!cell(QStringLiteral("18"), LeadTableModel::Name).data(Qt::BackgroundRole).isValid());
    // Tooltips carry the codes.
    QVERIFY(cell(QStringLiteral("12"), LeadTableModel::Reason)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("(code 1)")));
}

void TestStatusView::coloursFollowThePalette()
{
    const QModelIndex approved = cell(QStringLiteral("9"), LeadTableModel::Stage);
    const QColor lightColour = approved.data(Qt::BackgroundRole).value<QColor>();
    m_view->setPalette(darkPalette());
    QTRY_COMPARE(approved.data(Qt::BackgroundRole).value<QColor>(),
                 StageStyle(darkPalette()).background(QStringLiteral("approve")));
    QVERIFY(approved.data(Qt::BackgroundRole).value<QColor>() != lightColour);
    QCOMPARE(approved.data().toString(), QStringLiteral("Approved")); // never colour alone
}

void TestStatusView::sortsByClickingTheHeader()
{
    QHeaderView *header = m_view->table()->horizontalHeader();
    const int column = LeadTableModel::OrderId;
    const QPoint centre(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                        header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
    const QAbstractItemModel *model = m_view->table()->model();
    const Qt::SortOrder order = header->sortIndicatorOrder();
    QCOMPARE(header->sortIndicatorSection(), column);
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, column).data().toString();
    QStringList expected{
        QStringLiteral("9"),  QStringLiteral("10"),  QStringLiteral("11"),
        QStringLiteral("12"), QStringLiteral("13"),  QStringLiteral("14"),
        QStringLiteral("15"), QStringLiteral("16"),  QStringLiteral("17"),
        QStringLiteral("18"), QStringLiteral("100"), QStringLiteral("12345678901234567890123")};
    if (order == Qt::DescendingOrder)
        std::reverse(expected.begin(), expected.end());
    QCOMPARE(ids, expected);

    // By date, newest first (the default the view opens with).
    m_view->table()->sortByColumn(LeadTableModel::Created, Qt::DescendingOrder);
    for (int row = 1; row < model->rowCount(); ++row) {
        QVERIFY(
            model->index(row - 1, LeadTableModel::Created)
                .data(LeadTableModel::UnderlyingDataRole)
                .toLongLong() >=
            model->index(row, LeadTableModel::Created).data(LeadTableModel::UnderlyingDataRole).toLongLong());
    }
}

void TestStatusView::searchFiltersAsYouType()
{
    auto *search = m_view->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(search);
    const QAbstractItemModel *model = m_view->table()->model();
    QTest::keyClicks(search, QStringLiteral("pet"));
    QCOMPARE(model->rowCount(), 2); // Anna Petrova, Ivan Petrov: no waiting for Enter
    QTest::keyClicks(search, QStringLiteral("rova"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, LeadTableModel::OrderId).data().toString(), QStringLiteral("9"));
    auto *shown = m_view->findChild<QLabel *>(QStringLiteral("shownCountLabel"));
    QTRY_COMPARE(shown->text(), QStringLiteral("1 lead(s) shown"));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("+7 (701) 000-00-02"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, LeadTableModel::OrderId).data().toString(), QStringLiteral("11"));
    search->clear();
    QCOMPARE(model->rowCount(), 12);
}

void TestStatusView::stageAndListFilters()
{
    const QAbstractItemModel *model = m_view->table()->model();
    auto *trash = m_view->findChild<QAction *>(QStringLiteral("stageFilterAction_trash"));
    auto *cancel = m_view->findChild<QAction *>(QStringLiteral("stageFilterAction_cancel"));
    QVERIFY(trash && cancel);
    trash->setChecked(true);
    QCOMPARE(model->rowCount(), 2);
    cancel->setChecked(true);
    QCOMPARE(model->rowCount(), 4);
    auto *stageButton = m_view->findChild<QToolButton *>(QStringLiteral("stageFilterButton"));
    QCOMPARE(stageButton->text(), QStringLiteral("Cancelled, Trash"));
    trash->setChecked(false);
    cancel->setChecked(false);
    QCOMPARE(model->rowCount(), 12);

    auto *offer = m_view->findChild<QComboBox *>(QStringLiteral("offerCombo"));
    auto *country = m_view->findChild<QComboBox *>(QStringLiteral("countryCombo"));
    QTRY_COMPARE(offer->count(), 4); // All, 10, 20, 30
    QCOMPARE(country->count(), 5);   // All, BY, DE, KZ, RU
    offer->setCurrentIndex(offer->findData(QStringLiteral("20")));
    QCOMPARE(model->rowCount(), 3);
    country->setCurrentIndex(country->findData(QStringLiteral("KZ")));
    QCOMPARE(model->rowCount(), 3);
    country->setCurrentIndex(country->findData(QStringLiteral("RU")));
    QCOMPARE(model->rowCount(), 0);
    offer->setCurrentIndex(0);
    QCOMPARE(model->rowCount(), 7);

    // A new offer appears in the list when a lead with it arrives; the choice made stays.
    QVERIFY(m_journal->addTracked(profile, {QStringLiteral("4040")}, 1) == 1);
    Lead lead;
    lead.orderId = QStringLiteral("5050");
    lead.offer = QStringLiteral("77");
    lead.country = QStringLiteral("ru");
    QVERIFY(m_journal->addLead(profile, lead.orderId, lead, StatusDataSet::createdMs(3)));
    QTRY_COMPARE(offer->count(), 5);
    QCOMPARE(country->currentData().toString(), QStringLiteral("RU"));
    QCOMPARE(model->rowCount(), 8);
}

void TestStatusView::summaryFiguresOnTheKnownSet()
{
    auto label = [this](const char *name) {
        auto *found = m_view->findChild<QLabel *>(QLatin1String(name));
        return found ? found
                     : new QLabel(QStringLiteral("<missing %1>").arg(QLatin1String(name)), m_view.get());
    };
    QTRY_COMPARE(label("approvalRateLabel")->text(), QStringLiteral("Approval: 36.4 %"));
    QCOMPARE(label("approvalWithoutTrashRateLabel")->text(),
             QStringLiteral("Approval without trash: 44.4 %"));
    QCOMPARE(label("trashRateLabel")->text(), QStringLiteral("Trash: 18.2 %"));
    QCOMPARE(label("buyoutRateLabel")->text(), QStringLiteral("Buyout: 50.0 %"));
    QVERIFY(label("approvalRateLabel")->toolTip().contains(QStringLiteral("4 of 11")));
    QVERIFY(label("buyoutRateLabel")->toolTip().contains(QStringLiteral("returned")));
    QVERIFY(label("approveCountLabel")->text().contains(QStringLiteral("Approved&nbsp;</span> 4")));
    QVERIFY(label("trashCountLabel")->text().contains(QStringLiteral("Trash&nbsp;</span> 2")));
    QCOMPARE(label("shownCountLabel")->text(), QStringLiteral("12 lead(s) shown"));
    // The stage word this version does not know is counted, not dropped.
    QCOMPARE(label("otherCountLabel")->text(), QStringLiteral("Other: 1"));
    QVERIFY(label("otherCountLabel")->isVisible());

    // The figures are for what is shown.
    auto *country = m_view->findChild<QComboBox *>(QStringLiteral("countryCombo"));
    country->setCurrentIndex(country->findData(QStringLiteral("RU")));
    QTRY_COMPARE(label("approvalRateLabel")->text(), QStringLiteral("Approval: 50.0 %"));
    QCOMPARE(label("approvalWithoutTrashRateLabel")->text(),
             QStringLiteral("Approval without trash: 75.0 %"));
    QCOMPARE(label("buyoutRateLabel")->text(), QStringLiteral("Buyout: 100.0 %"));

    // No figure is not 0 %.
    auto *search = m_view->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTest::keyClicks(search, QStringLiteral("nobody at all"));
    QTRY_COMPARE(label("approvalRateLabel")->text(), QStringLiteral("Approval: –"));
}

void TestStatusView::selectingMarksSeen()
{
    const int row = viewRowOf(QStringLiteral("12"));
    QVERIFY(m_journal->entry(profile, QStringLiteral("12"))->unseenChange);
    m_view->table()->selectRow(row);
    QTRY_VERIFY(!m_journal->entry(profile, QStringLiteral("12"))->unseenChange);
    QTRY_VERIFY(!cell(QStringLiteral("12"), LeadTableModel::Name).data(Qt::FontRole).isValid());
    QVERIFY(m_journal->entry(profile, QStringLiteral("11"))->unseenChange);

    // The write is made on the journal's background connection; the table hears of it from the journal.
    m_view->findChild<QAction *>(QStringLiteral("markAllSeenAction"))->trigger();
    const auto anyUnseen = [this] {
        const QVector<JournalRow> rows = m_journal->rows(profile);
        return std::any_of(rows.cbegin(), rows.cend(),
                           [](const JournalRow &lead) { return lead.unseenChange; });
    };
    QTRY_VERIFY(!anyUnseen());
    for (int shown = 0; shown < m_view->leadModel()->rowCount(); ++shown)
        QTRY_VERIFY(!m_view->leadModel()->leadAt(shown).unseenChange);
}

void TestStatusView::exportWritesWhatIsShown()
{
    QHeaderView *header = m_view->table()->horizontalHeader();
    header->setSectionHidden(LeadTableModel::Phone, true);
    header->moveSection(header->visualIndex(LeadTableModel::Name), 0);
    m_view->table()->sortByColumn(LeadTableModel::OrderId, Qt::AscendingOrder);
    auto *stage = m_view->findChild<QAction *>(QStringLiteral("stageFilterAction_approve"));
    stage->setChecked(true);

    m_prompts.nextFileName = m_dir->filePath(QStringLiteral("export.csv"));
    m_view->findChild<QAction *>(QStringLiteral("exportAction"))->trigger();
    QFile file(m_prompts.nextFileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(bytes.mid(3));
    const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5); // header + 4 approved
    QVERIFY2(lines.first().startsWith(QStringLiteral("Name,Order id,Network id,Created,")),
             qPrintable(lines.first()));
    QVERIFY(!lines.first().contains(QStringLiteral("Phone")));
    QVERIFY(lines.at(1).startsWith(
        QStringLiteral("Anna Petrova,9,5009,2024-03-01 12:00:00,10,1,RU,Approved,Packing,")));
    QVERIFY(lines.at(4).startsWith(QStringLiteral("Carla Diaz,100,")));
    QVERIFY(!text.contains(QStringLiteral("79001234567"))); // the hidden column stays out

    m_prompts.nextFileName.clear(); // the user cancelled: nothing happens
    m_view->findChild<QAction *>(QStringLiteral("exportAction"))->trigger();
}

void TestStatusView::trackedIdsJoinTheTable()
{
    m_view->findChild<QAction *>(QStringLiteral("trackIdsAction"))->trigger();
    ImportIdsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_view->findChild<ImportIdsDialog *>()) != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    auto *edit = dialog->findChild<QPlainTextEdit *>(QStringLiteral("idsEdit"));
    auto *track = dialog->findChild<QPushButton *>(QStringLiteral("trackButton"));
    QVERIFY(!track->isEnabled());
    QTest::keyClicks(edit, QStringLiteral("3001, 3002"));
    edit->insertPlainText(QStringLiteral("\n3003 9 <junk>")); // as pasted
    QCOMPARE(dialog->orderIds(), (QStringList{QStringLiteral("3001"), QStringLiteral("3002"),
                                              QStringLiteral("3003"), QStringLiteral("9")}));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("summaryLabel"))
                ->text()
                .contains(QStringLiteral("<junk>")));
    QVERIFY(track->isEnabled());
    QTest::mouseClick(track, Qt::LeftButton);
    QTRY_COMPARE(m_view->table()->model()->rowCount(), 15);
    QCOMPARE(cell(QStringLiteral("3002"), LeadTableModel::Stage).data().toString(),
             QStringLiteral("Tracked"));
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("refreshLabel"))
                ->text()
                .contains(QStringLiteral("1 were there")));
}

void TestStatusView::trackDialogReadsAFile()
{
    const QString path = m_dir->filePath(QStringLiteral("ids.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name,order_id\r\n\"Doe, J\",7001\r\nRoe,7002\r\n");
    file.close();
    ImportIdsDialog dialog(&m_prompts);
    m_prompts.nextFileName = path;
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("importFileButton")), Qt::LeftButton);
    QCOMPARE(dialog.orderIds(), (QStringList{QStringLiteral("7001"), QStringLiteral("7002")}));
    QVERIFY(!dialog.importFile(m_dir->filePath(QStringLiteral("missing.txt"))));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"))
                ->text()
                .contains(QStringLiteral("missing.txt")));
}

void TestStatusView::layoutIsRemembered()
{
    QHeaderView *header = m_view->table()->horizontalHeader();
    header->setSectionHidden(LeadTableModel::Comment, true);
    m_view->table()->sortByColumn(LeadTableModel::OrderId, Qt::DescendingOrder);
    const QByteArray state = m_view->saveState();

    LeadTableModel otherModel(m_journal.get());
    LeadTracking otherTracking(m_journal.get());
    StatusView other(&otherModel, &otherTracking);
    other.setProfile(profile);
    QVERIFY(other.restoreState(state));
    QVERIFY(other.table()->horizontalHeader()->isSectionHidden(LeadTableModel::Comment));
    QCOMPARE(other.table()->horizontalHeader()->sortIndicatorSection(), int(LeadTableModel::OrderId));
    // The rows come from the journal's background connection, then take the restored order.
    QTRY_COMPARE_WITH_TIMEOUT(other.table()->model()->index(0, LeadTableModel::OrderId).data().toString(),
                              QStringLiteral("12345678901234567890123"), 10000);
    QVERIFY(!other.visibleColumns().contains(LeadTableModel::Comment));
    QVERIFY(!other.restoreState(QByteArray("garbage")));
    // A bare header state, as earlier versions saved at every close (cut-off widths included), is not
    // taken as the user's: the columns fit their words instead.
    LeadTableModel thirdModel(m_journal.get());
    LeadTracking thirdTracking(m_journal.get());
    StatusView third(&thirdModel, &thirdTracking);
    QVERIFY(!third.restoreState(header->saveState()));
    QVERIFY(third.saveState().isEmpty()); // nothing set by the user yet: nothing to keep
}

void TestStatusView::refreshNeedsAPoller()
{
    QVERIFY(!m_view->findChild<QAction *>(QStringLiteral("refreshAllAction"))->isEnabled());
    QVERIFY(!m_view->findChild<QAction *>(QStringLiteral("refreshSelectedAction"))->isEnabled());
}

void TestStatusView::everyInputIsLabelled()
{
    const QList<QLabel *> labels = m_view->findChildren<QLabel *>();
    int buddies = 0;
    for (QLabel *label : labels) {
        if (!label->buddy())
            continue;
        ++buddies;
        QVERIFY2(label->text().contains(QLatin1Char('&')), qPrintable(label->text()));
        // The label's words as a reader says them: "&Search:" names the box "Search".
        QString text = label->text().remove(QLatin1Char('&'));
        if (text.endsWith(QLatin1Char(':')))
            text.chop(1);
        QCOMPARE(label->buddy()->accessibleName(), text);
    }
    // search, stages, offer, webmaster, country, from, until; the Team scope's view and operator
    QCOMPARE(buddies, 9);
    for (QWidget *input : m_view->findChildren<QWidget *>()) {
        const bool part = qobject_cast<QAbstractSpinBox *>(input->parentWidget()) != nullptr;
        if (!part && (qobject_cast<QLineEdit *>(input) || qobject_cast<QComboBox *>(input) ||
                      qobject_cast<QAbstractSpinBox *>(input) || qobject_cast<QCheckBox *>(input)))
            QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName()));
    }
    QCOMPARE(m_view->table()->accessibleName(), QStringLiteral("Leads"));
}

QTEST_MAIN(TestStatusView)
#include "tst_statusview.moc"

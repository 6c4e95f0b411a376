#include "StatusView.h"
#include "TeamFixture.h"
#include "UserPrompts.h"
#include "journal/Journal.h"
#include "status/LeadTableModel.h"
#include "status/LeadTracking.h"
#include "team/TeamConnection.h"
#include "team/TeamLeadsModel.h"
#include "team/TeamSchema.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

constexpr int Leads = 300; // even: Anna's, odd: Boris's
constexpr int ServerTimeoutMs = 30000;
const QString profile = QStringLiteral("main");

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

// What the summary bar says (in whatever language the test runs).
QString shownText(int leads)
{
    return StatusView::tr("%n lead(s) shown", nullptr, leads);
}

} // namespace

// The Leads screen's Team scope, driven through its real widgets against a real PostgreSQL holding the
// leads of two operators.
class TestStatusViewTeam : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void noScopeSwitchWithoutATeamServer();
    void teamScopeReadsTheServerWithOperatorFilterSearchAndSort();
    void exportWritesEveryTeamLeadShown();

private:
    void switchToTeam();
    QComboBox *combo(const char *name) const { return m_view->findChild<QComboBox *>(QLatin1String(name)); }
    int columnOf(const QString &title) const;

    TeamFixture m_team;
    ScriptedPrompts m_prompts;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<TeamLeadsModel> m_teamModel;
    std::unique_ptr<StatusView> m_view;
};

void TestStatusViewTeam::initTestCase()
{
    QVERIFY2(m_team.setUp(), qPrintable(m_team.errorString()));
    {
        TeamConnection owner(m_team.config(TeamFixture::ownerUser()));
        QVERIFY2(owner.open(), qPrintable(owner.errorString()));
        QSqlDatabase db = owner.database();
        QVERIFY(TeamSchema::prepare(db).outcome == TeamSchema::Outcome::Ready);
    }
    QStringList values;
    for (int i = 0; i < Leads; ++i) {
        const QString who = i % 2 ? QStringLiteral("Boris") : QStringLiteral("Anna");
        values.append(
            QStringLiteral("('acc', 'T%1', 'ws-%2', '%2', '%3', 'RU', 'Name %1', '7900%1', 'sent', '%4',"
                           " timestamptz '2026-01-01' + interval '1 minute' * %1)")
                .arg(i, 4, 10, QLatin1Char('0'))
                .arg(who, QString::number(100 + i % 3), i % 4 == 0 ? QStringLiteral("approve") : QString()));
    }
    QVERIFY2(
        m_team.server().exec(
            {QStringLiteral("INSERT INTO workstations (workstation_id, db_user, operator_name) VALUES"
                            " ('ws-Anna', 'operator_anna', 'Anna'), ('ws-Boris', 'operator_boris', 'Boris')"),
             QStringLiteral("INSERT INTO leads (account, order_id, workstation_id, operator_name, offer,"
                            " country, name, phone, send_state, stage, created_at) VALUES ") +
                 values.join(QStringLiteral(", "))},
            TeamFixture::databaseName()),
        qPrintable(m_team.server().errorString()));
}

void TestStatusViewTeam::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_journal = std::make_unique<Journal>();
    QVERIFY(m_journal->open(m_dir->filePath(QStringLiteral("journal.sqlite"))));
    auto *model = new LeadTableModel(m_journal.get());
    auto *tracking = new LeadTracking(m_journal.get());
    m_view = std::make_unique<StatusView>(model, tracking);
    model->setParent(m_view.get());
    tracking->setParent(m_view.get());
    m_view->setPrompts(&m_prompts);
    m_view->setProfile(profile);
    m_view->resize(1200, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestStatusViewTeam::cleanup()
{
    m_view.reset();
    m_teamModel.reset();
    m_journal.reset();
    m_dir.reset();
}

void TestStatusViewTeam::switchToTeam()
{
    // The manager's login: the Team scope only reads.
    m_teamModel = std::make_unique<TeamLeadsModel>(m_team.config(TeamFixture::manager()));
    m_teamModel->setPageSize(50);
    m_view->setTeamModel(m_teamModel.get());
    QComboBox *scope = combo("scopeCombo");
    QVERIFY(scope && scope->isVisible());
    scope->setFocus();
    QTest::keyClick(scope, Qt::Key_Down); // "Team"
    QVERIFY(m_view->isTeamScope());
    QTRY_VERIFY_WITH_TIMEOUT(m_view->teamTable()->isVisible(), ServerTimeoutMs);
    QVERIFY(!m_view->table()->isVisible());
}

int TestStatusViewTeam::columnOf(const QString &title) const
{
    QAbstractItemModel *model = m_view->teamTable()->model();
    for (int column = 0; column < model->columnCount(); ++column) {
        if (model->headerData(column, Qt::Horizontal).toString() == title)
            return column;
    }
    return -1;
}

void TestStatusViewTeam::noScopeSwitchWithoutATeamServer()
{
    QVERIFY(!combo("scopeCombo")->isVisible());
    QVERIFY(!combo("operatorCombo")->isVisible());
    QVERIFY(m_view->table()->isVisible());
    QVERIFY(!m_view->isTeamScope());
}

void TestStatusViewTeam::teamScopeReadsTheServerWithOperatorFilterSearchAndSort()
{
    switchToTeam();
    QTableView *table = m_view->teamTable();
    auto *shown = m_view->findChild<QLabel *>(QStringLiteral("shownCountLabel"));
    // One page on screen, every lead counted by the server.
    QTRY_COMPARE_WITH_TIMEOUT(shown->text(), shownText(Leads), ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 50, ServerTimeoutMs);
    QVERIFY(table->model()->rowCount() < Leads);
    const int operatorColumn = columnOf(QStringLiteral("Operator"));
    QVERIFY(operatorColumn >= 0);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("T0299")); // newest first

    // The operator filter lists the team's operators.
    QComboBox *operators = combo("operatorCombo");
    QVERIFY(operators->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(operators->count(), 3, ServerTimeoutMs); // All, Anna, Boris
    operators->setCurrentIndex(operators->findText(QStringLiteral("Boris")));
    QTRY_COMPARE_WITH_TIMEOUT(shown->text(), shownText(Leads / 2), ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, ServerTimeoutMs);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QCOMPARE(table->model()->index(row, operatorColumn).data().toString(), QStringLiteral("Boris"));

    // Typing in the search box asks the server: T0011, T0013, ... T0019 are Boris's of "T001".
    auto *search = m_view->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("t001"));
    QTRY_COMPARE_WITH_TIMEOUT(shown->text(), shownText(5), ServerTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 5, ServerTimeoutMs);
    search->clear();
    operators->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(shown->text(), shownText(Leads), ServerTimeoutMs);

    // A click on the Operator header sorts in the server: Anna's leads first.
    QHeaderView *header = table->horizontalHeader();
    const int x = header->sectionViewportPosition(operatorColumn) + header->sectionSize(operatorColumn) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QTRY_VERIFY_WITH_TIMEOUT(m_teamModel->query().sortColumn == TeamLeadsQuery::Operator, ServerTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 50, ServerTimeoutMs);
    const QString first = table->model()->index(0, operatorColumn).data().toString();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 50 &&
                                 table->model()->index(0, operatorColumn).data().toString() != first,
                             ServerTimeoutMs);
    QCOMPARE(QSet<QString>({first, table->model()->index(0, operatorColumn).data().toString()}),
             QSet<QString>({QStringLiteral("Anna"), QStringLiteral("Boris")}));

    // Back to the workstation's own leads.
    combo("scopeCombo")->setCurrentIndex(0);
    QVERIFY(m_view->table()->isVisible());
    QVERIFY(!operators->isVisible());
    QCOMPARE(shown->text(), shownText(0));
}

void TestStatusViewTeam::exportWritesEveryTeamLeadShown()
{
    switchToTeam();
    QComboBox *offers = combo("offerCombo");
    QTRY_VERIFY_WITH_TIMEOUT(offers->findText(QStringLiteral("101")) > 0, ServerTimeoutMs);
    offers->setCurrentIndex(offers->findText(QStringLiteral("101")));
    auto *shown = m_view->findChild<QLabel *>(QStringLiteral("shownCountLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(shown->text(), shownText(Leads / 3), ServerTimeoutMs);
    m_prompts.nextFileName = m_dir->filePath(QStringLiteral("team.csv"));
    QString said;
    connect(m_view.get(), &StatusView::message, this, [&said](const QString &text) { said = text; });
    auto *exportAction = m_view->findChild<QAction *>(QStringLiteral("exportAction"));
    QVERIFY(exportAction->isEnabled());
    exportAction->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!said.isEmpty(), ServerTimeoutMs);
    QVERIFY2(said.startsWith(StatusView::tr("Exported %n lead(s) to %1", nullptr, Leads / 3).arg(QString())),
             qPrintable(said));
    QFile file(m_prompts.nextFileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), Leads / 3 + 2); // the header, the leads, nothing after the last CRLF
    QVERIFY(lines.at(0).contains("Operator"));
    for (int i = 1; i <= Leads / 3; ++i)
        QVERIFY2(lines.at(i).contains(",101,"), lines.at(i).constData());
}

QTEST_MAIN(TestStatusViewTeam)
#include "tst_statusview_team.moc"

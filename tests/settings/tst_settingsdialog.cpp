// The settings dialog driven through its real widgets, offscreen.
#include "CatalogComboBox.h"
#include "LogCanary.h"
#include "ScriptedStatusFetch.h"
#include "SettingsDialog.h"
#include "TestEnvironment.h"
#include "leads/CountryCatalog.h"
#include "leads/CurrencyCatalog.h"
#include "settings/CredentialStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "settings/SettingsPaths.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QAccessibleEditableTextInterface>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

#include <memory>

namespace {

const QString Canary = QStringLiteral("CANARY-KEY-93f1");
const QString OtherCanary = QStringLiteral("CANARY-KEY-93f1-other");

QString withoutMnemonic(QString text)
{
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QLatin1Char(':')))
        text.chop(1);
    return text.trimmed();
}

QChar mnemonicOf(const QString &text)
{
    const int at = text.indexOf(QLatin1Char('&'));
    return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
}

// Everything a widget shows or tells assistive technology, except what a line edit holds.
QStringList visibleTexts(QWidget *root, const QLineEdit *except)
{
    QStringList texts;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : widgets) {
        texts << widget->windowTitle() << widget->toolTip() << widget->statusTip() << widget->whatsThis()
              << widget->accessibleName() << widget->accessibleDescription();
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts << label->text();
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts << button->text();
        if (auto *edit = qobject_cast<QLineEdit *>(widget); edit && edit != except)
            texts << edit->text() << edit->placeholderText();
        if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        }
        if (auto *list = qobject_cast<QListWidget *>(widget)) {
            for (int i = 0; i < list->count(); ++i)
                texts << list->item(i)->text() << list->item(i)->toolTip();
        }
    }
    return texts;
}

struct Outcome
{
    bool done = false;
    CredentialJob::Result result = CredentialJob::Result::Pending;
    QString key;
};

std::shared_ptr<Outcome> watch(CredentialJob *job)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(job, &CredentialJob::finished, job, [outcome](CredentialJob *finished) {
        outcome->done = true;
        outcome->result = finished->result();
        outcome->key = finished->key();
    });
    return outcome;
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

public:
    static void initMain()
    {
        QCoreApplication::setAttribute(Qt::AA_Use96Dpi);
        // Headless, no keychain: keys go to the owner-only file, deterministically.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
    }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void everyInputIsLabelledAndReachable();
    void fillAProfileShowTheKeyAndTestTheConnection();
    void cancelChangesNothing();
    void eachProfileShowsItsOwnKey();
    void removingAProfileDeletesItsKey();
    void aBrokenProfileKeepsTheDialogOpen();
    void applicationOptions();
    void sandboxProfile();
    void sandboxNotRunning();
    void saysWhereTheKeyIsKept();
    void aKeySetWithoutKeyPressesIsStored_data();
    void aKeySetWithoutKeyPressesIsStored();
    void aFailedApplicationSaveKeepsTheDialogOpen();
    void aFailedProfileAddCommitsNoRemoval();
    void theSandboxHasOneName();
    void countryAndCurrencyDefaultsAreTheFormsDropDowns();
    void aProfileHoldingWaitingLeadsStays();

private:
    template <typename T> T *child(const char *name) const
    {
        T *found = m_dialog->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }
    void openDialog();
    void writeKey(const QString &profileId, const QString &key);
    QString readKey(const QString &profileId);
    void selectProfileNamed(const QString &name);
    QString addWorkProfile();
    void pressOk();
    static void replaceText(QLineEdit *edit, const QString &text);
    static void pressTabIn(QComboBox *combo);

    TestEnvironment m_environment;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialStore> m_credentials;
    ScriptedFetchStarter m_starter;
    std::unique_ptr<ConnectionTester> m_tester;
    std::unique_ptr<SettingsDialog> m_dialog;
};

void TestSettingsDialog::initTestCase()
{
    LogCanary::start();
    QCoreApplication::setOrganizationName(QStringLiteral("CPA Desk"));
    QCoreApplication::setApplicationName(QStringLiteral("cpadesk"));
}

void TestSettingsDialog::cleanupTestCase()
{
    // Every logging category was on for the whole run: no key may be in any message, at any level.
    const QStringList leaks = LogCanary::messagesContaining(QStringLiteral("CANARY-KEY-93f1"));
    QVERIFY2(leaks.isEmpty(), "a key reached the log");
    QVERIFY2(!LogCanary::messagesContaining(QStringLiteral("cpadesk.settings")).isEmpty(),
             "the capture saw the subsystem's own messages, so it was really listening");
}

void TestSettingsDialog::init()
{
    for (const QString &path :
         {SettingsPaths::settingsFile(), SettingsPaths::profilesFile(), SettingsPaths::credentialsFile()})
        QFile::remove(path);
    m_settings = std::make_unique<Settings>();
    m_profiles = std::make_unique<ProfileStore>(m_settings.get());
    m_credentials = std::make_unique<CredentialStore>();
    m_starter = ScriptedFetchStarter();
    m_tester = std::make_unique<ConnectionTester>(
        [this](const ApiConfig &config, const QStringList &ids) { return m_starter.start(config, ids); });
}

void TestSettingsDialog::cleanup()
{
    m_dialog.reset();
    m_tester.reset();
    m_credentials.reset();
    m_profiles.reset();
    m_settings.reset();
}

void TestSettingsDialog::openDialog()
{
    m_dialog = std::make_unique<SettingsDialog>(m_settings.get(), m_profiles.get(), m_credentials.get(),
                                                m_tester.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    // Active, so that focus moves as it does for a user (a drop-down settles when the focus leaves it).
    m_dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
}

void TestSettingsDialog::writeKey(const QString &profileId, const QString &key)
{
    auto outcome = watch(m_credentials->writeKey(profileId, key));
    QTRY_VERIFY_WITH_TIMEOUT(outcome->done, 30000);
    QCOMPARE(outcome->result, CredentialJob::Result::Ok);
}

QString TestSettingsDialog::readKey(const QString &profileId)
{
    auto outcome = watch(m_credentials->readKey(profileId));
    if (!QTest::qWaitFor([&] { return outcome->done; }, 30000))
        return QStringLiteral("<timed out>");
    return outcome->result == CredentialJob::Result::Ok ? outcome->key : QStringLiteral("<none>");
}

void TestSettingsDialog::selectProfileNamed(const QString &name)
{
    auto *list = child<QListWidget>("profilesList");
    const QList<QListWidgetItem *> items = list->findItems(name, Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    list->setCurrentItem(items.first());
}

void TestSettingsDialog::replaceText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// Where the keyboard sends Tab: to the list of matches while it is open, else to the text box.
void TestSettingsDialog::pressTabIn(QComboBox *combo)
{
    QAbstractItemView *matches = combo->completer()->popup();
    QTest::keyClick(matches->isVisible() ? static_cast<QWidget *>(matches) : combo->lineEdit(), Qt::Key_Tab);
    if (combo->lineEdit()->hasFocus())
        QTest::keyClick(combo->lineEdit(), Qt::Key_Tab);
}

void TestSettingsDialog::everyInputIsLabelledAndReachable()
{
    openDialog();
    auto *tabs = child<QTabWidget>("settingsTabWidget");
    QVERIFY(tabs);
    const QList<QLabel *> labels = m_dialog->findChildren<QLabel *>();
    const QList<QWidget *> inputs = m_dialog->findChildren<QWidget *>();
    int checkedInputs = 0;
    for (QWidget *input : inputs) {
        const bool isInput = qobject_cast<QLineEdit *>(input) || qobject_cast<QSpinBox *>(input) ||
                             qobject_cast<QListWidget *>(input) ||
                             (qobject_cast<QComboBox *>(input) && input->objectName().endsWith(u"Combo"));
        // The editor inside a spin box or combo box is part of that input, labelled through it.
        if (!isInput || qobject_cast<QAbstractSpinBox *>(input->parentWidget()) ||
            qobject_cast<QComboBox *>(input->parentWidget()))
            continue;
        ++checkedInputs;
        QVERIFY2(!input->objectName().isEmpty(), input->metaObject()->className());
        const QLabel *buddyLabel = nullptr;
        for (const QLabel *label : labels) {
            if (label->buddy() == input)
                buddyLabel = label;
        }
        QVERIFY2(buddyLabel, qPrintable(input->objectName() + QStringLiteral(" has no buddy label")));
        QVERIFY2(!mnemonicOf(buddyLabel->text()).isNull(), qPrintable(buddyLabel->text()));
        QCOMPARE(input->accessibleName(), withoutMnemonic(buddyLabel->text()));
        QVERIFY2(input->focusPolicy() & Qt::TabFocus, qPrintable(input->objectName()));
    }
    QVERIFY(checkedInputs >= 13);
    for (QCheckBox *check : m_dialog->findChildren<QCheckBox *>()) {
        QVERIFY2(!mnemonicOf(check->text()).isNull(), qPrintable(check->text()));
        QCOMPARE(check->accessibleName(), withoutMnemonic(check->text()));
    }

    // No two shortcuts on one page (the tab shortcuts work on every page).
    for (int page = 0; page < tabs->count(); ++page) {
        QStringList used;
        for (int tab = 0; tab < tabs->count(); ++tab)
            used << QString(mnemonicOf(tabs->tabText(tab)));
        QWidget *pageWidget = tabs->widget(page);
        for (const QLabel *label : pageWidget->findChildren<QLabel *>()) {
            if (label->buddy())
                used << QString(mnemonicOf(label->text()));
        }
        for (const QAbstractButton *button : pageWidget->findChildren<QAbstractButton *>()) {
            if (!mnemonicOf(button->text()).isNull())
                used << QString(mnemonicOf(button->text()));
        }
        QStringList unique = used;
        unique.removeDuplicates();
        QVERIFY2(unique.size() == used.size(), qPrintable(used.join(QLatin1Char(' '))));
    }
    // No fixed sizes: everything is laid out.
    for (QWidget *widget : inputs)
        QVERIFY2(widget->minimumSize() == QSize(0, 0) || widget->minimumSize() != widget->maximumSize(),
                 qPrintable(widget->objectName()));
}

void TestSettingsDialog::fillAProfileShowTheKeyAndTestTheConnection()
{
    openDialog();
    const QString title = m_dialog->windowTitle();
    QTest::mouseClick(child<QPushButton>("addProfileButton"), Qt::LeftButton);
    auto *name = child<QLineEdit>("nameEdit");
    QTRY_VERIFY(name->hasFocus());
    QCOMPARE(name->selectedText(), name->text()); // ready to be typed over
    QTest::keyClicks(name, QStringLiteral("Network A"));
    replaceText(child<QLineEdit>("baseUrlEdit"), QStringLiteral("https://api.example.net"));
    replaceText(child<QLineEdit>("userIdEdit"), QStringLiteral("1234"));
    // A self-signed server's certificate, pinned by its SHA-256 fingerprint as openssl prints it.
    const QString pin = QStringLiteral("f302559ed15006da8e304a0d3ed36aff68f0ce9af9c9a843d57268df0c38c1f1");
    replaceText(child<QLineEdit>("certificatePinEdit"), pin);
    auto *key = child<QLineEdit>("keyEdit");
    replaceText(key, Canary);
    replaceText(child<QLineEdit>("defaultWmEdit"), QStringLiteral("42"));
    replaceText(child<QLineEdit>("defaultIpEdit"), QStringLiteral("12.34.56.78"));
    // Country and currency: the lead form's searchable drop-downs; a code typed settles on its entry.
    auto *country = child<QComboBox>("defaultCountryCombo");
    replaceText(country->lineEdit(), QStringLiteral("kz"));
    pressTabIn(country);
    QCOMPARE(country->currentData().toString(), QStringLiteral("KZ"));
    QCOMPARE(country->currentText(), country->itemText(country->currentIndex()));
    auto *currency = child<QComboBox>("defaultCurrencyCombo");
    replaceText(currency->lineEdit(), QStringLiteral("KZT"));
    pressTabIn(currency);
    QCOMPARE(currency->currentData().toString(), QStringLiteral("KZT"));
    auto *encoding = child<QComboBox>("encodingCombo");
    encoding->setFocus();
    QTest::keyClick(encoding, Qt::Key_Down); // JSON
    QCOMPARE(encoding->currentData().toInt(), int(BodyEncoding::Json));

    // Masked, and "Show key" unmasks it only while ticked.
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    QVERIFY(!key->displayText().contains(Canary));
    auto *show = child<QCheckBox>("showKeyCheckBox");
    show->setFocus();
    QTest::keyClick(show, Qt::Key_Space);
    QCOMPARE(key->echoMode(), QLineEdit::Normal);
    QCOMPARE(key->displayText(), Canary);
    QTest::keyClick(show, Qt::Key_Space);
    QCOMPARE(key->echoMode(), QLineEdit::Password);

    // Test connection with a wrong key, then a right one.
    m_starter.answer.error.kind = ApiError::Kind::Service;
    m_starter.answer.error.code = QStringLiteral("key");
    auto *test = child<QPushButton>("testConnectionButton");
    auto *result = child<QLabel>("connectionResultLabel");
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(result->text(), QStringLiteral("Wrong user id or key."), 10000);
    QVERIFY(test->isEnabled());
    QCOMPARE(m_starter.calls.size(), 1);
    const ApiConfig sent = m_starter.calls.first().config;
    QCOMPARE(sent.baseUrl, QUrl(QStringLiteral("https://api.example.net")));
    QCOMPARE(sent.user, QStringLiteral("1234"));
    QVERIFY2(sent.key == Canary, "the key typed is the key tested");
    QCOMPARE(sent.encoding, BodyEncoding::Json);
    QCOMPARE(sent.pinnedCertificate, QByteArray::fromHex(pin.toLatin1())); // tested as it will be used
    QCOMPARE(m_starter.calls.first().ids, QStringList{ConnectionTester::harmlessOrderId()});

    m_starter.answer = ListResult{};
    test->setFocus();
    QTest::keyClick(test, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("works")), 10000);

    // The key is in its own field and nowhere else: title, labels, lists, tooltips, accessible texts.
    QCOMPARE(m_dialog->windowTitle(), title);
    QVERIFY(!m_dialog->windowTitle().contains(Canary));
    const QStringList texts = visibleTexts(m_dialog.get(), key);
    for (const QString &text : texts)
        QVERIFY2(!text.contains(Canary), "the key shows outside its field");

    // OK stores the profile, and the key apart from it.
    QTest::mouseClick(child<QDialogButtonBox>("dialogButtonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 30000);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_profiles->profiles().size(), 2);
    const Profile stored = m_profiles->profiles().last();
    QCOMPARE(stored.name, QStringLiteral("Network A"));
    QCOMPARE(stored.baseUrl, QUrl(QStringLiteral("https://api.example.net")));
    QCOMPARE(stored.userId, QStringLiteral("1234"));
    QCOMPARE(stored.encoding, BodyEncoding::Json);
    QCOMPARE(stored.defaultWm, QStringLiteral("42"));
    QCOMPARE(stored.defaultIp, QStringLiteral("12.34.56.78"));
    QCOMPARE(stored.defaultCountry, QStringLiteral("kz"));
    QCOMPARE(stored.defaultCurrency, QStringLiteral("KZT"));
    QCOMPARE(stored.certificatePin, pin);
    QVERIFY(readKey(stored.id) == Canary);
    QFile profilesFile(m_profiles->filePath());
    QVERIFY(profilesFile.open(QIODevice::ReadOnly));
    QVERIFY(!profilesFile.readAll().contains(Canary.toUtf8()));
    QVERIFY(!key->isVisible());
}

void TestSettingsDialog::cancelChangesNothing()
{
    const QList<Profile> before = m_profiles->profiles();
    openDialog();
    QTest::mouseClick(child<QPushButton>("addProfileButton"), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>("nameEdit"), QStringLiteral("Never saved"));
    child<QSpinBox>("autoRefreshSpinBox")->setValue(30);
    QTest::mouseClick(child<QDialogButtonBox>("dialogButtonBox")->button(QDialogButtonBox::Cancel),
                      Qt::LeftButton);
    QTRY_VERIFY(!m_dialog->isVisible());
    QCOMPARE(m_profiles->profiles(), before);
    QCOMPARE(m_settings->integer(Settings::Key::AutoRefreshMinutes), 5);
}

void TestSettingsDialog::eachProfileShowsItsOwnKey()
{
    Profile a;
    a.name = QStringLiteral("A");
    a.baseUrl = QUrl(QStringLiteral("https://a.example"));
    a.userId = QStringLiteral("1");
    Profile b = a;
    b.name = QStringLiteral("B");
    b.baseUrl = QUrl(QStringLiteral("https://b.example"));
    const QString idA = m_profiles->add(a);
    const QString idB = m_profiles->add(b);
    QVERIFY(!idA.isEmpty() && !idB.isEmpty());
    writeKey(idA, Canary);
    writeKey(idB, OtherCanary);

    openDialog();
    auto *key = child<QLineEdit>("keyEdit");
    selectProfileNamed(QStringLiteral("A"));
    QTRY_VERIFY_WITH_TIMEOUT(key->isEnabled() && key->text() == Canary, 30000);
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    selectProfileNamed(QStringLiteral("B"));
    QTRY_VERIFY_WITH_TIMEOUT(key->isEnabled() && key->text() == OtherCanary, 30000);
    QCOMPARE(child<QLineEdit>("baseUrlEdit")->text(), QStringLiteral("https://b.example"));

    // Change B's key only.
    const QString newKey = QStringLiteral("CANARY-KEY-93f1-new");
    replaceText(key, newKey);
    selectProfileNamed(QStringLiteral("A"));
    QTRY_VERIFY(key->text() == Canary);
    QTest::mouseClick(child<QDialogButtonBox>("dialogButtonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 30000);
    QVERIFY(readKey(idA) == Canary);
    QVERIFY(readKey(idB) == newKey);
}

void TestSettingsDialog::removingAProfileDeletesItsKey()
{
    Profile doomed;
    doomed.name = QStringLiteral("Doomed");
    doomed.baseUrl = QUrl(QStringLiteral("https://doomed.example"));
    doomed.userId = QStringLiteral("9");
    const QString id = m_profiles->add(doomed);
    writeKey(id, Canary);
    openDialog();
    selectProfileNamed(QStringLiteral("Doomed"));
    auto *remove = child<QPushButton>("removeProfileButton");
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(child<QListWidget>("profilesList")->count(), 1);
    QVERIFY2(m_profiles->contains(id), "nothing is removed before OK");
    QTest::mouseClick(child<QDialogButtonBox>("dialogButtonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 30000);
    QVERIFY(!m_profiles->contains(id));
    QCOMPARE(readKey(id), QStringLiteral("<none>"));
    QFile credentials(m_credentials->fallbackFilePath());
    QVERIFY(credentials.open(QIODevice::ReadOnly));
    QVERIFY(!credentials.readAll().contains(Canary.toUtf8()));
}

void TestSettingsDialog::aBrokenProfileKeepsTheDialogOpen()
{
    openDialog();
    QTest::mouseClick(child<QPushButton>("addProfileButton"), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>("nameEdit"), QStringLiteral("No user"));
    QTest::mouseClick(child<QDialogButtonBox>("dialogButtonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    auto *problem = child<QLabel>("problemLabel");
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("user id")), qPrintable(problem->text()));
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_profiles->profiles().size(), 1);
    // Fixing it lets OK through.
    replaceText(child<QLineEdit>("userIdEdit"), QStringLiteral("77"));
    QTest::mouseClick(child<QDialogButtonBox>("dialogButtonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 30000);
    QCOMPARE(m_profiles->profiles().size(), 2);
}

void TestSettingsDialog::applicationOptions()
{
    openDialog();
    child<QTabWidget>("settingsTabWidget")->setCurrentIndex(1);
    auto *language = child<QComboBox>("languageCombo");
    QCOMPARE(language->currentData().toString(), QStringLiteral("system"));
    language->setCurrentIndex(language->findData(QStringLiteral("ru")));
    auto *refresh = child<QSpinBox>("autoRefreshSpinBox");
    QCOMPARE(refresh->value(), 5);
    refresh->setFocus();
    for (int step = 0; step < 5; ++step)
        QTest::keyClick(refresh, Qt::Key_Down);
    QCOMPARE(refresh->value(), 0);
    QCOMPARE(refresh->text(), QStringLiteral("Off"));
    auto *notifications = child<QCheckBox>("notificationsCheckBox");
    QVERIFY(notifications->isChecked());
    notifications->setFocus();
    QTest::keyClick(notifications, Qt::Key_Space);
    auto *stickyOffer = child<QCheckBox>("stickyOfferCheckBox");
    auto *stickyComment = child<QCheckBox>("stickyCommCheckBox");
    QVERIFY(stickyOffer->isChecked());
    QVERIFY(!stickyComment->isChecked());
    stickyOffer->click();
    stickyComment->click();
    QTest::mouseClick(child<QDialogButtonBox>("dialogButtonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 30000);

    Settings reread;
    QCOMPARE(reread.string(Settings::Key::Language), QStringLiteral("ru"));
    QCOMPARE(reread.integer(Settings::Key::AutoRefreshMinutes), 0);
    QCOMPARE(reread.flag(Settings::Key::NotificationsEnabled), false);
    const QStringList sticky = reread.stringList(Settings::Key::StickyLeadFields);
    QVERIFY(!sticky.contains(QStringLiteral("offer")));
    QVERIFY(sticky.contains(QStringLiteral("comm")));
    QVERIFY(sticky.contains(QStringLiteral("wm")));
}

void TestSettingsDialog::sandboxProfile()
{
    m_profiles->setSandboxBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:43210")));
    openDialog();
    QCOMPARE(m_dialog->currentProfileId(), ProfileStore::sandboxProfileId());
    QVERIFY(!child<QPushButton>("removeProfileButton")->isEnabled());
    auto *url = child<QLineEdit>("baseUrlEdit");
    QVERIFY(url->isReadOnly());
    QCOMPARE(url->text(), QStringLiteral("http://127.0.0.1:43210"));
    QVERIFY(child<QLabel>("sandboxNoteLabel")->isVisible());
    auto *key = child<QLineEdit>("keyEdit");
    QTRY_VERIFY_WITH_TIMEOUT(key->isEnabled(), 30000); // the stored key (none yet) has been read
    replaceText(key, QStringLiteral("demo"));
    QTest::mouseClick(child<QPushButton>("testConnectionButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_starter.calls.size(), 1, 10000);
    QCOMPARE(m_starter.calls.first().config.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:43210")));
    QCOMPARE(m_starter.calls.first().config.user, QStringLiteral("demo"));
}

void TestSettingsDialog::sandboxNotRunning()
{
    openDialog();
    QCOMPARE(m_dialog->currentProfileId(), ProfileStore::sandboxProfileId());
    auto *key = child<QLineEdit>("keyEdit");
    QTRY_VERIFY_WITH_TIMEOUT(key->isEnabled(), 30000);
    replaceText(key, QStringLiteral("demo"));
    QTest::mouseClick(child<QPushButton>("testConnectionButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>("connectionResultLabel")->text().contains(QStringLiteral("not running")));
    QVERIFY(m_starter.calls.isEmpty());
}

void TestSettingsDialog::saysWhereTheKeyIsKept()
{
    openDialog();
    auto *where = child<QLabel>("keyStorageLabel");
    QTRY_COMPARE_WITH_TIMEOUT(m_credentials->storage(), CredentialStore::Storage::SettingsFile, 30000);
    QTRY_COMPARE(where->text(), m_credentials->storageDescription());
    QVERIFY(where->text().contains(QDir::toNativeSeparators(m_credentials->fallbackFilePath())));
    QVERIFY(where->isVisible());
}

QString TestSettingsDialog::addWorkProfile()
{
    Profile work;
    work.name = QStringLiteral("Work");
    work.baseUrl = QUrl(QStringLiteral("https://work.example"));
    work.userId = QStringLiteral("31");
    return m_profiles->add(work);
}

void TestSettingsDialog::pressOk()
{
    QTest::mouseClick(child<QDialogButtonBox>("dialogButtonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}

void TestSettingsDialog::aKeySetWithoutKeyPressesIsStored_data()
{
    QTest::addColumn<QString>("how");
    // A screen reader's or other assistive tool's text interface; a password manager's autofill (setText);
    // and, for comparison, typing.
    QTest::newRow("accessible insertText") << QStringLiteral("insertText");
    QTest::newRow("accessible replaceText") << QStringLiteral("replaceText");
    QTest::newRow("setText") << QStringLiteral("setText");
    QTest::newRow("typed") << QStringLiteral("typed");
}

void TestSettingsDialog::aKeySetWithoutKeyPressesIsStored()
{
    QFETCH(QString, how);
    const QString id = addWorkProfile();
    writeKey(id, OtherCanary);
    openDialog();
    selectProfileNamed(QStringLiteral("Work"));
    auto *key = child<QLineEdit>("keyEdit");
    QTRY_VERIFY_WITH_TIMEOUT(key->isEnabled() && !key->text().isEmpty(), 30000); // the stored key was read
    if (how == u"typed") {
        replaceText(key, Canary);
    } else if (how == u"setText") {
        key->setText(Canary);
    } else {
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(key);
        QVERIFY(accessible);
        QAccessibleEditableTextInterface *editable = accessible->editableTextInterface();
        QVERIFY(editable);
        if (how == u"insertText") {
            editable->deleteText(0, int(key->text().size()));
            editable->insertText(0, Canary);
        } else {
            editable->replaceText(0, int(key->text().size()), Canary);
        }
    }
    QCOMPARE(key->text(), Canary);
    pressOk();
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 30000);
    QCOMPARE(readKey(id), Canary);
}

void TestSettingsDialog::aFailedApplicationSaveKeepsTheDialogOpen()
{
    const QString id = addWorkProfile();
    // A device that loses what was written: the settings file cannot be saved.
    m_settings->file().setBeforeVerifyHook([](const QString &path) {
        QFile written(path);
        if (written.open(QIODevice::WriteOnly | QIODevice::Truncate))
            written.write("[app]\n");
    });
    openDialog();
    selectProfileNamed(QStringLiteral("Work"));
    replaceText(child<QLineEdit>("nameEdit"), QStringLiteral("Work renamed"));
    child<QTabWidget>("settingsTabWidget")->setCurrentIndex(1);
    auto *refresh = child<QSpinBox>("autoRefreshSpinBox");
    refresh->setFocus();
    QTest::keyClick(refresh, Qt::Key_Up);
    QCOMPARE(refresh->value(), 6);
    pressOk();
    auto *problem = child<QLabel>("problemLabel");
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("application settings could not be saved")),
             qPrintable(problem->text()));
    QVERIFY2(m_dialog->isVisible(), "the dialog stays open, showing why");
    // Nothing was half applied: the options are what they were, the profile keeps its name.
    QCOMPARE(m_settings->integer(Settings::Key::AutoRefreshMinutes), 5);
    QCOMPARE(m_profiles->profile(id)->name, QStringLiteral("Work"));

    // Once the disk works again, OK goes through.
    m_settings->file().setBeforeVerifyHook({});
    pressOk();
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 30000);
    QCOMPARE(Settings().integer(Settings::Key::AutoRefreshMinutes), 6);
    QCOMPARE(m_profiles->profile(id)->name, QStringLiteral("Work renamed"));
}

void TestSettingsDialog::aFailedProfileAddCommitsNoRemoval()
{
    const QString id = addWorkProfile();
    // The profiles file cannot be written once it would hold the new profile.
    m_profiles->file().setBeforeVerifyHook([](const QString &path) {
        QFile written(path);
        if (!written.open(QIODevice::ReadWrite) || !written.readAll().contains("Network B"))
            return;
        written.resize(0);
    });
    openDialog();
    selectProfileNamed(QStringLiteral("Work"));
    QTest::mouseClick(child<QPushButton>("removeProfileButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("addProfileButton"), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>("nameEdit"), QStringLiteral("Network B"));
    replaceText(child<QLineEdit>("baseUrlEdit"), QStringLiteral("https://b.example"));
    replaceText(child<QLineEdit>("userIdEdit"), QStringLiteral("12"));
    pressOk();
    auto *problem = child<QLabel>("problemLabel");
    QTRY_VERIFY(problem->isVisible());
    QVERIFY(m_dialog->isVisible());
    QVERIFY2(m_profiles->contains(id), "the removal is not committed when the add fails");
    QCOMPARE(ProfileStore(m_settings.get()).profiles().size(), 2); // on disk too: sandbox and Work

    m_profiles->file().setBeforeVerifyHook({});
    pressOk();
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 30000);
    QVERIFY(!m_profiles->contains(id));
    QCOMPARE(m_profiles->profiles().size(), 2);
    QCOMPARE(m_profiles->profiles().last().name, QStringLiteral("Network B"));
}

void TestSettingsDialog::theSandboxHasOneName()
{
    openDialog();
    QCOMPARE(m_dialog->currentProfileId(), ProfileStore::sandboxProfileId());
    const QString name = m_profiles->profile(ProfileStore::sandboxProfileId())->displayName();
    QCOMPARE(name, QStringLiteral("Sandbox (built-in emulator)"));
    QCOMPARE(child<QListWidget>("profilesList")->currentItem()->text(), name);
    auto *nameEdit = child<QLineEdit>("nameEdit");
    QCOMPARE(nameEdit->text(), name);
    QVERIFY(nameEdit->isReadOnly());
    QVERIFY(!child<QPushButton>("renameProfileButton")->isEnabled());
}

void TestSettingsDialog::countryAndCurrencyDefaultsAreTheFormsDropDowns()
{
    openDialog();
    auto *country = child<CatalogComboBox>("defaultCountryCombo");
    auto *currency = child<CatalogComboBox>("defaultCurrencyCombo");
    QVERIFY(country);
    QVERIFY(currency);
    QVERIFY(country->isEditable());
    QCOMPARE(country->count(), CountryCatalog::countries().size());
    QCOMPARE(currency->count(), CurrencyCatalog::currencies().size());
    // The sandbox's defaults (ru, RUB) show as their entries, not as bare codes.
    QCOMPARE(country->currentData().toString(), QStringLiteral("RU"));
    QCOMPARE(currency->currentData().toString(), QStringLiteral("RUB"));
    // Searching by part of a name, from the keyboard, then OK stores the code.
    country->setFocus();
    QTest::keyClick(country->lineEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(country->lineEdit(), QStringLiteral("Kazakh"));
    QAbstractItemView *matches = country->completer()->popup();
    QTRY_VERIFY(matches->isVisible());
    QTest::keyClick(matches, Qt::Key_Down);
    QTest::keyClick(matches, Qt::Key_Return);
    QCOMPARE(country->currentText(), country->itemText(country->findData(QStringLiteral("KZ"))));
    QTest::keyClick(country->lineEdit(), Qt::Key_Tab);
    QCOMPARE(country->code(), QStringLiteral("KZ"));
    pressOk();
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isVisible(), 30000);
    QCOMPARE(m_profiles->profile(ProfileStore::sandboxProfileId())->defaultCountry, QStringLiteral("kz"));
    QCOMPARE(m_profiles->profile(ProfileStore::sandboxProfileId())->defaultCurrency, QStringLiteral("RUB"));
}

void TestSettingsDialog::aProfileHoldingWaitingLeadsStays()
{
    const QString id = addWorkProfile();
    openDialog();
    m_dialog->setWaitingLeadsCounter([id](const QString &profileId) { return profileId == id ? 1 : 0; });
    selectProfileNamed(QStringLiteral("Work"));
    QTest::mouseClick(child<QPushButton>("removeProfileButton"), Qt::LeftButton);
    pressOk();
    auto *problem = child<QLabel>("problemLabel");
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("waiting to be sent")), qPrintable(problem->text()));
    QVERIFY(m_dialog->isVisible());
    QVERIFY(m_profiles->contains(id));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"

#include "SettingsDialog.h"

#include "AccessibleNames.h"
#include "CatalogComboBox.h"
#include "TeamServerForm.h"
#include "leads/LeadFields.h"
#include "settings/CredentialStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "settings/SettingsApply.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

QString capitalised(const QString &text)
{
    return text.isEmpty() ? text : text.at(0).toUpper() + text.mid(1);
}

} // namespace

SettingsDialog::SettingsDialog(Settings *settings, ProfileStore *profiles, CredentialStore *credentials,
                               ConnectionTester *tester, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_profiles(profiles), m_credentials(credentials),
      m_tester(tester), m_apply(new SettingsApply(settings, profiles, credentials, this))
{
    Q_ASSERT(m_settings && m_profiles && m_credentials && m_tester);
    setObjectName(QStringLiteral("settingsDialog"));
    // Fixed: a title is what screenshots, task bars and window lists show, so it never carries data.
    setWindowTitle(tr("Settings"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabWidget"));
    m_tabs->setAccessibleName(tr("Settings pages"));
    m_tabs->addTab(createProfilesPage(), tr("&Profiles"));
    m_tabs->addTab(createApplicationPage(), tr("&Application"));

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setVisible(false);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("dialogButtonBox"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);

    connect(m_tester, &ConnectionTester::finished, this, &SettingsDialog::onConnectionChecked);
    connect(m_apply, &SettingsApply::finished, this, &SettingsDialog::onApplied);
    connect(m_credentials, &CredentialStore::storageChanged, this, &SettingsDialog::updateKeyStorageLabel);
    m_credentials->probe();

    loadApplicationOptions();
    loadDrafts();
    showProfile(m_profiles->activeProfileId());
    updateKeyStorageLabel();

    const QByteArray geometry = m_settings->bytes(Settings::Key::SettingsDialogGeometry);
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // A first size in text units, so that it scales with the font and the screen's DPI.
        const QFontMetrics metrics = fontMetrics();
        resize(sizeHint().expandedTo(QSize(metrics.averageCharWidth() * 140, metrics.height() * 46)));
    }
}

SettingsDialog::~SettingsDialog() = default;

QLabel *SettingsDialog::addRow(QFormLayout *form, const QString &labelText, QWidget *field)
{
    auto *label = new QLabel(labelText, form->parentWidget());
    label->setBuddy(field);
    field->setAccessibleName(AccessibleNames::fromLabel(labelText));
    form->addRow(label, field);
    return label;
}

QWidget *SettingsDialog::createProfilesPage()
{
    auto *page = new QWidget(this);

    // The list of profiles and what can be done with them.
    m_profileList = new QListWidget(page);
    m_profileList->setObjectName(QStringLiteral("profilesList"));
    auto *listLabel = new QLabel(tr("Pro&files:"), page);
    listLabel->setBuddy(m_profileList);
    m_profileList->setAccessibleName(AccessibleNames::fromLabel(listLabel->text()));
    m_addButton = new QPushButton(tr("A&dd"), page);
    m_addButton->setObjectName(QStringLiteral("addProfileButton"));
    m_renameButton = new QPushButton(tr("Re&name"), page);
    m_renameButton->setObjectName(QStringLiteral("renameProfileButton"));
    m_removeButton = new QPushButton(tr("Remo&ve"), page);
    m_removeButton->setObjectName(QStringLiteral("removeProfileButton"));
    m_removeButton->setToolTip(tr("Removes the profile and its key when you press OK."));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_renameButton);
    listButtons->addWidget(m_removeButton);
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(listLabel);
    listColumn->addWidget(m_profileList, 1);
    listColumn->addLayout(listButtons);

    // The chosen profile.
    m_profileForm = new QWidget(page);
    auto *form = new QFormLayout(m_profileForm);
    form->setContentsMargins(0, 0, 0, 0);
    m_nameEdit = new QLineEdit(m_profileForm);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    addRow(form, tr("Na&me:"), m_nameEdit);
    m_baseUrlEdit = new QLineEdit(m_profileForm);
    m_baseUrlEdit->setObjectName(QStringLiteral("baseUrlEdit"));
    addRow(form, tr("&Base URL:"), m_baseUrlEdit);
    m_sandboxNote = new QLabel(tr("The built-in emulator runs on this computer; its address is set when it "
                                  "starts."),
                               m_profileForm);
    m_sandboxNote->setObjectName(QStringLiteral("sandboxNoteLabel"));
    m_sandboxNote->setWordWrap(true);
    form->addRow(QString(), m_sandboxNote);
    m_userIdEdit = new QLineEdit(m_profileForm);
    m_userIdEdit->setObjectName(QStringLiteral("userIdEdit"));
    addRow(form, tr("&User id:"), m_userIdEdit);

    m_keyEdit = new QLineEdit(m_profileForm);
    m_keyEdit->setObjectName(QStringLiteral("keyEdit"));
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    m_showKeyCheck = new QCheckBox(tr("S&how key"), m_profileForm);
    m_showKeyCheck->setObjectName(QStringLiteral("showKeyCheckBox"));
    m_showKeyCheck->setAccessibleName(AccessibleNames::fromLabel(m_showKeyCheck->text()));
    auto *keyRow = new QWidget(m_profileForm);
    auto *keyLayout = new QHBoxLayout(keyRow);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    keyLayout->addWidget(m_keyEdit, 1);
    keyLayout->addWidget(m_showKeyCheck);
    auto *keyLabel = new QLabel(tr("&Key:"), m_profileForm);
    keyLabel->setBuddy(m_keyEdit);
    m_keyEdit->setAccessibleName(AccessibleNames::fromLabel(keyLabel->text()));
    form->addRow(keyLabel, keyRow);
    m_keyStorageLabel = new QLabel(m_profileForm);
    m_keyStorageLabel->setObjectName(QStringLiteral("keyStorageLabel"));
    m_keyStorageLabel->setWordWrap(true);
    m_keyStorageLabel->setTextFormat(Qt::PlainText);
    form->addRow(QString(), m_keyStorageLabel);

    m_encodingCombo = new QComboBox(m_profileForm);
    m_encodingCombo->setObjectName(QStringLiteral("encodingCombo"));
    m_encodingCombo->addItem(tr("Form (as PHP sends it)"), int(BodyEncoding::Form));
    m_encodingCombo->addItem(tr("JSON"), int(BodyEncoding::Json));
    addRow(form, tr("Body &encoding:"), m_encodingCombo);
    m_signCheck = new QCheckBox(tr("&Sign requests instead of sending the key"), m_profileForm);
    m_signCheck->setObjectName(QStringLiteral("signRequestsCheckBox"));
    m_signCheck->setAccessibleName(AccessibleNames::fromLabel(m_signCheck->text()));
    m_signCheck->setToolTip(tr("The key then never travels; the network must support signed requests. Form "
                               "encoding only."));
    form->addRow(QString(), m_signCheck);
    m_certificatePinEdit = new QLineEdit(m_profileForm);
    m_certificatePinEdit->setObjectName(QStringLiteral("certificatePinEdit"));
    m_certificatePinEdit->setPlaceholderText(tr("empty: only certificates the system trusts"));
    addRow(form, tr("Pinned certificate (SHA-&256):"), m_certificatePinEdit);
    auto *pinNote = new QLabel(tr("Only for a server with a self-signed certificate: paste the SHA-256 "
                                  "fingerprint its administrator gives you (64 hexadecimal digits). That one "
                                  "certificate is then trusted for this profile, and no other."),
                               m_profileForm);
    pinNote->setObjectName(QStringLiteral("certificatePinNoteLabel"));
    pinNote->setWordWrap(true);
    form->addRow(QString(), pinNote);

    auto *defaultsBox = new QGroupBox(tr("Defaults for new leads"), m_profileForm);
    auto *defaults = new QFormLayout(defaultsBox);
    m_wmEdit = new QLineEdit(defaultsBox);
    m_wmEdit->setObjectName(QStringLiteral("defaultWmEdit"));
    addRow(defaults, tr("&Webmaster (wm):"), m_wmEdit);
    m_ipEdit = new QLineEdit(defaultsBox);
    m_ipEdit->setObjectName(QStringLiteral("defaultIpEdit"));
    addRow(defaults, tr("&IP address:"), m_ipEdit);
    m_userAgentEdit = new QLineEdit(defaultsBox);
    m_userAgentEdit->setObjectName(QStringLiteral("defaultUserAgentEdit"));
    addRow(defaults, tr("User-A&gent:"), m_userAgentEdit);
    // The lead form's own drop-downs: a default is chosen the way the lead's value is.
    m_countryCombo = new CatalogComboBox(CatalogComboBox::Catalog::Countries, defaultsBox);
    m_countryCombo->setObjectName(QStringLiteral("defaultCountryCombo"));
    m_countryCombo->lineEdit()->setPlaceholderText(tr("two letters, e.g. kz"));
    addRow(defaults, tr("C&ountry:"), m_countryCombo);
    m_currencyCombo = new CatalogComboBox(CatalogComboBox::Catalog::Currencies, defaultsBox);
    m_currencyCombo->setObjectName(QStringLiteral("defaultCurrencyCombo"));
    m_currencyCombo->lineEdit()->setPlaceholderText(tr("three letters, e.g. KZT"));
    addRow(defaults, tr("&Currency:"), m_currencyCombo);
    form->addRow(defaultsBox);

    m_testButton = new QPushButton(tr("&Test connection"), m_profileForm);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_connectionResult = new QLabel(m_profileForm);
    m_connectionResult->setObjectName(QStringLiteral("connectionResultLabel"));
    m_connectionResult->setWordWrap(true);
    m_connectionResult->setTextFormat(Qt::PlainText);
    m_connectionResult->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_connectionResult, 1);
    form->addRow(testRow);

    // The profile's team server has a page of its own (shown once setTeamSettings() is called): the
    // profile form above has no access keys left to give its fields.
    m_teamPage = new QWidget(this);
    m_teamPage->setObjectName(QStringLiteral("teamServerPage"));
    m_teamPage->setVisible(false);
    m_teamHeading = new QLabel(m_teamPage);
    m_teamHeading->setObjectName(QStringLiteral("teamProfileLabel"));
    m_teamHeading->setWordWrap(true);
    m_teamHeading->setTextFormat(Qt::PlainText);
    m_teamForm = new TeamServerForm(m_teamPage);
    auto *teamLayout = new QVBoxLayout(m_teamPage);
    teamLayout->addWidget(m_teamHeading);
    teamLayout->addWidget(m_teamForm);
    teamLayout->addStretch(1);
    m_teamTester = new TeamConnectionTester(this);
    connect(m_teamTester, &TeamConnectionTester::finished, this, &SettingsDialog::onTeamServerChecked);
    connect(m_teamForm, &TeamServerForm::testRequested, this, &SettingsDialog::testTeamServer);
    connect(m_teamForm, &TeamServerForm::edited, this, [this] {
        if (Draft *draft = currentDraft(); draft && !m_showingDraft)
            draft->team = m_teamForm->values();
    });
    connect(m_teamForm, &TeamServerForm::passwordEdited, this, [this](const QString &password) {
        if (Draft *draft = currentDraft(); draft && !m_showingDraft) {
            draft->teamPassword = password;
            draft->teamPasswordEdited = true;
        }
    });

    // Word-wrapped labels make the form's minimum height depend on its width, which a tab page does not
    // pass on: a scroll area keeps the fields from being squeezed when the dialog is small.
    auto *formScroller = new QScrollArea(page);
    formScroller->setObjectName(QStringLiteral("profileFormScrollArea"));
    formScroller->setWidgetResizable(true);
    formScroller->setFrameShape(QFrame::NoFrame);

    formScroller->setWidget(m_profileForm);
    formScroller->viewport()->setAutoFillBackground(false);
    m_profileForm->setAutoFillBackground(false);

    auto *layout = new QHBoxLayout(page);
    layout->addLayout(listColumn, 1);
    layout->addWidget(formScroller, 3);

    connect(m_profileList, &QListWidget::currentRowChanged, this, &SettingsDialog::showDraft);
    connect(m_addButton, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(m_renameButton, &QPushButton::clicked, this, &SettingsDialog::renameProfile);
    connect(m_removeButton, &QPushButton::clicked, this, &SettingsDialog::removeProfile);
    connect(m_testButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_showKeyCheck, &QCheckBox::toggled, this,
            [this](bool show) { m_keyEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password); });
    // textChanged, not textEdited: a key put there by a password manager or an assistive tool's text
    // interface comes without key presses, and must be kept all the same.
    connect(m_keyEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_showingDraft)
            return;
        if (Draft *draft = currentDraft()) {
            draft->key = text;
            draft->keyEdited = true;
        }
    });
    auto formEdited = [this] {
        if (m_showingDraft)
            return;
        if (Draft *draft = currentDraft()) {
            readFormInto(*draft);
            refreshProfileList();
        }
    };
    for (QLineEdit *edit : {m_nameEdit, m_baseUrlEdit, m_userIdEdit, m_certificatePinEdit, m_wmEdit, m_ipEdit,
                            m_userAgentEdit, m_countryCombo->lineEdit(), m_currencyCombo->lineEdit()})
        connect(edit, &QLineEdit::textChanged, this, formEdited);
    connect(m_encodingCombo, &QComboBox::currentIndexChanged, this, formEdited);
    connect(m_signCheck, &QCheckBox::toggled, this, formEdited);
    return page;
}

QWidget *SettingsDialog::createApplicationPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout;

    m_languageCombo = new QComboBox(page);
    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    m_languageCombo->addItem(tr("System language"), QStringLiteral("system"));
    // Each language is named in itself, so that someone who cannot read the current one finds theirs.
    m_languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en")); // check-tr: ok (own name)
    m_languageCombo->addItem(QStringLiteral("Русский"), QStringLiteral("ru")); // check-tr: ok (own name)
    auto *languageLabel = addRow(form, tr("&Language:"), m_languageCombo);
    languageLabel->setToolTip(tr("Takes effect the next time CPA Desk starts."));

    m_autoRefreshSpin = new QSpinBox(page);
    m_autoRefreshSpin->setObjectName(QStringLiteral("autoRefreshSpinBox"));
    m_autoRefreshSpin->setRange(0, 24 * 60);
    m_autoRefreshSpin->setSpecialValueText(tr("Off"));
    m_autoRefreshSpin->setSuffix(tr(" min"));
    addRow(form, tr("&Refresh statuses every:"), m_autoRefreshSpin);

    m_notificationsCheck = new QCheckBox(tr("&Notify when a lead changes stage"), page);
    m_notificationsCheck->setObjectName(QStringLiteral("notificationsCheckBox"));
    m_notificationsCheck->setAccessibleName(AccessibleNames::fromLabel(m_notificationsCheck->text()));
    form->addRow(QString(), m_notificationsCheck);

    auto *stickyBox = new QGroupBox(tr("Keep these fields for the next lead"), page);
    stickyBox->setObjectName(QStringLiteral("stickyFieldsGroupBox"));
    auto *sticky = new QGridLayout(stickyBox);
    int index = 0;
    for (const LeadFieldDescriptor &candidate : LeadFields::stickyCandidates()) {
        const QString field = QLatin1String(candidate.apiName);
        const QString text = tr(candidate.stickyLabel);
        auto *check = new QCheckBox(text, stickyBox);
        check->setObjectName(QStringLiteral("sticky") + capitalised(field) + QStringLiteral("CheckBox"));
        check->setAccessibleName(AccessibleNames::fromLabel(text));
        sticky->addWidget(check, index / 2, index % 2);
        m_stickyChecks.insert(field, check);
        ++index;
    }

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(stickyBox);
    layout->addStretch(1);
    return page;
}

void SettingsDialog::loadApplicationOptions()
{
    const int language = m_languageCombo->findData(m_settings->string(Settings::Key::Language));
    m_languageCombo->setCurrentIndex(qMax(0, language));
    m_autoRefreshSpin->setValue(m_settings->integer(Settings::Key::AutoRefreshMinutes));
    m_notificationsCheck->setChecked(m_settings->flag(Settings::Key::NotificationsEnabled));
    const QStringList sticky = m_settings->stringList(Settings::Key::StickyLeadFields);
    for (auto it = m_stickyChecks.cbegin(); it != m_stickyChecks.cend(); ++it)
        it.value()->setChecked(sticky.contains(it.key()));
}

void SettingsDialog::loadDrafts()
{
    m_drafts.clear();
    const QList<Profile> profiles = m_profiles->profiles();
    for (const Profile &profile : profiles) {
        Draft draft;
        draft.profile = profile;
        draft.draftId = profile.id;
        m_drafts.append(draft);
    }
    refreshProfileList();
}

void SettingsDialog::refreshProfileList()
{
    const QSignalBlocker blocker(m_profileList);
    while (m_profileList->count() > m_drafts.size())
        delete m_profileList->takeItem(m_profileList->count() - 1);
    for (int row = 0; row < m_drafts.size(); ++row) {
        const Draft &draft = m_drafts.at(row);
        const QString text =
            draft.profile.displayName().trimmed().isEmpty() ? tr("(no name)") : draft.profile.displayName();
        QListWidgetItem *item = m_profileList->item(row);
        if (!item)
            item = new QListWidgetItem(m_profileList);
        item->setText(text);
        item->setData(Qt::UserRole, draft.draftId);
    }
    m_profileList->setCurrentRow(m_currentRow);
}

void SettingsDialog::showProfile(const QString &profileId)
{
    const int row = rowOfDraft(profileId);
    m_profileList->setCurrentRow(row >= 0 ? row : 0);
    if (m_currentRow != m_profileList->currentRow())
        showDraft(m_profileList->currentRow());
}

QString SettingsDialog::currentProfileId() const
{
    if (m_currentRow < 0 || m_currentRow >= m_drafts.size())
        return {};
    return m_drafts.at(m_currentRow).profile.id;
}

int SettingsDialog::rowOfDraft(const QString &draftId) const
{
    for (int row = 0; row < m_drafts.size(); ++row) {
        if (m_drafts.at(row).draftId == draftId)
            return row;
    }
    return -1;
}

SettingsDialog::Draft *SettingsDialog::currentDraft()
{
    if (m_currentRow < 0 || m_currentRow >= m_drafts.size())
        return nullptr;
    return &m_drafts[m_currentRow];
}

void SettingsDialog::showDraft(int row)
{
    if (m_testing) {
        m_testing = false;
        m_tester->cancel();
    }
    m_teamTesting = false; // a running team test's answer is for the profile it was asked for
    m_teamForm->setTesting(false);
    m_teamForm->clearTestResult();
    m_currentRow = (row >= 0 && row < m_drafts.size()) ? row : -1;
    m_connectionResult->clear();
    m_showKeyCheck->setChecked(false);
    Draft *draft = currentDraft();
    m_profileForm->setEnabled(draft != nullptr);
    updateProfileButtons();
    if (!draft)
        return;

    m_showingDraft = true;
    const Profile &profile = draft->profile;
    m_nameEdit->setText(profile.displayName());
    m_nameEdit->setReadOnly(profile.isSandbox); // one name for the sandbox, in every language
    m_baseUrlEdit->setReadOnly(profile.isSandbox);
    m_baseUrlEdit->setPlaceholderText(profile.isSandbox ? tr("set when the emulator starts")
                                                        : tr("https://api.cpa.moe"));
    m_sandboxNote->setVisible(profile.isSandbox);
    if (profile.isSandbox) {
        const QUrl url = m_profiles->sandboxBaseUrl();
        m_baseUrlEdit->setText(url.isEmpty() ? QString() : url.toString());
    } else {
        m_baseUrlEdit->setText(profile.baseUrl.toString());
    }
    m_userIdEdit->setText(profile.userId);
    m_encodingCombo->setCurrentIndex(m_encodingCombo->findData(int(profile.encoding)));
    m_signCheck->setChecked(profile.signRequests);
    m_certificatePinEdit->setText(profile.certificatePin);
    m_wmEdit->setText(profile.defaultWm);
    m_ipEdit->setText(profile.defaultIp);
    m_userAgentEdit->setText(profile.defaultUserAgent);
    m_countryCombo->setCode(profile.defaultCountry);
    m_currencyCombo->setCode(profile.defaultCurrency);

    if (!draft->keyLoaded && !draft->keyEdited && !profile.id.isEmpty())
        requestKey(*draft);
    const bool waiting = draft->keyRequested && !draft->keyEdited;
    m_keyEdit->setText(waiting ? QString() : draft->key);
    m_keyEdit->setPlaceholderText(waiting ? tr("Reading the key…") : QString());
    m_keyEdit->setEnabled(!waiting);
    showTeamOf(*draft);
    m_showingDraft = false;
    updateKeyStorageLabel();
}

void SettingsDialog::setTeamSettings(TeamSettings *team)
{
    m_teamSettings = team;
    m_apply->setTeamSettings(team);
    if (!team) {
        m_tabs->removeTab(m_tabs->indexOf(m_teamPage));
        return;
    }
    if (m_tabs->indexOf(m_teamPage) < 0)
        m_tabs->addTab(m_teamPage, tr("&Your team"));
    m_teamForm->setWorkstationId(team->workstationId());
    m_teamForm->setDefaultOperatorName(TeamSettings::defaultOperatorName());
    for (Draft &draft : m_drafts) {
        if (!draft.profile.id.isEmpty())
            draft.team = team->profile(draft.profile.id);
    }
    if (Draft *draft = currentDraft()) {
        m_showingDraft = true;
        showTeamOf(*draft);
        m_showingDraft = false;
    }
}

void SettingsDialog::showTeamOf(Draft &draft)
{
    if (!m_teamSettings)
        return;
    m_teamHeading->setText(tr("The team server of the profile “%1” (chosen on the Profiles page).")
                               .arg(draft.profile.displayName()));
    m_teamForm->setValues(draft.team);
    if (!draft.teamPasswordLoaded && !draft.teamPasswordEdited && !draft.profile.id.isEmpty())
        requestTeamPassword(draft);
    const bool waiting = draft.teamPasswordRequested && !draft.teamPasswordEdited;
    m_teamForm->setPassword(waiting ? QString() : draft.teamPassword, waiting);
}

void SettingsDialog::requestTeamPassword(Draft &draft)
{
    if (draft.teamPasswordRequested)
        return;
    draft.teamPasswordRequested = true;
    const QString draftId = draft.draftId;
    CredentialJob *job = m_credentials->readKey(TeamSettings::passwordEntry(draft.profile.id));
    connect(job, &CredentialJob::finished, this, [this, draftId](CredentialJob *done) {
        const int row = rowOfDraft(draftId);
        if (row < 0)
            return;
        Draft &read = m_drafts[row];
        read.teamPasswordRequested = false;
        // Unreadable is not empty: left unloaded, OK does not touch it unless a new one is typed.
        read.teamPasswordLoaded = done->result() != CredentialJob::Result::Failed;
        if (!read.teamPasswordEdited)
            read.teamPassword = done->key();
        if (row == m_currentRow && !read.teamPasswordEdited)
            m_teamForm->setPassword(read.teamPassword);
    });
}

void SettingsDialog::testTeamServer()
{
    if (!currentDraft() || !m_teamSettings)
        return;
    m_teamTesting = true;
    m_teamForm->setTesting(true);
    m_teamTester->test(TeamSettings::serverConfig(m_teamForm->values(), m_teamForm->password()),
                       m_teamSettings->workstationId());
}

void SettingsDialog::onTeamServerChecked(const TeamConnectionTester::Result &result)
{
    if (!m_teamTesting)
        return; // asked for another profile, or the dialog moved on
    m_teamTesting = false;
    m_teamForm->setTesting(false);
    m_teamForm->showTestResult(result.message);
}

void SettingsDialog::readFormInto(Draft &draft) const
{
    Profile &profile = draft.profile;
    if (!profile.isSandbox)
        profile.name = m_nameEdit->text();
    if (!profile.isSandbox)
        profile.baseUrl = QUrl(m_baseUrlEdit->text().trimmed());
    profile.userId = m_userIdEdit->text().trimmed();
    profile.encoding = BodyEncoding(m_encodingCombo->currentData().toInt());
    profile.signRequests = m_signCheck->isChecked();
    profile.certificatePin = m_certificatePinEdit->text().trimmed();
    profile.defaultWm = m_wmEdit->text().trimmed();
    profile.defaultIp = m_ipEdit->text().trimmed();
    profile.defaultUserAgent = m_userAgentEdit->text().trimmed();
    // Lower case, as the API document writes country codes ("kz") and the lead form sends them.
    profile.defaultCountry = m_countryCombo->code().toLower();
    profile.defaultCurrency = m_currencyCombo->code();
}

void SettingsDialog::requestKey(Draft &draft)
{
    if (draft.keyRequested)
        return;
    draft.keyRequested = true;
    const QString draftId = draft.draftId;
    CredentialJob *job = m_credentials->readKey(draft.profile.id);
    connect(job, &CredentialJob::finished, this,
            [this, draftId](CredentialJob *done) { onKeyRead(draftId, done); });
}

void SettingsDialog::onKeyRead(const QString &draftId, CredentialJob *job)
{
    const int row = rowOfDraft(draftId);
    if (row < 0)
        return; // removed meanwhile
    Draft &draft = m_drafts[row];
    draft.keyRequested = false;
    draft.keyError.clear();
    if (job->result() == CredentialJob::Result::Failed) {
        // Unknown, not empty: OK must not overwrite it unless the user types a new one.
        draft.keyError = job->errorMessage();
    } else {
        draft.keyLoaded = true;
        if (!draft.keyEdited)
            draft.key = job->key();
    }
    if (row == m_currentRow) {
        m_showingDraft = true;
        if (!draft.keyEdited)
            m_keyEdit->setText(draft.key);
        m_keyEdit->setPlaceholderText(draft.keyError.isEmpty() ? QString() : tr("Type the key again"));
        m_keyEdit->setEnabled(true);
        m_showingDraft = false;
        updateKeyStorageLabel();
        if (m_focusCredentialsWhenRead)
            focusCredentials();
    }
}

void SettingsDialog::updateKeyStorageLabel()
{
    const Draft *draft =
        (m_currentRow >= 0 && m_currentRow < m_drafts.size()) ? &m_drafts.at(m_currentRow) : nullptr;
    QString text = m_credentials->storageDescription();
    if (draft && !draft->keyError.isEmpty())
        text = tr("The key could not be read: %1").arg(draft->keyError) + QLatin1Char('\n') + text;
    m_keyStorageLabel->setText(text);
    m_keyEdit->setAccessibleDescription(m_credentials->storageDescription());
}

void SettingsDialog::updateProfileButtons()
{
    const Draft *draft =
        (m_currentRow >= 0 && m_currentRow < m_drafts.size()) ? &m_drafts.at(m_currentRow) : nullptr;
    m_renameButton->setEnabled(draft && !draft->profile.isSandbox);
    m_removeButton->setEnabled(draft && !draft->profile.isSandbox);
    m_testButton->setEnabled(draft && !m_testing);
}

void SettingsDialog::addProfile()
{
    auto taken = [this](const QString &name) {
        for (const Draft &draft : std::as_const(m_drafts)) {
            if (draft.profile.name.trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    QString name = tr("New profile");
    for (int number = 2; taken(name); ++number)
        name = tr("New profile %1").arg(number);
    Draft draft;
    draft.draftId = QStringLiteral("new-%1").arg(m_nextDraftNumber++);
    draft.profile.name = name;
    draft.profile.baseUrl = defaultBaseUrl();
    draft.keyLoaded = true; // nothing to read: it has no key yet
    m_drafts.append(draft);
    m_currentRow = m_drafts.size() - 1;
    refreshProfileList();
    showDraft(m_currentRow);
    renameProfile();
}

void SettingsDialog::renameProfile()
{
    m_tabs->setCurrentIndex(0);
    m_nameEdit->setFocus(Qt::OtherFocusReason);
    m_nameEdit->selectAll();
}

void SettingsDialog::removeProfile()
{
    Draft *draft = currentDraft();
    if (!draft || draft->profile.isSandbox)
        return;
    if (!draft->profile.id.isEmpty())
        m_removedIds.insert(draft->profile.id);
    m_drafts.removeAt(m_currentRow);
    m_currentRow = qMin(m_currentRow, int(m_drafts.size()) - 1);
    refreshProfileList();
    showDraft(m_currentRow);
    m_profileList->setFocus(Qt::OtherFocusReason);
}

void SettingsDialog::testConnection()
{
    Draft *draft = currentDraft();
    if (!draft)
        return;
    readFormInto(*draft);
    ApiConfig config = configFor(draft->profile, m_keyEdit->text());
    if (draft->profile.isSandbox) {
        config.baseUrl = m_profiles->sandboxBaseUrl();
        if (config.baseUrl.isEmpty()) {
            m_connectionResult->setText(
                tr("The built-in emulator is not running, so there is nothing to check."));
            return;
        }
    }
    m_testing = true;
    updateProfileButtons();
    m_connectionResult->setText(tr("Checking the connection…"));
    m_tester->test(config);
}

void SettingsDialog::onConnectionChecked(const ConnectionVerdict &verdict)
{
    if (!m_testing)
        return; // a check this dialog did not start, or one it cancelled
    m_testing = false;
    updateProfileButtons();
    m_connectionResult->setText(verdict.sentence);
    m_connectionResult->setAccessibleName(tr("Connection check result"));
    m_connectionResult->setAccessibleDescription(verdict.sentence);
}

void SettingsDialog::startNewProfile(const Profile &preset)
{
    m_choosingAccount = true;
    addProfile();
    Draft *draft = currentDraft();
    if (!draft)
        return;
    if (!preset.name.trimmed().isEmpty())
        draft->profile.name = preset.name;
    if (!preset.baseUrl.isEmpty())
        draft->profile.baseUrl = preset.baseUrl;
    draft->offered = true;
    draft->asOffered = draft->profile;
    refreshProfileList();
    showDraft(m_currentRow);
    renameProfile();
}

void SettingsDialog::setWaitingLeadsCounter(std::function<int(const QString &)> counter)
{
    m_apply->setWaitingLeadsCounter(std::move(counter));
}

void SettingsDialog::focusCredentials()
{
    const Draft *draft = currentDraft();
    if (!draft)
        return;
    m_tabs->setCurrentIndex(0);
    QLineEdit *edit = draft->profile.userId.trimmed().isEmpty() ? m_userIdEdit : m_keyEdit;
    m_focusCredentialsWhenRead = !edit->isEnabled();
    edit->setFocus(Qt::OtherFocusReason);
    edit->selectAll();
}

bool SettingsDialog::isUntouchedOffer(const Draft &draft) const
{
    return draft.offered && draft.profile == draft.asOffered && draft.key.isEmpty();
}

int SettingsDialog::rowToActivate() const
{
    if (m_currentRow < 0 || m_currentRow >= m_drafts.size())
        return -1;
    const Draft &current = m_drafts.at(m_currentRow);
    if (isUntouchedOffer(current))
        return -1;
    // A profile made here is the one the user means to work with now; so is a real account chosen
    // when the dialog was opened to set one up.
    if (current.profile.id.isEmpty() || (m_choosingAccount && !current.profile.isSandbox))
        return m_currentRow;
    return -1;
}

void SettingsDialog::accept()
{
    if (m_apply->isBusy())
        return;
    if (Draft *draft = currentDraft())
        readFormInto(*draft);

    SettingsChanges changes;
    changes.options = {
        {Settings::Key::Language, m_languageCombo->currentData()},
        {Settings::Key::AutoRefreshMinutes, m_autoRefreshSpin->value()},
        {Settings::Key::NotificationsEnabled, m_notificationsCheck->isChecked()},
    };
    QStringList sticky;
    const QStringList candidates = Settings::stickyFieldCandidates();
    for (const QString &field : candidates) {
        if (m_stickyChecks.value(field)->isChecked())
            sticky << field;
    }
    changes.options.append({Settings::Key::StickyLeadFields, sticky});

    const int activateRow = rowToActivate();
    m_appliedRows.clear();
    for (int row = 0; row < m_drafts.size(); ++row) {
        const Draft &draft = m_drafts.at(row);
        if (isUntouchedOffer(draft))
            continue;
        if (row == activateRow)
            changes.activateIndex = int(m_appliedRows.size());
        m_appliedRows << row;
        ProfileEdit edit{draft.profile, draft.keyEdited, draft.key};
        if (m_teamSettings) {
            const TeamProfileSettings stored = draft.profile.id.isEmpty()
                                                   ? TeamProfileSettings()
                                                   : m_teamSettings->profile(draft.profile.id);
            edit.teamEdited = !(draft.team == stored);
            edit.team = draft.team;
            edit.teamPasswordEdited = draft.teamPasswordEdited;
            edit.teamPassword = draft.teamPassword;
        }
        changes.profiles.append(edit);
    }
    for (const QString &id : std::as_const(m_removedIds)) {
        if (m_profiles->contains(id))
            changes.removedIds << id;
    }
    showProblem(QString());
    setBusy(true);
    m_apply->apply(changes);
}

void SettingsDialog::onApplied(const SettingsApplyResult &result)
{
    setBusy(false);
    if (result.profilesSaved) {
        // What is stored now is what the dialog starts from, should it stay open (a key not stored).
        for (int index = 0; index < m_appliedRows.size(); ++index)
            m_drafts[m_appliedRows.at(index)].profile.id = result.profileIds.at(index);
        for (const int index : result.keysStored)
            m_drafts[m_appliedRows.at(index)].keyEdited = false;
        for (const int index : result.teamPasswordsStored)
            m_drafts[m_appliedRows.at(index)].teamPasswordEdited = false;
        m_removedIds.clear();
    }
    if (!result.ok) {
        if (result.badIndex >= 0 && result.badIndex < m_appliedRows.size()) {
            m_tabs->setCurrentIndex(0);
            m_profileList->setCurrentRow(m_appliedRows.at(result.badIndex));
        }
        showProblem(result.problem);
        return;
    }
    emit applied();
    QDialog::accept();
}

void SettingsDialog::done(int result)
{
    if (m_apply->isBusy())
        return; // being saved: closing now would hide whether that worked
    if (m_testing) {
        m_testing = false;
        m_tester->cancel();
    }
    m_showKeyCheck->setChecked(false);
    m_settings->setValue(Settings::Key::SettingsDialogGeometry, saveGeometry());
    QDialog::done(result);
}

void SettingsDialog::showProblem(const QString &problem)
{
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());
}

void SettingsDialog::setBusy(bool busy)
{
    m_buttons->setEnabled(!busy);
    m_tabs->setEnabled(!busy);
}

#include "TeamServerForm.h"

#include "AccessibleNames.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

void addRow(QFormLayout *form, const QString &labelText, QWidget *field, QWidget *shown = nullptr)
{
    auto *label = new QLabel(labelText, form->parentWidget());
    label->setBuddy(field);
    field->setAccessibleName(AccessibleNames::fromLabel(labelText));
    form->addRow(label, shown ? shown : field);
}

} // namespace

TeamServerForm::TeamServerForm(QWidget *parent) : QGroupBox(tr("Team server"), parent)
{
    setObjectName(QStringLiteral("teamServerGroupBox"));
    m_enabledCheck = new QCheckBox(tr("Sha&re this profile's leads with a team server"), this);
    m_enabledCheck->setObjectName(QStringLiteral("teamEnabledCheckBox"));
    m_enabledCheck->setAccessibleName(AccessibleNames::fromLabel(m_enabledCheck->text()));
    m_enabledCheck->setToolTip(
        tr("The team's PostgreSQL database: your IT department gives you these details."));

    m_fields = new QWidget(this);
    auto *form = new QFormLayout(m_fields);
    form->setContentsMargins(0, 0, 0, 0);
    m_hostEdit = new QLineEdit(m_fields);
    m_hostEdit->setObjectName(QStringLiteral("teamHostEdit"));
    m_hostEdit->setPlaceholderText(tr("e.g. db.callcentre.lan"));
    addRow(form, tr("&Host:"), m_hostEdit);
    m_portSpin = new QSpinBox(m_fields);
    m_portSpin->setObjectName(QStringLiteral("teamPortSpinBox"));
    m_portSpin->setRange(1, 65535);
    m_portSpin->setValue(5432);
    addRow(form, tr("P&ort:"), m_portSpin);
    m_databaseEdit = new QLineEdit(m_fields);
    m_databaseEdit->setObjectName(QStringLiteral("teamDatabaseEdit"));
    addRow(form, tr("&Database:"), m_databaseEdit);
    m_userEdit = new QLineEdit(m_fields);
    m_userEdit->setObjectName(QStringLiteral("teamUserEdit"));
    addRow(form, tr("&User:"), m_userEdit);
    m_passwordEdit = new QLineEdit(m_fields);
    m_passwordEdit->setObjectName(QStringLiteral("teamPasswordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    addRow(form, tr("Pass&word:"), m_passwordEdit);

    m_tlsCombo = new QComboBox(m_fields);
    m_tlsCombo->setObjectName(QStringLiteral("teamTlsCombo"));
    m_tlsCombo->addItem(tr("Check the certificate (verify-full)"), int(TeamTlsMode::VerifyFull));
    m_tlsCombo->addItem(tr("Encrypt without checking (require)"), int(TeamTlsMode::Require));
    m_tlsCombo->addItem(tr("No encryption (disable)"), int(TeamTlsMode::Disable));
    addRow(form, tr("&Encryption (TLS):"), m_tlsCombo);
    m_caFileEdit = new QLineEdit(m_fields);
    m_caFileEdit->setObjectName(QStringLiteral("teamCaFileEdit"));
    m_caFileEdit->setPlaceholderText(tr("The CA certificate (PEM) that signed the server's certificate"));
    m_caBrowseButton = new QPushButton(tr("&Browse…"), m_fields);
    m_caBrowseButton->setObjectName(QStringLiteral("teamCaBrowseButton"));
    m_caBrowseButton->setAccessibleName(tr("Choose the CA file"));
    auto *caRow = new QWidget(m_fields);
    auto *caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_caFileEdit, 1);
    caLayout->addWidget(m_caBrowseButton);
    addRow(form, tr("CA fi&le:"), m_caFileEdit, caRow);

    m_operatorEdit = new QLineEdit(m_fields);
    m_operatorEdit->setObjectName(QStringLiteral("teamOperatorEdit"));
    addRow(form, tr("Operator's &name:"), m_operatorEdit);
    m_workstationEdit = new QLineEdit(m_fields);
    m_workstationEdit->setObjectName(QStringLiteral("teamWorkstationEdit"));
    m_workstationEdit->setReadOnly(true);
    m_workstationEdit->setToolTip(
        tr("Made once for this computer; the team server tells workstations apart by it."));
    addRow(form, tr("Wor&kstation id:"), m_workstationEdit);

    m_testButton = new QPushButton(tr("&Test team server"), this);
    m_testButton->setObjectName(QStringLiteral("testTeamServerButton"));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("teamTestResultLabel"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_testResult->setAccessibleName(tr("Team server check result"));
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testResult, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_enabledCheck);
    layout->addWidget(m_fields);
    layout->addLayout(testRow);

    const auto fieldEdited = [this] {
        if (!m_filling)
            emit edited();
    };
    for (QLineEdit *edit : {m_hostEdit, m_databaseEdit, m_userEdit, m_caFileEdit, m_operatorEdit})
        connect(edit, &QLineEdit::textChanged, this, fieldEdited);
    connect(m_portSpin, &QSpinBox::valueChanged, this, fieldEdited);
    connect(m_tlsCombo, &QComboBox::currentIndexChanged, this, [this, fieldEdited] {
        updateEnabled();
        fieldEdited();
    });
    connect(m_enabledCheck, &QCheckBox::toggled, this, [this, fieldEdited] {
        updateEnabled();
        fieldEdited();
    });
    // textChanged, not textEdited: a password set by a password manager comes without key presses.
    connect(m_passwordEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!m_filling)
            emit passwordEdited(text);
    });
    connect(m_testButton, &QPushButton::clicked, this, &TeamServerForm::testRequested);
    connect(m_caBrowseButton, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Choose the CA file"), m_caFileEdit->text(),
                                         tr("Certificates (*.crt *.pem);;All files (*)"));
        if (!file.isEmpty())
            m_caFileEdit->setText(file);
    });
    updateEnabled();
}

void TeamServerForm::setValues(const TeamProfileSettings &settings)
{
    m_filling = true;
    m_enabledCheck->setChecked(settings.enabled);
    m_hostEdit->setText(settings.host);
    m_portSpin->setValue(settings.port);
    m_databaseEdit->setText(settings.database);
    m_userEdit->setText(settings.user);
    m_tlsCombo->setCurrentIndex(qMax(0, m_tlsCombo->findData(int(settings.tls))));
    m_caFileEdit->setText(settings.caFile);
    m_operatorEdit->setText(settings.operatorName);
    m_filling = false;
    updateEnabled();
}

TeamProfileSettings TeamServerForm::values() const
{
    TeamProfileSettings settings;
    settings.enabled = m_enabledCheck->isChecked();
    settings.host = m_hostEdit->text().trimmed();
    settings.port = m_portSpin->value();
    settings.database = m_databaseEdit->text().trimmed();
    settings.user = m_userEdit->text().trimmed();
    settings.tls = TeamTlsMode(m_tlsCombo->currentData().toInt());
    settings.caFile = m_caFileEdit->text().trimmed();
    settings.operatorName = m_operatorEdit->text().trimmed();
    return settings;
}

void TeamServerForm::setPassword(const QString &password, bool reading)
{
    m_filling = true;
    m_passwordEdit->setText(password);
    m_passwordEdit->setPlaceholderText(reading ? tr("Reading the password…") : QString());
    m_passwordEdit->setEnabled(!reading);
    m_filling = false;
}

QString TeamServerForm::password() const
{
    return m_passwordEdit->text();
}

void TeamServerForm::setWorkstationId(const QString &id)
{
    m_workstationEdit->setText(id);
}

void TeamServerForm::setDefaultOperatorName(const QString &name)
{
    m_operatorEdit->setPlaceholderText(name);
}

void TeamServerForm::setTesting(bool testing)
{
    m_testing = testing;
    m_testButton->setEnabled(!testing);
    if (testing)
        showTestResult(tr("Checking the team server…"));
}

void TeamServerForm::showTestResult(const QString &sentence)
{
    m_testResult->setText(sentence);
    m_testResult->setAccessibleDescription(sentence);
}

void TeamServerForm::clearTestResult()
{
    m_testResult->clear();
    m_testResult->setAccessibleDescription(QString());
}

void TeamServerForm::updateEnabled()
{
    m_fields->setEnabled(m_enabledCheck->isChecked());
    const bool verify = TeamTlsMode(m_tlsCombo->currentData().toInt()) == TeamTlsMode::VerifyFull;
    m_caFileEdit->setEnabled(verify);
    m_caBrowseButton->setEnabled(verify);
}

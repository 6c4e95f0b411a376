#pragma once

#include "team/TeamSettings.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// A profile's team server (issue 19), as the settings dialog edits it (on a page of its own): where the
// team's PostgreSQL is, how to log in (the password masked, like the API key), TLS, the operator's name
// as the team sees it, and this workstation's id (shown, never edited). "Test team server" asks the
// dialog to test what is typed; the dialog says the answer here, in words, beside the button.
class TeamServerForm : public QGroupBox
{
    Q_OBJECT

public:
    explicit TeamServerForm(QWidget *parent = nullptr);

    void setValues(const TeamProfileSettings &settings);
    TeamProfileSettings values() const;
    // The stored password as read, or empty while it is being read (`reading`) or when there is none.
    void setPassword(const QString &password, bool reading = false);
    QString password() const;
    void setWorkstationId(const QString &id);
    void setDefaultOperatorName(const QString &name);

    void setTesting(bool testing);
    void showTestResult(const QString &sentence);
    void clearTestResult();

signals:
    void edited();                                // any field but the password
    void passwordEdited(const QString &password); // typed, pasted or set by an assistive tool
    void testRequested();

private:
    void updateEnabled();

    bool m_filling = false;
    bool m_testing = false;
    QCheckBox *m_enabledCheck = nullptr;
    QWidget *m_fields = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QLineEdit *m_databaseEdit = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QComboBox *m_tlsCombo = nullptr;
    QLineEdit *m_caFileEdit = nullptr;
    QPushButton *m_caBrowseButton = nullptr;
    QLineEdit *m_operatorEdit = nullptr;
    QLineEdit *m_workstationEdit = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
};

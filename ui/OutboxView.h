#pragma once

#include "leads/Lead.h"

#include <QPointer>
#include <QWidget>

class Outbox;
class OutboxModel;
class QLabel;
class QPushButton;
class QTableView;
class UserPrompts;

// The outbox screen: every lead not (known to be) on the network - waiting, being sent, of unknown
// fate, rejected - with its attempts, next try and reason; and what the user may do about them: retry
// now, edit and resend (in the lead form, through the main window), or discard after confirming.
class OutboxView : public QWidget
{
    Q_OBJECT

public:
    // Shows `model` (the caller keeps it); the view never holds the journal.
    explicit OutboxView(OutboxModel *model, QWidget *parent = nullptr);

    // The outbox of the profile shown. Without one the actions stay disabled.
    void setOutbox(Outbox *outbox, const QString &profileId);
    void setPrompts(UserPrompts *prompts);
    // Team sharing (issue 19): how many of the profile's leads the team server does not hold yet.
    // Hidden when the profile shares nothing.
    void setTeamSharing(bool sharing, int notShared);

    OutboxModel *outboxModel() const { return m_model; }
    // Selects the lead with this journal key; false when it is not here.
    bool showLead(const QString &key);
    QTableView *table() const { return m_table; }

signals:
    // The user wants to correct this lead: open it in the form; hand the result to
    // Outbox::editAndResend(key, lead).
    void editRequested(const QString &key, const Lead &lead);

private:
    QStringList selectedKeys() const;
    void retrySelected();
    void retryAll();
    void editSelected();
    void discardSelected();
    void updateActions();
    void showResult(const QString &text);

    QPointer<Outbox> m_outbox;
    UserPrompts *m_prompts;
    OutboxModel *m_model;
    QTableView *m_table;
    QLabel *m_countLabel;
    QLabel *m_credentialsLabel;
    QLabel *m_teamLabel = nullptr;
    QLabel *m_resultLabel;
    QPushButton *m_retryButton;
    QPushButton *m_retryAllButton;
    QPushButton *m_editButton;
    QPushButton *m_discardButton;
};

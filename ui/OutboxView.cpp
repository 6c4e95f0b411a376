#include "OutboxView.h"

#include "UserPrompts.h"
#include "status/OutboxModel.h"
#include "sync/Outbox.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

OutboxView::OutboxView(OutboxModel *model, QWidget *parent)
    : QWidget(parent), m_prompts(UserPrompts::standard()), m_model(model), m_table(new QTableView(this)),
      m_countLabel(new QLabel(this)), m_credentialsLabel(new QLabel(this)), m_resultLabel(new QLabel(this)),
      m_retryButton(new QPushButton(tr("&Retry now"), this)),
      m_retryAllButton(new QPushButton(tr("Retry &all now"), this)),
      m_editButton(new QPushButton(tr("&Edit and resend..."), this)),
      m_discardButton(new QPushButton(tr("&Discard..."), this))
{
    setObjectName(QStringLiteral("outboxView"));
    m_table->setObjectName(QStringLiteral("outboxTable"));
    m_table->setAccessibleName(tr("Leads not sent yet"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_countLabel->setObjectName(QStringLiteral("waitingCountLabel"));
    m_credentialsLabel->setObjectName(QStringLiteral("credentialsLabel"));
    m_credentialsLabel->setWordWrap(true);
    m_credentialsLabel->setText(tr("Waiting for the account's user id and key: nothing is sent until they "
                                   "are set in the settings (Tools, Settings). Then these leads go out at "
                                   "once."));
    m_credentialsLabel->setVisible(false);
    m_resultLabel->setObjectName(QStringLiteral("resultLabel"));
    m_resultLabel->setTextFormat(Qt::PlainText);
    m_resultLabel->setWordWrap(true);

    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->setToolTip(
        tr("Send the selected leads now (one the network may already have is checked first)"));
    m_retryAllButton->setObjectName(QStringLiteral("retryAllButton"));
    m_retryAllButton->setToolTip(tr("Try every waiting lead now instead of at its scheduled time"));
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_editButton->setToolTip(
        tr("Correct the selected lead in the form and send it again with the same order id"));
    m_discardButton->setObjectName(QStringLiteral("discardButton"));
    m_discardButton->setToolTip(tr("Remove the selected leads from the outbox for good"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_countLabel);
    buttons->addStretch(1);
    buttons->addWidget(m_retryButton);
    buttons->addWidget(m_retryAllButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_discardButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_credentialsLabel);
    m_teamLabel = new QLabel(this);
    m_teamLabel->setObjectName(QStringLiteral("teamSharingLabel"));
    m_teamLabel->setWordWrap(true);
    m_teamLabel->setVisible(false);
    layout->addWidget(m_teamLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_resultLabel);

    connect(m_retryButton, &QPushButton::clicked, this, &OutboxView::retrySelected);
    connect(m_retryAllButton, &QPushButton::clicked, this, &OutboxView::retryAll);
    connect(m_editButton, &QPushButton::clicked, this, &OutboxView::editSelected);
    connect(m_discardButton, &QPushButton::clicked, this, &OutboxView::discardSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OutboxView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OutboxView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &OutboxView::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OutboxView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxView::updateActions);
    updateActions();
}

void OutboxView::setOutbox(Outbox *outbox, const QString &profileId)
{
    if (m_outbox)
        disconnect(m_outbox, &Outbox::actionFailed, this, nullptr);
    m_outbox = outbox;
    if (outbox)
        connect(outbox, &Outbox::actionFailed, this, [this](const QString &key, const QString &reason) {
            showResult(key.isEmpty() ? tr("The waiting leads could not be retried: %1").arg(reason)
                                     : tr("Lead %1: the change could not be stored: %2").arg(key, reason));
        });
    m_credentialsLabel->setVisible(outbox && outbox->credentialsMissing());
    m_model->setProfile(profileId);
    m_table->resizeColumnsToContents();
    updateActions();
}

void OutboxView::setPrompts(UserPrompts *prompts)
{
    m_prompts = prompts ? prompts : UserPrompts::standard();
}

QStringList OutboxView::selectedKeys() const
{
    QStringList keys;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        keys << index.data(OutboxModel::KeyRole).toString();
    return keys;
}

void OutboxView::updateActions()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    bool anyIdle = false;
    bool editable = rows.size() == 1;
    for (const QModelIndex &index : rows) {
        const auto state = SendState(index.data(OutboxModel::SendStateRole).toInt());
        anyIdle = anyIdle || state != SendState::Sending;
        const JournalEntry &entry = m_model->entryAt(index.row());
        // Editing a numbered lead the network may hold would risk a second order: the outbox refuses.
        editable = editable && (state == SendState::Queued || state == SendState::Rejected ||
                                (state == SendState::Unknown && entry.isAuto()));
    }
    const bool ready = !m_outbox.isNull();
    m_retryButton->setEnabled(ready && anyIdle);
    m_retryAllButton->setEnabled(ready && m_model->rowCount() > 0);
    m_editButton->setEnabled(ready && editable);
    m_discardButton->setEnabled(ready && anyIdle);

    int waiting = 0;
    int rejected = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        (m_model->entryAt(row).sendState == SendState::Rejected ? rejected : waiting)++;
    m_countLabel->setText(tr("%n lead(s) waiting to be sent", nullptr, waiting) + QStringLiteral(" · ") +
                          tr("%n rejected", nullptr, rejected));
}

void OutboxView::showResult(const QString &text)
{
    m_resultLabel->setText(text);
}

void OutboxView::retrySelected()
{
    if (!m_outbox)
        return;
    QStringList failures;
    for (const QString &key : selectedKeys()) {
        if (!m_outbox->retry(key))
            failures << m_outbox->lastError();
    }
    if (m_outbox->credentialsMissing())
        failures.prepend(m_credentialsLabel->text());
    showResult(failures.isEmpty() ? tr("Retrying now.") : failures.join(QLatin1Char('\n')));
}

void OutboxView::retryAll()
{
    if (!m_outbox)
        return;
    m_outbox->retryNow();
    showResult(m_outbox->credentialsMissing() ? m_credentialsLabel->text()
                                              : tr("Retrying every waiting lead now."));
}

void OutboxView::editSelected()
{
    const QStringList keys = selectedKeys();
    if (keys.size() != 1)
        return;
    const int row = m_model->rowOfKey(keys.first());
    if (row < 0)
        return;
    const JournalEntry &entry = m_model->entryAt(row);
    emit editRequested(entry.key, entry.lead);
}

void OutboxView::discardSelected()
{
    if (!m_outbox)
        return;
    const QStringList keys = selectedKeys();
    if (keys.isEmpty())
        return;
    const bool sure = m_prompts->confirm(
        this, tr("Discard Leads"),
        tr("Discard %n lead(s)? They will not be sent, and the customer's order is lost unless it is "
           "entered again.",
           nullptr, int(keys.size())),
        tr("&Discard"));
    if (!sure)
        return;
    QStringList failures;
    for (const QString &key : keys) {
        if (!m_outbox->discard(key))
            failures << m_outbox->lastError();
    }
    showResult(failures.isEmpty() ? tr("%n lead(s) discarded.", nullptr, int(keys.size()))
                                  : failures.join(QLatin1Char('\n')));
}

bool OutboxView::showLead(const QString &key)
{
    QAbstractItemModel *model = m_table->model();
    const QModelIndexList found =
        model->match(model->index(0, 0), OutboxModel::KeyRole, key, 1, Qt::MatchExactly);
    if (found.isEmpty())
        return false;
    m_table->selectionModel()->setCurrentIndex(found.first(), QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
    m_table->scrollTo(found.first());
    return true;
}

void OutboxView::setTeamSharing(bool sharing, int notShared)
{
    m_teamLabel->setVisible(sharing);
    m_teamLabel->setText(notShared > 0 ? tr("%n lead(s) not yet shared with the team", nullptr, notShared)
                                       : tr("Every lead is shared with the team."));
}

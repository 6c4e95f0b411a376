#pragma once

#include "journal/JournalTypes.h"

#include <QAbstractTableModel>
#include <QList>

class Journal;

// The leads of one profile that are not (known to be) on the network: waiting to be sent, being sent,
// of unknown fate, or rejected - with their attempts, next try and the reason. Follows the journal's
// signals lead by lead, so the view's selection survives the outbox's constant small changes.
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        OrderId,
        Created,
        State,
        Attempts,
        NextTry,
        Reason,
        Offer,
        Phone,
        Name,
        NB_COLUMNS
    };
    Q_ENUM(Column)

    enum Role
    {
        KeyRole = Qt::UserRole,
        SendStateRole, // int(SendState)
    };

    explicit OutboxModel(Journal *journal, QObject *parent = nullptr);

    void setProfile(const QString &profileId);
    QString profileId() const { return m_profileId; }
    void reload();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const JournalEntry &entryAt(int row) const { return m_entries.at(row); }
    int rowOfKey(const QString &key) const;

    static bool belongsInOutbox(SendState state);

private:
    void onLeadsTouched(const QString &profileId, const QStringList &keys);
    void onLeadsRemoved(const QString &profileId, const QStringList &keys);
    void removeRowOf(const QString &key);
    QString reasonText(const JournalEntry &entry) const;
    QString nextTryText(const JournalEntry &entry) const;

    Journal *m_journal;
    QString m_profileId;
    QList<JournalEntry> m_entries; // oldest first, like Journal::outboxEntries()
};

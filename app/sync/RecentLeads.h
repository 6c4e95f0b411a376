#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QPointer>

struct ApiError;
struct Lead;
class LeadGateway;

// The leads this operator sent lately, newest first, each with what became of it in words: being sent,
// accepted (with the network's order id), refused (with the reason), or waiting for the network. The
// form is free for the next call as soon as a lead is in the journal; this is where that lead's answer
// arrives, whenever it does. It listens to the gateway the form sends through, so a lead the outbox
// retries later is answered here too.
class RecentLeads : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Answer
    {
        Sending,  // stored, on its way
        Accepted, // the network took it and gave its order id
        Refused,  // the network refused it: the operator has to look at it
        Waiting,  // no answer from the network; the outbox retries it with the same order id
    };
    Q_ENUM(Answer)

    enum Role
    {
        OrderIdRole = Qt::UserRole, // our order id
        AnswerRole,                 // Answer, as an int
        AnswerTextRole,             // the answer alone in words ("accepted, network order 5501")
        NeedsAttentionRole,         // bool: refused
    };

    static constexpr int MaxKept = 20;

    explicit RecentLeads(LeadGateway *gateway, QObject *parent = nullptr);

    // The gateway has this lead in its journal under `ourOrderId`; its answer is still to come.
    void add(const QString &ourOrderId, const Lead &lead);
    // Forgets every lead, e.g. when another profile (another journal's view) becomes active.
    void clear();

    int rowOf(const QString &ourOrderId) const; // -1 when not listed
    Answer answerAt(int row) const;
    QString orderIdAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        QString orderId;
        QString customer; // the name, or the phone when there is no name
        QString offer;
        QDateTime storedAt;
        Answer answer = Answer::Sending;
        QString networkOrderId;
        QString reason; // in words, for Refused and Waiting
        QString code;
    };

    void setAnswer(const QString &ourOrderId, Answer answer, const QString &networkOrderId,
                   const ApiError *error);
    QString answerText(const Entry &entry) const;
    QString lineText(const Entry &entry) const;

    QPointer<LeadGateway> m_gateway;
    QList<Entry> m_entries; // newest first
};

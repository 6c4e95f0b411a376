#pragma once

#include "api/ApiTypes.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>

class Clock;
class ClockTimer;
class Journal;
struct StatusMergeBatch;
class LeadTransport;
class StatusFetch;
class TeamCoverage;

// A lead whose stage moved (for a notification).
struct StageChange
{
    QString key;
    QString orderId;
    QString previousStage;
    QString stage;
    int status = 0;
};

// Asks list.json what became of a profile's leads and merges the answers into the journal as they
// land (forward-only: see Journal::mergeStatus), on the journal's background connection so the window
// never waits for the disk. One refresh at a time; it finishes when the last answer is merged. A
// failed or cancelled refresh leaves every answer it got merged, and nothing else, in the journal.
//
// Answers are merged a few at a time (up to AnswersPerMerge, or what came within MergeDelayMs): each
// merge is a transaction, and a transaction's fixed cost (its commit above all) was a third of what
// merging a refresh of 10,000 unchanged leads cost, when every answer of 50 was one.
class StatusPoller : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultIntervalMs = 5 * 60 * 1000;
    static constexpr int AnswersPerMerge = 10;
    static constexpr int MergeDelayMs = 50; // what the table may lag behind the answers

    StatusPoller(Journal *journal, LeadTransport *transport, const QString &profileId, Clock *clock = nullptr,
                 QObject *parent = nullptr);
    ~StatusPoller() override;

    // Who asked for a refresh: the operator (the Refresh button), or the automatic refresh's timer.
    enum class Trigger
    {
        User,
        Automatic,
    };

    // Every lead of the profile on the network whose outcome is not final. False when a refresh is
    // already running. Which leads those are is read on the journal's background connection (at
    // 100,000 leads the read alone would stall a window): started() follows, or nothingToRefresh()
    // and finished(true) when there is nothing to ask about.
    bool refreshAll(Trigger trigger = Trigger::User);
    // These order ids (e.g. the selected rows), final or not.
    bool refresh(const QStringList &orderIds);
    void cancel();
    bool isRunning() const { return m_running; }

    // The order ids the window shows now: a refresh asks about these first, then the others oldest
    // first (the journal's order), so that the rows on screen are fresh first while a long refresh
    // runs. Read when a refresh starts; AppSession passes on what the Leads screen shows after each
    // scroll, resize or reload.
    void setVisibleOrderIds(const QStringList &orderIds);

    // The team refresh (issue 19), or null. While this workstation holds the team's refresh lease,
    // refreshAll() asks about every open lead of the team and hands the answers to the team database too.
    // While another one holds it, an automatic refresh asks only about this profile's open leads that
    // the holder's round does not (not shared yet, or shared first by another workstation: the server
    // keeps those rows from this login), and TeamSession brings the others' outcomes here through
    // mergeFromTeam(); unless the team's rounds went quiet (none heard of for StaleAfterIntervals of this
    // workstation's interval: the holder refreshes rarely, or its refreshes fail), when it asks about all
    // of them itself. Without a team server, or when it does not answer, refreshAll() asks about this
    // profile's leads as before: an operator never goes without outcomes because the team server is down.
    // A refresh the operator asks for (Trigger::User) always asks the network about this profile's leads
    // now, or the team's when this workstation holds the lease; refresh(ids) always asks.
    //
    // The lease is wanted (setLeaseWanted) only while the automatic refresh is on and the network has not
    // refused this workstation's key: a holder that never refreshes, or cannot, would leave the team
    // without outcomes. The rule is kept simple: a wrong key is this workstation's fault, a network that
    // does not answer may be everyone's; the quiet-rounds rule above covers the rest.
    void setTeamCoverage(TeamCoverage *team);
    // Outcomes the team database holds for this profile's leads, changed there at `changedAtMs` (the
    // time their history gets): merged forward-only like list.json's answers, with the same signals.
    // Returns the merge's ticket (teamMergeDone tells when it is committed), 0 when there was nothing.
    quint64 mergeFromTeam(const QList<StatusRow> &rows, qint64 changedAtMs);

    // Time between the end of one automatic refresh and the start of the next; 0 turns it off.
    void setAutoRefreshInterval(qint64 ms);
    qint64 autoRefreshInterval() const { return m_intervalMs; }
    // Whether this workstation should compete for the team's refresh lease (see setTeamCoverage).
    bool wantsLease() const { return m_intervalMs > 0 && !m_ownKeyRefused; }

    // A covered workstation asks for itself after this many of its intervals without a team round.
    static constexpr int StaleAfterIntervals = 3;

signals:
    void started(int leadCount);
    void progress(int batchesDone, int batchesTotal);
    void leadsChanged(const QStringList &keys); // after each merge, the journal keys that changed
    void stagesChanged(const QList<StageChange> &changes);
    void refreshFailed(const ApiError &error); // at most once per refresh; the journal is untouched by it
    void finished(bool complete);              // false: failed or cancelled
    void nothingToRefresh();                   // before finished(true): no open lead to ask about
    void leftToTeam(); // before finished(true): another workstation's team refresh covers these leads
    // A merge of mergeFromTeam() ended: committed (ok) or not (then nothing of it is in the journal).
    void teamMergeDone(quint64 ticket, bool ok);

private:
    void onOpenOrderIds(quint64 ticket, const QString &profileId, const QStringList &orderIds,
                        const QString &error);
    void onOpenTeamOrderIds(quint64 ticket, const QStringList &orderIds, const QString &error);
    void startFetch(const QStringList &orderIds);
    QStringList visibleFirst(const QStringList &orderIds) const;
    void endRun(bool complete);
    void gatherAnswer(const ListResult &answer);
    void mergeGathered();
    void onMerged(quint64 ticket, const QString &profileId, const StatusMergeBatch &batch);
    void onFinished(const ListResult &result);
    void finishWhenMerged();
    void armAutoRefresh();
    void tellLeaseWish();
    bool beginRun();

    Journal *m_journal;
    LeadTransport *m_transport;
    QString m_profileId;
    Clock *m_clock;
    ClockTimer *m_autoRefresh;
    qint64 m_intervalMs = DefaultIntervalMs;
    quint64 m_openIdsTicket = 0; // the read of the open leads refreshAll() waits for, 0 when none
    QPointer<StatusFetch> m_fetch;
    QSet<quint64> m_pendingMerges;
    QSet<quint64> m_teamMerges;  // of m_pendingMerges, those of mergeFromTeam()
    QList<StatusRow> m_gathered; // rows of answers not yet given to the journal
    int m_gatheredAnswers = 0;
    QTimer m_mergeDelay;
    ListResult m_fetchResult; // how the fetch ended, kept until its last answer is merged
    bool m_fetchDone = false;
    bool m_running = false;
    bool m_cancelled = false;
    QStringList m_visibleOrderIds;
    QPointer<TeamCoverage> m_team;
    enum class Round
    {
        Own,     // this profile's open leads
        ForTeam, // the team's open leads and this profile's: the answers go to the team database too
        Covered, // this profile's open leads that the holder's round does not cover
    };
    Round m_round = Round::Own;
    quint64 m_teamIdsTicket = 0;  // the team's read refreshAll() waits for, 0 when none
    QStringList m_teamOrderIds;   // ForTeam: the team's, asked with the profile's own open leads
    QSet<QString> m_coveredIds;   // Covered: the profile's leads the holder's round asks about
    bool m_ownKeyRefused = false; // the last refresh failed on this workstation's own key
};

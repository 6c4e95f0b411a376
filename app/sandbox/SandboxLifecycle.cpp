#include "SandboxLifecycle.h"

#include <QRandomGenerator>

#include <array>

namespace SandboxLifecycle {

namespace {

constexpr qint64 Minute = 60;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

constexpr double ApproveShare = 0.34;
constexpr double TrashShare = 0.20;
constexpr double CallbackShare = 0.35;
constexpr double HoldShare = 0.20;
constexpr double CompletedShareOfApproved = 0.82;

// Trash reasons, weighted by how often call centres use them (incorrect phone and "did not order"
// dominate); non-trash reasons likewise.
constexpr std::array<std::pair<int, int>, 10> TrashReasons{
    {{1, 30}, {3, 25}, {5, 5}, {6, 10}, {7, 10}, {8, 3}, {11, 10}, {12, 3}, {13, 2}, {14, 2}}};
constexpr std::array<std::pair<int, int>, 5> CancelReasons{{{2, 40}, {4, 5}, {9, 35}, {10, 15}, {15, 5}}};

// Comments are data the network sends, not text of CPA Desk: they are not translated.
const char *const CallbackComments[] = {"Asked to call back in the evening", "No answer, will retry",
                                        "Customer busy, call tomorrow"};
const char *const HoldComments[] = {"Waiting for the customer to confirm the address",
                                    "Customer will confirm after payday"};
const char *const CancelComments[] = {"Customer changed their mind", "Too expensive for the customer",
                                      "Delivery terms did not suit"};
const char *const TrashComments[] = {"Number does not exist", "Customer says they did not order",
                                     "Repeated order from the same customer"};

template <std::size_t N>
int weightedPick(QRandomGenerator &random, const std::array<std::pair<int, int>, N> &choices)
{
    int total = 0;
    for (const auto &choice : choices)
        total += choice.second;
    int roll = static_cast<int>(random.bounded(total));
    for (const auto &choice : choices) {
        if (roll < choice.second)
            return choice.first;
        roll -= choice.second;
    }
    return choices.back().first;
}

template <std::size_t N>
QString maybeComment(QRandomGenerator &random, const char *const (&comments)[N], double share)
{
    if (random.generateDouble() >= share)
        return {};
    return QString::fromLatin1(comments[random.bounded(static_cast<quint32>(N))]);
}

qint64 between(QRandomGenerator &random, qint64 low, qint64 high)
{
    return low + static_cast<qint64>(random.bounded(static_cast<quint32>(high - low + 1)));
}

} // namespace

quint32 lifeSeed(quint32 runSeed, const QString &ourOrderId)
{
    // FNV-1a over the UTF-8 id, then the run seed: stable across processes and Qt versions (qHash is not).
    quint64 hash = 14695981039346656037ULL ^ runSeed;
    for (const char c : ourOrderId.toUtf8()) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    hash ^= static_cast<quint64>(runSeed) << 32;
    hash *= 1099511628211ULL;
    return static_cast<quint32>(hash ^ (hash >> 32));
}

QList<SandboxLeadStep> plan(quint32 seed)
{
    QRandomGenerator random(seed);
    QList<SandboxLeadStep> steps;
    steps.reserve(9);
    auto add = [&steps](qint64 at, int status, int reason = 0, const QString &comment = {}) {
        steps.append({at, stageForStatus(status, reason), status, reason, comment});
    };

    // Draw the outcome first, so that the share of each outcome does not depend on the path to it.
    const double outcome = random.generateDouble();
    const bool approved = outcome < ApproveShare;
    const bool trash = !approved && outcome < ApproveShare + TrashShare;

    qint64 at = 0;
    add(at, 1);
    at += between(random, 2 * Minute, 30 * Minute);
    add(at, 2);
    if (random.generateDouble() < CallbackShare) {
        at += between(random, 30 * Minute, 6 * Hour);
        add(at, 3, 0, maybeComment(random, CallbackComments, 0.6));
    }
    if (random.generateDouble() < HoldShare) {
        at += between(random, 2 * Hour, 2 * Day);
        add(at, 4, 0, maybeComment(random, HoldComments, 0.6));
    }
    at += between(random, 10 * Minute, 8 * Hour);

    if (approved) {
        add(at, 6);
        at += between(random, 4 * Hour, Day);
        add(at, 7);
        at += between(random, Day, 2 * Day);
        add(at, 8);
        at += between(random, 2 * Day, 6 * Day);
        add(at, 9);
        at += between(random, Day, 7 * Day);
        add(at, random.generateDouble() < CompletedShareOfApproved ? 10 : 11);
    } else if (trash) {
        add(at, 5, weightedPick(random, TrashReasons), maybeComment(random, TrashComments, 0.5));
    } else {
        add(at, 5, weightedPick(random, CancelReasons), maybeComment(random, CancelComments, 0.5));
    }
    return steps;
}

const SandboxLeadStep &stepAt(const QList<SandboxLeadStep> &plan, qint64 age)
{
    Q_ASSERT(!plan.isEmpty());
    qsizetype index = 0;
    while (index + 1 < plan.size() && plan.at(index + 1).at <= age)
        ++index;
    return plan.at(index);
}

bool sendsNumbersAsStrings(quint32 seed)
{
    return (seed >> 8) % 10 < 3;
}

bool isTrashReason(int reason)
{
    switch (reason) {
    case 1:
    case 3:
    case 5:
    case 6:
    case 7:
    case 8:
    case 11:
    case 12:
    case 13:
    case 14:
        return true;
    default:
        return false;
    }
}

QString stageForStatus(int status, int reason)
{
    if (status <= 3)
        return QStringLiteral("wait");
    if (status == 4)
        return QStringLiteral("hold");
    if (status == 5)
        return isTrashReason(reason) ? QStringLiteral("trash") : QStringLiteral("cancel");
    if (status == 12)
        return QStringLiteral("trash");
    // The call centre approved it: delivery and even a return do not undo the approval.
    return QStringLiteral("approve");
}

} // namespace SandboxLifecycle

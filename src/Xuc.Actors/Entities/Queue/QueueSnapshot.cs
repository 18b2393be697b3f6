using Xuc.Actors.Messages.Events;
using QueueConfig = Xuc.Actors.Configuration.Model.Queue;

namespace Xuc.Actors.Entities.Queue;

/// <summary>A queue's state as it crosses the cluster (see <see cref="Line.LineSnapshot"/> for why arrays); <see cref="Seq"/>: the last delta it includes.</summary>
public sealed record QueueSnapshot(string QueueId, IReadOnlyList<WaitingCall> Waiting, IReadOnlyList<QueueMemberInfo> Members, int Abandoned, int Answered, QueueConfig? Config = null, long Seq = 0)
    : IEntitySnapshot
{
    public static QueueSnapshot Of(QueueState s, long seq = 0) => new(
        s.QueueId,
        OrderWaiting(s.Waiting.Values),
        OrderMembers(s.Members.Values),
        s.Abandoned,
        s.Answered,
        s.Config,
        seq);

    /// <summary>This snapshot with one delta applied (what a subscriber keeps).</summary>
    public QueueSnapshot Apply(IQueueDelta delta) => delta switch
    {
        QueueCallerWaiting w => this with { Waiting = OrderWaiting(Waiting.Where(x => x.UniqueId != w.Caller.UniqueId).Append(w.Caller)), Seq = w.Seq },
        QueueCallerGone g => this with { Waiting = Waiting.Where(x => x.UniqueId != g.UniqueId).ToArray(), Seq = g.Seq },
        QueueMemberChanged m => this with { Members = OrderMembers(Members.Where(x => x.Interface != m.Member.Interface).Append(m.Member)), Seq = m.Seq },
        QueueMemberGone g => this with { Members = Members.Where(x => x.Interface != g.Interface).ToArray(), Seq = g.Seq },
        QueueCountersChanged c => this with { Abandoned = c.Abandoned, Answered = c.Answered, Seq = c.Seq },
        QueueConfigured c => this with { Config = c.Config, Seq = c.Seq },
        _ => this with { Seq = delta.Seq },
    };

    private static WaitingCall[] OrderWaiting(IEnumerable<WaitingCall> w) => w.OrderBy(x => x.Position).ThenBy(x => x.Since).ToArray();
    private static QueueMemberInfo[] OrderMembers(IEnumerable<QueueMemberInfo> m) => m.OrderBy(x => x.Interface, StringComparer.Ordinal).ToArray();
}

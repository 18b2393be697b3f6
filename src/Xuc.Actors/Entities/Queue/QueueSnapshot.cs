using QueueConfig = Xuc.Actors.Configuration.Model.Queue;

namespace Xuc.Actors.Entities.Queue;

/// <summary>A queue's state as it crosses the cluster (see <see cref="Line.LineSnapshot"/> for why arrays).</summary>
public sealed record QueueSnapshot(string QueueId, IReadOnlyList<WaitingCall> Waiting, IReadOnlyList<QueueMemberInfo> Members, int Abandoned, int Answered, QueueConfig? Config = null)
{
    public static QueueSnapshot Of(QueueState s) => new(
        s.QueueId,
        s.Waiting.Values.OrderBy(w => w.Position).ThenBy(w => w.Since).ToArray(),
        s.Members.Values.OrderBy(m => m.Interface, StringComparer.Ordinal).ToArray(),
        s.Abandoned,
        s.Answered,
        s.Config);
}

using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Entities.Queue;

/// <summary>The deltas that take a queue from one state to the next, numbered from <c>seq + 1</c>.</summary>
public static class QueueDeltas
{
    public static List<IQueueDelta> Between(QueueState before, QueueState after, ref long seq)
    {
        var deltas = new List<IQueueDelta>();
        var id = after.QueueId;
        foreach (var (uid, caller) in after.Waiting.OrderBy(c => c.Key, StringComparer.Ordinal))
            if (!before.Waiting.TryGetValue(uid, out var was) || was != caller) deltas.Add(new QueueCallerWaiting(id, ++seq, caller));
        foreach (var uid in before.Waiting.Keys.Where(k => !after.Waiting.ContainsKey(k)).Order(StringComparer.Ordinal))
            deltas.Add(new QueueCallerGone(id, ++seq, uid));
        foreach (var (iface, member) in after.Members.OrderBy(m => m.Key, StringComparer.Ordinal))
            if (!before.Members.TryGetValue(iface, out var was) || was != member) deltas.Add(new QueueMemberChanged(id, ++seq, member));
        foreach (var iface in before.Members.Keys.Where(k => !after.Members.ContainsKey(k)).Order(StringComparer.Ordinal))
            deltas.Add(new QueueMemberGone(id, ++seq, iface));
        if (before.Abandoned != after.Abandoned || before.Answered != after.Answered)
            deltas.Add(new QueueCountersChanged(id, ++seq, after.Abandoned, after.Answered));
        if (before.Config != after.Config) deltas.Add(new QueueConfigured(id, ++seq, after.Config));
        return deltas;
    }
}

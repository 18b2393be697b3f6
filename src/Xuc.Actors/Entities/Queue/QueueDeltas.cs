using System.Collections.Immutable;
using Xuc.Actors.Messages.Events;

namespace Xuc.Actors.Entities.Queue;

/// <summary>The deltas that take a queue from one state to the next, numbered from <c>seq + 1</c>.</summary>
/// <remarks>
/// Callers and members come in key order. A collection an event left alone is the same instance (the immutable
/// dictionaries return themselves for an equal value), so it is not walked; in one that changed, only the entries that
/// changed are sorted (a member event used to sort all the queue's members).
/// </remarks>
public static class QueueDeltas
{
    public static List<IQueueDelta> Between(QueueState before, QueueState after, ref long seq)
    {
        var deltas = new List<IQueueDelta>();
        var id = after.QueueId;
        if (!ReferenceEquals(before.Waiting, after.Waiting))
        {
            foreach (var caller in Changed(before.Waiting, after.Waiting)) deltas.Add(new QueueCallerWaiting(id, ++seq, caller));
            foreach (var uid in Gone(before.Waiting, after.Waiting)) deltas.Add(new QueueCallerGone(id, ++seq, uid));
        }
        if (!ReferenceEquals(before.Members, after.Members))
        {
            foreach (var member in Changed(before.Members, after.Members)) deltas.Add(new QueueMemberChanged(id, ++seq, member));
            foreach (var iface in Gone(before.Members, after.Members)) deltas.Add(new QueueMemberGone(id, ++seq, iface));
        }
        if (before.Abandoned != after.Abandoned || before.Answered != after.Answered)
            deltas.Add(new QueueCountersChanged(id, ++seq, after.Abandoned, after.Answered));
        if (before.Config != after.Config) deltas.Add(new QueueConfigured(id, ++seq, after.Config));
        return deltas;
    }

    /// <summary>The values of <paramref name="after"/> that are new or differ from <paramref name="before"/>'s, in key order.</summary>
    private static List<T> Changed<T>(ImmutableDictionary<string, T> before, ImmutableDictionary<string, T> after) where T : class
    {
        List<KeyValuePair<string, T>>? changed = null;
        foreach (var entry in after)
            if (!before.TryGetValue(entry.Key, out var was) || !Equals(was, entry.Value)) (changed ??= []).Add(entry);
        if (changed is null) return [];
        changed.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
        return changed.ConvertAll(e => e.Value);
    }

    /// <summary>The keys of <paramref name="before"/> that <paramref name="after"/> no longer has, in order.</summary>
    private static List<string> Gone<T>(ImmutableDictionary<string, T> before, ImmutableDictionary<string, T> after)
    {
        if (before.Count == 0) return [];
        var gone = before.Keys.Where(k => !after.ContainsKey(k)).ToList();
        gone.Sort(StringComparer.Ordinal);
        return gone;
    }
}

using Xuc.Actors.Statistics;

namespace Xuc.Actors.Messages.Events;

/// <summary>
/// A queue's twelve counters (<see cref="QueueCounters"/>), answered to <see cref="Queries.GetQueueStats"/>;
/// <see cref="Seq"/>: the last <see cref="QueueStatsChanged"/> it includes.
/// </summary>
public sealed record QueueStatsSnapshot(string QueueId, long Seq, IReadOnlyList<QueueStat> Counters) : IEntitySnapshot
{
    /// <summary>This snapshot with a delta's counters replaced (what a subscriber keeps).</summary>
    public QueueStatsSnapshot Apply(IEntityDelta delta) => delta is QueueStatsChanged c
        ? this with { Counters = Counters.Select(s => c.Counters.FirstOrDefault(n => n.Name == s.Name) ?? s).ToArray(), Seq = c.Seq }
        : this with { Seq = delta.Seq };
}

/// <summary>The counters of a queue that changed, published on <c>queue-stats</c> (every queue's statistics on one topic).</summary>
public sealed record QueueStatsChanged(string QueueId, long Seq, IReadOnlyList<QueueStat> Counters) : IEntityDelta;

/// <summary>The answer to <see cref="Queries.GetQueueStatsWindow"/>: the queue's calls in the window.</summary>
public sealed record QueueStatsWindow(string QueueId, int WindowSeconds, int Xqos, DayCounters Calls) : IEntityPublication;

using Xuc.Actors.Entities.Queue;
using Xuc.Actors.Messages.Events;
using Xuc.Actors.Statistics;

namespace Xuc.Bench.Statistics;

/// <summary>
/// The benchmark's correctness check: the recorded queue events folded, in order, with the server's own code and no
/// actors (<see cref="QueueState.Apply"/> for the live picture, <see cref="QueueCallFacts"/> and
/// <see cref="QueueStatsState.Apply"/> for the day, <see cref="QueueCounters.Of"/> for the twelve counters).
/// </summary>
public static class CounterFold
{
    public static Dictionary<string, IReadOnlyList<QueueStat>> Of(IEnumerable<AmiEventData> log, IEnumerable<string> queues, int thresholdSeconds = 15)
    {
        var now = DateTimeOffset.UtcNow;
        var rules = new QueueStatsRules(thresholdSeconds, TimeZoneInfo.Local, TimeSpan.FromHours(24));
        var live = queues.ToDictionary(q => q, QueueState.Empty);
        var day = queues.ToDictionary(q => q, _ => QueueStatsState.Empty);
        foreach (var e in log)
        {
            var q = e["Queue"]!;
            if (!live.TryGetValue(q, out var state)) continue;
            live[q] = state = state.Apply(e, now);
            foreach (var fact in QueueCallFacts.Of(day[q], new QueueStatsInput(e, false, state), now)) day[q] = day[q].Apply(fact, rules);
        }
        return live.Keys.ToDictionary(q => q, q => QueueCounters.Of(day[q].CountersOf(rules.DayOf(now)), day[q].HoldTime, live[q], now));
    }
}

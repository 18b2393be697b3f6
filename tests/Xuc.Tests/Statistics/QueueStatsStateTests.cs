using Xuc.Actors.Statistics;

namespace Xuc.Tests.Statistics;

/// <summary>The fold of a queue's call facts: day counters, the threshold's edges, the local day, app_queue's hold time average, the window.</summary>
public sealed class QueueStatsStateTests
{
    private static readonly TimeZoneInfo Plus2 = TimeZoneInfo.CreateCustomTimeZone("test+02", TimeSpan.FromHours(2), "test+02", "test+02");
    private static readonly QueueStatsRules Rules = new(15, Plus2, TimeSpan.FromHours(1));
    /// <summary>10:00 local (08:00 UTC).</summary>
    private static readonly DateTimeOffset Ten = new(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(2));

    private static QueueStatsState Fold(params IQueueCallFact[] facts) => facts.Aggregate(QueueStatsState.Empty, (s, f) => s.Apply(f, Rules));

    [Fact]
    public void Answered_within_the_threshold_counts_up_to_and_including_it_abandoned_after_only_beyond_it()
    {
        var s = Fold(
            new QueueCallEntered("a", Ten), new QueueCallEntered("b", Ten), new QueueCallEntered("c", Ten), new QueueCallEntered("d", Ten),
            new QueueCallAnswered("a", Ten.AddSeconds(15), 15), new QueueCallAnswered("b", Ten.AddSeconds(16), 16),
            new QueueCallAbandoned("c", Ten.AddSeconds(15), 15), new QueueCallAbandoned("d", Ten.AddSeconds(16), 16));

        Assert.Equal(new DayCounters(Entered: 4, Answered: 2, AnsweredWithin: 1, Abandoned: 2, AbandonedAfter: 1), s.Counters);
        Assert.Empty(s.Waiting);
    }

    [Fact]
    public void The_hold_time_is_app_queues_exponential_average_on_answered_calls_only()
    {
        // recalc_holdtime: (3 * old + new) / 4 in integers: 0 → 1 → 2 → 4 → 6 → 9 → 14; an abandon leaves it.
        var s = Fold(new QueueCallAnswered("a", Ten, 5), new QueueCallAnswered("b", Ten, 8), new QueueCallAnswered("c", Ten, 10),
            new QueueCallAbandoned("x", Ten, 100), new QueueCallAnswered("d", Ten, 12), new QueueCallAnswered("e", Ten, 20), new QueueCallAnswered("f", Ten, 30));
        Assert.Equal(14, s.HoldTime);
    }

    [Fact]
    public void A_fact_of_the_next_local_day_starts_the_counters_again_and_a_day_without_facts_reads_zero()
    {
        var beforeMidnight = new DateTimeOffset(2026, 3, 10, 23, 59, 50, TimeSpan.FromHours(2));
        var s = Fold(new QueueCallEntered("a", beforeMidnight), new QueueCallAnswered("a", beforeMidnight.AddSeconds(5), 5), new QueueCallEntered("b", beforeMidnight.AddSeconds(6)));
        Assert.Equal(new DayCounters(2, 1, 1, 0, 0), s.CountersOf(new DateOnly(2026, 3, 10)));
        // 22:00 UTC on the 10th is already the 11th in +02:00.
        Assert.Equal(new DateOnly(2026, 3, 11), Rules.DayOf(new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero)));
        Assert.Equal(DayCounters.Zero, s.CountersOf(new DateOnly(2026, 3, 11)));

        var next = s.Apply(new QueueCallAbandoned("b", beforeMidnight.AddSeconds(30), 24), Rules);
        Assert.Equal(new DayCounters(0, 0, 0, 1, 1), next.CountersOf(new DateOnly(2026, 3, 11)));
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.FromHours(2)), Rules.NextMidnight(beforeMidnight));
    }

    [Fact]
    public void A_window_counts_the_calls_of_its_last_seconds_against_its_own_threshold_and_old_calls_are_let_go()
    {
        var s = Fold(
            new QueueCallEntered("a", Ten), new QueueCallAnswered("a", Ten.AddSeconds(20), 20),
            new QueueCallEntered("b", Ten.AddMinutes(30)), new QueueCallAnswered("b", Ten.AddMinutes(30).AddSeconds(8), 8),
            new QueueCallEntered("c", Ten.AddMinutes(50)), new QueueCallAbandoned("c", Ten.AddMinutes(50).AddSeconds(40), 40));
        var now = Ten.AddMinutes(55);

        Assert.Equal(new DayCounters(1, 0, 0, 1, 1), s.Window(now, TimeSpan.FromMinutes(10), 30));
        Assert.Equal(new DayCounters(2, 1, 1, 1, 1), s.Window(now, TimeSpan.FromMinutes(30), 30));
        Assert.Equal(new DayCounters(3, 2, 2, 1, 0), s.Window(now, TimeSpan.FromHours(1), 40));
        // The rules keep one hour: a call 70 minutes later lets the first ones go.
        var later = s.Apply(new QueueCallEntered("d", Ten.AddMinutes(70)), Rules);
        Assert.Equal(new DayCounters(3, 1, 1, 1, 1), later.Window(Ten.AddMinutes(70), TimeSpan.FromHours(1), 15));
        Assert.Equal(5, later.Recent.Count);
    }

    [Fact]
    public void The_snapshot_form_gives_back_the_same_state()
    {
        var s = Fold(new QueueCallEntered("a", Ten), new QueueCallEntered("b", Ten.AddSeconds(1)), new QueueCallAnswered("a", Ten.AddSeconds(9), 9));
        var back = QueueStatsState.From(s.ToMemento());
        Assert.Equal(s.Day, back.Day);
        Assert.Equal(s.Counters, back.Counters);
        Assert.Equal(s.HoldTime, back.HoldTime);
        Assert.Equal(s.Waiting.OrderBy(w => w.Key), back.Waiting.OrderBy(w => w.Key));
        Assert.Equal(s.Recent, back.Recent);
    }
}
